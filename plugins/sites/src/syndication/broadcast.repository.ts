import type { Kysely, Transaction } from 'kysely';
import type { BroadcastRow, BroadcastStatus, SyndicationDatabase } from './syndication-database.js';

type Db = Kysely<SyndicationDatabase> | Transaction<SyndicationDatabase>;

/** Queries on `sites_broadcasts`; every one names the sending unit. */
export class BroadcastRepository {
  constructor(private readonly db: Kysely<SyndicationDatabase>) {}

  find(senderId: string, id: string): Promise<BroadcastRow | undefined> {
    return this.db.selectFrom('sites_broadcasts').selectAll().where('tenant_id', '=', senderId).where('id', '=', id).executeTakeFirst();
  }

  async page(senderId: string, options: { status?: BroadcastStatus; limit: number; offset: number }): Promise<{ items: BroadcastRow[]; total: number }> {
    let query = this.db.selectFrom('sites_broadcasts').where('tenant_id', '=', senderId);
    if (options.status !== undefined) query = query.where('status', '=', options.status);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** The active broadcasts of the unit's articles among `articleIds`. */
  active(senderId: string, articleIds: readonly string[]): Promise<Pick<BroadcastRow, 'id' | 'article_id'>[]> {
    if (articleIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('sites_broadcasts').select(['id', 'article_id']).where('tenant_id', '=', senderId).where('article_id', 'in', [...articleIds]).where('status', '=', 'active').execute();
  }

  /** Active broadcasts sent by any of `senderIds` (the units above a new one): what it may have to receive. */
  activeFrom(senderIds: readonly string[]): Promise<BroadcastRow[]> {
    if (senderIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('sites_broadcasts').selectAll().where('tenant_id', 'in', [...senderIds]).where('status', '=', 'active').orderBy('created_at').execute();
  }

  /** One more receiving unit. */
  async addTarget(id: string, trx: Db): Promise<void> {
    await trx.updateTable('sites_broadcasts').set((eb) => ({ target_count: eb('target_count', '+', 1) })).where('id', '=', id).execute();
  }

  async insert(row: BroadcastRow, trx: Db): Promise<void> {
    await trx.insertInto('sites_broadcasts').values(row).execute();
  }

  /** Compare-and-set: ends the broadcast only while it is active. True when it applied. */
  async end(senderId: string, id: string, changes: Pick<BroadcastRow, 'ended_by' | 'ended_at' | 'end_cause' | 'end_reason' | 'updated_at'>, trx: Db): Promise<boolean> {
    const result = await trx
      .updateTable('sites_broadcasts')
      .set({ ...changes, status: 'ended', active_key: null })
      .where('tenant_id', '=', senderId)
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
