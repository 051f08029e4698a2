import { coreServices, defineSchema, respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { html, trustedSanitizedHtml, type SafeHtml } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Lang } from '../site/languages.js';
import type { Site } from '../site/site-context.js';
import type { SitePageDefinition } from '../site/site-page.js';
import type { PublicCategoryRow } from '../site/site-queries.js';
import { PageSiteQueries, type PageTranslation, type PublicPageNode } from './page-site-queries.js';
import type { PagesDatabase } from './pages-database.js';

const queries = (site: Site) => new PageSiteQueries(site.ctx.get(coreServices.database).kysely<PagesDatabase>());
const isoOf = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)).toISOString());
const pagePath = (slug: string) => `/trang/${slug}`;

/** A text in the page's language, or Vietnamese with `lang="vi"` when its translation is missing. */
interface Localized {
  readonly text: string;
  readonly lang: Lang;
}

function pick(site: Site, vi: string, tr: PageTranslation | undefined, field: 'title' | 'summary' | 'body'): Localized {
  const translated = tr?.[field];
  return site.lang !== 'vi' && translated ? { text: translated, lang: site.lang } : { text: vi, lang: 'vi' };
}

const langAttr = (site: Site, lang: Lang): SafeHtml | null => (lang === site.lang ? null : html` lang="${lang}"`);

/** The pages' titles in the site's language (for the tree and breadcrumbs); none on Vietnamese pages. */
async function titlesFor(site: Site, nodes: readonly PublicPageNode[]): Promise<Map<string, PageTranslation>> {
  if (site.lang === 'vi') return new Map();
  return queries(site).translations(site.tenant.id, nodes.map((n) => n.id), site.lang, ['title']);
}

/** The chain of published ancestors, root first (an unpublished ancestor ends the chain). */
function ancestorsOf(node: PublicPageNode, byId: ReadonlyMap<string, PublicPageNode>): PublicPageNode[] {
  const out: PublicPageNode[] = [];
  const seen = new Set<string>([node.id]);
  let cursor = node.parent_id === null ? undefined : byId.get(node.parent_id);
  while (cursor && !seen.has(cursor.id)) {
    out.unshift(cursor);
    seen.add(cursor.id);
    cursor = cursor.parent_id === null ? undefined : byId.get(cursor.parent_id);
  }
  return out;
}

/** Pages by parent id (`''` for the top level), in sibling order. */
function childrenIndex(nodes: readonly PublicPageNode[]): Map<string, PublicPageNode[]> {
  const ids = new Set(nodes.map((n) => n.id));
  const out = new Map<string, PublicPageNode[]>();
  for (const n of nodes) {
    // A page whose parent is not published shows at the top level of the public tree.
    const key = n.parent_id !== null && ids.has(n.parent_id) ? n.parent_id : '';
    out.set(key, [...(out.get(key) ?? []), n]);
  }
  return out;
}

async function notFound(req: RouteRequest, site: Site, status: 404 | 410, path: string): Promise<RouteResponse> {
  const title = status === 410 ? site.t('Trang đã được gỡ bỏ', 'This page has been withdrawn') : site.t('Không tìm thấy trang', 'Page not found');
  const text = status === 410
    ? site.t('Trang này đã được gỡ bỏ và không còn được cung cấp.', 'This page was withdrawn and is no longer available.')
    : site.t('Địa chỉ này không có nội dung. Kiểm tra lại đường dẫn hoặc về trang chủ.', 'Nothing lives at this address. Check the link or go to the home page.');
  const body = html`<h1>${title}</h1><p>${text}</p><p><a href="${site.path('/so-do-trang')}">${site.t('Sơ đồ cổng thông tin', 'Site map')}</a> · <a href="${site.path('/')}">${site.t('Về trang chủ', 'Go to the home page')}</a></p>`;
  return sendHtml(req, status, await renderPage(site, { title, path, noindex: true }, body));
}

