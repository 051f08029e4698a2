import { MysqlAdapter, sql, type Kysely } from 'kysely';

// SQLite only: the full-text table learns each document's unit and keeps prefix indexes.
//
// Before, a search matched the text across the whole platform and only then kept the unit's rows (a
// lookup per match in core_search_documents), and the last word of every query, matched as a prefix,
// merged every indexed token starting with it. At a million articles one search cost 0.25–3.8 s
// (docs/reference/benchmarks.md, F3). Now the unit is a column of the index (`scope`: "t" and the
// unit id without dashes, one token), filtered inside MATCH, and 2- and 3-letter prefixes are indexed.
// MySQL/MariaDB keep InnoDB FULLTEXT with the unit filter in the same query; nothing changes there.

const OLD_COLUMNS = 'title_fold, body_fold';
const NEW_COLUMNS = 'scope, title_fold, body_fold';

export async function up(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await dropIndexTable(db);
  await sql`ALTER TABLE core_search_documents ADD COLUMN scope TEXT GENERATED ALWAYS AS ('t' || replace(tenant_id, '-', '')) VIRTUAL`.execute(db);
  await createIndexTable(db, NEW_COLUMNS, `, prefix='2 3'`);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await dropIndexTable(db);
  await sql`ALTER TABLE core_search_documents DROP COLUMN scope`.execute(db);
  await createIndexTable(db, OLD_COLUMNS, '');
}

async function dropIndexTable(db: Kysely<any>): Promise<void> {
  for (const trigger of ['core_search_documents_au', 'core_search_documents_ad', 'core_search_documents_ai']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
  await sql`DROP TABLE IF EXISTS core_search_fts`.execute(db);
}

/** The external-content FTS5 table over `columns` of core_search_documents, its triggers, and its content. */
async function createIndexTable(db: Kysely<any>, columns: string, options: string): Promise<void> {
  const cols = sql.raw(columns);
  const newValues = sql.raw(columns.split(', ').map((c) => `new.${c}`).join(', '));
  const oldValues = sql.raw(columns.split(', ').map((c) => `old.${c}`).join(', '));
  await sql`CREATE VIRTUAL TABLE core_search_fts USING fts5(${cols}, content='core_search_documents', content_rowid='id', tokenize="unicode61"${sql.raw(options)})`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ai AFTER INSERT ON core_search_documents BEGIN
    INSERT INTO core_search_fts(rowid, ${cols}) VALUES (new.id, ${newValues});
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ad AFTER DELETE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, ${cols}) VALUES ('delete', old.id, ${oldValues});
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_au AFTER UPDATE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, ${cols}) VALUES ('delete', old.id, ${oldValues});
    INSERT INTO core_search_fts(rowid, ${cols}) VALUES (new.id, ${newValues});
  END`.execute(db);
  await sql`INSERT INTO core_search_fts(core_search_fts) VALUES ('rebuild')`.execute(db);
}

function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
