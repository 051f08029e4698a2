import { coreServices, respond, type PluginContext, type PluginRegistrar, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { articlePublished, articleUnpublished } from '../content/content-events.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { categoryFeed, legalFeed, robots, sitemap, unitFeed } from './feeds.js';
import { sendHtml } from './layout.js';
import { ArticlePdfs } from './article-pdf.js';
import { PdfPrinter } from './pdf-printer.js';
import { articlePage, categoryPage, homePage, legalDetailPage, legalListPage, type LegalListQuery } from './pages.js';
import { hasCredentials, normalizeQuery, PageCache } from './page-cache.js';
import { searchPage, type SearchQuery } from './search-page.js';
import { PORTAL_ERR_LANGUAGES_INVALID } from '../errors.js';
import type { Lang, Languages } from './languages.js';
import { siteFor, type Site } from './site-context.js';
import { siteChanged } from './site-events.js';
import type { SitePageDefinition } from './site-page.js';
import { PREVIEW_PARAM, siteThemePoint, ThemeRegistry } from './theme.js';
import { gateResponse, withNotice } from './gate-pages.js';
import { siteGatePoint, SiteGateRegistry, siteGateRegistryRef } from './site-gate.js';
import { forgetUnitReads, type CheckUnitFresh } from './unit-memo.js';

/**
 * Query strings of public pages: the named parameters, and any other (tracking tags such as
 * `utm_source`, `fbclid`) accepted as short strings and ignored, so a shared link never answers 400.
 */
const query = (properties: Record<string, object>) => ({ type: 'object', properties, additionalProperties: { type: 'string', maxLength: 500 } }) as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const slugParams = { type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: text(200) } } as const;

interface PageOptions {
  /** The route's path template: with the language, the params and the kept query, the cache key. */
  readonly route: string;
  /** Query parameters the page reads; every other one (tracking tags) is left out of the cache key. */
  readonly keep?: readonly string[];
  /** False for pages that must not be cached (search results). Default true. */
  readonly cache?: boolean;
}

/**
 * `PORTAL_PAGE_CACHE=off` serves every page rendered afresh (answers say `x-cache: bypass`): for
 * measuring the renderer, or for a deployment that caches in front (a CDN or nginx honouring the
 * pages' `cache-control`) and wants no second copy in each process.
 */
const PAGE_CACHE_ON = process.env.PORTAL_PAGE_CACHE !== 'off';

/**
 * Runs a page with the request's site, or the plain not-found page when the request has no unit.
 * Anonymous requests go through the page cache; signed-in ones (session cookie, Authorization) bypass
 * it and get a `private` response. Either way the unit's fingerprint is checked first (at most once a
 * second), so a page rendered afresh does not show another process's change later than a cached one.
 */
function page(themes: ThemeRegistry, cache: PageCache, gates: SiteGateRegistry, languages: Languages, lang: Lang, options: PageOptions, render: (req: RouteRequest<any, any>, site: Site) => Promise<RouteResponse> | RouteResponse) {
  const run = async (req: RouteRequest<any, any>, ctx: PluginContext, preview: string | null = null): Promise<RouteResponse> => {
    if (req.tenantId !== undefined) await cache.freshen(ctx.get(coreServices.database).kysely(), req.tenantId); // at once when the cache just did
    const site = await siteFor(req, ctx, languages, lang, themes, preview);
    if (!site) return sendHtml(req, 404, '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title><main><h1>Không tìm thấy trang</h1></main></html>');
    // The notice (an archived site) is part of the page as cached: a change of verdict drops the unit's pages.
    return withNotice(await render(req, site), await gates.verdict(req.tenantId, ctx));
  };
  return async (req: RouteRequest<any, any>, ctx: PluginContext): Promise<RouteResponse> => {
    // Before the cache: a draft, suspended or closed site is not served as a live one (one map lookup when known).
    const blocked = gateResponse(req, await gates.verdict(req.tenantId, ctx));
    if (blocked) return blocked;
    // A preview of a draft theme or home layout: rendered afresh, never cached, never shared.
    const preview = await acceptedPreview(req, ctx, themes);
    if (preview !== null) return privatePreview(cache.bypass(await run(req, ctx, preview), true));
    const signedIn = hasCredentials(req);
    if (!PAGE_CACHE_ON || signedIn || options.cache === false || req.tenantId === undefined) return cache.bypass(await run(req, ctx), signedIn);
    const host = (req.headers.host ?? '').toLowerCase();
    const key = [req.protocol, host, lang, options.route, JSON.stringify(req.params ?? {}), normalizeQuery(req.query as Record<string, unknown>, options.keep ?? []), vietnamDate()].join('\u0000');
    return cache.serve(ctx.get(coreServices.database).kysely(), req, req.tenantId, key, () => run(req, ctx));
  };
}

