import { MysqlAdapter, sql, type Kysely } from 'kysely';

// SQLite only: the full-text table indexes each unit's tokens apart, and an index holds what a search
// filters and sorts by, so a search reads neither other units' postings nor the documents' wide rows.
//
// After 0015 a search still read, for every word, its postings across the whole platform: a common
// syllable ("hanh", "chinh", "so") meant 40–60 ms at a million articles, and sorting by date read
// each match's row in core_search_documents (its published_at lies behind the body). Now:
// - every token is written as `<unit code><token>` (`k3f9a0c1chuyen`): the unit's own postings;
// - the table is contentless (nothing stored twice; `contentless_delete` lets a row be replaced);
// - core_search_documents_rank_idx (id, tenant_id, owner, type, published_at) covers the filters and
//   the order, so a match is checked and sorted without reading the document's row. (Not stored
//   columns of the FTS table, `contentless_unindexed`: SQLite 3.53 leaves their shadow table behind
//   on DROP TABLE, and defensive mode then refuses to drop it, so the migration could not run twice.)
// - prefix indexes at the code's length + 2 and + 3 (the 2- and 3-letter prefixes of a word).
// The core writes these rows itself (DefaultSearchIndex) in the same transaction as the document:
// the token form is computed in JavaScript, so there are no triggers any more.
// MySQL/MariaDB keep InnoDB FULLTEXT; nothing changes there.
//
// unitCode/unitTokens are copies of core/src/search/unit-tokens.ts as of this migration: a migration
// must keep doing what it did when later code changes.

const CODE_CHARS = 8;
const BATCH = 2000;

export async function up(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  for (const trigger of ['core_search_documents_au', 'core_search_documents_ad', 'core_search_documents_ai']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
  await sql`DROP TABLE IF EXISTS core_search_fts`.execute(db);
  await sql`ALTER TABLE core_search_documents DROP COLUMN scope`.execute(db);
  await sql`CREATE VIRTUAL TABLE core_search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize="unicode61", prefix='${sql.raw(`${CODE_CHARS + 2} ${CODE_CHARS + 3}`)}')`.execute(db);
  await db.schema.createIndex('core_search_documents_rank_idx').on('core_search_documents').columns(['id', 'tenant_id', 'owner', 'type', 'published_at']).execute();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('core_search_documents')
      .select(['id', 'tenant_id', 'title_fold', 'body_fold'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const code = unitCode(r.tenant_id);
      await sql`INSERT INTO core_search_fts(rowid, title, body) VALUES (${r.id}, ${unitTokens(code, r.title_fold)}, ${unitTokens(code, r.body_fold)})`.execute(db);
    }
    after = Number(rows[rows.length - 1].id);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  // Back to 0015's table: external content over the documents, kept by triggers.
  await sql`DROP TABLE IF EXISTS core_search_fts`.execute(db);
  await db.schema.dropIndex('core_search_documents_rank_idx').ifExists().execute();
  await sql`ALTER TABLE core_search_documents ADD COLUMN scope TEXT GENERATED ALWAYS AS ('t' || replace(tenant_id, '-', '')) VIRTUAL`.execute(db);
  const cols = 'scope, title_fold, body_fold';
  await sql`CREATE VIRTUAL TABLE core_search_fts USING fts5(${sql.raw(cols)}, content='core_search_documents', content_rowid='id', tokenize="unicode61", prefix='2 3')`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ai AFTER INSERT ON core_search_documents BEGIN
    INSERT INTO core_search_fts(rowid, scope, title_fold, body_fold) VALUES (new.id, new.scope, new.title_fold, new.body_fold);
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_ad AFTER DELETE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, scope, title_fold, body_fold) VALUES ('delete', old.id, old.scope, old.title_fold, old.body_fold);
  END`.execute(db);
  await sql`CREATE TRIGGER core_search_documents_au AFTER UPDATE ON core_search_documents BEGIN
    INSERT INTO core_search_fts(core_search_fts, rowid, scope, title_fold, body_fold) VALUES ('delete', old.id, old.scope, old.title_fold, old.body_fold);
    INSERT INTO core_search_fts(rowid, scope, title_fold, body_fold) VALUES (new.id, new.scope, new.title_fold, new.body_fold);
  END`.execute(db);
  await sql`INSERT INTO core_search_fts(core_search_fts) VALUES ('rebuild')`.execute(db);
}

function unitCode(tenantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) {
    hash ^= tenantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `k${hash.toString(36).padStart(CODE_CHARS - 1, '0').slice(-(CODE_CHARS - 1))}`;
}

function unitTokens(code: string, indexForm: string): string {
  let out = '';
  for (const token of indexForm.split(/[\s_]+/)) if (token !== '') out += out === '' ? code + token : ` ${code}${token}`;
  return out;
}

function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
