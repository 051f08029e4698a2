import { sql, type Kysely } from 'kysely';

/**
 * portal_linked_items: another unit's article shown on a unit's site (`tenant_id`) without copying it —
 * an article the province accepted from a unit (`syndicated`), or an item a unit above broadcast down
 * (`broadcast`). The article stays the source unit's (`source_tenant_id`, `article_id`): the site reads
 * it live, so edits at the source show at once. `origin_id` names the record of the plugin that made
 * the link (a proposal, a broadcast): one link per unit, kind and origin. A removed link keeps its row
 * (`removed_at`), so its address answers 410. Times are epoch milliseconds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_linked_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('source_tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(36)')
    .addColumn('origin_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('listed_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('portal_linked_items_kind_check', sql`kind in ('syndicated', 'broadcast')`)
    .execute();
  await db.schema.createIndex('portal_linked_items_origin_uq').on('portal_linked_items').columns(['tenant_id', 'kind', 'origin_id']).unique().execute();
  // The site's lists: a unit's links still shown, newest first.
  await db.schema.createIndex('portal_linked_items_list_idx').on('portal_linked_items').columns(['tenant_id', 'removed_at', 'listed_at']).execute();
  // The content events: which units show an article that was just edited or withdrawn.
  await db.schema.createIndex('portal_linked_items_source_idx').on('portal_linked_items').columns(['source_tenant_id', 'article_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_linked_items').execute();
}
