import { coreServices, fold, InputError, UnitLookup, type PluginContext, type SearchHit, type SearchService, type TenantInfo } from '@cong/sdk';
import type { Lang } from '../site/languages.js';
import { linkedType, NO_UNIT, SEARCH_TYPES, translatedType, typeInfo } from './search-documents.js';
import { isPublic, siteGateRegistryRef } from '../site/site-gate.js';
import { searchSourceRegistryRef, type PortalSearchSource, type SearchSourceRegistry } from './search-sources.js';

/** The portal's own kinds of documents; a search source adds its own `type` (search-sources.ts). */
export type PortalSearchType = 'article' | 'legal' | 'page';
export const OWN_TYPES: readonly PortalSearchType[] = ['article', 'legal', 'page'];
/** `vi`, `en` or a configured language (the route's schema allows the site's languages only). */
export type PortalSearchLang = Lang;

/** What {@link searchPortal} is asked. */
export interface PortalSearchOptions {
  /** The unit whose site asks (the request's unit); `undefined` on a platform without units. */
  readonly tenantId: string | undefined;
  /** Search every unit where the portal is enabled, with a facet of units. Only from the root unit (the province). */
  readonly allUnits?: boolean;
  /** What the visitor typed; accents optional, `"quoted phrases"` kept together. */
  readonly q: string;
  /** One of {@link PortalSearchType}, or a search source's `type` (the route refuses any other). */
  readonly type?: string;
  /** `vi` (default): Vietnamese articles, pages and legal documents; another language: the versions of articles and pages in it. */
  readonly lang?: PortalSearchLang;
  /** Default 20, at most 50. */
  readonly limit?: number;
  readonly offset?: number;
  /** Suggestions while typing: the last word also matches longer words. Default false: whole words, as a submitted search wants. */
  readonly asYouType?: boolean;
}

/** A unit, as a province-wide result names it. */
export interface PortalSearchUnit {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  /** The unit site's host, to link a hit of another unit (`null` when it has none). */
  readonly host: string | null;
}

/** One result. Every string is plain text: encode it when rendering HTML. */
export interface PortalSearchItem {
  /** One of {@link PortalSearchType}, or the `type` of the search source the document is of. */
  readonly type: string;
  readonly lang: PortalSearchLang;
  readonly id: string;
  readonly title: string;
  readonly snippet: string;
  /** A path on the unit's own site (`/tin/<slug>`, `/en/tin/<slug>`, `/lo/trang/<slug>`, `/van-ban/<id>`, a source's `/hoi-dap/<slug>`). */
  readonly url: string;
  /** Publication time of an article, issue day (00:00 in Vietnam) of a legal document; ISO. */
  readonly date: string;
  readonly unitId: string;
  /** Only on a province-wide search. */
  readonly unit?: PortalSearchUnit;
}

export interface PortalSearchPage {
  /** Every match, or `offset +` {@link COUNT_AHEAD} when a one-unit search has more (then `totalIsExact` is false). */
  readonly total: number;
  readonly totalIsExact: boolean;
  readonly limit: number;
  readonly offset: number;
  readonly items: PortalSearchItem[];
  /** Only on a province-wide search: hits per unit, most first, units without hits left out. */
  readonly facets?: { readonly units: Array<PortalSearchUnit & { readonly count: number }> };
}

export const DEFAULT_LIMIT = 20;
/**
 * A one-unit search counts its matches this far past the page's start (five pages of 20), no further:
 * the page itself is read newest first and stops at its end, but a count reads every match, and at a
 * million articles a common word matches thousands of a unit's documents (counting up to 1,000 made a
 * search 1.7× slower than without: benchmarks.md, F13). The site says "more than N" and pages on; a
 * province-wide search counts exactly, since its unit facet adds up per-unit counts anyway.
 */
export const COUNT_AHEAD = 100;
export const MAX_LIMIT = 50;
/**
 * A search made of several core queries (a province-scoped source on a unit's site) merges their first
 * hits, so it pages through this many results at most, and counts no further (`totalIsExact` false beyond).
 */
export const MERGED_DEPTH = 1000;
/** The most hits the core answers in one call. */
const CORE_PAGE = 100;

