import { MysqlAdapter, sql, type Kysely } from 'kysely';

// SQLite only: a document's row in the full-text table takes its date as rowid, so a search walks the
// matches newest first and stops at the page, instead of reading and sorting every match.
//
// After 0016 a search read each match's sort key from core_search_documents_rank_idx and sorted them
// all: at a million articles a common word ("khởi nghiệp", "nông thôn mới") matches ~3,000 of a unit's
// 6,452 documents, and the search's latency grew ×3 over the small set. Now:
// - core_search_documents.sort_key: the second of publication × 2^20 plus a hash of the document's
//   identity, lowered to the first free value when taken (unique; the core checks before it writes);
// - core_search_fts's rowid is that key: FTS5 returns matches in rowid order, so `ORDER BY rowid DESC
//   LIMIT 20` reads 20 of them;
// - core_search_documents_sort_idx (sort_key, tenant_id, owner, type) takes a match to its document's
//   filters in one probe; it replaces the rank index.
// MySQL/MariaDB keep InnoDB FULLTEXT; nothing changes there.
//
// sortKey and the unit token functions are copies of core/src/search/ as of this migration: a
// migration must keep doing what it did when later code changes.

const CODE_CHARS = 8;
const TIE_BITS = 20;
const BATCH = 2000;
/** Rows per statement: 3 parameters each, well under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 500;

export async function up(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await sql`ALTER TABLE core_search_documents ADD COLUMN sort_key INTEGER`.execute(db);
  await rebuildFullText(db);
  await db.schema.dropIndex('core_search_documents_rank_idx').ifExists().execute();
  await db.schema.createIndex('core_search_documents_sort_idx').on('core_search_documents').columns(['sort_key', 'tenant_id', 'owner', 'type']).execute();
  // Every key is new here, so the taken ones are known without asking the database.
  const taken = new Set<number>();
  await eachBatch(db, 'id', ['id', 'owner', 'type', 'doc_id', 'published_at'], async (rows) => {
    const keyed = rows.map((r) => {
      let key = sortKey(Number(r.published_at), r.owner, r.type, r.doc_id);
      while (taken.has(key)) key -= 1;
      taken.add(key);
      return { id: Number(r.id), key };
    });
    for (const part of chunks(keyed, ROWS_PER_STATEMENT)) {
      const cases = sql.join(part.map((k) => sql`WHEN ${k.id} THEN ${k.key}`), sql` `);
      await sql`UPDATE core_search_documents SET sort_key = CASE id ${cases} END WHERE id IN (${sql.join(part.map((k) => k.id))})`.execute(db);
    }
  });
  // FTS5 writes its pending postings out whenever a rowid comes lower than the one before: in rowid
  // order the table is built in a few large segments, in document order in one tiny segment per row.
  await eachBatch(db, 'sort_key', ['sort_key', 'tenant_id', 'title_fold', 'body_fold'], (rows) => insertFullText(db, rows.map((r) => ({ rowid: Number(r.sort_key), ...r }))));
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await rebuildFullText(db);
  await db.schema.dropIndex('core_search_documents_sort_idx').ifExists().execute();
  await sql`ALTER TABLE core_search_documents DROP COLUMN sort_key`.execute(db);
  await db.schema.createIndex('core_search_documents_rank_idx').on('core_search_documents').columns(['id', 'tenant_id', 'owner', 'type', 'published_at']).execute();
  await eachBatch(db, 'id', ['id', 'tenant_id', 'title_fold', 'body_fold'], (rows) => insertFullText(db, rows.map((r) => ({ rowid: Number(r.id), ...r }))));
}

/** Drops and creates the full-text table as 0016 made it (empty); `up` fills it keyed by sort_key, `down` by id. */
async function rebuildFullText(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS core_search_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE core_search_fts USING fts5(title, body, content='', contentless_delete=1, tokenize="unicode61", prefix='${sql.raw(`${CODE_CHARS + 2} ${CODE_CHARS + 3}`)}')`.execute(db);
}

/** Every document in batches, in the order of `by` (the id, or the sort key once every row has one). */
async function eachBatch(db: Kysely<any>, by: 'id' | 'sort_key', columns: readonly string[], each: (rows: any[]) => Promise<void>): Promise<void> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.selectFrom('core_search_documents').select(columns as string[]).where(by, '>', after).orderBy(by).limit(BATCH).execute();
    if (rows.length === 0) return;
    await each(rows);
    after = Number(rows[rows.length - 1]![by]);
  }
}

/** Writes full-text rows a few hundred per statement: one statement per row made the migration of a million documents take half an hour. */
async function insertFullText(db: Kysely<any>, rows: readonly { rowid: number; tenant_id: string; title_fold: string; body_fold: string }[]): Promise<void> {
  for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
    const values = part.map((r) => {
      const code = unitCode(r.tenant_id);
      return sql`(${r.rowid}, ${unitTokens(code, r.title_fold)}, ${unitTokens(code, r.body_fold)})`;
    });
    await sql`INSERT INTO core_search_fts(rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function sortKey(publishedAtMs: number, owner: string, type: string, docId: string): number {
  return Math.floor(publishedAtMs / 1000) * 2 ** TIE_BITS + (fnv1a(`${owner}\u0000${type}\u0000${docId}`) & ((1 << TIE_BITS) - 1));
}

function unitCode(tenantId: string): string {
  return `k${fnv1a(tenantId).toString(36).padStart(CODE_CHARS - 1, '0').slice(-(CODE_CHARS - 1))}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
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
