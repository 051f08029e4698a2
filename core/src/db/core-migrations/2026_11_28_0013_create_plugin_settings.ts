import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Settings admins change at run time, over the file's pluginConfig: platform-wide (unit '') or per unit.
  await db.schema
    .createTable('core_plugin_settings')
    .addColumn('plugin_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('tenant_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)')
    .addPrimaryKeyConstraint('core_plugin_settings_pk', ['plugin_id', 'tenant_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_plugin_settings').execute();
}