/** Unit facets are one count per unit; they are kept this long per query, as visitors page through results. */
const FACET_TTL_MS = 30_000;
const FACET_CACHE_SIZE = 500;
/** Counts run this many at a time, so a province-wide search does not take every pooled connection. */
const FACET_CONCURRENCY = 4;
const facetCache = new Map<string, { at: number; counts: Map<string, number> }>();

/**
 * The portal's public search, for the JSON route and the site's pages: published articles and legal
 * documents of one unit, or — from the province (the root unit) with `allUnits` — of every unit where
 * the portal is enabled, with a facet of units (TEN-05, POR-20). Diacritic-insensitive; phrases in quotes.
 *
 * With the Vietnamese search come the other plugins' public documents of the search sources
 * (`portal.search-sources`, search-sources.ts) enabled for the unit: a unit-scoped source's under the
 * unit (every unit's, on a province-wide search), a province-scoped source's under the province. Sources
 * filed under the same units as the portal's own content are searched in the same core query; the others
 * (a province-scoped source on a unit's site) in a query of their own, the pages merged (see {@link mergeHits}).
 */
export async function searchPortal(ctx: PluginContext, options: PortalSearchOptions): Promise<PortalSearchPage> {
  const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, options.offset ?? 0);
  const lang = options.lang ?? 'vi';
  const registry = ctx.get(searchSourceRegistryRef);
  const source = options.type === undefined ? undefined : registry.byType(options.type);
  if (options.type !== undefined && !source && !(OWN_TYPES as readonly string[]).includes(options.type)) {
    const known = [...OWN_TYPES, ...registry.all().map((s) => s.type)];
    throw new InputError(`Unknown type ${options.type}`, { errors: [{ in: 'query', pointer: '/type', message: `must be one of ${known.join(', ')}`, keyword: 'enum' }] });
  }
  const own = source ? [] : typesFor(options.type as PortalSearchType | undefined, lang);
  // A unit's search finds the other units' articles shown on its site; a province-wide one finds them at their source only.
  const types = options.allUnits ? own : [...own, ...own.filter((t) => typeInfo(t).kind === 'article').map(linkedType)];
  // The sources' documents are Vietnamese: searched on the Vietnamese search, all of them or the one asked for.
  const sources = lang !== 'vi' ? [] : source ? [source] : options.type === undefined ? registry.all() : [];
  const search = ctx.get(coreServices.search);

  let units: TenantInfo[] | undefined;
  let tenantIds: string[];
  if (options.allUnits) {
    units = await provinceUnits(ctx, options.tenantId);
    tenantIds = units.map((u) => u.id);
  } else {
    tenantIds = [options.tenantId ?? NO_UNIT];
  }
  const asYouType = options.asYouType ?? false;
  const ownGroup: SearchGroup = { tenantIds, plugins: [ctx.pluginId], types, asYouType };
  // Without sources (the portal alone) this is the one group, and the search is one core query as ever.
  const groups = (sources.length === 0 ? [ownGroup] : joinGroups([ownGroup, ...(await sourceGroups(ctx, sources, options, units, asYouType))])).filter(
    (g) => g.tenantIds.length > 0 && g.types.length > 0,
  );
  if (groups.length === 0) return { total: 0, totalIsExact: true, limit, offset, items: [], ...(units ? { facets: { units: [] } } : {}) };

  const byId = new Map((units ?? []).map((u) => [u.id, u]));
  const toItems = (hits: readonly SearchHit[]) => hits.flatMap((hit) => toItem(hit, ctx.pluginId, byId, registry) ?? []);
  let total: number;
  let totalIsExact: boolean;
  let items: PortalSearchItem[];
  if (groups.length === 1) {
    const result = await search.search({ text: options.q, ...groups[0]!, limit, offset, ...(units ? {} : { countUpTo: offset + COUNT_AHEAD }) });
    total = result.total;
    totalIsExact = units ? true : result.totalIsExact !== false;
    items = toItems(result.hits);
  } else {
    const depth = Math.min(offset + limit, MERGED_DEPTH);
    const lists = await Promise.all(groups.map((g) => topHits(search, { text: options.q, ...g }, depth, units ? undefined : MERGED_DEPTH)));
    const sum = lists.reduce((n, l) => n + l.total, 0);
    total = Math.min(sum, MERGED_DEPTH);
    totalIsExact = lists.every((l) => l.exact) && sum <= MERGED_DEPTH;
    items = toItems(mergeHits(lists.map((l) => l.hits), depth, options.q).slice(offset, offset + limit));
  }
  if (!units) return { total, totalIsExact, limit, offset, items };

  const counts = await unitCounts(ctx, options.q, groups, total);
  const facet = units
    .filter((u) => (counts.get(u.id) ?? 0) > 0)
    .map((u) => ({ ...unitOf(u), count: counts.get(u.id)! }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'));
  return { total, totalIsExact, limit, offset, items, facets: { units: facet } };
}

/** One core query's filters (the portal's own documents, or the sources filed under the same units), and how its last word matches. */
interface SearchGroup {
  readonly tenantIds: readonly string[];
  readonly plugins: readonly string[];
  readonly types: readonly string[];
  readonly asYouType: boolean;
}

/**
 * The units each source is searched under, for the sources enabled for the unit whose site searches
 * (on a province-wide search: a unit-scoped source under every unit it is enabled for).
 */
async function sourceGroups(
  ctx: PluginContext,
  sources: readonly PortalSearchSource[],
  options: PortalSearchOptions,
  units: readonly TenantInfo[] | undefined,
  asYouType: boolean,
): Promise<SearchGroup[]> {
  const here = options.tenantId;
  if (here === undefined) return []; // a platform without units has no province to file them under
  const groups: SearchGroup[] = [];
  for (const source of sources) {
    let tenantIds: string[];
    if (units && source.scope === 'unit') {
      const enabled = await Promise.all(units.map((u) => source.isEnabled(u.id)));
      tenantIds = units.filter((_, i) => enabled[i]).map((u) => u.id);
    } else if (!(await source.isEnabled(here))) {
      continue;
    } else {
      tenantIds = source.scope === 'unit' ? [here] : [(await new UnitLookup(ctx.get(coreServices.tenancy)).root(here))?.id ?? here];
    }
    groups.push({ tenantIds, plugins: [source.plugin], types: source.documentTypes, asYouType });
  }
  return groups;
}

/**
 * Groups over the same units become one (their plugins and types joined; a source's document types
 * are its own, so no plugin's documents are found under another's types), the first group first.
 */
function joinGroups(groups: readonly SearchGroup[]): SearchGroup[] {
  const joined = new Map<string, SearchGroup>();
  for (const g of groups) {
    const key = [...g.tenantIds].sort().join('\u0000');
    const known = joined.get(key);
    joined.set(key, known ? { ...known, plugins: [...new Set([...known.plugins, ...g.plugins])], types: [...new Set([...known.types, ...g.types])] } : g);
  }
  return [...joined.values()];
}

/** The first `n` hits of one query (the core answers at most {@link CORE_PAGE} a call), and its total. */
async function topHits(search: SearchService, query: SearchGroup & { readonly text: string }, n: number, countUpTo: number | undefined): Promise<{ hits: SearchHit[]; total: number; exact: boolean }> {
  const first = await search.search({ ...query, limit: Math.min(n, CORE_PAGE), offset: 0, ...(countUpTo === undefined ? {} : { countUpTo }) });
  const hits = [...first.hits];
  while (hits.length < n && hits.length < first.total) {
    // The total is known: count no further.
    const next = await search.search({ ...query, limit: Math.min(n - hits.length, CORE_PAGE), offset: hits.length, countUpTo: 1 });
    if (next.hits.length === 0) break;
    hits.push(...next.hits);
  }
  return { hits, total: first.total, exact: first.totalIsExact !== false };
}

/**
 * The first `n` hits of several queries, as one list: each query's hits keep their order (the core's
 * ranking), and of their next hits a title holding every word of the query comes first, then the newest.
 * The first `n` of the merged list depend only on the first `n` of each, so pages never overlap or skip.
 */
export function mergeHits(lists: readonly (readonly SearchHit[])[], n: number, text: string): SearchHit[] {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const inTitle = (hit: SearchHit) => {
    const title = fold(hit.title);
    return words.every((w) => title.includes(w));
  };
  const before = (a: SearchHit, b: SearchHit) => {
    const [ta, tb] = [inTitle(a), inTitle(b)];
    return ta !== tb ? ta : a.publishedAt.getTime() > b.publishedAt.getTime();
  };
  const next = lists.map(() => 0);
  const out: SearchHit[] = [];
  while (out.length < n) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (next[i]! >= lists[i]!.length) continue;
      if (best < 0 || before(lists[i]![next[i]!]!, lists[best]![next[best]!]!)) best = i;
    }
    if (best < 0) break;
    out.push(lists[best]![next[best]!++]!);
  }
  return out;
}

