import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_tenants')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)')
    .addColumn('successor_id', 'varchar(36)')
    // Web origins allowed to call the unit's public widget endpoints (CORS), as a JSON array.
    .addColumn('allowed_origins', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_tenants_parent_idx').on('core_tenants').columns(['parent_id', 'status']).execute();

  // Every host a tenant answers on; one primary, the others redirect to it.
  await db.schema
    .createTable('core_tenant_hosts')
    .addColumn('host', 'varchar(253)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_tenant_hosts_tenant_idx').on('core_tenant_hosts').columns(['tenant_id', 'is_primary']).execute();

  // Slugs a tenant had before a rename: old links keep working.
  await db.schema
    .createTable('core_tenant_slugs')
    .addColumn('slug', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('retired_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_tenant_slugs').execute();
  await db.schema.dropTable('core_tenant_hosts').execute();
  await db.schema.dropTable('core_tenants').execute();
}
