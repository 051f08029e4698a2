import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import { QA_ERR_QUESTION_TRANSITION } from '../errors.js';
import { QuestionRepository, type Side } from '../questions/question.repository.js';
import type { QaDatabase, QuestionStatus } from '../questions/qa-database.js';
import type { Actor } from '../questions/question.service.js';
import { MailTemplateService } from '../templates/mail-template.service.js';
import { renderMailTemplate } from '../templates/render-mail-template.js';
import type { AnswersDatabase, PublicationRow } from './answer-database.js';
import { bodyIssue } from './answer.service.js';
import { siteLinkBase } from './site-link.js';

/** What answering by reference answers. */
export interface AnsweredByReference {
  readonly id: string;
  readonly status: 'answered';
  readonly publication: { readonly questionId: string; readonly slug: string; readonly title: string };
}

/** The board's own questions it may answer by reference: the ones in its hands. */
const BOARD_HELD: readonly QuestionStatus[] = ['received', 'returned'];
const qa = (trx: Transaction<AnswersDatabase>) => trx as unknown as Transaction<QaDatabase>;

/**
 * QA-06, "duplicate questions are linked to an existing answer": the province's board answers a
 * question it holds (received, or returned by an agency) by pointing the asker to a Q&A already
 * published on the portal. In one transaction the question becomes `answered`, the link is kept
 * (`qa_answer_links`), the timeline gets `answered-by-ref` (which ends the board's SLA turn, as
 * answered) and the audit log `qa.question.answer-by-reference`, and the asker is mailed the link
 * (template `answer-by-reference`). The status page then shows the link as the answer.
 */
export class AnswerLinkService {
  readonly #questions: QuestionRepository;
  readonly #db: Kysely<AnswersDatabase>;

  constructor(private readonly ctx: PluginContext) {
    this.#db = ctx.get(coreServices.database).kysely<AnswersDatabase>();
    this.#questions = new QuestionRepository(this.#db as unknown as Kysely<QaDatabase>);
  }

  async answerByReference(actor: Actor, side: Side & { kind: 'board' }, id: string, publication: string, note: string | null): Promise<AnsweredByReference> {
    const question = await this.#questions.find(side, id);
    if (!question) throw new NotFoundError(`Question ${id} does not exist`);
    if (!BOARD_HELD.includes(question.status)) throw QA_ERR_QUESTION_TRANSITION.create({ from: question.status, action: 'answered by reference' });
    const target = await this.#published(side.provinceId, publication);
    if (!target || target.question_id === question.id) throw bodyIssue('publication', 'is not a question and answer published by this province', 'enum');
    const remark = note === null ? '' : normalizeText(note).trim();
    // Everything read before the transaction (one connection on SQLite).
    const base = await siteLinkBase(this.ctx, actor.request, question.site_id);
    const template = await new MailTemplateService(this.ctx).textFor(question.province_id, 'answer-by-reference');
    const mail = renderMailTemplate(template, { code: question.tracking_code ?? '', title: question.title, link: `${base}/hoi-dap/${target.slug}`, note: remark, statusLink: `${base}/hoi-dap/tra-cuu` });
    const now = Date.now();
    await this.ctx.get(coreServices.database).transaction<AnswersDatabase, void>(async (trx) => {
      if (!(await this.#questions.update(question.id, BOARD_HELD, { status: 'answered', updated_at: now }, qa(trx), null))) {
        throw QA_ERR_QUESTION_TRANSITION.create({ from: 'changed meanwhile', action: 'answered by reference' });
      }
      await trx.insertInto('qa_answer_links').values({ question_id: question.id, province_id: question.province_id, published_question_id: target.question_id, note: remark || null, created_by: actor.id, created_at: now }).execute();
      await this.#questions.addEvent({ id: randomUUID(), question_id: question.id, province_id: question.province_id, action: 'answered-by-ref', actor_id: actor.id, actor_unit_id: actor.unitId, target_unit_id: null, note: remark ? `/hoi-dap/${target.slug} — ${remark}` : `/hoi-dap/${target.slug}`, created_at: now }, qa(trx));
      await this.ctx.get(coreServices.audit).record(
        { action: 'qa.question.answer-by-reference', objectType: 'qa.question', objectId: question.id, tenantId: question.province_id, before: { status: question.status }, after: { status: 'answered', publication: target.question_id } },
        { request: actor.request, trx },
      );
      await this.ctx.get(coreServices.mail).send({ to: question.asker_email, ...mail, tenantId: question.site_id }, { trx });
    });
    return { id: question.id, status: 'answered', publication: { questionId: target.question_id, slug: target.slug, title: target.title } };
  }

  /** A Q&A published by the province, by slug or question id. */
  async #published(provinceId: string, slugOrId: string): Promise<PublicationRow | undefined> {
    return this.#db
      .selectFrom('qa_publications')
      .selectAll()
      .where('province_id', '=', provinceId)
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('question_id', '=', slugOrId)]))
      .executeTakeFirst();
  }
}
