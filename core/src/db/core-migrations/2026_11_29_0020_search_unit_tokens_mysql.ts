import { MysqlAdapter, sql, type Kysely } from 'kysely';

// MySQL/MariaDB only: the FULLTEXT columns hold each unit's tokens, as SQLite's full-text table has
// since 0016. Every token of `title_fold` and `body_fold` is written as `<unit code><token>`
// (`k3f9a0c1chuyen`), so a unit's search reads the unit's posting lists, not the whole platform's.
//
// Before, InnoDB read the postings of every query word across all units and ranked every match before
// the unit filter applied: on 31,000 articles (155 units × 200), "chuyen doi so" in one unit took
// 50–320 ms alone and the portal's search gave 2 requests/s at 20 connections (p95 7.6 s). With unit
// tokens the same query takes ~4 ms (docs/reference/benchmarks.md, F24).
//
// The FULLTEXT indexes are dropped while the rows are rewritten and built again afterwards: one bulk
// build rather than an index update per row. Tokens are cut to InnoDB's 84 characters with the code.
// `down` writes the plain form back (`dang_ ky_`: tokens padded to 3 characters); a token cut by `up`
// stays cut.
//
// unitCode and the token forms are copies of core/src/search/unit-tokens.ts and search-query.ts as of
// this migration: a migration must keep doing what it did when later code changes.

const CODE_CHARS = 8;
const MAX_TOKEN_CHARS = 84;
const MIN_TOKEN_CHARS = 3;
const BATCH = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  if (!isMysql(db)) return;
  await rewrite(db, (tenantId, form) => {
    const code = unitCode(tenantId);
    return tokensOf(form).map((t) => cut(code + t)).join(' ');
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isMysql(db)) return;
  await rewrite(db, (_tenantId, form) => tokensOf(form).map((t) => pad(t.slice(CODE_CHARS))).join(' '));
}

/** Rewrites both FULLTEXT columns of every document with `form`, the indexes dropped meanwhile. */
async function rewrite(db: Kysely<any>, form: (tenantId: string, stored: string) => string): Promise<void> {
  await sql`ALTER TABLE core_search_documents DROP INDEX core_search_documents_fold_ft, DROP INDEX core_search_documents_title_ft`.execute(db);
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('core_search_documents').select(['id', 'tenant_id', 'title_fold', 'body_fold']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        await trx
          .updateTable('core_search_documents')
          .set({ title_fold: form(r.tenant_id, r.title_fold), body_fold: form(r.tenant_id, r.body_fold) })
          .where('id', '=', r.id)
          .execute();
      }
    });
    after = Number(rows[rows.length - 1].id);
  }
  await sql`CREATE FULLTEXT INDEX core_search_documents_fold_ft ON core_search_documents (title_fold, body_fold)`.execute(db);
  await sql`CREATE FULLTEXT INDEX core_search_documents_title_ft ON core_search_documents (title_fold)`.execute(db);
}

function unitCode(tenantId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < tenantId.length; i++) {
    hash ^= tenantId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `k${hash.toString(36).padStart(CODE_CHARS - 1, '0').slice(-(CODE_CHARS - 1))}`;
}

/** The tokens of a stored form, without the padding. */
function tokensOf(stored: string): string[] {
  return stored.split(/[\s_]+/).filter((t) => t !== '');
}

function cut(token: string): string {
  return token.length <= MAX_TOKEN_CHARS ? token : Array.from(token).slice(0, MAX_TOKEN_CHARS).join('');
}

function pad(token: string): string {
  const padded = `${token}_`;
  const missing = MIN_TOKEN_CHARS - Array.from(padded).length;
  return missing > 0 ? padded + '_'.repeat(missing) : padded;
}

function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
