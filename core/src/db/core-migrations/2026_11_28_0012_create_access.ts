import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A role is a named set of permissions; `*` and `<plugin>.*` are wildcards.
  await db.schema
    .createTable('core_roles')
    .addColumn('id', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('label_vi', 'varchar(200)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(200)')
    .addColumn('permissions_json', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // A grant gives a user a role in a unit, and optionally in every unit below it.
  await db.schema
    .createTable('core_grants')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('role_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('subtree', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'varchar(100)')
    .execute();
  await db.schema.createIndex('core_grants_user_idx').on('core_grants').columns(['user_id', 'tenant_id']).execute();
  await db.schema.createIndex('core_grants_unique').on('core_grants').columns(['user_id', 'tenant_id', 'role_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_grants').execute();
  await db.schema.dropTable('core_roles').execute();
}
