import { MysqlAdapter, SqliteAdapter, sql, type Kysely } from 'kysely';

// The shared search index (core/src/search). One row per (owner, type, doc_id); `title`/`body` keep
// the NFC plain text for display and snippets, `title_fold`/`body_fold` hold the folded token form
// the full-text engines index (see DefaultSearchIndex for the padding that makes 1–2 letter
// syllables searchable on InnoDB). Times are epoch milliseconds.
//
// `id` is a surrogate integer only because SQLite's external-content FTS5 table needs an integer
// rowid to point at; nothing outside this table refers to it.

export async function up(db: Kysely<any>): Promise<void> {
  const mysql = isMysql(db);
  // TEXT is 64 KiB on MySQL, too small for long legal documents; SQLite has one text type.
  const longText = mysql ? sql`mediumtext` : sql`text`;
  await db.schema
    .createTable('core_search_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner', 'varchar(100)', (c) => c.notNull())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    .addColumn('doc_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .addColumn('url', 'varchar(2048)', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('title_fold', 'text', (c) => c.notNull())
    .addColumn('body_fold', longText, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('core_search_documents_owner_type_doc_uq', ['owner', 'type', 'doc_id'])
    .execute();
  // Every search filters by tenant in the same query; plugin and type narrow it further.
  await db.schema
    .createIndex('core_search_documents_tenant_idx')
    .on('core_search_documents')
    .columns(['tenant_id', 'owner', 'type', 'published_at'])
    .execute();

  if (mysql) {
    // The built-in parser with boolean mode; the combined index filters, the title-only one lets
    // ranking weigh title matches higher (MATCH needs an index with exactly its column list).
    await sql`CREATE FULLTEXT INDEX core_search_documents_fold_ft ON core_search_documents (title_fold, body_fold)`.execute(db);
    await sql`CREATE FULLTEXT INDEX core_search_documents_title_ft ON core_search_documents (title_fold)`.execute(db);
    return;
  }

  // External-content FTS5 table over the folded columns: the text is stored once, in the base table,
  // and the triggers keep the index in step with every insert, upsert and delete inside the same
  // transaction, so a rolled-back write leaves nothing behind in either place.
  await sql`CREATE VIRTUAL TABLE core_search_fts USING fts5(
    title_fold, body_fold,
    content='core_search_documents', content_rowid='id',
    tokenize="unicode61"
  )`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ai AFTER INSERT ON core_search_documents BEGIN
    INSERT INTO core_search_fts(rowid, title_fold, body_fold) VALUES (new.id, new.title_fold, new.body_fold);
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ad AFTER DELETE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, title_fold, body_fold)
      VALUES ('delete', old.id, old.title_fold, old.body_fold);
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_au AFTER UPDATE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, title_fold, body_fold)
      VALUES ('delete', old.id, old.title_fold, old.body_fold);
    INSERT INTO core_search_fts(rowid, title_fold, body_fold) VALUES (new.id, new.title_fold, new.body_fold);
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isMysql(db)) {
    await sql`DROP TRIGGER IF EXISTS core_search_documents_au`.execute(db);
    await sql`DROP TRIGGER IF EXISTS core_search_documents_ad`.execute(db);
    await sql`DROP TRIGGER IF EXISTS core_search_documents_ai`.execute(db);
    await sql`DROP TABLE IF EXISTS core_search_fts`.execute(db);
  }
  await db.schema.dropTable('core_search_documents').ifExists().execute();
}

// A migration receives only the Kysely instance, so the dialect is read from its adapter. The class
// name is the fallback for a second copy of kysely in the tree, where `instanceof` would fail.
function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof MysqlAdapter) return true;
  if (adapter instanceof SqliteAdapter) return false;
  const name = adapter.constructor.name;
  if (name === 'MysqlAdapter') return true;
  if (name === 'SqliteAdapter') return false;
  throw new Error(`core_search_documents supports SQLite and MySQL/MariaDB, not ${name}`);
}
