import { sql, type Kysely } from 'kysely';

/**
 * sites_reorganisations: what the sites did when the core merged, split, archived or renamed a unit —
 * one row per former unit and change: the mode (content moved to the successor, or the site kept as a
 * readable archive, or the hosts followed a rename), the outcome (`done`, `failed` with the error,
 * retried by a job), the content report (JSON) and the attempts. `tenant_id` is the unit whose network
 * admins see the row (the successor, or the renamed unit). Times are epoch milliseconds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_reorganisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('source_tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('successor_tenant_id', 'varchar(64)')
    .addColumn('effective_date', 'varchar(10)')
    .addColumn('mode', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('report', sql`mediumtext`)
    .addColumn('error', 'varchar(1000)')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_reorganisations_change_uq').on('sites_reorganisations').columns(['source_tenant_id', 'kind', 'successor_tenant_id']).unique().execute();
  await db.schema.createIndex('sites_reorganisations_tenant_idx').on('sites_reorganisations').columns(['tenant_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_reorganisations').execute();
}
