import type { Kysely } from 'kysely';

/**
 * sites_sites: the component site of a unit (one per unit): its status (draft, live, suspended,
 * archived) with the last change's reason, who and when, the template it was provisioned from, the
 * planned or actual go-live date and free notes. Hosts are the core's (core_tenant_hosts).
 * sites_site_status_history: every status a site took, with who, when and why (append-only).
 * Times are epoch milliseconds; `go_live_on` is a date (YYYY-MM-DD).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_sites')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('template', 'varchar(40)', (c) => c.notNull())
    .addColumn('go_live_on', 'varchar(10)')
    .addColumn('notes', 'varchar(2000)')
    .addColumn('status_reason', 'varchar(500)')
    .addColumn('status_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('status_changed_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_sites_status_idx').on('sites_sites').columns(['status', 'tenant_id']).execute();
  await db.schema
    .createTable('sites_site_status_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(12)')
    .addColumn('to_status', 'varchar(12)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_site_status_history_site_idx').on('sites_site_status_history').columns(['tenant_id', 'site_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_site_status_history').execute();
  await db.schema.dropTable('sites_sites').execute();
}
