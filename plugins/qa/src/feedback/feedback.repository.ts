import type { Kysely, Transaction } from 'kysely';
import type { FeedbackDatabase, FeedbackEventRow, FeedbackKind, FeedbackRow, FeedbackStatus, VoteRow } from './feedback-database.js';

type Db = Kysely<FeedbackDatabase> | Transaction<FeedbackDatabase>;

/** Queries of the feedback tables; the same SQL on SQLite and MySQL/MariaDB. Staff reads are always scoped to the receiving unit. */
export class FeedbackRepository {
  constructor(private readonly db: Kysely<FeedbackDatabase>) {}

  async insert(row: FeedbackRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_feedback').values(row).execute();
  }

  /** A verified item of `kind` received by `unitId`; another unit's does not exist for it. */
  async own(unitId: string, kind: FeedbackKind, id: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('id', '=', id).where('kind', '=', kind).where('receiving_unit_id', '=', unitId).where('status', '!=', 'unverified').executeTakeFirst();
  }

  async page(unitId: string, kind: FeedbackKind, status: FeedbackStatus | undefined, limit: number, offset: number): Promise<{ items: FeedbackRow[]; total: number }> {
    let query = this.db.selectFrom('qa_feedback').where('receiving_unit_id', '=', unitId).where('kind', '=', kind).where('status', '!=', 'unverified');
    if (status) query = query.where('status', '=', status);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Changes an item only if it is still in one of `from`: the guard against a concurrent step. */
  async update(id: string, from: readonly FeedbackStatus[], changes: Partial<FeedbackRow>, trx: Db = this.db): Promise<boolean> {
    const result = await trx.updateTable('qa_feedback').set(changes).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async byId(id: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byVerifyHash(hash: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('verify_hash', '=', hash).executeTakeFirst();
  }

  async byTrackingCode(code: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  }

  async bySlug(provinceId: string, slug: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('public_slug', '=', slug).where('province_id', '=', provinceId).executeTakeFirst();
  }

  /** The province's public items of `kind` in `statuses` (published results, accepted ideas), newest first. */
  async listed(provinceId: string, kind: FeedbackKind, statuses: readonly FeedbackStatus[], limit: number): Promise<FeedbackRow[]> {
    return this.db
      .selectFrom('qa_feedback')
      .selectAll()
      .where('province_id', '=', provinceId)
      .where('kind', '=', kind)
      .where('status', 'in', [...statuses])
      .where('published_at', 'is not', null)
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** How many items `unitId` registered in the year starting at `since`: the next register number follows it. */
  async registeredSince(unitId: string, since: number): Promise<number> {
    const row = await this.db.selectFrom('qa_feedback').select((eb) => eb.fn.countAll<number | string>().as('n')).where('receiving_unit_id', '=', unitId).where('registered_at', '>=', since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async byRegisterNumber(unitId: string, registerNumber: string): Promise<FeedbackRow | undefined> {
    return this.db.selectFrom('qa_feedback').selectAll().where('receiving_unit_id', '=', unitId).where('register_number', '=', registerNumber).executeTakeFirst();
  }

  async purgeUnverified(now: number): Promise<number> {
    const votes = await this.db.deleteFrom('qa_feedback_votes').where('status', '=', 'unverified').where('verify_expires_at', '<', now).executeTakeFirst();
    const items = await this.db.deleteFrom('qa_feedback').where('status', '=', 'unverified').where('verify_expires_at', '<', now).executeTakeFirst();
    return Number(items.numDeletedRows) + Number(votes.numDeletedRows);
  }

  // ─── The timeline ───────────────────────────────────────────────────────────────────────────
  /**
   * Records a step. Its time is at least a millisecond after the feedback's previous step, so the
   * timeline keeps the order of the steps even when two land in the same millisecond.
   */
  async event(row: FeedbackEventRow, trx: Db): Promise<void> {
    const last = await trx.selectFrom('qa_feedback_events').where('feedback_id', '=', row.feedback_id).select((eb) => eb.fn.max('created_at').as('at')).executeTakeFirst();
    const after = last?.at === null || last?.at === undefined ? -Infinity : Number(last.at) + 1;
    await trx.insertInto('qa_feedback_events').values({ ...row, created_at: Math.max(Number(row.created_at), after) }).execute();
  }

  async events(feedbackId: string): Promise<FeedbackEventRow[]> {
    return this.db.selectFrom('qa_feedback_events').selectAll().where('feedback_id', '=', feedbackId).orderBy('created_at').orderBy('id').execute();
  }

  // ─── Support votes ──────────────────────────────────────────────────────────────────────────
  async vote(feedbackId: string, emailHash: string, trx: Db = this.db): Promise<VoteRow | undefined> {
    return trx.selectFrom('qa_feedback_votes').selectAll().where('feedback_id', '=', feedbackId).where('email_hash', '=', emailHash).executeTakeFirst();
  }

  async voteByVerifyHash(hash: string): Promise<VoteRow | undefined> {
    return this.db.selectFrom('qa_feedback_votes').selectAll().where('verify_hash', '=', hash).executeTakeFirst();
  }

  async insertVote(row: VoteRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_feedback_votes').values(row).execute();
  }

  async deleteVote(id: string, trx: Db): Promise<void> {
    await trx.deleteFrom('qa_feedback_votes').where('id', '=', id).execute();
  }

  /** Counts a vote once: only an unverified vote becomes counted, and the idea's count moves with it. */
  async countVote(vote: VoteRow, now: number, trx: Db): Promise<boolean> {
    const result = await trx.updateTable('qa_feedback_votes').set({ status: 'counted', verify_hash: null, verify_expires_at: null, counted_at: now }).where('id', '=', vote.id).where('status', '=', 'unverified').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.updateTable('qa_feedback').set((eb) => ({ support_count: eb('support_count', '+', 1) })).where('id', '=', vote.feedback_id).execute();
    return true;
  }
}
