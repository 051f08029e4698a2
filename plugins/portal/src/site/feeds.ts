import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { LegalService } from '../legal/legal-service.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { escapeXml as x } from './html.js';
import { sendBody } from './layout.js';
import { errorPage } from './pages.js';
import type { Site } from './site-context.js';
import type { SitemapEntry, SitePageDefinition } from './site-page.js';
import type { PublicArticleRow } from './site-queries.js';
import { listedPath } from '../linked/listed-item.js';

export const FEED_SIZE = 20;
/**
 * Entries per sitemap file. Each entry is one `<url>` per language of the site, and a file holds at most
 * 50,000: with more than two languages a file takes fewer entries (see {@link entriesPerFile}).
 */
export const SITEMAP_ENTRIES = 20_000;
const SITEMAP_URLS = 50_000;

/** Entries in one sitemap file for a site with `languages` languages. */
function entriesPerFile(languages: number): number {
  return Math.min(SITEMAP_ENTRIES, Math.floor(SITEMAP_URLS / languages));
}
const FEED_CACHE = 'public, max-age=300';

interface FeedItem {
  readonly title: string;
  readonly link: string;
  readonly summary: string;
  readonly published: number;
  readonly updated: number;
  readonly category?: string;
}

interface Feed {
  readonly title: string;
  readonly description: string;
  /** The HTML page the feed belongs to. */
  readonly link: string;
  /** The feed's own URL. */
  readonly self: string;
  readonly items: readonly FeedItem[];
}

const rfc822 = (ms: number) => new Date(Number(ms)).toUTCString();
const iso = (ms: number) => new Date(Number(ms)).toISOString();

