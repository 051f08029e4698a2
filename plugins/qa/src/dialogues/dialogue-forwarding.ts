import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_DIALOGUE_STATUS, QA_ERR_TRACKING_BUSY } from '../errors.js';
import type { QaDatabase, QuestionEventRow, QuestionRow } from '../questions/qa-database.js';
import { trackingMail } from '../questions/question-mail.js';
import { QuestionRepository } from '../questions/question.repository.js';
import { newTrackingCode } from '../questions/question-tokens.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { DialogueDatabase, DialogueQuestionRow, DialogueRow } from './dialogue-database.js';
import { DialogueRepository } from './dialogue.repository.js';
import type { DialogueActor } from './dialogue.service.js';
import { MailTemplateService } from '../templates/mail-template.service.js';

type Both = QaDatabase & DialogueDatabase;

/** The question flow's title is at most 300 characters; the dialogue question has none of its own. */
const TITLE_LENGTH = 160;

/** A title for the board's queue: the question's first line, cut at a word. */
export function titleOf(content: string): string {
  const line = content.split('\n').find((l) => l.trim() !== '')?.trim() ?? content.trim();
  if ([...line].length <= TITLE_LENGTH) return line;
  const cut = [...line].slice(0, TITLE_LENGTH).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), TITLE_LENGTH / 2)).trimEnd()}…`;
}

/**
 * After an event (QA-31): each approved question that got no answer becomes a question received by the
 * province's board, as if the asker had sent it on the question form and confirmed it: the e-mail was
 * verified for the dialogue, and the consent to publication and its version are carried over. The
 * timeline's first two steps say where it came from; the asker gets the tracking code by e-mail.
 * Uses the questions area's repository, tokens and mail as they are: nothing was added there.
 */
export class DialogueForwarding {
  private readonly dialogues: DialogueRepository;
  private readonly questions: QuestionRepository;

  constructor(private readonly ctx: PluginContext) {
    const db = ctx.get(coreServices.database);
    this.dialogues = new DialogueRepository(db.kysely<DialogueDatabase>());
    this.questions = new QuestionRepository(db.kysely<QaDatabase>() as Kysely<QaDatabase>);
  }

  async forwardUnanswered(actor: DialogueActor, id: string): Promise<{ items: { id: string; questionId: string; trackingCode: string }[] }> {
    const dialogue = await this.dialogues.own(actor.unitId, id);
    if (!dialogue) throw new NotFoundError(`Dialogue ${id} does not exist`);
    if (dialogue.status !== 'ended' && dialogue.status !== 'published') throw QA_ERR_DIALOGUE_STATUS.create({ status: dialogue.status, action: 'asked to forward its questions' });
    const unanswered = await this.dialogues.questions(id, ['approved', 'answering']);
    if (unanswered.length === 0) return { items: [] };
    // Everything read before the transaction: on SQLite a read outside it would wait for it.
    const units = new UnitTree(this.ctx);
    const province = await units.get(dialogue.province_id);
    const codes = await this.#freeCodes(unanswered.length);
    const now = Date.now();
    const made = unanswered.map((q, i) => ({ source: q, row: this.#questionRow(dialogue, q, codes[i]!, now) }));
    const done: typeof made = [];
    await this.ctx.get(coreServices.database).transaction<Both, void>(async (trx) => {
      const qa = trx as unknown as Transaction<QaDatabase>;
      const dt = trx as unknown as Transaction<DialogueDatabase>;
      for (const { source, row } of made) {
        // Answered or forwarded by another request meanwhile: left as it is.
        if (!(await this.dialogues.updateQuestion(source.id, ['approved', 'answering'], { status: 'forwarded', forwarded_question_id: row.id, updated_at: now }, dt))) continue;
        done.push({ source, row });
        await this.questions.insert(row, qa);
        for (const event of this.#events(dialogue, source, row, actor, now)) await this.questions.addEvent(event, qa);
        await this.dialogues.log({ id: randomUUID(), dialogue_id: id, question_id: source.id, action: 'forward', reason: row.tracking_code, actor_id: actor.id, created_at: now }, dt);
        await this.ctx.get(coreServices.mail).send({ to: row.asker_email, ...trackingMail({ code: row.tracking_code!, title: row.title, province: province?.nameVi ?? '' }, await new MailTemplateService(this.ctx).textFor(row.province_id, 'question-tracking', trx)), tenantId: dialogue.unit_id }, { trx });
      }
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.dialogue.forward-unanswered', objectType: 'qa.dialogue', objectId: id, tenantId: actor.unitId, after: { questions: done.map((m) => ({ from: m.source.id, to: m.row.id, code: m.row.tracking_code })) } },
        { request: actor.request, trx },
      );
    });
    this.ctx.logger.info('dialogue questions forwarded', { dialogueId: id, count: done.length });
    return { items: done.map((m) => ({ id: m.source.id, questionId: m.row.id, trackingCode: m.row.tracking_code! })) };
  }

  /** `count` tracking codes no question has, different from each other. */
  async #freeCodes(count: number): Promise<string[]> {
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const codes: string[] = [];
    for (let attempts = 0; codes.length < count; attempts++) {
      if (attempts > count * 5) throw QA_ERR_TRACKING_BUSY.create();
      const code = newTrackingCode(year);
      if (!codes.includes(code) && !(await this.questions.byTrackingCode(code))) codes.push(code);
    }
    return codes;
  }

  #questionRow(dialogue: DialogueRow, q: DialogueQuestionRow, code: string, now: number): QuestionRow {
    return {
      id: randomUUID(),
      province_id: dialogue.province_id,
      site_id: dialogue.unit_id,
      status: 'received',
      tracking_code: code,
      asker_name: q.asker_name,
      asker_email: q.asker_email,
      asker_phone: null,
      asker_address: null,
      field_code: dialogue.field_code,
      commune_id: null,
      title: titleOf(q.content),
      content: q.content,
      consent_publish: q.consent_publish,
      consent_version: q.consent_version,
      agency_id: null,
      verify_hash: null,
      verify_expires_at: null,
      verified_at: now,
      close_reason: null,
      channel: 'dialogue',
      created_at: q.created_at,
      updated_at: now,
    };
  }

  /** `submitted` when the asker sent it to the dialogue, `verified` now: the board's clock starts when it receives the question. */
  #events(dialogue: DialogueRow, q: DialogueQuestionRow, row: QuestionRow, actor: DialogueActor, now: number): QuestionEventRow[] {
    const day = new Date(dialogue.starts_at).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    const base = { question_id: row.id, province_id: row.province_id, target_unit_id: null };
    return [
      { ...base, id: randomUUID(), action: 'submitted', actor_id: 'public', actor_unit_id: dialogue.unit_id, note: `Gửi đến buổi giao lưu, đối thoại trực tuyến "${dialogue.title}" (${day}) / Sent to an online dialogue`, created_at: q.created_at },
      { ...base, id: randomUUID(), action: 'verified', actor_id: actor.id, actor_unit_id: actor.unitId, note: `Chưa được trả lời tại buổi đối thoại, chuyển Ban biên tập (e-mail đã xác nhận) / Not answered during the dialogue, forwarded to the board (e-mail verified)`, created_at: now },
    ];
  }
}