/** The preview token the request names when a contributor accepts it for the request's unit, else null. */
async function acceptedPreview(req: RouteRequest<any, any>, ctx: PluginContext, themes: ThemeRegistry): Promise<string | null> {
  const token = (req.query as Record<string, unknown> | undefined)?.[PREVIEW_PARAM];
  if (typeof token !== 'string' || token === '' || req.tenantId === undefined || !themes.previewable) return null;
  const tenant = await ctx.get(coreServices.tenancy).get(req.tenantId);
  return tenant && (await themes.verifyPreview(tenant, token)) ? token : null;
}

function privatePreview(res: RouteResponse): RouteResponse {
  return respond(res.status, res.body, { ...(res.headers ?? {}), 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
}

/** First path segments already taken at a unit's root (the core's, the media files', the Vietnamese site's). */
const RESERVED_SEGMENTS = ['t', 'api', 'admin', 'widgets', 'media', 'robots.txt', 'sitemap.xml', 'sitemaps', 'rss.xml', 'atom.xml', 'chuyen-muc', 'tin', 'tim-kiem', 'van-ban'];

/** A configured language's `/<code>/` must not be the first segment of a Vietnamese address. */
function checkSegments(languages: Languages, areaPages: readonly SitePageDefinition[]): void {
  const taken = new Set([...RESERVED_SEGMENTS, ...areaPages.map((p) => p.path.split('/')[1]!)]);
  languages.configured.forEach((language, index) => {
    if (taken.has(language.segment)) {
      throw PORTAL_ERR_LANGUAGES_INVALID.create({ where: `pluginConfig.portal.languages.${index}.code`, reason: `/${language.segment}/ is already an address of the site` });
    }
  });
}

/**
 * The public site of each unit: server-rendered pages, feeds, sitemap and robots.txt, at the site
 * root (`<unit host>/…` or `/t/<slug>/…`), Vietnamese at `/…`, English at `/en/…` and each configured
 * language at `/<code>/…` (see languages.ts), all with the Vietnamese slugs. The theme extension point
 * (`portal.site-theme`) lets the tenant-sites plugin set tokens and add home-page blocks; the gate
 * (`portal.site-gate`) lets it keep a draft, suspended or closed site from being served as a live one.
 * Returns the check of a unit's fingerprint, for the other readers of the units' kept data.
 */
export function registerSite(reg: PluginRegistrar, languages: Languages, areaPages: readonly SitePageDefinition[] = []): CheckUnitFresh {
  checkSegments(languages, areaPages);
  // A page re-rendered after another process's change must not take the chrome, nor the gate's verdict, from before it.
  const cache = new PageCache({
    onInvalidate: (tenantId) => {
      forgetUnitReads(tenantId);
      gates.forget(tenantId);
    },
  });
  const themes = new ThemeRegistry((tenantId) => cache.invalidateLocal(tenantId));
  const gates = new SiteGateRegistry((tenantId) => cache.invalidateLocal(tenantId));
  reg.provideExtensionPoint(siteThemePoint, themes);
  reg.provideExtensionPoint(siteGatePoint, gates);
  reg.provide(siteGateRegistryRef, () => gates);
  const pdfs = new ArticlePdfs(new PdfPrinter());
  // The events come after the commit: drop the unit's pages here at once, and tell the other processes.
  const invalidate = async (e: { tenantId: string }, ctx: PluginContext) => {
    forgetUnitReads(e.tenantId); // also when the page cache is switched off
    await cache.invalidate(ctx.get(coreServices.database).kysely(), e.tenantId);
  };
  reg.on(articlePublished, invalidate);
  reg.on(articleUnpublished, invalidate);
  reg.on(siteChanged, invalidate);

  // Language-independent files first.
  reg.publicRoutes((route) => {
    route.get('/robots.txt', { summary: 'robots.txt', tags: ['portal-site'], schema: {}, handler: page(themes, cache, gates, languages, 'vi', { route: '/robots.txt' }, robots) });
    route.get('/sitemap.xml', { summary: { vi: 'Sơ đồ trang (XML)', en: 'XML sitemap' }, tags: ['portal-site'], schema: {}, handler: page(themes, cache, gates, languages, 'vi', { route: '/sitemap.xml' }, (req, site) => sitemap(req, site, areaPages)) });
    route.get('/sitemaps/:part', {
      summary: { vi: 'Một phần của sơ đồ trang', en: 'Part of a large sitemap' },
      tags: ['portal-site'],
      schema: { params: { type: 'object', additionalProperties: false, required: ['part'], properties: { part: text(20) } } },
      handler: page(themes, cache, gates, languages, 'vi', { route: '/sitemaps/:part' }, (req, site) => sitemap(req, site, areaPages, (req.params as { part: string }).part)),
    });
  });

  // The English site keeps the Vietnamese slugs; `/en/search` is a courtesy redirect.
  reg.publicRoutes((route) => {
    route.get('/en/search', {
      summary: 'Redirect to /en/tim-kiem',
      tags: ['portal-site'],
      schema: { query: query({ q: text(500) }) },
      handler: page(themes, cache, gates, languages, 'en', { route: '/en/search', cache: false }, (req, site) => {
        const q = (req.query as { q?: string }).q;
        return respond(301, '', { location: `${site.path('/tim-kiem')}${q ? `?${new URLSearchParams({ q }).toString()}` : ''}`, 'cache-control': 'public, max-age=3600' });
      }),
    });
  });

  for (const { code: lang, segment } of languages.all) {
    const base = segment === '' ? '' : `/${segment}`;
    const tags = ['portal-site'];
    reg.publicRoutes((route) => {
      route.get(base === '' ? '/' : base, {
        summary: { vi: `Trang chủ (${lang})`, en: `Home page (${lang})` },
        tags,
        schema: { query: query({}) },
        handler: page(themes, cache, gates, languages, lang, { route: '/' }, (req, site) => homePage(req, site, themes)),
      });
      route.get(`${base}/rss.xml`, { summary: `RSS 2.0 (${lang})`, tags, schema: {}, handler: page(themes, cache, gates, languages, lang, { route: '/rss.xml' }, (req, site) => unitFeed(req, site, 'rss')) });
      route.get(`${base}/atom.xml`, { summary: `Atom (${lang})`, tags, schema: {}, handler: page(themes, cache, gates, languages, lang, { route: '/atom.xml' }, (req, site) => unitFeed(req, site, 'atom')) });
      route.get(`${base}/chuyen-muc/:slug/rss.xml`, {
        summary: `RSS 2.0 of a category (${lang})`,
        tags,
        schema: { params: slugParams },
        handler: page(themes, cache, gates, languages, lang, { route: '/chuyen-muc/:slug/rss.xml' }, (req, site) => categoryFeed(req, site, (req.params as { slug: string }).slug)),
      });
      route.get(`${base}/chuyen-muc/:slug`, {
        summary: { vi: `Chuyên mục (${lang})`, en: `Category page (${lang})` },
        tags,
        schema: { params: slugParams, query: query({ trang: text(7) }) },
        handler: page(themes, cache, gates, languages, lang, { route: '/chuyen-muc/:slug', keep: ['trang'] }, (req, site) => categoryPage(req, site, (req.params as { slug: string }).slug, (req.query as { trang?: string }).trang)),
      });
      route.get(`${base}/tin/:slug`, {
        summary: { vi: `Tin bài (${lang}); ?in=1 là bản in`, en: `Article page (${lang}); ?in=1 for the print view` },
        tags,
        schema: { params: slugParams, query: query({ in: text(5) }) },
        handler: page(themes, cache, gates, languages, lang, { route: '/tin/:slug', keep: ['in'] }, (req, site) => articlePage(req, site, (req.params as { slug: string }).slug, (req.query as { in?: string }).in === '1')),
      });
      route.get(`${base}/tin/:slug/pdf`, {
        summary: { vi: `Tải tin bài dạng PDF (${lang})`, en: `Article as PDF (${lang})` },
        tags,
        schema: { params: slugParams, query: query({}) },
        // Not through the page cache (it holds text); ArticlePdfs keeps the printed files by content.
        handler: async (req, ctx) => {
          const blocked = gateResponse(req, await gates.verdict(req.tenantId, ctx));
          if (blocked) return blocked;
          if (req.tenantId !== undefined) await cache.freshen(ctx.get(coreServices.database).kysely(), req.tenantId);
          const site = await siteFor(req, ctx, languages, lang, themes);
          return site ? pdfs.serve(req, site, (req.params as { slug: string }).slug) : respond(404, '');
        },
      });
      route.get(`${base}/tim-kiem`, {
        summary: { vi: `Tìm kiếm (${lang})`, en: `Search (${lang})` },
        tags,
        schema: { query: query({ q: text(500), loai: text(20), trang: text(7), 'tat-ca': text(5) }) },
        handler: page(themes, cache, gates, languages, lang, { route: '/tim-kiem', cache: false }, (req, site) => searchPage(req, site, req.query as SearchQuery)),
      });
      // Before /van-ban/:id, which would otherwise take "rss.xml" for an id.
      route.get(`${base}/van-ban/rss.xml`, { summary: `RSS 2.0 of legal documents (${lang})`, tags, schema: {}, handler: page(themes, cache, gates, languages, lang, { route: '/van-ban/rss.xml' }, legalFeed) });
      route.get(`${base}/van-ban`, {
        summary: { vi: `Văn bản (${lang})`, en: `Legal documents (${lang})` },
        tags,
        schema: { query: query({ loai: text(40), nam: text(4), q: text(200), trang: text(7) }) },
        handler: page(themes, cache, gates, languages, lang, { route: '/van-ban', keep: ['loai', 'nam', 'q', 'trang'] }, (req, site) => legalListPage(req, site, req.query as LegalListQuery)),
      });
      for (const p of areaPages) {
        const keep = p.keep ?? [];
        route.get(`${base}${p.path}`, {
          summary: { vi: `${p.summary.vi} (${lang})`, en: `${p.summary.en ?? p.summary.vi} (${lang})` },
          tags,
          schema: { ...(p.params ? { params: p.params } : {}), query: query(Object.fromEntries(keep.map((k) => [k, text(200)]))) },
          handler: page(themes, cache, gates, languages, lang, { route: p.path, keep, cache: p.cache }, (req, site) => p.render(req, site)),
        });
      }
      route.get(`${base}/van-ban/:id`, {
        summary: { vi: `Chi tiết văn bản (${lang})`, en: `Legal document page (${lang})` },
        tags,
        schema: { params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: text(100) } } },
        handler: page(themes, cache, gates, languages, lang, { route: '/van-ban/:id' }, (req, site) => legalDetailPage(req, site, (req.params as { id: string }).id)),
      });
    });
  }
  return async (ctx, tenantId) => {
    await cache.freshen(ctx.get(coreServices.database).kysely(), tenantId);
  };
}
