import { sql, type Kysely, type Transaction } from 'kysely';
import {
  InputError,
  type SearchDocument,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchService,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { toPlainText } from './html-to-text.js';
import { fts5Query, mysqlBooleanQuery, mysqlMatch, parseQuery, toIndexForm, type Clause } from './search-query.js';
import { preferredSortKey, sameSortSecond } from './sort-key.js';
import { innodbUnitTokens, unitCode, unitTokens } from './unit-tokens.js';
import { isLowSurrogate, makeSnippet, SNIPPET_SOURCE_CHARS, snippetFinder } from './snippet.js';

/** What one {@link DefaultSearchIndex.compact} run did: merge steps that wrote, and whether the index is one b-tree now. */
export interface SearchCompaction {
  readonly steps: number;
  readonly done: boolean;
}

/** Pages of merged index one compaction step writes (~4 MB): tens of milliseconds of the writer. */
const COMPACT_STEP_PAGES = 1000;
/** How long one compaction run goes on by default; a million articles' index merges in about a minute. */
const COMPACT_BUDGET_MS = 10 * 60_000;

/** Options of {@link DefaultSearchIndex}. */
export interface DefaultSearchIndexOptions {
  /** The platform database; the index lives in `core_search_documents` (and `core_search_fts` on SQLite). */
  readonly db: Database;
}

const TABLE = 'core_search_documents';

/** Default page size of a search; small because every hit carries a snippet. */
const DEFAULT_LIMIT = 20;
/** Larger limits are clamped: deeper pages cost more than they help a person scanning results. */
const MAX_LIMIT = 100;
/** Stored plain text is capped; long legal texts are searchable on their first 200 000 characters. */
const MAX_BODY_CHARS = 200_000;
const MAX_TITLE_CHARS = 1000;
const MAX_URL_CHARS = 2048;
/** Lengths of the key columns in the migration. */
const MAX_OWNER_CHARS = 100;
const MAX_TYPE_CHARS = 100;
const MAX_ID_CHARS = 191;
const MAX_TENANT_CHARS = 64;

/**
 * The shared full-text index behind {@link SearchService}: one table for every plugin, over
 * Vietnamese-folded text, so "dang ky" finds "Đăng ký" and "dak lak" finds "Đắk Lắk".
 *
 * Stored text is NFC plain text (markup is removed, whitespace collapsed, the body capped at 200 000
 * characters). Next to it the store keeps a *token form*: the text folded with the sdk's `fold`, split
 * into letter/digit tokens, each cut to 80 characters and written with a `_` suffix, padded with `_`
 * to at least 3 characters (`Ở xã Đắk Lắk` → `o__ xa_ dak_ lak_`).
 *
 * Why the padding: on MySQL/MariaDB the index is InnoDB FULLTEXT in boolean mode, and a server with
 * the default `innodb_ft_min_token_size=3` and the default stopword list silently drops tokens shorter
 * than 3 characters and words such as `la`, `de`, `to`, `the`, `com` — which are the Vietnamese
 * syllables "là", "để", "tổ", "thể", "cơm". A required term (`+o`) that the index dropped makes the
 * whole query return nothing. InnoDB counts `_` as a word character, so `o__` is one indexed token,
 * and no token with `_` can equal a stopword; query terms are padded the same way. This works on any
 * server without touching its configuration (checked on MariaDB 10.11 with the defaults). On SQLite,
 * FTS5's `unicode61` tokenizer treats `_` as a separator, so the same stored form indexes as `o xa dak
 * lak` and queries there use the bare tokens.
 *
 * Queries: `"quoted phrases"` stay phrases; every other character that is not a letter or digit
 * separates words, so no input reaches the engines as syntax (FTS5 `NEAR(`, `col:`, `^`, `*`, MySQL
 * `+ - < > ( ) ~ * @`, quotes, SQL comments); words such as `OR` and `NOT` are plain words. All terms
 * must match. The last term is matched as a prefix when it has at least two characters and the text
 * does not end in a space or punctuation (search as you type, unless the query says `asYouType: false`);
 * a single letter is matched exactly, because single letters are whole syllables ("ở", "y"). A query with no letters or digits (empty,
 * whitespace, `*`, `"`) returns an empty result rather than an error. Ranking: title matches first,
 * then `publishedAt`, newest first (on MySQL/MariaDB relevance in the title, then in title and body, comes
 * before the date).
 *
 * Writes go through the caller's transaction when one is given, so an index entry commits or rolls
 * back with the data it describes. `index`/`remove` only touch the calling owner's documents;
 * `search` covers every plugin's documents unless `plugins` narrows it (the index is shared, and the
 * sdk contract says the default is every plugin), and always only the given tenants.
 */
export class DefaultSearchIndex {
  readonly #db: Database;

  constructor(options: DefaultSearchIndexOptions) {
    this.#db = options.db;
  }

  /**
   * SQLite: merges the full-text index's b-trees into one, a bounded step at a time, until it is one
   * or `budgetMs` has passed (the next run goes on from there). Every write adds a small b-tree and
   * FTS5 merges them only in fours per level, so a live index holds a few dozen; a query looks each of
   * its terms up in every one (benchmarks.md, F17: 0.39 ms a query on the small bench set, 0.08 ms
   * merged). Each step holds the single writer for one transaction; readers go on (WAL). MySQL/MariaDB
   * maintain InnoDB FULLTEXT themselves: nothing to do.
   */
  async compact(options: { readonly budgetMs?: number; readonly now?: () => number } = {}): Promise<SearchCompaction> {
    if (this.#db.dialect !== 'sqlite') return { steps: 0, done: true };
    const now = options.now ?? Date.now;
    const started = now();
    for (let steps = 0; ; ) {
      // FTS5 says whether a merge did anything through the connection's change count: two or more.
      const worked = await this.#db.kysely.transaction().execute(async (trx) => {
        const changes = async () => Number((await sql<{ n: number }>`SELECT total_changes() AS n`.execute(trx)).rows[0]!.n);
        const before = await changes();
        await sql`INSERT INTO core_search_fts(core_search_fts, rank) VALUES ('merge', ${-COMPACT_STEP_PAGES})`.execute(trx);
        return (await changes()) - before >= 2;
      });
      if (!worked) return { steps, done: true };
      steps++;
      if (now() - started >= (options.budgetMs ?? COMPACT_BUDGET_MS)) return { steps, done: false };
    }
  }

  /** The {@link SearchService} a plugin (or `core`) receives: writes are scoped to `owner`. */
  forPlugin(owner: string): SearchService {
    checkKey('owner', owner, MAX_OWNER_CHARS);
    return {
      index: (document, options) => this.#index(owner, document, options?.trx),
      remove: (type, id, options) => this.#remove(owner, type, id, options?.trx),
      search: (query) => this.#search(query),
    };
  }

  async #index(owner: string, document: SearchDocument, trx: Transaction<any> | undefined): Promise<void> {
    checkKey('type', document.type, MAX_TYPE_CHARS);
    checkKey('id', document.id, MAX_ID_CHARS);
    checkKey('tenantId', document.tenantId, MAX_TENANT_CHARS);
    if (typeof document.title !== 'string' || typeof document.body !== 'string') {
      throw new InputError('A search document needs a string title and body');
    }
    const url = checkUrl(document.url);
    const publishedAt = document.publishedAt ?? new Date();
    if (!(publishedAt instanceof Date) || Number.isNaN(publishedAt.getTime())) {
      throw new InputError('publishedAt of a search document must be a valid Date');
    }
    const title = cut(toPlainText(document.title), MAX_TITLE_CHARS);
    const body = cut(toPlainText(document.body), MAX_BODY_CHARS);
    const row = {
      tenant_id: document.tenantId,
      title,
      body,
      url,
      published_at: publishedAt.getTime(),
      title_fold: toIndexForm(title),
      body_fold: toIndexForm(body),
      updated_at: Date.now(),
    };
    // One statement either way, so the upsert is atomic even without a caller transaction, and it
    // avoids the gap-lock deadlocks a delete+insert pair can hit on InnoDB under concurrent writers.
    if (this.#db.dialect === 'mysql') {
      // The FULLTEXT columns hold the unit's tokens (migration 2026_11_29_0020): its own postings.
      const code = unitCode(row.tenant_id);
      const indexed = { ...row, title_fold: innodbUnitTokens(code, row.title_fold), body_fold: innodbUnitTokens(code, row.body_fold) };
      await (trx ?? this.#db.kysely).insertInto(TABLE).values({ owner, type: document.type, doc_id: document.id, ...indexed }).onDuplicateKeyUpdate(indexed).execute();
      return;
    }
    // SQLite: the document and its index row (written here, not by triggers) commit together. The
    // full-text row's id is the document's sort key (sort-key.ts): kept while the second of publication
    // stays, otherwise the first free key at or below the preferred one.
    await this.#inTransaction(trx, async (db) => {
      const before = await db.selectFrom(TABLE).select(['id', 'published_at', 'sort_key']).where('owner', '=', owner).where('type', '=', document.type).where('doc_id', '=', document.id).executeTakeFirst();
      const kept = before?.sort_key != null && sameSortSecond(Number(before.published_at), row.published_at);
      const sortKey = kept ? Number(before.sort_key) : await freeSortKey(db, preferredSortKey(row.published_at, owner, document.type, document.id), before?.id);
      const indexed = { ...row, sort_key: sortKey };
      await db
        .insertInto(TABLE)
        .values({ owner, type: document.type, doc_id: document.id, ...indexed })
        .onConflict((oc) =>
          oc.columns(['owner', 'type', 'doc_id']).doUpdateSet((eb) => {
            const set: Record<string, unknown> = {};
            for (const column of Object.keys(indexed)) set[column] = eb.ref(`excluded.${column}`);
            return set;
          }),
        )
        .execute();
      const code = unitCode(row.tenant_id);
      if (before?.sort_key != null) await sql`DELETE FROM core_search_fts WHERE rowid = ${Number(before.sort_key)}`.execute(db);
      await sql`INSERT INTO core_search_fts(rowid, title, body) VALUES (${sortKey}, ${unitTokens(code, row.title_fold)}, ${unitTokens(code, row.body_fold)})`.execute(db);
    });
  }

  /** Runs `work` in the caller's transaction, or in a new one. */
  #inTransaction(trx: Transaction<any> | undefined, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
    return trx ? work(trx) : this.#db.kysely.transaction().execute(work);
  }

  async #remove(owner: string, type: string, id: string, trx: Transaction<any> | undefined): Promise<void> {
    checkKey('type', type, MAX_TYPE_CHARS);
    checkKey('id', id, MAX_ID_CHARS);
    const matching = (db: Kysely<any>) => db.deleteFrom(TABLE).where('owner', '=', owner).where('type', '=', type).where('doc_id', '=', id);
    if (this.#db.dialect === 'mysql') {
      await matching(trx ?? this.#db.kysely).execute();
      return;
    }
    await this.#inTransaction(trx, async (db) => {
      const removed = await matching(db).returning('sort_key').executeTakeFirst();
      if (removed?.sort_key != null) await sql`DELETE FROM core_search_fts WHERE rowid = ${Number(removed.sort_key)}`.execute(db);
    });
  }

  async #search(query: SearchQuery): Promise<SearchResult> {
    const tenantIds = checkList('tenantIds', query.tenantIds);
    if (tenantIds === undefined || tenantIds.length === 0) {
      throw new InputError('A search needs at least one tenant in tenantIds');
    }
    const plugins = checkList('plugins', query.plugins);
    const types = checkList('types', query.types);
    const limit = checkLimit(query.limit);
    const offset = checkOffset(query.offset);
    const countUpTo = checkCountUpTo(query.countUpTo);
    if (typeof query.text !== 'string') throw new InputError('The search text must be a string');
    if (query.asYouType !== undefined && typeof query.asYouType !== 'boolean') throw new InputError('asYouType must be true or false');

    const clauses = parseQuery(query.text, query.asYouType !== false);
    // Nothing searchable (empty, whitespace, only punctuation or operators): an empty result, not an
    // error, so a search box can send whatever the user typed.
    if (clauses.length === 0 || plugins?.length === 0 || types?.length === 0) return { total: 0, hits: [], ...(countUpTo === undefined ? {} : { totalIsExact: true }) };

    // Both engines index each unit's tokens apart (unit-tokens.ts): the codes of the searched units.
    const unitCodes = [...new Set(tenantIds.map(unitCode))];
    const checked: CheckedQuery = { clauses, tenantIds, unitCodes, plugins, types, limit, offset, countUpTo };
    const { rows, ...total } = this.#db.dialect === 'mysql' ? await this.#searchMysql(checked) : await this.#searchSqlite(checked);
    const finder = snippetFinder(clauses);
    const hits = rows.map(
      (r): SearchHit => ({
        plugin: r.owner,
        type: r.type,
        id: r.doc_id,
        tenantId: r.tenant_id,
        title: r.title,
        url: r.url,
        snippet: makeSnippet(r.body, finder),
        publishedAt: new Date(Number(r.published_at)),
      }),
    );
    return { ...total, hits };
  }

  /**
   * MySQL/MariaDB: InnoDB FULLTEXT in boolean mode over the searched units' tokens (migration
   * 2026_11_29_0020), so only their postings are read; the stored `tenant_id` is checked too (two units
   * may share a code). Title relevance, then relevance in title and body, then the newest first.
   */
  async #searchMysql({ clauses, tenantIds, unitCodes, plugins, types, limit, offset, countUpTo }: CheckedQuery): Promise<FoundPage> {
    const query = mysqlBooleanQuery(clauses, unitCodes);
    const match = mysqlMatch('d.title_fold, d.body_fold', query);
    let base = this.#db.kysely.selectFrom(`${TABLE} as d`).where(match).where('d.tenant_id', 'in', tenantIds);
    if (plugins) base = base.where('d.owner', 'in', plugins);
    if (types) base = base.where('d.type', 'in', types);
    // Two orderings, not one sum: InnoDB's relevance can be a value no arithmetic accepts (a table
    // whose matching rows were deleted: "DOUBLE value is out of range" on `title * 2 + both`).
    const rows = (await base
      .select(DOCUMENT_COLUMNS)
      .orderBy(mysqlMatch('d.title_fold', query), 'desc')
      .orderBy(match, 'desc')
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute()) as FoundRow[];
    const matches = base.select(sql<number>`1`.as('one'));
    return {
      rows,
      ...(await countMatches(rows, { limit, offset, countUpTo }, async (cap) => {
        const counted = cap === undefined ? matches : matches.limit(cap);
        return Number((await this.#db.kysely.selectFrom(counted.as('m')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      })),
    };
  }

  /**
   * SQLite: the index holds the units' own tokens, and its rows are keyed by date (migration
   * 2026_11_29_0019), so FTS5 gives the matches newest first and the page is read without sorting, or
   * even finding, the rest. Ranking: matches in the title first, then the others, each newest first —
   * two walks, the second only when the title matches run out on this page. Not bm25(), whose IDF walks
   * every document holding each term (benchmarks.md, F3).
   */
  async #searchSqlite({ clauses, tenantIds, unitCodes, plugins, types, limit, offset, countUpTo }: CheckedQuery): Promise<FoundPage> {
    const words = fts5Query(clauses, unitCodes);
    const db = this.#db.kysely;
    // The tenant is checked on the document too: two units may share a code (unit-tokens.ts). The sort
    // index holds these filters: a match is checked without reading its document's row.
    const from = sql`core_search_fts JOIN ${sql.table(TABLE)} AS d INDEXED BY core_search_documents_sort_idx ON d.sort_key = core_search_fts.rowid`;
    const filters = [
      sql`d.tenant_id IN (${sql.join(tenantIds)})`,
      ...(plugins ? [sql`d.owner IN (${sql.join(plugins)})`] : []),
      ...(types ? [sql`d.type IN (${sql.join(types)})`] : []),
    ];
    const matching = (match: string) => sql.join([sql`core_search_fts MATCH ${match}`, ...filters], sql` AND `);
    const newest = async (match: string, take: number, skip: number) =>
      (await sql<{ id: number }>`SELECT d.id AS id FROM ${from} WHERE ${matching(match)} ORDER BY core_search_fts.rowid DESC LIMIT ${take} OFFSET ${skip}`.execute(db)).rows.map((r) => Number(r.id));
    const count = async (match: string, cap: number | undefined) => {
      const matches = sql`SELECT 1 FROM ${from} WHERE ${matching(match)}${cap === undefined ? sql`` : sql` LIMIT ${cap}`}`;
      return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (${matches})`.execute(db)).rows[0]?.n ?? 0);
    };

    const inTitle = `title : (${words})`;
    const anywhere = `{title body} : (${words})`;
    const ids = await newest(inTitle, limit, offset);
    if (ids.length < limit) {
      // The title matches end on this page or before it: the page goes on with the other matches.
      const titleMatches = ids.length > 0 || offset === 0 ? offset + ids.length : await count(inTitle, offset);
      ids.push(...(await newest(`(${anywhere}) NOT (${inTitle})`, limit - ids.length, Math.max(0, offset - titleMatches))));
    }
    const documents = ids.length === 0 ? [] : ((await db.selectFrom(`${TABLE} as d`).select(DOCUMENT_COLUMNS).where('d.id', 'in', ids).execute()) as FoundRow[]);
    const byId = new Map(documents.map((d) => [Number(d.id), d]));
    const rows = ids.map((id) => byId.get(id)).filter((d): d is FoundRow => d !== undefined);
    return { rows, ...(await countMatches(rows, { limit, offset, countUpTo }, (cap) => count(anywhere, cap))) };
  }
}

/**
 * The first sort key at or below `preferred` that no other document holds (`self`, the document being
 * re-indexed, may keep its own). Two documents of the same second want the same key once in 2^20.
 */
async function freeSortKey(db: Kysely<any>, preferred: number, self: number | undefined): Promise<number> {
  for (let key = preferred; ; key--) {
    const holder = await db.selectFrom(TABLE).select('id').where('sort_key', '=', key).executeTakeFirst();
    if (holder === undefined || Number(holder.id) === self) return key;
  }
}

/**
 * The columns of a hit, read from core_search_documents. Of the body only the part a snippet can come
 * from: a legal document's body may hold 200,000 characters, read for every hit of a page to cut 200.
 */
const DOCUMENT_COLUMNS = ['d.id', 'd.owner', 'd.type', 'd.doc_id', 'd.tenant_id', 'd.title', sql<string>`substr(d.body, 1, ${SNIPPET_SOURCE_CHARS})`.as('body'), 'd.url', 'd.published_at'] as const;

/** A search as the engines receive it: parsed and checked. */
interface CheckedQuery {
  readonly clauses: readonly Clause[];
  readonly tenantIds: readonly string[];
  /** The searched units' codes, each once. */
  readonly unitCodes: readonly string[];
  readonly plugins: readonly string[] | undefined;
  readonly types: readonly string[] | undefined;
  readonly limit: number;
  readonly offset: number;
  readonly countUpTo: number | undefined;
}

interface FoundRow {
  readonly id: number;
  readonly owner: string;
  readonly type: string;
  readonly doc_id: string;
  readonly tenant_id: string;
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly published_at: number | string;
}

interface FoundPage {
  readonly rows: readonly FoundRow[];
  readonly total: number;
  readonly totalIsExact?: boolean;
}

/**
 * The total of a search. A first page that is not full is the whole result: most searches of one unit
 * need no count. With `countUpTo`, the engine counts at most one match more than that (`count(cap)`
 * counts up to `cap` matches), enough to tell "exactly n" from "more than countUpTo".
 */
async function countMatches(
  rows: readonly unknown[],
  { limit, offset, countUpTo }: { readonly limit: number; readonly offset: number; readonly countUpTo: number | undefined },
  count: (cap: number | undefined) => Promise<number>,
): Promise<{ readonly total: number; readonly totalIsExact?: boolean }> {
  if (offset === 0 && rows.length < limit) return countUpTo === undefined ? { total: rows.length } : { total: rows.length, totalIsExact: true };
  if (countUpTo === undefined) return { total: await count(undefined) };
  const n = await count(countUpTo + 1);
  return n > countUpTo ? { total: countUpTo, totalIsExact: false } : { total: n, totalIsExact: true };
}

// ─── Validation ──────────────────────────────────────────────────────────────────────────────

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isLowSurrogate(text.charCodeAt(max)) ? max - 1 : max;
  return text.slice(0, end).trimEnd();
}

function checkKey(name: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new InputError(`${name} must be a non-empty string of at most ${max} characters`);
  }
}

/**
 * Hits link to `url`, so only site-relative paths and http(s) URLs are accepted: a `javascript:` URL
 * in the index would become a script link on every search page.
 */
function checkUrl(url: unknown): string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_CHARS) {
    throw new InputError(`url must be a non-empty string of at most ${MAX_URL_CHARS} characters`);
  }
  if (/[\p{Cc}\s]/u.test(url)) throw new InputError('url must not contain spaces or control characters');
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url;
  if (/^https?:\/\/[^/]/i.test(url)) return url;
  throw new InputError('url must be a site-relative path or an http(s) URL');
}

function checkList(name: string, value: readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) {
    throw new InputError(`${name} must be a list of non-empty strings`);
  }
  return [...new Set(value)];
}

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new InputError('limit must be a positive integer');
  return Math.min(limit, MAX_LIMIT);
}

function checkCountUpTo(countUpTo: number | undefined): number | undefined {
  if (countUpTo === undefined) return undefined;
  if (!Number.isInteger(countUpTo) || countUpTo < 1) throw new InputError('countUpTo must be a positive integer');
  return countUpTo;
}

function checkOffset(offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('offset must be a non-negative integer');
  return offset;
}
