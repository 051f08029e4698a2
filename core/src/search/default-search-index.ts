import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import {
  InputError,
  fold,
  normalizeText,
  type SearchDocument,
  type SearchHit,
  type SearchQuery,
  type SearchService,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';

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
/** Query text beyond this is ignored; nobody types more, and it bounds the work per query. */
const MAX_QUERY_CHARS = 1000;
/** Terms and phrases beyond this are ignored, for the same reason. */
const MAX_CLAUSES = 16;
/**
 * Tokens are cut to this many characters, in documents and queries alike. InnoDB does not index
 * tokens longer than `innodb_ft_max_token_size` (84 by default), so an uncut 90-letter token would be
 * findable on SQLite but not on MySQL; 80 plus the padding stays under 84.
 */
const MAX_TOKEN_CHARS = 80;
/** InnoDB's default `innodb_ft_min_token_size`: tokens are padded to at least this length. */
const MIN_TOKEN_CHARS = 3;
/** Stored plain text is capped; long legal texts are searchable on their first 200 000 characters. */
const MAX_BODY_CHARS = 200_000;
const MAX_TITLE_CHARS = 1000;
const MAX_URL_CHARS = 2048;
/** Lengths of the key columns in the migration. */
const MAX_OWNER_CHARS = 100;
const MAX_TYPE_CHARS = 100;
const MAX_ID_CHARS = 191;
const MAX_TENANT_CHARS = 64;
/** Snippets are looked for in the first part of the body only, to bound the work per hit. */
const SNIPPET_SCAN_CHARS = 50_000;
const SNIPPET_CHARS = 200;
/** Characters of context kept before the first match in a snippet. */
const SNIPPET_LEAD_CHARS = 60;

/** One clause of a parsed query: a single term (`tokens.length === 1`) or a phrase. */
interface Clause {
  readonly tokens: readonly string[];
  /** Match the term as a prefix (only ever set on a single-token, last, still-being-typed term). */
  readonly prefix: boolean;
}

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
 * does not end in a space or punctuation (search as you type); a single letter is matched exactly,
 * because single letters are whole syllables ("ở", "y"). A query with no letters or digits (empty,
 * whitespace, `*`, `"`) returns an empty result rather than an error. Ranking is relevance (title
 * matches weigh more) then `publishedAt`, newest first.
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
    const db: Kysely<any> = trx ?? this.#db.kysely;
    const insert = db.insertInto(TABLE).values({ owner, type: document.type, doc_id: document.id, ...row });
    // One statement either way, so the upsert is atomic even without a caller transaction, and it
    // avoids the gap-lock deadlocks a delete+insert pair can hit on InnoDB under concurrent writers.
    if (this.#db.dialect === 'mysql') {
      await insert.onDuplicateKeyUpdate(row).execute();
    } else {
      await insert
        .onConflict((oc) =>
          oc.columns(['owner', 'type', 'doc_id']).doUpdateSet((eb) => {
            const set: Record<string, unknown> = {};
            for (const column of Object.keys(row)) set[column] = eb.ref(`excluded.${column}`);
            return set;
          }),
        )
        .execute();
    }
  }

  async #remove(owner: string, type: string, id: string, trx: Transaction<any> | undefined): Promise<void> {
    checkKey('type', type, MAX_TYPE_CHARS);
    checkKey('id', id, MAX_ID_CHARS);
    const db: Kysely<any> = trx ?? this.#db.kysely;
    await db.deleteFrom(TABLE).where('owner', '=', owner).where('type', '=', type).where('doc_id', '=', id).execute();
  }

  async #search(query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }> {
    const tenantIds = checkList('tenantIds', query.tenantIds);
    if (tenantIds === undefined || tenantIds.length === 0) {
      throw new InputError('A search needs at least one tenant in tenantIds');
    }
    const plugins = checkList('plugins', query.plugins);
    const types = checkList('types', query.types);
    const limit = checkLimit(query.limit);
    const offset = checkOffset(query.offset);
    if (typeof query.text !== 'string') throw new InputError('The search text must be a string');

    const clauses = parseQuery(query.text);
    // Nothing searchable (empty, whitespace, only punctuation or operators): an empty result, not an
    // error, so a search box can send whatever the user typed.
    if (clauses.length === 0 || plugins?.length === 0 || types?.length === 0) return { total: 0, hits: [] };

    const mysql = this.#db.dialect === 'mysql';
    const db = this.#db.kysely;
    const match = mysql ? mysqlMatch('d.title_fold, d.body_fold', clauses) : sql<boolean>`core_search_fts MATCH ${fts5Query(clauses)}`;
    // The tenant (and plugin/type) filter is part of the full-text query itself, never applied to
    // the results afterwards, so totals and pages are right and other tenants' rows never leave the DB.
    let base = mysql
      ? db.selectFrom(`${TABLE} as d`)
      : db.selectFrom('core_search_fts').innerJoin(`${TABLE} as d`, 'd.id', 'core_search_fts.rowid');
    base = base.where(match).where('d.tenant_id', 'in', tenantIds);
    if (plugins) base = base.where('d.owner', 'in', plugins);
    if (types) base = base.where('d.type', 'in', types);

    const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const total = Number(counted?.n ?? 0);
    if (total === 0 || offset >= total) return { total, hits: [] };

    // bm25() is lower-is-better on SQLite; MATCH() relevance is higher-is-better on MySQL.
    const score = mysql
      ? sql<number>`(${mysqlMatch('d.title_fold', clauses)}) * 2 + (${match})`
      : sql<number>`-bm25(core_search_fts, 4.0, 1.0)`;
    const rows = await base
      .select([
        'd.owner',
        'd.type',
        'd.doc_id',
        'd.tenant_id',
        'd.title',
        'd.body',
        'd.url',
        'd.published_at',
        score.as('score'),
      ])
      .orderBy('score', 'desc')
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();

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
    return { total, hits };
  }
}

