import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (tenant, plugin) once the pair has been seen; no row means "enabled, not yet seeded".
  await db.schema
    .createTable('core_tenant_modules')
    .addColumn('tenant_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('plugin_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('seeded_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)')
    .addPrimaryKeyConstraint('core_tenant_modules_pk', ['tenant_id', 'plugin_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_tenant_modules').execute();
}
