import { coreServices, type PersonContact, type PluginContext, type RouteRequest } from '@cong/sdk';
import type { Kysely } from 'kysely';
import { DeadlineRecipients } from '../deadlines/deadline-recipients.js';
import { deadlineSettingsOf } from '../deadlines/deadline-config.js';
import { ClockService } from '../deadlines/clock.service.js';
import { QuestionRepository } from '../questions/question.repository.js';
import type { QaDatabase, QuestionRow } from '../questions/qa-database.js';
import { UnitTree } from '../questions/unit-tree.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';
import type { AnswersDatabase, StaffNoticeKind } from './answer-database.js';
import { mentionedPeople } from './staff-mentions.js';

const ANSWER = 'qa.questions.answer';
const APPROVE = 'qa.answers.approve';
const SAFE_HOST = /^[a-z0-9.:[\]-]+$/i;
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * Notifications inside an agency (decidim#12909): a question forwarded or transferred to an agency
 * mails its answerers, an answer submitted for approval mails its leaders, and `@name` in an internal
 * note mails the staff of the same agency it names. People are found as the deadlines area finds them
 * (`coreServices.access`: roles naming the permission or `qa.*` → grants in the unit → active accounts
 * with an address). Each event is recorded in `qa_staff_notices` under its key (the timeline event's
 * id, or the note's) in the transaction that queues the message: a step retried, or a notifier called
 * twice, sends exactly one message per event. Messages name the question by code and title only.
 *
 * Called after the step's own transaction (the people, the unit names and the clock are read on the
 * platform's connection, which on SQLite would wait for an open transaction). A failure here is
 * logged, never the step's failure: the step is done.
 */
export class StaffNotifier {
  readonly #questions: QuestionRepository;
  readonly #db: Kysely<AnswersDatabase>;

  constructor(private readonly ctx: PluginContext) {
    this.#db = ctx.get(coreServices.database).kysely<AnswersDatabase>();
    this.#questions = new QuestionRepository(this.#db as unknown as Kysely<QaDatabase>);
  }

  /** The latest forward or transfer of the question: its new agency's answerers are told. */
  async questionAssigned(req: RouteRequest, questionId: string): Promise<boolean> {
    return this.#safely(questionId, async () => {
      const question = await this.#question(questionId);
      const event = question && [...(await this.#questions.events(questionId))].reverse().find((e) => e.action === 'forwarded' || e.action === 'transferred');
      const unitId = event?.target_unit_id;
      if (!question || !event || !unitId || question.agency_id !== unitId) return false;
      const to = await new DeadlineRecipients(this.ctx).holders(ANSWER, [unitId]);
      const clock = (await new ClockService(this.ctx, deadlineSettingsOf(this.ctx)).clocksOf(questionId)).at(-1);
      const values = { code: question.tracking_code ?? '', title: question.title, unit: await this.#unitName(unitId), dueOn: clock ? vnDate(clock.dueOn) : '—', link: this.#adminLink(req, `cau-hoi-duoc-chuyen/${question.id}`) };
      return this.#send(`assigned:${event.id}`, question, 'assigned', unitId, to, 'staff-question-assigned', values);
    });
  }

  /** The latest submission for approval in `agencyId`: its leaders are told (not the one who submitted). */
  async approvalAsked(req: RouteRequest, questionId: string, agencyId: string): Promise<boolean> {
    return this.#safely(questionId, async () => {
      const question = await this.#question(questionId);
      const event = question && [...(await this.#questions.events(questionId))].reverse().find((e) => e.action === 'approval-asked' && e.actor_unit_id === agencyId);
      if (!question || !event) return false;
      const to = (await new DeadlineRecipients(this.ctx).holders(APPROVE, [agencyId])).filter((p) => p.userId !== event.actor_id);
      const values = { code: question.tracking_code ?? '', title: question.title, unit: await this.#unitName(agencyId), link: this.#adminLink(req, `cau-hoi-duoc-chuyen/${question.id}`) };
      return this.#send(`approval:${event.id}`, question, 'approval-asked', agencyId, to, 'staff-approval-asked', values);
    });
  }

  /** `@name` in an internal note: the staff of the same agency it names are told; other names are ignored. */
  async mentioned(req: RouteRequest, questionId: string, agencyId: string, note: { id: string; authorId: string; body: string }): Promise<boolean> {
    return this.#safely(questionId, async () => {
      const question = await this.#question(questionId);
      if (!question || !note.body.includes('@')) return false;
      const recipients = new DeadlineRecipients(this.ctx);
      const staff = [...(await recipients.holders(ANSWER, [agencyId])), ...(await recipients.holders(APPROVE, [agencyId]))];
      const to = mentionedPeople(note.body, staff).filter((p) => p.userId !== note.authorId);
      if (to.length === 0) return false;
      const [author] = await this.ctx.get(coreServices.access).contacts([note.authorId]);
      const values = { code: question.tracking_code ?? '', title: question.title, author: author?.displayName ?? note.authorId, link: this.#adminLink(req, `cau-hoi-duoc-chuyen/${question.id}`) };
      return this.#send(`mention:${note.id}`, question, 'mentioned', agencyId, to, 'staff-mentioned', values);
    });
  }

  /** Records the event and queues one message to everyone in `to`, in one transaction; false when it was sent before. */
  async #send(key: string, question: QuestionRow, kind: StaffNoticeKind, unitId: string, to: readonly PersonContact[], template: 'staff-question-assigned' | 'staff-approval-asked' | 'staff-mentioned', values: Record<string, string>): Promise<boolean> {
    const message = renderMailTemplate(await new MailTemplateService(this.ctx).textFor(question.province_id, template), values);
    const sent = await this.ctx.get(coreServices.database).transaction<AnswersDatabase, boolean>(async (trx) => {
      const found = await trx.selectFrom('qa_staff_notices').select('event_key').where('event_key', '=', key).executeTakeFirst();
      if (found) return false;
      await trx.insertInto('qa_staff_notices').values({ event_key: key, question_id: question.id, kind, unit_id: unitId, recipients: to.length, sent_at: Date.now() }).execute();
      if (to.length > 0) await this.ctx.get(coreServices.mail).send({ to: to.map((p) => p.email), ...message, tenantId: unitId }, { trx });
      return true;
    });
    if (sent && to.length === 0) this.ctx.logger.warn('staff notice has nobody to tell', { questionId: question.id, kind, unitId });
    return sent && to.length > 0;
  }

  async #safely(questionId: string, work: () => Promise<boolean>): Promise<boolean> {
    try {
      return await work();
    } catch (error) {
      this.ctx.logger.error('staff notice failed', { questionId, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  }

  #question(id: string): Promise<QuestionRow | undefined> {
    return this.#db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<QuestionRow | undefined>;
  }

  async #unitName(unitId: string): Promise<string> {
    return (await new UnitTree(this.ctx).get(unitId))?.nameVi ?? unitId;
  }

  /** The admin page on the origin the step came through (staff work in one admin, whatever the unit). */
  #adminLink(req: RouteRequest, path: string): string {
    const host = req.headers.host ?? 'localhost';
    return `${req.protocol}://${SAFE_HOST.test(host) ? host.toLowerCase() : 'localhost'}/admin/qa/${path}`;
  }
}
