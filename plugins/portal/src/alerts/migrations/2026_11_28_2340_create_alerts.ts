import type { Kysely } from 'kysely';

/**
 * portal_alerts: a unit's emergency banners (cảnh báo khẩn). Shown from starts_at until ends_at
 * (epoch ms; null: until ended). scope `unit` shows it on the unit's own site; `subtree` also on every
 * unit below it (from the province: sitewide).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_alerts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('message_vi', 'varchar(1000)', (c) => c.notNull())
    .addColumn('message_en', 'varchar(1000)')
    .addColumn('severity', 'varchar(10)', (c) => c.notNull())
    .addColumn('scope', 'varchar(10)', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_alerts_tenant_starts_idx').on('portal_alerts').columns(['tenant_id', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_alerts').execute();
}