/** `/trang/:slug`: a published page with breadcrumbs from the tree and the list of its child pages. */
export async function pageView(req: RouteRequest, site: Site, slug: string): Promise<RouteResponse> {
  const path = pagePath(slug);
  const q = queries(site);
  const found = await q.resolve(site.tenant.id, slug);
  if (found.kind === 'moved') return respond(301, '', { location: site.path(pagePath(found.slug)), 'cache-control': 'public, max-age=300' });
  if (found.kind === 'gone') return notFound(req, site, 410, path);
  if (found.kind === 'none') return notFound(req, site, 404, path);
  const page = found.page;
  const tree = await q.publishedTree(site.tenant.id);
  const byId = new Map(tree.map((n) => [n.id, n]));
  const self = byId.get(page.id) ?? page;
  const ancestors = ancestorsOf(self, byId);
  const children = childrenIndex(tree).get(page.id) ?? [];
  const related = [...ancestors, ...children];
  const [own, titles] = await Promise.all([
    site.lang === 'vi' ? Promise.resolve(undefined) : q.translations(site.tenant.id, [page.id], site.lang).then((m) => m.get(page.id)),
    titlesFor(site, related),
  ]);
  const title = pick(site, page.title, own, 'title');
  const summary = pick(site, page.summary, own, 'summary');
  const content = pick(site, page.body, own, 'body');
  const titleOf = (n: PublicPageNode) => pick(site, n.title, titles.get(n.id), 'title');
  const crumbs = [{ name: { text: site.t('Trang chủ', 'Home'), lang: site.lang } as Localized, path: '/' }, ...ancestors.map((a) => ({ name: titleOf(a), path: pagePath(a.slug) }))];

  const body = html`<nav class="breadcrumbs" aria-label="${site.t('Đường dẫn', 'Breadcrumb')}"><ol>
${crumbs.map((c) => html`<li><a href="${site.path(c.path)}"${langAttr(site, c.name.lang)}>${c.name.text}</a></li>`)}
<li><a href="${site.path(path)}" aria-current="page"${langAttr(site, title.lang)}>${title.text}</a></li>
</ol></nav>
<article>
<h1${langAttr(site, title.lang)}>${title.text}</h1>
${summary.text ? html`<p class="summary"${langAttr(site, summary.lang)}><strong>${summary.text}</strong></p>` : null}
<div class="body"${langAttr(site, content.lang)}>${trustedSanitizedHtml(content.text, site) /* stored sanitised by the page service on every write */}</div>
</article>
${children.length > 0
    ? html`<section aria-labelledby="trang-con"><h2 id="trang-con">${site.t('Các trang trong mục này', 'Pages in this section')}</h2><ul class="list">${children.map((c) => {
      const t = titleOf(c);
      return html`<li><a href="${site.path(pagePath(c.slug))}"${langAttr(site, t.lang)}>${t.text}</a>${c.summary ? html`<p class="muted" lang="vi">${c.summary}</p>` : null}</li>`;
    })}</ul></section>`
    : null}`;

  const modified = isoOf(page.updated_at);
  const jsonLd = {
    '@type': 'WebPage',
    name: title.text,
    ...(summary.text ? { description: summary.text } : {}),
    url: site.url(path),
    inLanguage: title.lang,
    datePublished: isoOf(page.published_at),
    dateModified: modified,
    publisher: { '@type': 'GovernmentOrganization', name: site.unitName },
    breadcrumb: {
      '@type': 'BreadcrumbList',
      itemListElement: [...crumbs, { name: title, path }].map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name.text, item: site.url(c.path) })),
    },
    ...(children.length > 0 ? { hasPart: children.map((c) => ({ '@type': 'WebPage', name: titleOf(c).text, url: site.url(pagePath(c.slug)) })) } : {}),
  };
  return sendHtml(req, 200, await renderPage(site, { title: title.text, description: summary.text, path, date: modified, jsonLd, dcType: 'Text' }, body));
}

