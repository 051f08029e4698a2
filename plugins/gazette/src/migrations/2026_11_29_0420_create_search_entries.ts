import { MysqlAdapter, sql, type Kysely } from 'kysely';

/**
 * The public search index of published documents (GAZ-31, src/search).
 *
 * gazette_search_entries: one narrow row per published document with exactly what a search filters
 * and sorts by (office, type, issuing unit and agency, level, signing date, publication year and time,
 * number key, and the issue, whose status every search checks), so a search never reads the documents' wide rows (full text, folded text) until it
 * shows the page of hits. `id` is an integer only because SQLite's FTS5 needs an integer rowid.
 *
 * Full text: on SQLite a contentless FTS5 table (`gazette_search_fts`, rowid = entry id) over the
 * folded token form; on MySQL/MariaDB an InnoDB FULLTEXT index over `body_fold` (tokens padded with
 * `_` to at least 3 characters, so 1–2 letter syllables are indexed and never equal a stopword).
 * Summary and body are separate columns so a search can be limited to the summary (trích yếu).
 * On SQLite `summary_fold`/`body_fold` stay empty: the tokens live in the FTS table only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = isMysql(db);
  await db.schema
    .createTable('gazette_search_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('issue_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('document_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('agency_key', 'varchar(191)', (c) => c.notNull())
    .addColumn('issuer_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('number_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('issue_year', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('summary_fold', 'text', (c) => c.notNull())
    .addColumn('body_fold', mysql ? sql`mediumtext` : sql`text`, (c) => c.notNull())
    .addColumn('indexed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gazette_search_entries_document_uq').on('gazette_search_entries').columns(['document_id']).unique().execute();
  await db.schema.createIndex('gazette_search_entries_published_idx').on('gazette_search_entries').columns(['office_id', 'published_at', 'id']).execute();
  await db.schema.createIndex('gazette_search_entries_signed_idx').on('gazette_search_entries').columns(['office_id', 'signed_on', 'id']).execute();
  await db.schema.createIndex('gazette_search_entries_type_idx').on('gazette_search_entries').columns(['office_id', 'document_type', 'signed_on']).execute();
  await db.schema.createIndex('gazette_search_entries_agency_idx').on('gazette_search_entries').columns(['office_id', 'agency_key', 'signed_on']).execute();
  // The id range of a publication year: bounds a full-text scan (its rowids follow publication) to that year.
  await db.schema.createIndex('gazette_search_entries_year_idx').on('gazette_search_entries').columns(['office_id', 'issue_year']).execute();
  await db.schema.createIndex('gazette_search_entries_number_idx').on('gazette_search_entries').columns(['office_id', 'number_key']).execute();
  if (mysql) {
    // MATCH needs an index with exactly its column list: both columns for "anywhere", summary alone for the summary-only search.
    await sql`CREATE FULLTEXT INDEX gazette_search_entries_all_ft ON gazette_search_entries (summary_fold, body_fold)`.execute(db);
    await sql`CREATE FULLTEXT INDEX gazette_search_entries_summary_ft ON gazette_search_entries (summary_fold)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE gazette_search_fts USING fts5(summary, body, content='', contentless_delete=1, tokenize="unicode61", detail=full)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isMysql(db)) await sql`DROP TABLE IF EXISTS gazette_search_fts`.execute(db);
  await db.schema.dropTable('gazette_search_entries').ifExists().execute();
}

// A migration receives only the Kysely instance, so the dialect is read from its adapter (the class
// name is the fallback for a second copy of kysely in the tree).
function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
