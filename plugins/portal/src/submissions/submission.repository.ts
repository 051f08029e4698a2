import type { Kysely, Transaction } from 'kysely';
import type { SubmissionStatus, SubmissionsDatabase } from './submissions-database.js';

export type SubmissionRow = SubmissionsDatabase['portal_submissions'];
export type SubmissionEventRow = SubmissionsDatabase['portal_submission_events'];
type Db = Kysely<SubmissionsDatabase> | Transaction<SubmissionsDatabase>;

/** Which side of a submission a query works for: the sender reads by `tenant_id`, the receiver by `receiver_id`. */
export type Side = 'sender' | 'receiver';
const column = (side: Side) => (side === 'sender' ? 'tenant_id' : 'receiver_id');

/** Queries on `portal_submissions` and their steps; every one names the unit and the side it acts for. */
export class SubmissionRepository {
  constructor(private readonly db: Kysely<SubmissionsDatabase>) {}

  find(side: Side, unitId: string, id: string, trx?: Db): Promise<SubmissionRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_submissions').selectAll().where(column(side), '=', unitId).where('id', '=', id).executeTakeFirst();
  }

  async page(side: Side, unitId: string, options: { status?: SubmissionStatus; senderId?: string; limit: number; offset: number }): Promise<{ items: SubmissionRow[]; total: number }> {
    let query = this.db.selectFrom('portal_submissions').where(column(side), '=', unitId);
    if (options.status !== undefined) query = query.where('status', '=', options.status);
    if (options.senderId !== undefined) query = query.where('tenant_id', '=', options.senderId);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  async insert(row: SubmissionRow, trx: Db): Promise<void> {
    await trx.insertInto('portal_submissions').values(row).execute();
  }

  /**
   * Compare-and-set on the status: the change applies only if the submission is still `from`, so a
   * withdrawal and an acceptance racing each other cannot both win. True when it applied.
   */
  async update(side: Side, unitId: string, id: string, from: readonly SubmissionStatus[], changes: Partial<SubmissionRow>, trx: Db): Promise<boolean> {
    const result = await trx
      .updateTable('portal_submissions')
      .set(changes)
      .where(column(side), '=', unitId)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async addEvent(row: SubmissionEventRow, trx: Db): Promise<void> {
    await trx.insertInto('portal_submission_events').values(row).execute();
  }

  async removeEvent(id: string, trx: Db): Promise<void> {
    await trx.deleteFrom('portal_submission_events').where('id', '=', id).execute();
  }

  events(submissionId: string): Promise<SubmissionEventRow[]> {
    return this.db.selectFrom('portal_submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('created_at', 'asc').orderBy('revision_no', 'asc').execute();
  }

  /** The submissions of units that answer requests, withdrawn and returned ones excluded: what counts as an answer. */
  answers(requestIds: readonly string[]): Promise<Pick<SubmissionRow, 'id' | 'request_id' | 'tenant_id'>[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('portal_submissions')
      .select(['id', 'request_id', 'tenant_id'])
      .where('request_id', 'in', [...requestIds])
      .where('status', 'in', ['submitted', 'accepted'])
      .orderBy('submitted_at', 'asc')
      .execute();
  }
}
