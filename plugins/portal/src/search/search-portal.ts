import { coreServices, fold, InputError, type PluginContext, type SearchHit, type TenantInfo } from '@cong/sdk';
import type { Lang } from '../site/languages.js';
import { linkedType, NO_UNIT, SEARCH_TYPES, translatedType, typeInfo } from './search-documents.js';
import { isPublic, siteGateRegistryRef } from '../site/site-gate.js';

export type PortalSearchType = 'article' | 'legal' | 'page';
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
  readonly type?: PortalSearchType;
  /** `vi` (default): Vietnamese articles, pages and legal documents; another language: the versions of articles and pages in it. */
  readonly lang?: PortalSearchLang;
  /** Default 20, at most 50. */
  readonly limit?: number;
  readonly offset?: number;
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
  readonly type: PortalSearchType;
  readonly lang: PortalSearchLang;
  readonly id: string;
  readonly title: string;
  readonly snippet: string;
  /** A path on the unit's own site (`/tin/<slug>`, `/en/tin/<slug>`, `/lo/trang/<slug>`, `/van-ban/<id>`). */
  readonly url: string;
  /** Publication time of an article, issue day (00:00 in Vietnam) of a legal document; ISO. */
  readonly date: string;
  readonly unitId: string;
  /** Only on a province-wide search. */
  readonly unit?: PortalSearchUnit;
}

export interface PortalSearchPage {
  /** Every match, or {@link COUNT_UP_TO} when a one-unit search has more (then `totalIsExact` is false). */
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
 * A one-unit search counts its matches up to this many: counting thousands of matches cost more than
 * finding the page (2.4 ms of 6 at a million articles); the site then says "more than 1,000". A
 * province-wide search counts exactly, since its unit facet adds up per-unit counts anyway.
 */
export const COUNT_UP_TO = 1000;
export const MAX_LIMIT = 50;

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
 */
export async function searchPortal(ctx: PluginContext, options: PortalSearchOptions): Promise<PortalSearchPage> {
  const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const offset = Math.max(0, options.offset ?? 0);
  const own = typesFor(options.type, options.lang ?? 'vi');
  // A unit's search finds the other units' articles shown on its site; a province-wide one finds them at their source only.
  const types = options.allUnits ? own : [...own, ...own.filter((t) => typeInfo(t).kind === 'article').map(linkedType)];
  const search = ctx.get(coreServices.search);

  let units: TenantInfo[] | undefined;
  let tenantIds: string[];
  if (options.allUnits) {
    units = await provinceUnits(ctx, options.tenantId);
    tenantIds = units.map((u) => u.id);
  } else {
    tenantIds = [options.tenantId ?? NO_UNIT];
  }
  if (types.length === 0 || tenantIds.length === 0) return { total: 0, totalIsExact: true, limit, offset, items: [], ...(units ? { facets: { units: [] } } : {}) };

  const query = { text: options.q, tenantIds, plugins: [ctx.pluginId], types };
  const result = await search.search({ ...query, limit, offset, ...(units ? {} : { countUpTo: COUNT_UP_TO }) });
  const byId = new Map((units ?? []).map((u) => [u.id, u]));
  const items = result.hits.map((hit) => toItem(hit, byId));
  if (!units) return { total: result.total, totalIsExact: result.totalIsExact !== false, limit, offset, items };

  const counts = await unitCounts(ctx, query, result.total);
  const facet = units
    .filter((u) => (counts.get(u.id) ?? 0) > 0)
    .map((u) => ({ ...unitOf(u), count: counts.get(u.id)! }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'));
  return { total: result.total, totalIsExact: true, limit, offset, items, facets: { units: facet } };
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
 * Hits per unit. The core's search has no facets, so this is one count query per unit (a page of one
 * hit), a few at a time, cached briefly per query; a query with no hits needs none.
 */
async function unitCounts(ctx: PluginContext, query: { text: string; tenantIds: string[]; plugins: string[]; types: string[] }, total: number): Promise<Map<string, number>> {
  if (total === 0) return new Map();
  const key = JSON.stringify([fold(query.text).replace(/\s+/g, ' ').trim(), query.types, query.tenantIds]);
  const cached = facetCache.get(key);
  if (cached && Date.now() - cached.at < FACET_TTL_MS) return cached.counts;

  const search = ctx.get(coreServices.search);
  const counts = new Map<string, number>();
  const queue = [...query.tenantIds];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const { total: n } = await search.search({ ...query, tenantIds: [id], limit: 1, offset: 1_000_000_000 });
      if (n > 0) counts.set(id, n);
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

function toItem(hit: SearchHit, units: ReadonlyMap<string, TenantInfo>): PortalSearchItem {
  const unit = units.get(hit.tenantId);
  return {
    type: typeInfo(hit.type).kind,
    lang: typeInfo(hit.type).lang,
    id: hit.id,
    title: hit.title,
    snippet: hit.snippet,
    url: hit.url,
    date: hit.publishedAt.toISOString(),
    unitId: hit.tenantId,
    ...(unit ? { unit: unitOf(unit) } : {}),
  };
}
