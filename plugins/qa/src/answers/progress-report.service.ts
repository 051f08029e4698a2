import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_QUESTION_TRANSITION } from '../errors.js';
import { PROGRESS_MAX_RULE, type WorkingDaysRuleValue } from '../deadlines/deadline-rules.js';
import { vietnamDate } from '../deadlines/vietnam-date.js';
import { QuestionRepository } from '../questions/question.repository.js';
import type { QaDatabase, QuestionRow } from '../questions/qa-database.js';
import type { Actor } from '../questions/question.service.js';
import { UnitTree } from '../questions/unit-tree.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';
import type { AnswersDatabase, ProgressReportRow } from './answer-database.js';
import { bodyIssue, type AgencySide } from './answer.service.js';
import { siteLinkBase } from './site-link.js';

/** A progress report as staff and the asker read it. */
export interface ProgressReportView {
  readonly id: string;
  readonly text: string;
  /** The date the agency will answer by (Vietnam, `YYYY-MM-DD`). */
  readonly answerBy: string;
  readonly at: string;
}

const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const qa = (trx: Transaction<AnswersDatabase>) => trx as unknown as Transaction<QaDatabase>;
export const progressView = (r: ProgressReportRow): ProgressReportView => ({ id: r.id, text: r.body, answerBy: r.answer_by, at: new Date(r.created_at).toISOString() });

/**
 * QA-03: "the competent agency answers, or reports progress with a stated answer date, within 15
 * working days". The agency (`qa.questions.answer`) records what it has done and the date it will
 * answer; the asker is mailed (template `answer-progress`) and the status page shows the date; the
 * deadlines area counts the first report in the agency's turn as meeting the first-response clock and
 * makes the stated date the turn's due date. The stated date is after today and at most
 * `qa.deadline.progressMax` working days away (15 by default), on the core calendar.
 */
export class ProgressReportService {
  readonly #questions: QuestionRepository;
  readonly #db: Kysely<AnswersDatabase>;

  constructor(private readonly ctx: PluginContext) {
    this.#db = ctx.get(coreServices.database).kysely<AnswersDatabase>();
    this.#questions = new QuestionRepository(this.#db as unknown as Kysely<QaDatabase>);
  }

  async list(side: AgencySide, id: string): Promise<ProgressReportView[]> {
    const question = await this.#question(side, id);
    const rows = await this.#db.selectFrom('qa_progress_reports').selectAll().where('question_id', '=', question.id).where('agency_id', '=', side.agencyId).orderBy('created_at').orderBy('id').execute();
    return rows.map(progressView);
  }

  async report(actor: Actor, side: AgencySide, id: string, body: string, answerBy: string): Promise<ProgressReportView> {
    const question = await this.#question(side, id);
    const value = normalizeText(body).trim();
    if (value === '') throw bodyIssue('text', 'must not be blank');
    if (question.status !== 'forwarded') throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'reported on' });
    // Everything read before the transaction (one connection on SQLite).
    const now = Date.now();
    const today = vietnamDate(now);
    const rule = await this.ctx.get(coreServices.rules).get<WorkingDaysRuleValue>(PROGRESS_MAX_RULE, today);
    const latest = await this.ctx.get(coreServices.calendar).addWorkingDays(today, rule.value.days);
    if (answerBy <= today) throw bodyIssue('answerBy', 'must be after today', 'formatMinimum');
    if (answerBy > latest) throw bodyIssue('answerBy', `must be on or before ${latest} (${rule.value.days} working days, rule ${rule.name})`, 'formatMaximum');
    const agency = (await new UnitTree(this.ctx).get(side.agencyId))?.nameVi ?? '';
    const base = await siteLinkBase(this.ctx, actor.request, question.site_id);
    const template = await new MailTemplateService(this.ctx).textFor(question.province_id, 'answer-progress');
    const mail = renderMailTemplate(template, { code: question.tracking_code ?? '', title: question.title, agency, progress: value, answerBy: vnDate(answerBy), statusLink: `${base}/hoi-dap/tra-cuu` });
    const row: ProgressReportRow = { id: randomUUID(), question_id: question.id, province_id: question.province_id, agency_id: side.agencyId, body: value, answer_by: answerBy, author_id: actor.id, created_at: now };
    await this.ctx.get(coreServices.database).transaction<AnswersDatabase, void>(async (trx) => {
      // `updated_at` moves, so the deadlines area computes the clock again.
      if (!(await this.#questions.update(question.id, ['forwarded'], { updated_at: now }, qa(trx), side.agencyId))) {
        throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: 'reported on' });
      }
      await trx.insertInto('qa_progress_reports').values(row).execute();
      await this.#questions.addEvent({ id: randomUUID(), question_id: question.id, province_id: question.province_id, action: 'progress-report', actor_id: actor.id, actor_unit_id: actor.unitId, target_unit_id: null, note: value, created_at: now }, qa(trx));
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.answer.progress-report', objectType: 'qa.question', objectId: question.id, tenantId: question.province_id, after: { answerBy, length: [...value].length } },
        { request: actor.request, trx },
      );
      await this.ctx.get(coreServices.mail).send({ to: question.asker_email, ...mail, tenantId: question.site_id }, { trx });
    });
    return progressView(row);
  }

  async #question(side: AgencySide, id: string): Promise<QuestionRow> {
    const row = await this.#questions.find(side, id);
    if (!row) throw new NotFoundError(`Question ${id} does not exist`);
    return row;
  }
}
