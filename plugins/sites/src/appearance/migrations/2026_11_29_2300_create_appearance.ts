import { sql, type Kysely } from 'kysely';

/**
 * sites_appearance: a unit's theme, branding and home layout (one row per unit): the published one the
 * public sees and the draft its site admin edits, with the draft's preview token (random, rotated on
 * every save, cleared on publish and discard). `published` and `draft` are JSON (mediumtext: a full home layout passes MySQL's 64 KB `text`). Times are epoch
 * milliseconds. A unit without a row wears its site template's theme and the default home page.
 * sites_network_appearance: the parts the province locks for every site of its network (TEN-06): the
 * header line (the province's name) and the footer note; one row, the province's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites_appearance')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('published', sql`mediumtext`, (c) => c.notNull())
    .addColumn('draft', sql`mediumtext`)
    .addColumn('preview_token', 'varchar(64)')
    .addColumn('published_at', 'bigint')
    .addColumn('published_by', 'varchar(191)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sites_network_appearance')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('header_line', 'varchar(200)', (c) => c.notNull())
    .addColumn('footer_note', 'varchar(500)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sites_network_appearance').execute();
  await db.schema.dropTable('sites_appearance').execute();
}