// ─── Token form ──────────────────────────────────────────────────────────────────────────────

/**
 * The search tokens of some text: folded, split on everything that is not a letter or digit, each cut
 * to {@link MAX_TOKEN_CHARS}. Used for documents and queries alike, which is what makes them agree.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const token of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    const chars = Array.from(token);
    tokens.push(chars.length > MAX_TOKEN_CHARS ? chars.slice(0, MAX_TOKEN_CHARS).join('') : token);
  }
  return tokens;
}

/** `o` → `o__`, `xa` → `xa_`, `the` → `the_`: never below InnoDB's minimum, never a stopword. */
function padToken(token: string): string {
  const padded = `${token}_`;
  const missing = MIN_TOKEN_CHARS - Array.from(padded).length;
  return missing > 0 ? padded + '_'.repeat(missing) : padded;
}

function toIndexForm(text: string): string {
  return tokenize(text).map(padToken).join(' ');
}

// ─── Queries ─────────────────────────────────────────────────────────────────────────────────

/**
 * Splits user text into clauses. Text between a pair of `"` is a phrase; an unpaired `"` is ignored
 * and the rest read as plain words. Everything else is words, so operators of either engine cannot
 * get through.
 */
function parseQuery(text: string): Clause[] {
  const raw = text.slice(0, MAX_QUERY_CHARS);
  const parts = raw.split('"');
  // An even number of parts means an odd number of quotes: the last one opens nothing.
  const unterminated = parts.length % 2 === 0;
  const clauses: Array<{ tokens: string[]; quoted: boolean }> = [];
  parts.forEach((part, index) => {
    const quoted = index % 2 === 1 && !(unterminated && index === parts.length - 1);
    const tokens = tokenize(part);
    if (quoted && tokens.length > 1) clauses.push({ tokens, quoted });
    else for (const token of tokens) clauses.push({ tokens: [token], quoted });
  });
  const kept = clauses.slice(0, MAX_CLAUSES);
  const last = kept[kept.length - 1];
  // Still typing the last word: the text ends in a letter or digit right after it.
  const typing =
    last !== undefined &&
    kept.length === clauses.length &&
    !last.quoted &&
    last.tokens.length === 1 &&
    Array.from(last.tokens[0]!).length >= 2 &&
    /[\p{L}\p{N}]$/u.test(fold(raw));
  return kept.map((c, i) => ({ tokens: c.tokens, prefix: typing && i === kept.length - 1 }));
}

/**
 * An FTS5 query: every term a quoted string (so `AND`, `NEAR`, `col:` are never keywords), joined by
 * spaces, which FTS5 reads as AND. Tokens hold only letters and digits, so there is nothing to escape.
 */
function fts5Query(clauses: readonly Clause[]): string {
  return clauses.map((c) => `"${c.tokens.join(' ')}"${c.prefix ? '*' : ''}`).join(' ');
}

