import type { Kysely } from 'kysely';

/**
 * The public site's page cache, shared between processes: per unit, a generation number bumped when
 * something its pages show changed (an article published or withdrawn). Each process compares it, at
 * most once a second per unit, with the one its cached pages were made under.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_site_generations')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_site_generations').execute();
}
