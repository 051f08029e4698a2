import type { Kysely, Transaction } from 'kysely';
import type { LinkedItemRow, LinkedTables } from './linked-items-database.js';
import type { LinkedItemKind } from './linked-items-service.js';

type Db = Kysely<LinkedTables> | Transaction<LinkedTables>;

/** Queries on `portal_linked_items`: by origin (the linking plugin's record), by source article, by showing unit. */
export class LinkedItemRepository {
  constructor(private readonly db: Kysely<LinkedTables>) {}

  byOrigin(kind: LinkedItemKind, originId: string, trx?: Db): Promise<LinkedItemRow[]> {
    return (trx ?? this.db).selectFrom('portal_linked_items').selectAll().where('kind', '=', kind).where('origin_id', '=', originId).orderBy('tenant_id').execute();
  }

  async insert(rows: readonly LinkedItemRow[], trx: Db): Promise<void> {
    if (rows.length > 0) await trx.insertInto('portal_linked_items').values([...rows]).execute();
  }

  async markRemoved(ids: readonly string[], now: number, trx: Db): Promise<void> {
    if (ids.length > 0) await trx.updateTable('portal_linked_items').set({ removed_at: now, updated_at: now }).where('id', 'in', [...ids]).where('removed_at', 'is', null).execute();
  }

  /** The links still shown of one source article: whose sites an edit or a withdrawal at the source touches. */
  shownOf(sourceTenantId: string, articleId: string): Promise<LinkedItemRow[]> {
    return this.db.selectFrom('portal_linked_items').selectAll().where('source_tenant_id', '=', sourceTenantId).where('article_id', '=', articleId).where('removed_at', 'is', null).execute();
  }

  /** One link of the showing unit (another unit's link is none). */
  find(tenantId: string, id: string): Promise<LinkedItemRow | undefined> {
    return this.db.selectFrom('portal_linked_items').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  /** The unit's shown links whose source is published, for the sitemap: address and last change. */
  sitemap(tenantId: string, limit: number): Promise<{ id: string; listed_at: number; updated_at: number }[]> {
    return this.db
      .selectFrom('portal_linked_items as l')
      .innerJoin('portal_articles as a', (join) => join.onRef('a.tenant_id', '=', 'l.source_tenant_id').onRef('a.id', '=', 'l.article_id'))
      .select(['l.id', 'l.listed_at', 'a.updated_at'])
      .where('l.tenant_id', '=', tenantId)
      .where('l.removed_at', 'is', null)
      .where('a.status', '=', 'published')
      .orderBy('l.listed_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(limit)
      .execute();
  }
}
