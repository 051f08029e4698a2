import type { Kysely, Transaction } from 'kysely';
import type { ProposalEventRow, ProposalRow, ProposalStatus, SyndicationDatabase } from './syndication-database.js';

type Db = Kysely<SyndicationDatabase> | Transaction<SyndicationDatabase>;

/** Which side of a proposal a query works for: the proposing unit reads by `tenant_id`, the province by `receiver_id`. */
export type Side = 'unit' | 'province';
const column = (side: Side) => (side === 'unit' ? 'tenant_id' : 'receiver_id');

/** The statuses of an open proposal: one at a time per article. */
export const OPEN: readonly ProposalStatus[] = ['proposed', 'accepted'];

/** Queries on `sites_proposals` and their steps; every one names the unit and the side it acts for. */
export class ProposalRepository {
  constructor(private readonly db: Kysely<SyndicationDatabase>) {}

  find(side: Side, unitId: string, id: string, trx?: Db): Promise<ProposalRow | undefined> {
    return (trx ?? this.db).selectFrom('sites_proposals').selectAll().where(column(side), '=', unitId).where('id', '=', id).executeTakeFirst();
  }

  async page(side: Side, unitId: string, options: { status?: ProposalStatus; unitId?: string; limit: number; offset: number }): Promise<{ items: ProposalRow[]; total: number }> {
    let query = this.db.selectFrom('sites_proposals').where(column(side), '=', unitId);
    if (options.status !== undefined) query = query.where('status', '=', options.status);
    if (options.unitId !== undefined) query = query.where('tenant_id', '=', options.unitId);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('proposed_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** The open proposals of the unit's articles among `articleIds`. */
  open(unitId: string, articleIds: readonly string[]): Promise<Pick<ProposalRow, 'id' | 'article_id' | 'status'>[]> {
    if (articleIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('sites_proposals').select(['id', 'article_id', 'status']).where('tenant_id', '=', unitId).where('article_id', 'in', [...articleIds]).where('status', 'in', [...OPEN]).execute();
  }

  async insert(row: ProposalRow, trx: Db): Promise<void> {
    await trx.insertInto('sites_proposals').values(row).execute();
  }

  /** Compare-and-set on the status: applies only while the proposal is still `from`. True when it applied. */
  async update(side: Side, unitId: string, id: string, from: readonly ProposalStatus[], changes: Partial<ProposalRow>, trx: Db): Promise<boolean> {
    const result = await trx.updateTable('sites_proposals').set(changes).where(column(side), '=', unitId).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async addEvent(row: ProposalEventRow, trx: Db): Promise<void> {
    await trx.insertInto('sites_proposal_events').values(row).execute();
  }

  events(proposalId: string): Promise<ProposalEventRow[]> {
    return this.db.selectFrom('sites_proposal_events').selectAll().where('proposal_id', '=', proposalId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }
}