function typesFor(type: PortalSearchType | undefined, lang: PortalSearchLang): string[] {
  if (lang !== 'vi') return type === 'legal' ? [] : type === 'article' || type === 'page' ? [translatedType(type, lang)] : [translatedType('article', lang), translatedType('page', lang)];
  if (type === 'article') return [SEARCH_TYPES.article];
  if (type === 'legal') return [SEARCH_TYPES.legal];
  if (type === 'page') return [SEARCH_TYPES.page];
  return [SEARCH_TYPES.article, SEARCH_TYPES.page, SEARCH_TYPES.legal];
}

/** The units a province-wide search covers; refused from any unit but the root. */
async function provinceUnits(ctx: PluginContext, tenantId: string | undefined): Promise<TenantInfo[]> {
  const tenancy = ctx.get(coreServices.tenancy);
  const here = tenantId === undefined ? undefined : await tenancy.get(tenantId);
  if (here === undefined || here.parentId !== null) {
    throw new InputError('Only the province site searches every unit', {
      errors: [{ in: 'query', pointer: '/allUnits', message: 'is only allowed on the root unit (the province)', keyword: 'const' }],
    });
  }
  // A draft, suspended or closed site is not searched from the province; an archive shown with its notice is.
  const gates = ctx.get(siteGateRegistryRef);
  const units = (await tenancy.enabledTenants()).filter((u) => u.status === 'active');
  const verdicts = await Promise.all(units.map((u) => gates.verdict(u.id, ctx)));
  return units.filter((_, i) => isPublic(verdicts[i]!));
}