function categoryTree(site: Site, categories: readonly PublicCategoryRow[], parent: string | null, depth = 0): SafeHtml | null {
  const level = categories.filter((c) => c.parent_id === parent);
  if (level.length === 0 || depth > 20) return null;
  return html`<ul>${level.map((c) => html`<li><a href="${site.path(`/chuyen-muc/${c.slug}`)}">${c.name}</a>${categoryTree(site, categories, c.id, depth + 1)}</li>`)}</ul>`;
}

function pageTree(site: Site, index: ReadonlyMap<string, PublicPageNode[]>, titles: ReadonlyMap<string, PageTranslation>, parent: string, depth = 0): SafeHtml | null {
  const level = index.get(parent) ?? [];
  if (level.length === 0 || depth > 20) return null;
  return html`<ul>${level.map((n) => {
    const t = pick(site, n.title, titles.get(n.id), 'title');
    return html`<li><a href="${site.path(pagePath(n.slug))}"${langAttr(site, t.lang)}>${t.text}</a>${pageTree(site, index, titles, n.id, depth + 1)}</li>`;
  })}</ul>`;
}

/** `/so-do-trang`: the human site map (sơ đồ cổng): main sections, categories, and the page tree. */
export async function siteMapView(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const [categories, tree] = await Promise.all([site.queries.categories(site.tenant.id, site.lang), queries(site).publishedTree(site.tenant.id)]);
  const titles = await titlesFor(site, tree);
  const title = site.t('Sơ đồ cổng thông tin', 'Site map');
  const sections: [string, string][] = [
    ['/', site.t('Trang chủ', 'Home')],
    ['/van-ban', site.t('Văn bản', 'Legal documents')],
    ['/tim-kiem', site.t('Tìm kiếm', 'Search')],
  ];
  const body = html`<h1>${title}</h1>
<section aria-labelledby="muc-chinh"><h2 id="muc-chinh">${site.t('Mục chính', 'Main sections')}</h2>
<ul>${sections.map(([p, name]) => html`<li><a href="${site.path(p)}">${name}</a></li>`)}</ul></section>
<section aria-labelledby="chuyen-muc"><h2 id="chuyen-muc">${site.t('Chuyên mục tin', 'News categories')}</h2>
${categoryTree(site, categories, null) ?? html`<p>${site.t('Chưa có chuyên mục.', 'No categories yet.')}</p>`}</section>
<section aria-labelledby="cac-trang"><h2 id="cac-trang">${site.t('Các trang', 'Pages')}</h2>
${pageTree(site, childrenIndex(tree), titles, '') ?? html`<p>${site.t('Chưa có trang.', 'No pages yet.')}</p>`}</section>`;
  const jsonLd = { '@type': 'WebPage', name: title, url: site.url('/so-do-trang'), inLanguage: site.lang, publisher: { '@type': 'GovernmentOrganization', name: site.unitName } };
  return sendHtml(req, 200, await renderPage(site, { title, path: '/so-do-trang', jsonLd, dcType: 'Collection' }, body));
}

/** The pages area's public pages; the site registers them in each of its languages (`/…`, `/en/…`, `/<code>/…`). */
export const pagesSitePages: readonly SitePageDefinition[] = [
  {
    path: '/so-do-trang',
    summary: { vi: 'Sơ đồ cổng thông tin', en: 'Site map (human-readable)' },
    render: (req, site) => siteMapView(req, site),
  },
  {
    path: '/trang/:slug',
    summary: { vi: 'Trang tĩnh', en: 'A page of the page tree' },
    params: defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: { type: 'string', maxLength: 200 } } }),
    render: (req, site) => pageView(req, site, (req.params as { slug: string }).slug),
    sitemap: async (site) => (await queries(site).publishedTree(site.tenant.id)).map((n) => ({ path: pagePath(n.slug), lastmod: Number(n.updated_at) })),
  },
];
