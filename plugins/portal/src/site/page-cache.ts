import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import type { Kysely } from 'kysely';

/** A stored response: what a hit sends back. */
export interface CachedPage {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Encoded once when stored: a hit hands Koa the bytes, not a string to encode again (a third of a hit's cost). */
  readonly body: Buffer;
  /** Whether the body is worth compressing; the compressed copies are made on first demand, then kept. */
  readonly compressible: boolean;
  /** The answer of a hit in each encoding asked for so far: body and headers made once, not per request. */
  readonly variants: Partial<Record<Encoding, Variant>>;
  readonly etag: string | undefined;
  /** What the entry holds: the body, and the compressed copies as they are made. */
  bytes: number;
  readonly at: number;
}

type Encoding = 'identity' | 'br' | 'gzip';

/** One representation of a cached page: its bytes, its ETag, and the headers a hit answers with. */
interface Variant {
  readonly body: Buffer;
  readonly etag: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/** A stored page: the body as bytes, once. */
function cachedPage(res: RouteResponse & { body: string | Buffer }, key: string, at: number): CachedPage {
  const body = typeof res.body === 'string' ? Buffer.from(res.body) : res.body;
  const compressible = body.byteLength >= COMPRESS_FROM_BYTES;
  const bytes = body.byteLength + key.length + 200;
  return { status: res.status, headers: res.headers ?? {}, body, compressible, variants: {}, etag: res.headers?.etag, bytes, at };
}

/**
 * The page in `encoding`: compressed on first demand and kept with the page (a miss pays for the one
 * encoding its client asked for: brotli at quality 5 costs about 0.05 ms for a 15 KB page). Each
 * encoding is its own representation: its own ETag (RFC 9110 §8.8.3), kept apart by `Vary`.
 */
function variantOf(page: CachedPage, encoding: Encoding, grew: (bytes: number) => void): Variant {
  const known = page.variants[encoding];
  if (known) return known;
  const body =
    encoding === 'br'
      ? brotliCompressSync(page.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: page.body.byteLength } })
      : encoding === 'gzip'
        ? gzipSync(page.body, { level: 6 })
        : page.body;
  const etag = page.etag && encoding !== 'identity' ? page.etag.replace(/"$/, `-${encoding}"`) : page.etag;
  const headers: Record<string, string> = { ...page.headers, 'x-cache': 'hit', ...(page.compressible ? { vary: varyWithEncoding(page.headers.vary) } : {}), ...(etag ? { etag } : {}) };
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  // Shared by every hit: frozen, so nothing downstream can change one request's headers for the next.
  const made = { body, etag, headers: Object.freeze(headers) };
  if (body !== page.body) grew(body.byteLength);
  page.variants[encoding] = made;
  return made;
}

/** Accept-Encoding values seen, with the encoding chosen for each: clients send a handful of distinct ones. */
const chosen = new Map<string, Encoding>();

function encodingFor(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let encoding = chosen.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = chooseEncoding(acceptEncoding) ?? 'identity';
    if (chosen.size >= 256) chosen.clear(); // arbitrary headers must not grow memory
    chosen.set(acceptEncoding, encoding);
  }
  return encoding;
}

/** The best encoding of the page the client accepts (`Accept-Encoding`, with q-values): br, gzip or none. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * A least-recently-used map bounded by entries and by bytes (a Map keeps insertion order: a read
 * moves the entry to the end, eviction takes from the front).
 */
export class LruCache<V extends { bytes: number }> {
  readonly #map = new Map<string, V>();
  #bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.#map.size;
  }
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) return; // never worth evicting everything for
    this.#map.set(key, value);
    this.#bytes += value.bytes;
    for (const [k, v] of this.#map) {
      if (this.#map.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#map.delete(k);
      this.#bytes -= v.bytes;
    }
  }

  /** The entry `key` holds `bytes` more (a compressed copy made for it); older entries make room. */
  grow(key: string, bytes: number): void {
    const value = this.#map.get(key);
    if (value === undefined) return;
    value.bytes += bytes;
    this.#bytes += bytes;
    for (const [k, v] of this.#map) {
      if (this.#bytes <= this.maxBytes || k === key) break;
      this.#map.delete(k);
      this.#bytes -= v.bytes;
    }
  }

  delete(key: string): void {
    const old = this.#map.get(key);
    if (old === undefined) return;
    this.#map.delete(key);
    this.#bytes -= old.bytes;
  }

  /** Drops every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): number {
    let n = 0;
    for (const key of [...this.#map.keys()]) {
      if (key.startsWith(prefix)) {
        this.delete(key);
        n++;
      }
    }
    return n;
  }
}

/** Query parameters that only track where a visitor came from; they never change a page. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|zarsrc|zalo_.*|_ga|_gl|mc_(cid|eid)|ref|ref_src)$/i;

/**
 * The query string of a cache key: the parameters the page reads (`keep`), sorted; tracking tags and
 * any other parameter the route ignores are dropped, so `?utm_source=zalo` shares the plain page's entry.
 */
export function normalizeQuery(query: Readonly<Record<string, unknown>> | undefined, keep: readonly string[]): string {
  if (!query) return '';
  const pairs: [string, string][] = [];
  for (const name of [...keep].sort()) {
    if (TRACKING.test(name)) continue;
    const value = query[name];
    if (typeof value === 'string' && value !== '') pairs.push([name, value]);
  }
  return new URLSearchParams(pairs).toString();
}

/** Signed in, or calling with credentials: the staff session cookie (`sid`, `__Host-sid`) or an Authorization header. */
export function hasCredentials(req: RouteRequest): boolean {
  if (req.principal !== undefined) return true;
  if ((req.headers.authorization ?? '') !== '') return true;
  const cookie = req.headers.cookie ?? '';
  return /(?:^|;\s*)(?:__Host-|__Secure-)?(?:sid|session[\w-]*)=[^;\s]/i.test(cookie);
}

interface GenerationTable {
  portal_site_generations: { tenant_id: string; generation: number; updated_at: number };
}
interface SourceTables {
  portal_legal_documents: { tenant_id: string | null; updated_at: number };
  portal_legal_relations: { tenant_id: string | null };
  portal_categories: { tenant_id: string; updated_at: number };
}

/** What the cache knows of one unit. */
interface UnitState {
  /** Bumped at every invalidation; a render started under another epoch is not stored. */
  epoch: number;
  /** The unit's fingerprint in the database when last checked, and when. */
  fingerprint: string | undefined;
  checkedAt: number;
  pending: Promise<void> | undefined;
}

export interface PageCacheOptions {
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  /** How often, at most, a unit's fingerprint is read from the database. Default 1 s. */
  readonly checkEveryMs?: number;
  /** Entries older than this are rendered again whatever the fingerprint says. Default 5 minutes. */
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** Called whenever a unit's pages are dropped here (what else renders from the same data drops too). */
  readonly onInvalidate?: (tenantId: string) => void;
}

export type CacheOutcome = 'hit' | 'miss' | 'bypass';

/**
 * The public site's page cache, in process. Keys start with the unit id, so a unit's entries drop
 * together. Invalidation:
 * - in this process, at once, on `portal.article-published` / `-unpublished` (the whole unit);
 * - from other processes, through the unit's fingerprint in the database, read at most once a second:
 *   the generation those events bump (`portal_site_generations`), and the count and newest `updated_at`
 *   of the unit's categories and legal documents and the count of legal relations (these areas emit no
 *   events, so their changes show within a second, in every process);
 * - by age (`ttlMs`), for what neither covers (theme tokens, unit names, the date legal statuses are computed for is in the key).
 */
export class PageCache {
  readonly #lru: LruCache<CachedPage>;
  readonly #units = new Map<string, UnitState>();
  readonly #checkEveryMs: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #onInvalidate: ((tenantId: string) => void) | undefined;
  /** Counts, for operators and tests. */
  readonly stats = { hits: 0, misses: 0, bypasses: 0, invalidations: 0 };

  constructor(options: PageCacheOptions = {}) {
    this.#lru = new LruCache(options.maxEntries ?? 2_000, options.maxBytes ?? 64 * 1024 * 1024);
    this.#checkEveryMs = options.checkEveryMs ?? 1_000;
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#onInvalidate = options.onInvalidate;
  }

  get size(): number {
    return this.#lru.size;
  }

  #unit(tenantId: string): UnitState {
    let state = this.#units.get(tenantId);
    if (!state) {
      state = { epoch: 0, fingerprint: undefined, checkedAt: -Infinity, pending: undefined };
      this.#units.set(tenantId, state);
    }
    return state;
  }

  /** Drops every page of the unit in this process. */
  invalidateLocal(tenantId: string): void {
    const state = this.#unit(tenantId);
    state.epoch++;
    this.stats.invalidations++;
    this.#lru.deletePrefix(`${tenantId}\u0000`);
    this.#onInvalidate?.(tenantId);
  }

  /** Drops the unit's pages here, and bumps its generation so other processes drop theirs within a second. */
  async invalidate(db: Kysely<any>, tenantId: string): Promise<void> {
    this.invalidateLocal(tenantId);
    const gen = db as Kysely<GenerationTable>;
    const now = this.#now();
    const bump = () =>
      gen
        .updateTable('portal_site_generations')
        .set((eb) => ({ generation: eb('generation', '+', 1), updated_at: now }))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
    try {
      if (Number((await bump()).numUpdatedRows) > 0) return;
      try {
        await gen.insertInto('portal_site_generations').values({ tenant_id: tenantId, generation: 1, updated_at: now }).execute();
      } catch {
        await bump(); // another process inserted it first
      }
    } finally {
      // Our own bump moved the fingerprint: read it before the next page is stored, or a check a second
      // later would take it for another process's change and drop the pages rendered since.
      this.#unit(tenantId).checkedAt = -Infinity;
    }
  }

  /**
   * Reads the unit's fingerprint when the last read is older than the interval; drops its pages (and,
   * through `onInvalidate`, what else is kept of the unit) when it moved. Every render of a unit's page
   * comes after it, cached or not: the unit reads kept per process (unit-memo.ts) rely on that.
   */
  async freshen(db: Kysely<any>, tenantId: string): Promise<UnitState> {
    const state = this.#unit(tenantId);
    if (this.#now() - state.checkedAt < this.#checkEveryMs) return state;
    state.pending ??= (async () => {
      try {
        const fingerprint = await readFingerprint(db, tenantId);
        if (state.fingerprint !== undefined && fingerprint !== state.fingerprint) this.invalidateLocal(tenantId);
        state.fingerprint = fingerprint;
        state.checkedAt = this.#now();
      } finally {
        state.pending = undefined;
      }
    })();
    await state.pending;
    return state;
  }

  /**
   * Serves `key` of the unit from the cache, or renders, stores and serves it. Only for anonymous
   * requests (the caller checks); a 304 when the client's ETag matches.
   */
  async serve(db: Kysely<any>, req: RouteRequest, tenantId: string, key: string, render: () => Promise<RouteResponse>): Promise<RouteResponse> {
    const full = `${tenantId}\u0000${key}`;
    const state = await this.freshen(db, tenantId);
    const found = this.#lru.get(full);
    if (found && this.#now() - found.at < this.#ttlMs) {
      this.stats.hits++;
      return answer(req, found, 'hit', (n) => this.#lru.grow(full, n));
    }
    this.stats.misses++;
    const epoch = state.epoch;
    const res = await render();
    const headers = { ...(res.headers ?? {}), 'x-cache': 'miss' };
    // Stored: pages (200), moved (301) and withdrawn (410) addresses; not 404s, whose keys anyone can invent.
    if ((res.status === 200 || res.status === 301 || res.status === 410) && (typeof res.body === 'string' || Buffer.isBuffer(res.body)) && state.epoch === epoch) {
      const page = cachedPage(res as RouteResponse & { body: string | Buffer }, full, this.#now());
      this.#lru.set(full, page);
      return answer(req, page, 'miss', (n) => this.#lru.grow(full, n));
    }
    return respond(res.status, res.body, headers);
  }

  /** Counts a request the cache did not see, and marks its response. */
  bypass(res: RouteResponse, signedIn: boolean): RouteResponse {
    this.stats.bypasses++;
    const headers: Record<string, string> = { ...(res.headers ?? {}), 'x-cache': 'bypass' };
    if (signedIn) headers['cache-control'] = 'private, no-cache';
    return respond(res.status, res.body, headers);
  }
}

function answer(req: RouteRequest, page: CachedPage, outcome: CacheOutcome, grew: (bytes: number) => void): RouteResponse {
  const variant = variantOf(page, page.compressible ? encodingFor(req.headers['accept-encoding'] as string | undefined) : 'identity', grew);
  const headers = outcome === 'hit' ? variant.headers : { ...variant.headers, 'x-cache': outcome };
  if (page.status === 200 && variant.etag && (req.headers['if-none-match'] as string | undefined)?.split(/\s*,\s*/).includes(variant.etag)) return respond(304, undefined, headers);
  return respond(page.status, variant.body, headers);
}

function varyWithEncoding(vary: string | undefined): string {
  return vary && !/accept-encoding/i.test(vary) ? `${vary}, Accept-Encoding` : (vary ?? 'Accept-Encoding');
}

/** What the unit's pages depend on beyond the article events, as one string: one statement, read once a second per unit. */
async function readFingerprint(db: Kysely<any>, tenantId: string): Promise<string> {
  const k = db as Kysely<GenerationTable & SourceTables>;
  const row = await k
    .selectNoFrom((eb) => [
      eb.selectFrom('portal_site_generations').select('generation').where('tenant_id', '=', tenantId).as('generation'),
      eb.selectFrom('portal_legal_documents').select((s) => s.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).as('legal'),
      eb.selectFrom('portal_legal_documents').select((s) => s.fn.max('updated_at').as('m')).where('tenant_id', '=', tenantId).as('legal_changed'),
      eb.selectFrom('portal_legal_relations').select((s) => s.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).as('relations'),
      eb.selectFrom('portal_categories').select((s) => s.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).as('categories'),
      eb.selectFrom('portal_categories').select((s) => s.fn.max('updated_at').as('m')).where('tenant_id', '=', tenantId).as('categories_changed'),
    ])
    .executeTakeFirstOrThrow();
  return [row.generation, row.legal, row.legal_changed, row.relations, row.categories, row.categories_changed].map((v) => String(Number(v ?? 0))).join(':');
}