/**
 * Hits per unit. The core's search has no facets, so this is one count query per unit and query group
 * holding it (a page of one hit), a few at a time, cached briefly per query; a query with no hits needs none.
 */
async function unitCounts(ctx: PluginContext, text: string, groups: readonly SearchGroup[], total: number): Promise<Map<string, number>> {
  if (total === 0) return new Map();
  const key = JSON.stringify([fold(text).replace(/\s+/g, ' ').trim(), groups]);
  const cached = facetCache.get(key);
  if (cached && Date.now() - cached.at < FACET_TTL_MS) return cached.counts;

  const search = ctx.get(coreServices.search);
  const counts = new Map<string, number>();
  const queue = groups.flatMap((group) => group.tenantIds.map((id) => ({ id, group })));
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const { total: n } = await search.search({ text, plugins: job.group.plugins, types: job.group.types, asYouType: job.group.asYouType, tenantIds: [job.id], limit: 1, offset: 1_000_000_000 });
      if (n > 0) counts.set(job.id, (counts.get(job.id) ?? 0) + n);
    }
  };
  await Promise.all(Array.from({ length: FACET_CONCURRENCY }, worker));

  if (facetCache.size >= FACET_CACHE_SIZE) {
    for (const [k, v] of facetCache) if (Date.now() - v.at >= FACET_TTL_MS || facetCache.size >= FACET_CACHE_SIZE) facetCache.delete(k);
  }
  facetCache.set(key, { at: Date.now(), counts });
  return counts;
}

function unitOf(u: TenantInfo): PortalSearchUnit {
  return { id: u.id, slug: u.slug, name: u.nameVi, host: u.primaryHost };
}

/** A hit as a result: a portal document, or a source's (none for a document of a plugin under another's type). */
function toItem(hit: SearchHit, portal: string, units: ReadonlyMap<string, TenantInfo>, sources: SearchSourceRegistry): PortalSearchItem | undefined {
  let type: string;
  let lang: PortalSearchLang;
  if (hit.plugin === portal) {
    ({ kind: type, lang } = typeInfo(hit.type));
  } else {
    const source = sources.forHit(hit.plugin, hit.type);
    if (!source) return undefined;
    type = source.type;
    lang = 'vi';
  }
  const unit = units.get(hit.tenantId);
  return {
    type,
    lang,
    id: hit.id,
    title: hit.title,
    snippet: hit.snippet,
    url: hit.url,
    date: hit.publishedAt.toISOString(),
    unitId: hit.tenantId,
    ...(unit ? { unit: unitOf(unit) } : {}),
  };
}
