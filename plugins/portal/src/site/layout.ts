import { createHash } from 'node:crypto';
import { respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { alertBanner, bannerList, linkList, mainMenu } from '../navigation/chrome-html.js';
import { loadChrome } from '../navigation/site-chrome.js';
import { html, jsonForScript, type SafeHtml } from './html.js';
import type { Site } from './site-context.js';
import { cssValue, type ThemeTokens } from './theme.js';

/** What a page tells the layout about itself. */
export interface PageMeta {
  readonly title: string;
  /** DC.description and og:description; the unit name when empty (mandatory elements are never empty). */
  readonly description?: string;
  /** The language-neutral path: canonical, hreflang alternates and the language switcher use it. */
  readonly path: string;
  /** ISO date-time for DC.date (default: now, the date the page was generated). */
  readonly date?: string;
  readonly ogType?: 'website' | 'article';
  /** schema.org JSON-LD object. */
  readonly jsonLd?: Record<string, unknown>;
  /** `DC.type` (CORE-08 optional element). */
  readonly dcType?: string;
  readonly dcSubject?: string;
  /** No alternate-language links (pages that exist in one language only), and `noindex` for error pages. */
  readonly noindex?: boolean;
  /** Print view: no header navigation, no footer links. */
  readonly print?: boolean;
  /**
   * An absolute URL when the page's original lives elsewhere (another unit's article shown here: its
   * source). Default is this page's own URL. The canonical link, `og:url` and `DC.identifier` use it.
   */
  readonly canonical?: string;
}

const CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** The design tokens as CSS custom properties: the theme mechanism's output. */
function tokenStyle(theme: ThemeTokens): string {
  const vars: [string, string][] = [
    ['--portal-primary', theme.primary],
    ['--portal-on-primary', theme.onPrimary],
    ['--portal-accent', theme.accent],
    ['--portal-text', theme.text],
    ['--portal-background', theme.background],
    ['--portal-muted', theme.muted],
    ['--portal-font', theme.fontFamily],
    ['--portal-max-width', theme.maxWidth],
  ];
  return `:root{${vars.map(([k, v]) => `${k}:${cssValue(v)}`).join(';')}}`;
}

const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:var(--portal-font);color:var(--portal-text);background:var(--portal-background);line-height:1.6;font-size:1.0625rem}
a{color:var(--portal-primary)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--portal-accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--portal-background);color:var(--portal-primary);padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.wrap{max-width:var(--portal-max-width);margin:0 auto;padding:0 1rem}
header.site{background:var(--portal-primary);color:var(--portal-on-primary)}
header.site a{color:var(--portal-on-primary)}
.brand{display:flex;align-items:center;gap:1rem;padding:1rem 0;text-decoration:none}
.emblem{width:56px;height:56px;flex:none;border-radius:50%;background:var(--portal-on-primary);display:grid;place-items:center;overflow:hidden}
.emblem img{width:100%;height:100%;object-fit:contain}
.emblem span{color:var(--portal-primary);font-size:1.75rem;line-height:1}
.unit{font-size:1.375rem;font-weight:700;margin:0}
.names{display:flex;flex-direction:column}.province-line{font-size:.9375rem;font-weight:600;text-transform:uppercase}
.topbar{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5rem}
.lang a{padding:.25rem .5rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
form.search{display:flex;gap:.25rem}
form.search button{background:var(--portal-on-primary);color:var(--portal-primary)}
.facets{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.main ul{list-style:none;margin:0;padding:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
nav.main a{display:inline-block;padding:.25rem 0}
main{padding:1.5rem 0 2rem}
h1{line-height:1.25;font-size:1.875rem}
.meta,.muted{color:var(--portal-muted);font-size:.9375rem}
.list{list-style:none;padding:0;margin:0}
.list li{padding:.75rem 0;border-bottom:1px solid #d0d7de}
.grid{display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}
.body img{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}
.status{font-weight:700}
.provincial{font-weight:700}
.pager{display:flex;gap:1rem;margin-top:1.5rem}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.9375rem}
input,select,button{font:inherit;padding:.35rem .5rem}
button{background:var(--portal-primary);color:var(--portal-on-primary);border:0;border-radius:3px;cursor:pointer}
footer.site{border-top:4px solid var(--portal-primary);padding:1.5rem 0;color:var(--portal-muted);font-size:.9375rem}
nav.main li.sub{position:relative}
nav.main summary{cursor:pointer;padding:.25rem 0}
nav.main summary.current,nav.main a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
nav.main details>ul{position:absolute;z-index:5;min-width:14rem;display:block;background:var(--portal-primary);padding:.5rem 1rem;border:1px solid var(--portal-on-primary)}
.links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.banners{list-style:none;padding:0;margin:0 0 1.5rem;display:grid;gap:1rem}
.banners img{max-width:100%;height:auto;display:block}
.with-side{display:grid;gap:2rem;grid-template-columns:minmax(0,1fr)}
@media (min-width:60rem){.with-side{grid-template-columns:minmax(0,1fr) 18rem}}
.breadcrumbs ol{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem}
.breadcrumbs li+li::before{content:"›";margin-right:.25rem;color:var(--portal-muted)}
.alert{border-bottom:3px solid;padding:.5rem 0}
.alert p{margin:0}
.alert[data-severity=danger]{background:#fde7e9;color:#5c0011;border-color:#a4000f}
.alert[data-severity=warning]{background:#fff4ce;color:#3d2c00;border-color:#8a6100}
.alert[data-severity=info]{background:#e6f0fb;color:#0b2e59;border-color:#0b5cad}
.print header.site{background:none;color:var(--portal-text)}.print header.site a{color:var(--portal-text)}
@media print{nav.main,.lang,.skip,.no-print,footer.site nav,.banners{display:none}header.site{background:none;color:#000}header.site a,a{color:#000}}
@media (prefers-reduced-motion:reduce){*{transition:none!important}}
`;

/** A whole HTML page around `content`, with every metadata element the portal must carry. */
export async function renderPage(site: Site, meta: PageMeta, content: SafeHtml): Promise<string> {
  const { lang } = site;
  const canonical = meta.canonical ?? site.url(meta.path);
  const description = meta.description?.trim() || site.unitName;
  const date = meta.date ?? new Date().toISOString();
  const chrome = await loadChrome(site, { print: meta.print });
  const menu = chrome.menus.get('main') ?? [];
  // Without a main menu the header lists the top-level categories, as before menus existed.
  const categories = meta.print || menu.length > 0 ? [] : (await site.queries.categories(site.tenant.id, lang)).filter((c) => c.parent_id === null);
  const home = meta.path === '/';
  const footerMenu = chrome.menus.get('footer') ?? [];
  const quickLinks = chrome.menus.get('quick-links') ?? [];
  const side = home ? bannerList(site, chrome.banners['home-side'], 'home-side') : null;
  const main = html`${home ? bannerList(site, chrome.banners['home-top'], 'home-top') : null}${side ? html`<div class="with-side"><div>${content}</div><aside aria-label="${site.t('Banner', 'Banners')}">${side}</aside></div>` : content}`;
  // The switcher and og:locale:alternate: every other language, the same page in each.
  const others = site.languages.all.filter((l) => l.code !== lang);
  // A logo is an http(s) or site-relative URL; anything else (javascript:, data:) is dropped.
  const theme = /^(https?:\/\/|\/(?!\/))/i.test(site.theme.logo) ? site.theme : { ...site.theme, logo: '' };
  const emblem = theme.logo
    ? html`<img src="${theme.logo}" alt="${theme.logoAlt || site.t('Quốc huy', 'National emblem')}">`
    : html`<span aria-hidden="true">★</span>`;

  const page = html`<!doctype html>
<html lang="${lang}" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} | ${site.unitName}</title>
<meta name="description" content="${description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : null}
<link rel="canonical" href="${canonical}">
${meta.noindex ? null : html`${site.languages.all.map((l) => html`<link rel="alternate" hreflang="${l.code}" href="${site.url(meta.path, l.code)}">
`)}<link rel="alternate" hreflang="x-default" href="${site.url(meta.path, 'vi')}">`}
<link rel="alternate" type="application/rss+xml" title="${site.unitName} RSS" href="${site.path('/rss.xml', 'vi')}">
<link rel="alternate" type="application/atom+xml" title="${site.unitName} Atom" href="${site.path('/atom.xml', 'vi')}">
<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">
<link rel="schema.DCTERMS" href="http://purl.org/dc/terms/">
<meta name="DC.title" content="${meta.title}">
<meta name="DC.creator" content="${site.unitName}">
<meta name="DC.publisher" content="${site.unitName}">
<meta name="DC.date" scheme="DCTERMS.W3CDTF" content="${date}">
<meta name="DC.language" scheme="DCTERMS.RFC4646" content="${lang}">
<meta name="DC.identifier" scheme="DCTERMS.URI" content="${canonical}">
<meta name="DC.description" content="${description}">
<meta name="DC.type" content="${meta.dcType ?? 'Text'}">
<meta name="DC.format" content="text/html">
${meta.dcSubject ? html`<meta name="DC.subject" content="${meta.dcSubject}">` : null}
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
<meta property="og:type" content="${meta.ogType ?? 'website'}">
<meta property="og:site_name" content="${site.unitName}">
<meta property="og:locale" content="${site.language.ogLocale}">
${others.map((l) => html`<meta property="og:locale:alternate" content="${l.ogLocale}">
`)}
${meta.ogType === 'article' && meta.date ? html`<meta property="article:published_time" content="${meta.date}">` : null}
${theme.logo ? html`<meta property="og:image" content="${theme.logo}">` : null}
${meta.jsonLd ? html`<script type="application/ld+json">${jsonForScript({ '@context': 'https://schema.org', ...meta.jsonLd })}</script>` : null}
<style>${tokenStyle(theme)}${BASE_CSS}</style>
</head>
<body${meta.print ? html` class="print"` : null}>
<a class="skip" href="#noi-dung">${site.t('Bỏ qua đến nội dung chính', 'Skip to main content')}</a>
${alertBanner(site, chrome.alerts)}
<header class="site">
<div class="wrap">
<div class="topbar">
<a class="brand" href="${site.path('/')}"><span class="emblem">${emblem}</span>${theme.headerLine ? html`<span class="names"><span class="province-line">${theme.headerLine}</span><span class="unit">${site.unitName}</span></span>` : html`<span class="unit">${site.unitName}</span>`}</a>
${meta.print ? null : html`<form class="search no-print" method="get" action="${site.path('/tim-kiem')}" role="search"><label class="sr-only" for="o-tim-kiem">${site.t('Tìm kiếm trên cổng', 'Search this site')}</label><input id="o-tim-kiem" type="search" name="q" maxlength="200" placeholder="${site.t('Tìm kiếm…', 'Search…')}"><button type="submit">${site.t('Tìm', 'Search')}</button></form>`}
${meta.print ? null : html`<nav class="lang" aria-label="${site.t('Ngôn ngữ', 'Language')}">${others.map((l, i) => html`${i > 0 ? ' ' : ''}<a href="${site.path(meta.path, l.code)}" hreflang="${l.code}" lang="${l.code}">${l.name}</a>`)}</nav>`}
</div>
${meta.print ? null : menu.length > 0 ? mainMenu(site, menu, meta.path) : html`<nav class="main" aria-label="${site.t('Chuyên mục', 'Sections')}"><ul>
<li><a href="${site.path('/')}">${site.t('Trang chủ', 'Home')}</a></li>
${categories.map((c) => html`<li><a href="${site.path(`/chuyen-muc/${c.slug}`)}">${c.name}</a></li>`)}
<li><a href="${site.path('/van-ban')}">${site.t('Văn bản', 'Legal documents')}</a></li>
</ul></nav>`}
</div>
</header>
<main id="noi-dung" tabindex="-1"><div class="wrap">
${main}
</div></main>
<footer class="site"><div class="wrap">
<p>© ${site.unitName}</p>
${theme.footerNote ? html`<p class="footer-note">${theme.footerNote}</p>` : null}
${meta.print ? null : bannerList(site, chrome.banners.footer, 'footer')}
${meta.print || quickLinks.length === 0 ? null : html`<nav aria-label="${site.t('Liên kết nhanh', 'Quick links')}">${linkList(site, quickLinks, meta.path)}</nav>`}
${meta.print || footerMenu.length === 0 ? null : html`<nav aria-label="${site.t('Trình đơn chân trang', 'Footer menu')}">${linkList(site, footerMenu, meta.path)}</nav>`}
${meta.print ? null : html`<nav aria-label="${site.t('Liên kết chân trang', 'Footer links')}"><a href="${site.path('/rss.xml', 'vi')}">RSS</a> · <a href="${site.path('/atom.xml', 'vi')}">Atom</a> · <a href="${site.path('/sitemap.xml', 'vi')}">${site.t('Sơ đồ trang (XML)', 'Sitemap (XML)')}</a> · <a href="${site.path('/so-do-trang')}">${site.t('Sơ đồ cổng thông tin', 'Site map')}</a></nav>`}
</div></footer>
</body>
</html>
`;
  return page.toString();
}

/**
 * A response with its content type, a short public cache and an ETag; 304 when the client has it. The
 * body goes out as the bytes the ETag was taken of: encoded once, not again for the hash, the
 * Content-Length, the socket and the page cache (a page is ~20 KB of mostly non-ASCII text).
 */
export function sendBody(req: RouteRequest, status: number, body: string, type: string, cache = CACHE): RouteResponse {
  const bytes = Buffer.from(body);
  const etag = `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': type, 'cache-control': cache, etag, vary: 'accept-encoding' };
  if (status === 200 && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return respond(304, undefined, headers);
  return respond(status, bytes, headers);
}

/** The text of a response {@link sendBody} made (its bytes), or of one given a string; undefined for anything else. */
export function bodyText(res: RouteResponse): string | undefined {
  return typeof res.body === 'string' ? res.body : Buffer.isBuffer(res.body) ? res.body.toString() : undefined;
}

export function sendHtml(req: RouteRequest, status: number, body: string): RouteResponse {
  return sendBody(req, status, body, 'text/html; charset=utf-8', status === 200 ? CACHE : 'public, max-age=30');
}
