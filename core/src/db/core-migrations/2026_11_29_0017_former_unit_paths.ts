import type { Kysely } from 'kysely';

// core_tenant_former_paths: where a page of an archived unit went on its successor's site when it did
// not keep its path (an article renamed on the way because the successor had one of the same slug).
// The resolver follows it when it redirects a former unit's hosts; other paths keep their path.
// core_tenants.archive_served: 1 when an archived unit's own hosts keep serving its archive rather than
// redirecting to the successor (a readable archive of a merged commune's site).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_tenant_former_paths')
    .addColumn('tenant_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('path', 'varchar(400)', (c) => c.notNull())
    .addColumn('target_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('core_tenant_former_paths_pk', ['tenant_id', 'path'])
    .execute();
  await db.schema.alterTable('core_tenants').addColumn('archive_served', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('core_tenants').dropColumn('archive_served').execute();
  await db.schema.dropTable('core_tenant_former_paths').execute();
}
