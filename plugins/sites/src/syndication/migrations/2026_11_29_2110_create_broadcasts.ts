import { sql, type Kysely } from 'kysely';

/**
 * sites_broadcasts: a unit's published article sent down to every unit below it or to a chosen subtree
 * (TEN-07/08, mandatory downward broadcast). The receiving sites show it through the portal's linked
 * items (one per unit, origin = the broadcast); the sender alone ends it. `active_key` is
 * `<unit>:<article>` while active and null after: one active broadcast per article (unique index).
 * Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_broadcasts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('root_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('active_key', 'varchar(110)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_by', 'varchar(191)')
    .addColumn('ended_at', 'bigint')
    .addColumn('end_cause', 'varchar(20)')
    .addColumn('end_reason', 'varchar(2000)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('sites_broadcasts_scope_check', sql`scope in ('all', 'subtree')`)
    .addCheckConstraint('sites_broadcasts_status_check', sql`status in ('active', 'ended')`)
    .execute();
  await db.schema.createIndex('sites_broadcasts_active_uq').on('sites_broadcasts').column('active_key').unique().execute();
  await db.schema.createIndex('sites_broadcasts_unit_idx').on('sites_broadcasts').columns(['tenant_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('sites_broadcasts_article_idx').on('sites_broadcasts').columns(['tenant_id', 'article_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_broadcasts').execute();
}
