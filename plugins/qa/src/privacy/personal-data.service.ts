import { randomUUID } from 'node:crypto';
import { coreServices, NotFoundError, normalizeText, type PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { QA_ERR_ERASURE_LINK_INVALID, QA_ERR_ERASURE_OPEN_QUESTION } from '../errors.js';
import { newVerificationToken, normalizeTrackingCode, sameSecret, sha256 } from '../questions/question-tokens.js';
import type { QuestionRow } from '../questions/qa-database.js';
import { UnitTree } from '../questions/unit-tree.js';
import { renderQaMail } from '../templates/mail-template.service.js';
import { erasePersonalData } from './personal-data-eraser.js';
import type { PrivacySettings } from './privacy-config.js';
import type { ErasureRequestRow, PrivacyDatabase } from './privacy-database.js';

/** The statuses after which the retention period runs, and the timeline steps that start it. */
const FINISHED_STATUSES = ['answered', 'closed'] as const;
const FINISHING_ACTIONS = ['answered', 'declined'] as const;
const isFinished = (status: string) => (FINISHED_STATUSES as readonly string[]).includes(status);
/** Questions erased per retention run: a backlog is worked off over the next runs. */
const RETENTION_BATCH = 200;

/**
 * Personal data of the question flow (CORE-11): deletion on the asker's verified request, and the
 * retention period after which the asker's data is pseudonymised by a scheduled job.
 */
export class PersonalDataService {
  constructor(
    private readonly ctx: PluginContext,
    private readonly settings: PrivacySettings,
  ) {}

  private get db() {
    return this.ctx.get(coreServices.database).kysely<PrivacyDatabase>();
  }

  /**
   * A request from the status page: the tracking code and the e-mail address on the question, both
   * required; an unknown code and a wrong address give the same 404, as the status does. The link is
   * mailed to the address on the question only, and a new request supersedes the pending one.
   */
  async requestDeletion(code: string, email: string, linkBase: string): Promise<{ linkHours: number }> {
    const question = await this.db.selectFrom('qa_questions').selectAll().where('tracking_code', '=', normalizeTrackingCode(code)).executeTakeFirst();
    const matches = sameSecret(question?.asker_email || '\u0000no-question', normalizeText(email).trim().toLowerCase());
    if (!question || !matches) throw new NotFoundError('No question has this tracking code and e-mail address');
    // While it is handled, the answer (or a request for information) is mailed to this address.
    if (!isFinished(question.status)) throw QA_ERR_ERASURE_OPEN_QUESTION.create({ status: question.status });
    const province = await new UnitTree(this.ctx).get(question.province_id);
    const token = newVerificationToken();
    const now = Date.now();
    const hours = this.settings.deletionLinkHours;
    const mail = await renderQaMail(this.ctx, question.province_id, 'privacy-deletion-confirmation', { code: question.tracking_code!, link: `${linkBase}/hoi-dap/xoa-du-lieu/${token}`, hours, province: province?.nameVi ?? '' });
    await this.#transaction(async (trx) => {
      await trx.updateTable('qa_erasure_requests').set({ token_hash: null }).where('question_id', '=', question.id).where('confirmed_at', 'is', null).execute();
      await trx
        .insertInto('qa_erasure_requests')
        .values({ id: randomUUID(), question_id: question.id, province_id: question.province_id, token_hash: sha256(token), expires_at: now + hours * 3_600_000, confirmed_at: null, created_at: now })
        .execute();
      await this.ctx.get(coreServices.mail).send({ to: question.asker_email, ...mail, tenantId: question.site_id }, { trx });
    });
    this.ctx.logger.info('personal data deletion requested', { questionId: question.id });
    return { linkHours: hours };
  }

  /** The request a deletion link stands for, while it is usable (the confirm page asks before the POST). */
  async pendingRequest(token: string): Promise<(ErasureRequestRow & { trackingCode: string | null }) | undefined> {
    const row = await this.db
      .selectFrom('qa_erasure_requests as r')
      .innerJoin('qa_questions as q', 'q.id', 'r.question_id')
      .selectAll('r')
      .select('q.tracking_code as trackingCode')
      .where('r.token_hash', '=', sha256(token))
      .executeTakeFirst();
    return row && row.confirmed_at === null && row.expires_at > Date.now() ? row : undefined;
  }

  /** Uses a deletion link: the question's personal data is erased, in one transaction. */
  async confirmDeletion(token: string): Promise<{ trackingCode: string | null }> {
    const request = await this.pendingRequest(token);
    if (!request) throw QA_ERR_ERASURE_LINK_INVALID.create();
    const now = Date.now();
    await this.#transaction(async (trx) => {
      const used = await trx.updateTable('qa_erasure_requests').set({ confirmed_at: now, token_hash: null }).where('id', '=', request.id).where('token_hash', '=', sha256(token)).executeTakeFirst();
      if (Number(used.numUpdatedRows) === 0) throw QA_ERR_ERASURE_LINK_INVALID.create(); // used by another request meanwhile
      await this.#eraseOnce(trx, request.question_id, 'request', now);
    });
    this.ctx.logger.info('personal data erased on request', { questionId: request.question_id });
    return { trackingCode: request.trackingCode };
  }

  /**
   * The retention period: questions answered or closed more than `retentionYears` ago have their
   * personal data erased. Idempotent: an erased question is never touched again, and a run that stops
   * half-way (or two at once) leaves each question either erased once or untouched.
   */
  async applyRetention(options: { provinceId?: string; now?: number } = {}): Promise<{ erased: number }> {
    const now = options.now ?? Date.now();
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - this.settings.retentionYears);
    let query = this.db
      .selectFrom('qa_questions as q')
      .innerJoin('qa_question_events as e', 'e.question_id', 'q.id')
      .select('q.id')
      .where('q.status', 'in', [...FINISHED_STATUSES])
      .where('e.action', 'in', [...FINISHING_ACTIONS])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('qa_erasures as x').select('x.question_id').whereRef('x.question_id', '=', 'q.id'))))
      .groupBy('q.id')
      .having((eb) => eb.fn.max('e.created_at'), '<', cutoff.getTime())
      .orderBy('q.id')
      .limit(RETENTION_BATCH);
    if (options.provinceId) query = query.where('q.province_id', '=', options.provinceId);
    let erased = 0;
    for (const { id } of await query.execute()) {
      const done = await this.#transaction((trx) => this.#eraseOnce(trx, id, 'retention', now));
      if (done) erased++;
    }
    if (erased > 0) this.ctx.logger.info('retention period applied', { erased, provinceId: options.provinceId });
    return { erased };
  }

  /** Erases a question unless it was erased already; reads through `trx` (one connection on SQLite). */
  async #eraseOnce(trx: Transaction<PrivacyDatabase>, questionId: string, reason: 'request' | 'retention', now: number): Promise<boolean> {
    if (await trx.selectFrom('qa_erasures').select('question_id').where('question_id', '=', questionId).executeTakeFirst()) return false;
    const question = (await trx.selectFrom('qa_questions').selectAll().where('id', '=', questionId).executeTakeFirst()) as QuestionRow | undefined;
    if (!question) return false;
    if (!isFinished(question.status)) throw QA_ERR_ERASURE_OPEN_QUESTION.create({ status: question.status });
    await erasePersonalData(this.ctx, trx, question, reason, now);
    return true;
  }

  #transaction<T>(work: (trx: Transaction<PrivacyDatabase>) => Promise<T>): Promise<T> {
    return this.ctx.get(coreServices.database).transaction<PrivacyDatabase, T>(work);
  }
}