export function rss(feed: Feed, lang: string): string {
  const built = feed.items.reduce((max, i) => Math.max(max, Number(i.updated)), 0) || Date.now();
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${x(feed.title)}</title>
<link>${x(feed.link)}</link>
<description>${x(feed.description)}</description>
<language>${x(lang)}</language>
<lastBuildDate>${rfc822(built)}</lastBuildDate>
<atom:link href="${x(feed.self)}" rel="self" type="application/rss+xml"/>
${feed.items
  .map(
    (i) => `<item>
<title>${x(i.title)}</title>
<link>${x(i.link)}</link>
<guid isPermaLink="true">${x(i.link)}</guid>
<pubDate>${rfc822(i.published)}</pubDate>
${i.category ? `<category>${x(i.category)}</category>\n` : ''}<description>${x(i.summary)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

export function atom(feed: Feed, lang: string, author: string): string {
  const updated = feed.items.reduce((max, i) => Math.max(max, Number(i.updated)), 0) || Date.now();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(lang)}">
<id>${x(feed.self)}</id>
<title>${x(feed.title)}</title>
<subtitle>${x(feed.description)}</subtitle>
<updated>${iso(updated)}</updated>
<link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>
<link rel="alternate" type="text/html" href="${x(feed.link)}"/>
<author><name>${x(author)}</name></author>
${feed.items
  .map(
    (i) => `<entry>
<id>${x(i.link)}</id>
<title>${x(i.title)}</title>
<link rel="alternate" type="text/html" href="${x(i.link)}"/>
<published>${iso(i.published)}</published>
<updated>${iso(i.updated)}</updated>
${i.category ? `<category term="${x(i.category)}"/>\n` : ''}<summary>${x(i.summary)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

/** Feed items of listed rows: the unit's own articles and its linked items (each at its address on this site). */
async function articleItems(site: Site, rows: readonly PublicArticleRow[]): Promise<FeedItem[]> {
  const tr = await site.queries.listTranslations(site.tenant.id, rows, site.lang);
  const categories = new Map((await site.queries.categories(site.tenant.id, site.lang)).map((c) => [c.id, c.name]));
  return rows.map((row) => ({
    title: tr.get(row.id)?.title || row.title,
    summary: tr.get(row.id)?.summary || row.summary,
    link: site.url(listedPath(row)),
    published: Number(row.published_at ?? row.updated_at),
    updated: Number(row.updated_at),
    category: row.category_id === null ? undefined : categories.get(row.category_id),
  }));
}

/** `/rss.xml`, `/atom.xml`: the unit's latest published articles. */
export async function unitFeed(req: RouteRequest, site: Site, format: 'rss' | 'atom'): Promise<RouteResponse> {
  const { items } = await site.queries.published(site.tenant.id, { limit: FEED_SIZE });
  const feed: Feed = {
    title: site.unitName,
    description: site.t(`Tin mới của ${site.unitName}`, `Latest news from ${site.unitName}`),
    link: site.url('/'),
    self: site.url(format === 'rss' ? '/rss.xml' : '/atom.xml'),
    items: await articleItems(site, items),
  };
  return format === 'rss'
    ? sendBody(req, 200, rss(feed, site.lang), 'application/rss+xml; charset=utf-8', FEED_CACHE)
    : sendBody(req, 200, atom(feed, site.lang, site.unitName), 'application/atom+xml; charset=utf-8', FEED_CACHE);
}

/** `/chuyen-muc/:slug/rss.xml` */
export async function categoryFeed(req: RouteRequest, site: Site, slug: string): Promise<RouteResponse> {
  const category = (await site.queries.categories(site.tenant.id, site.lang)).find((c) => c.slug === slug);
  if (!category) return errorPage(req, site, 404, `/chuyen-muc/${slug}/rss.xml`);
  const name = category.name;
  const { items } = await site.queries.published(site.tenant.id, { categoryId: category.id, limit: FEED_SIZE });
  const feed: Feed = {
    title: `${name} | ${site.unitName}`,
    description: name,
    link: site.url(`/chuyen-muc/${slug}`),
    self: site.url(`/chuyen-muc/${slug}/rss.xml`),
    items: await articleItems(site, items),
  };
  return sendBody(req, 200, rss(feed, site.lang), 'application/rss+xml; charset=utf-8', FEED_CACHE);
}

/** `/van-ban/rss.xml`: the latest legal documents by issue date. */
export async function legalFeed(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const page = await new LegalService(site.ctx).list(site.tenant.id, { sort: '-issuedOn', limit: FEED_SIZE, offset: 0 }, vietnamDate());
  const feed: Feed = {
    title: `${site.t('Văn bản', 'Legal documents')} | ${site.unitName}`,
    description: site.t(`Văn bản mới của ${site.unitName}`, `Latest legal documents of ${site.unitName}`),
    link: site.url('/van-ban'),
    self: site.url('/van-ban/rss.xml'),
    items: page.items.map((d) => ({
      title: `${d.typeName} ${d.numberSymbol}`,
      summary: d.summary,
      link: site.url(`/van-ban/${d.id}`),
      published: Date.parse(`${d.issuedOn}T00:00:00+07:00`),
      updated: Date.parse(d.updatedAt),
      category: d.typeName,
    })),
  };
  return sendBody(req, 200, rss(feed, site.lang), 'application/rss+xml; charset=utf-8', FEED_CACHE);
}

async function sitemapEntries(site: Site, areaPages: readonly SitePageDefinition[]): Promise<SitemapEntry[]> {
  const cap = SITEMAP_ENTRIES * 20;
  const [categories, articles, legal, areas] = await Promise.all([
    site.queries.categories(site.tenant.id, 'vi'),
    site.queries.sitemapArticles(site.tenant.id, cap),
    site.queries.sitemapLegal(site.tenant.id, cap),
    Promise.all(areaPages.map(async (p) => (p.sitemap ? p.sitemap(site) : p.sitemap === undefined && !p.path.includes(':') ? [{ path: p.path }] : []))),
  ]);
  const newest = articles.reduce((max, a) => Math.max(max, Number(a.updated_at)), 0);
  const newestLegal = legal.reduce((max, d) => Math.max(max, Number(d.updated_at)), 0);
  return [
    { path: '/', lastmod: Math.max(newest, newestLegal) || undefined },
    { path: '/van-ban', lastmod: newestLegal || undefined },
    ...categories.map((c) => ({ path: `/chuyen-muc/${c.slug}`, lastmod: Number(c.updated_at) })),
    ...articles.map((a) => ({ path: `/tin/${a.slug}`, lastmod: Number(a.updated_at) })),
    ...legal.map((d) => ({ path: `/van-ban/${d.id}`, lastmod: Number(d.updated_at) })),
    ...areas.flat(),
  ];
}

/** One `<url>` per language for each entry, each listing every language's address and `x-default`. */
function urlset(site: Site, entries: readonly SitemapEntry[]): string {
  const codes = site.languages.codes;
  const alternates = (path: string) =>
    codes.map((lang) => `<xhtml:link rel="alternate" hreflang="${x(lang)}" href="${x(site.url(path, lang))}"/>`).join('') +
    `<xhtml:link rel="alternate" hreflang="x-default" href="${x(site.url(path, 'vi'))}"/>`;
  const urls = entries.flatMap((e) =>
    codes.map((lang) => `<url><loc>${x(site.url(e.path, lang))}</loc>${e.lastmod ? `<lastmod>${iso(e.lastmod)}</lastmod>` : ''}${alternates(e.path)}</url>`),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

/** `/sitemap.xml`: one urlset, or a sitemap index of `/sitemaps/<n>.xml` when the unit has more than one file holds. */
export async function sitemap(req: RouteRequest, site: Site, areaPages: readonly SitePageDefinition[], part?: string): Promise<RouteResponse> {
  const entries = await sitemapEntries(site, areaPages);
  const type = 'application/xml; charset=utf-8';
  const perFile = entriesPerFile(site.languages.codes.length);
  const files = Math.ceil(entries.length / perFile);
  if (part !== undefined) {
    const n = /^(\d{1,4})\.xml$/.exec(part)?.[1];
    if (n === undefined || Number(n) < 1 || Number(n) > files || files <= 1) return errorPage(req, site, 404, `/sitemaps/${part}`);
    const chunk = entries.slice((Number(n) - 1) * perFile, Number(n) * perFile);
    return sendBody(req, 200, urlset(site, chunk), type, FEED_CACHE);
  }
  if (files <= 1) return sendBody(req, 200, urlset(site, entries), type, FEED_CACHE);
  const parts = Array.from({ length: files }, (_, i) => {
    const chunk = entries.slice(i * perFile, (i + 1) * perFile);
    const lastmod = chunk.reduce((max, e) => Math.max(max, e.lastmod ?? 0), 0);
    return `<sitemap><loc>${x(site.url(`/sitemaps/${i + 1}.xml`, 'vi'))}</loc>${lastmod ? `<lastmod>${iso(lastmod)}</lastmod>` : ''}</sitemap>`;
  });
  return sendBody(req, 200, `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.join('\n')}
</sitemapindex>
`, type, FEED_CACHE);
}

export function robots(req: RouteRequest, site: Site): RouteResponse {
  const body = `User-agent: *
Allow: /
Disallow: /admin
Disallow: /api/
Disallow: /*?in=1

Sitemap: ${site.url('/sitemap.xml', 'vi')}
`;
  return sendBody(req, 200, body, 'text/plain; charset=utf-8', 'public, max-age=3600');
}