/** A MySQL boolean-mode query: `+term_` for each term, `+"a_ b_"` for phrases, `+pre*` for a prefix. */
function mysqlBooleanQuery(clauses: readonly Clause[]): string {
  return clauses
    .map((c) => {
      if (c.tokens.length > 1) return `+"${c.tokens.map(padToken).join(' ')}"`;
      // A prefix stays unpadded: `dan*` must match the stored `dan_` and `dang_`.
      return c.prefix ? `+${c.tokens[0]}*` : `+${padToken(c.tokens[0]!)}`;
    })
    .join(' ');
}

function mysqlMatch(columns: 'd.title_fold, d.body_fold' | 'd.title_fold', clauses: readonly Clause[]): RawBuilder<boolean> {
  return sql<boolean>`MATCH(${sql.raw(columns)}) AGAINST(${mysqlBooleanQuery(clauses)} IN BOOLEAN MODE)`;
}

// ─── Snippets ────────────────────────────────────────────────────────────────────────────────

/**
 * A regular expression finding the first place any query term occurs in folded text, on word
 * boundaries (the last term as a prefix when it is one). Phrases are located by their first word.
 */
function snippetFinder(clauses: readonly Clause[]): RegExp {
  const alternatives = clauses.map((c) => {
    const word = c.tokens[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return c.prefix ? word : `${word}(?![\\p{L}\\p{N}])`;
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'u');
}

/** Per-character folds of non-ASCII characters; Vietnamese text uses a small, repeating set. */
const foldCache = new Map<string, string>();

/**
 * About {@link SNIPPET_CHARS} characters of the original (unfolded) body around the first match,
 * cut at spaces and marked with `…` where cut; the start of the body when the match was only in the
 * title. Plain text: the caller escapes it like any other text when rendering HTML.
 */
function makeSnippet(body: string, finder: RegExp): string {
  // Fold character by character, remembering where each folded character came from, so a match in
  // the folded text maps back to the original text.
  const scan = body.length > SNIPPET_SCAN_CHARS ? body.slice(0, SNIPPET_SCAN_CHARS) : body;
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of scan) {
    let f: string;
    if (ch.charCodeAt(0) < 0x80) f = ch.toLowerCase();
    else {
      f = foldCache.get(ch) ?? fold(ch);
      if (foldCache.size < 10_000) foldCache.set(ch, f);
    }
    for (let k = 0; k < f.length; k++) origin.push(at);
    folded += f;
    at += ch.length;
  }
  const found = finder.exec(folded);
  const matchAt = found ? origin[found.index]! : 0;

  let start = Math.max(0, matchAt - SNIPPET_LEAD_CHARS);
  if (start > 0) {
    const space = body.indexOf(' ', start);
    start = space !== -1 && space < matchAt ? space + 1 : start;
  }
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > matchAt && space > start) end = space;
  }
  // Never split a surrogate pair when no space was near.
  if (start > 0 && isLowSurrogate(body.charCodeAt(start))) start++;
  if (end < body.length && isLowSurrogate(body.charCodeAt(end))) end--;
  const text = body.slice(start, end).trim();
  return `${start > 0 ? '… ' : ''}${text}${end < body.length ? ' …' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// ─── Plain text ──────────────────────────────────────────────────────────────────────────────

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * NFC plain text from what a plugin passed, which is often editor HTML: `script`/`style` content,
 * comments and tags are dropped (tag names would otherwise become searchable words and show up in
 * snippets), common entities decoded, control and format characters (bidi overrides, zero-width)
 * removed, whitespace collapsed. Every pattern is linear, because bodies come from editors.
 */
function toPlainText(input: string): string {
  let text = dropRawTextElements(input)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        return valid ? String.fromCodePoint(code) : ' ';
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    });
  text = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').replace(/\s+/g, ' ').trim();
  return normalizeText(text);
}

/** Removes `<script>…</script>` and `<style>…</style>` with their content, in one linear pass. */
function dropRawTextElements(input: string): string {
  const tags = /<(\/?)(script|style)\b[^<>]*>?/gi;
  let out = '';
  let copiedTo = 0;
  let open: string | undefined;
  for (let m = tags.exec(input); m !== null; m = tags.exec(input)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (open === undefined && !closing) {
      out += `${input.slice(copiedTo, m.index)} `;
      open = name;
    } else if (open === name && closing) {
      copiedTo = m.index + m[0].length;
      open = undefined;
    }
  }
  // An element never closed swallows the rest, as a browser would.
  return open === undefined ? out + input.slice(copiedTo) : out;
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

function checkOffset(offset: number | undefined): number {
  if (offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0) throw new InputError('offset must be a non-negative integer');
  return offset;
}
