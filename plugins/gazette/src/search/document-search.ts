import type { SqlDialect } from '@cong/sdk';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IssueStatus } from '../publication/publication-database.js';
import { parseNumberSymbol } from '../intake/number-symbol.js';
import { searchNumberKey, searchNumberPart } from './number-key.js';
import { fts5Query, mysqlBooleanQuery, parseSearchText } from './search-tokens.js';

export type SearchOrder = 'newest' | 'oldest' | 'relevance';

/** Every issue status but `published`; a new status fails to compile until it is listed here. */
const UNPUBLISHED: readonly Exclude<IssueStatus, 'published'>[] = ['draft', 'rendering', 'failed'];
const unpublishedListed: Exclude<IssueStatus, 'published'> extends (typeof UNPUBLISHED)[number] ? true : never = true;
void unpublishedListed;

/** What a search of published documents asks (the search page and the API read the same criteria). */
export interface DocumentSearchCriteria {
  /** Words and "quoted phrases", diacritics optional. */
  readonly text?: string;
  /** Match the words in the summary (trích yếu) only, instead of the summary and full text. */
  readonly summaryOnly?: boolean;
  /** Number and symbol, whole (`41/2026/QĐ-UBND`) or in part (`41/2026`, `QD-UBND`). */
  readonly number?: string;
  readonly types?: readonly string[];
  /** Issuing agencies by key (see `agencyKey`). */
  readonly agencies?: readonly string[];
  readonly level?: 'local' | 'central';
  /** Signing date range, `YYYY-MM-DD`, both ends included. */
  readonly signedFrom?: string;
  readonly signedTo?: string;
  /** The year of the issue the document was published in. */
  readonly publicationYear?: number;
  readonly order?: SearchOrder;
  readonly limit: number;
  readonly offset: number;
}

export interface DocumentSearchResult {
  /** Matches, counted up to {@link COUNT_UP_TO}; `totalIsExact` false beyond. */
  readonly total: number;
  readonly totalIsExact: boolean;
  /** Document ids of the requested page, in order. */
  readonly ids: readonly string[];
}

/**
 * Counting stops here: "more than 1,000 documents" tells a reader as much as the exact number, and
 * counting every match of a common word ("quyết định" is in nearly every document) would be most of a
 * search's cost at 100,000 documents.
 */
export const COUNT_UP_TO = 1_000;

/**
 * Searches the office's published documents through the search index (gazette_search_entries and its
 * full-text index). Every filter and the order are answered from the narrow index rows; the caller
 * reads the documents of the page.
 *
 * Order: `newest`/`oldest` are by publication (the gazette's own order: on SQLite the full-text rowid,
 * which follows publication, so a common word's newest matches stream out of the index without a
 * sort). `relevance`: on SQLite, documents whose summary (trích yếu, with the number) holds every word
 * come first, then those that hold them in the text only, each newest first. BM25 was measured and
 * left out: FTS5 counts every document of each word to weigh it, 7–16 ms per query over 100,000
 * documents whatever the LIMIT, against about 1 ms for the two tiers. MySQL/MariaDB orders by the
 * same two tiers (its FULLTEXT match on the summary), so both engines agree.
 */
