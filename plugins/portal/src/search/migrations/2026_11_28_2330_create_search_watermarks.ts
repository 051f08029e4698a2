import type { Kysely } from 'kysely';

/**
 * Watermarks of the search area's catch-up jobs: per source (`legal`), the highest `updated_at`
 * (epoch ms) already sent to the search index. One small table, read and written by one job at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_search_watermarks')
    .addColumn('name', 'varchar(50)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_search_watermarks').execute();
}