export async function searchDocuments(db: Kysely<any>, dialect: SqlDialect, officeId: string, criteria: DocumentSearchCriteria): Promise<DocumentSearchResult> {
  const where: RawBuilder<unknown>[] = [
    sql`e.office_id = ${officeId}`,
    // Entries are written when a document is published, but nothing unpublished may ever be found or
    // counted. Said as "not in an unpublished issue": an office has a handful of those and thousands of
    // published ones, and listing the published ones cost 0.9 ms per query at 2,500 issues (measured).
    sql`e.issue_id NOT IN (SELECT i.id FROM gazette_issues i WHERE i.office_id = ${officeId} AND i.status IN (${sql.join([...UNPUBLISHED])}))`,
  ];
  if (criteria.types && criteria.types.length > 0) where.push(sql`e.document_type IN (${sql.join([...criteria.types])})`);
  if (criteria.agencies && criteria.agencies.length > 0) where.push(sql`e.agency_key IN (${sql.join([...criteria.agencies])})`);
  if (criteria.level) where.push(sql`e.issuer_level = ${criteria.level}`);
  if (criteria.signedFrom) where.push(sql`e.signed_on >= ${criteria.signedFrom}`);
  if (criteria.signedTo) where.push(sql`e.signed_on <= ${criteria.signedTo}`);
  if (criteria.publicationYear !== undefined) where.push(sql`e.issue_year = ${criteria.publicationYear}`);
  const number = (criteria.number ?? '').trim();
  if (number !== '') where.push(numberCondition(number));

  const clauses = parseSearchText(criteria.text ?? '');
  const byPublication = criteria.order === 'oldest' ? sql`e.published_at ASC, e.id ASC` : sql`e.published_at DESC, e.id DESC`;
  const page = async (from: RawBuilder<unknown>, conditions: readonly RawBuilder<unknown>[], order: RawBuilder<unknown>, limit = criteria.limit, offset = criteria.offset) =>
    limit <= 0
      ? []
      : (await sql<{ document_id: string }>`SELECT e.document_id FROM ${from} WHERE ${sql.join([...conditions], sql` AND `)} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`.execute(db)).rows.map((r) => r.document_id);
  const count = async (from: RawBuilder<unknown>, conditions: readonly RawBuilder<unknown>[], upTo = COUNT_UP_TO + 1) =>
    Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM (SELECT 1 AS one FROM ${from} WHERE ${sql.join([...conditions], sql` AND `)} LIMIT ${upTo}) counted`.execute(db)).rows[0]?.n ?? 0);

  let from: RawBuilder<unknown> = sql`gazette_search_entries e`;
  // A signing-date range of up to a year, without words, on SQLite: read the range from the signing-date
  // index and sort its few thousand rows, instead of walking the publication order from one end until
  // the range begins (12 ms at 100,000 documents for four months of 2025, measured; 3 ms this way).
  if (clauses.length === 0 && dialect === 'sqlite' && criteria.signedFrom && criteria.signedTo && Date.parse(criteria.signedTo) - Date.parse(criteria.signedFrom) <= 366 * 86_400_000) {
    from = sql`gazette_search_entries e INDEXED BY gazette_search_entries_signed_idx`;
  }
  let ids: string[];
  if (clauses.length === 0) {
    ids = await page(from, where, byPublication);
  } else if (dialect === 'sqlite') {
    // CROSS JOIN keeps the full-text table the outer loop: its matches come out in rowid order, filtered per row.
    from = sql`gazette_search_fts CROSS JOIN gazette_search_entries e ON e.id = gazette_search_fts.rowid`;
    if (criteria.publicationYear !== undefined) {
      // The year's entries lie between its lowest and highest id (rowids follow publication): the
      // full-text index seeks there instead of reading every later year's matches first.
      const span = (
        await sql<{ lo: number | null; hi: number | null }>`SELECT min(id) AS lo, max(id) AS hi FROM gazette_search_entries WHERE office_id = ${officeId} AND issue_year = ${criteria.publicationYear}`.execute(db)
      ).rows[0];
      if (span?.lo === null || span?.lo === undefined) return { total: 0, totalIsExact: true, ids: [] };
      where.push(sql`gazette_search_fts.rowid BETWEEN ${span.lo} AND ${span.hi}`);
    }
    const matching = (query: string) => [...where, sql`gazette_search_fts MATCH ${query}`];
    const all = fts5Query(clauses, criteria.summaryOnly ? 'summary' : null);
    const newestFirst = criteria.order === 'oldest' ? sql`gazette_search_fts.rowid ASC` : sql`gazette_search_fts.rowid DESC`;
    if (criteria.order === 'relevance' && !criteria.summaryOnly) {
      const inSummary = fts5Query(clauses, 'summary');
      const summaryHits = await count(from, matching(inSummary), criteria.offset + criteria.limit);
      const first = criteria.offset < summaryHits ? await page(from, matching(inSummary), newestFirst) : [];
      const rest = await page(from, matching(`(${all}) NOT (${inSummary})`), newestFirst, criteria.limit - first.length, Math.max(0, criteria.offset - summaryHits));
      ids = [...first, ...rest];
    } else {
      ids = await page(from, matching(all), newestFirst);
    }
    where.push(sql`gazette_search_fts MATCH ${all}`);
  } else {
    const inSummary = sql`MATCH(e.summary_fold) AGAINST(${mysqlBooleanQuery(clauses)} IN BOOLEAN MODE)`;
    where.push(criteria.summaryOnly ? inSummary : sql`MATCH(e.summary_fold, e.body_fold) AGAINST(${mysqlBooleanQuery(clauses)} IN BOOLEAN MODE)`);
    // The same two tiers as on SQLite, so both engines answer a relevance search in the same order.
    ids = await page(from, where, criteria.order === 'relevance' ? sql`(${inSummary}) > 0 DESC, e.published_at DESC, e.id DESC` : byPublication);
  }
  // A page shorter than asked (and not empty past the end) already tells the total.
  if (ids.length < criteria.limit && (ids.length > 0 || criteria.offset === 0)) return { total: criteria.offset + ids.length, totalIsExact: true, ids };
  const n = await count(from, where);
  return { total: Math.min(n, COUNT_UP_TO), totalIsExact: n <= COUNT_UP_TO, ids };
}

/**
 * The number and symbol condition. A whole one (its symbol has letters; `41/2026` reads as number 41,
 * symbol 2026) names one document; a number with its year (`15/2025`) is a range of the key's index;
 * anything else (`QD-UBND`) is looked for anywhere in the key.
 */
function numberCondition(number: string): RawBuilder<unknown> {
  if (/\p{L}/u.test(parseNumberSymbol(number)?.symbol ?? '')) return sql`e.number_key = ${searchNumberKey(number)}`;
  const part = searchNumberPart(number);
  const leading = /^(\d{1,6}[A-Z]?)\/(\d{4})\/?$/.exec(part);
  if (leading) {
    // Keys are `<number>/<year>/<symbol>`: every key of the number and year lies in [`15/2025/`, `15/20250`) ('0' follows '/').
    const prefix = `${leading[1]!.replace(/^0+(?=\d)/, '')}/${leading[2]}/`;
    return sql`(e.number_key >= ${prefix} AND e.number_key < ${`${prefix.slice(0, -1)}0`})`;
  }
  return sql`e.number_key LIKE ${`%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE ${'\\'}`;
}

/** The ids of the office's most recently published documents, optionally of one type or one agency (feeds, the home page). */
export async function latestPublished(db: Kysely<any>, officeId: string, filter: { readonly type?: string; readonly agency?: string }, limit: number): Promise<string[]> {
  let query = db
    .selectFrom('gazette_search_entries')
    .select('document_id')
    .where('office_id', '=', officeId)
    .where('issue_id', 'not in', db.selectFrom('gazette_issues').select('id').where('office_id', '=', officeId).where('status', 'in', [...UNPUBLISHED]));
  if (filter.type !== undefined) query = query.where('document_type', '=', filter.type);
  if (filter.agency !== undefined) query = query.where('agency_key', '=', filter.agency);
  const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r: { document_id: string }) => r.document_id);
}
