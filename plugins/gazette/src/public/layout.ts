import { html, type HtmlValue, type SafeHtml } from './html.js';
import { SITE_BASE, type PublicSite } from './public-site.js';

export interface PageMeta {
  readonly title: string;
  /** The page's own site path, for the canonical link and the current menu item. */
  readonly path: string;
  readonly description?: string;
  /** Extra `<head>` content: JSON-LD, feed links. */
  readonly head?: HtmlValue;
}

/**
 * Colours chosen for WCAG 2.1 AA: body text #1a1a1a on white (17:1), links #0b4f9c (8.6:1), the header
 * white on #7a1010 (9.9:1), muted text #4a4a4a (8.9:1); the focus ring is a 3 px outline in a colour
 * that contrasts with both backgrounds. No script, no web fonts: the page is whole as served.
 */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 "Liberation Serif","Times New Roman",serif;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}a:visited{color:#5a2d82}
:focus-visible{outline:3px solid #e0a800;outline-offset:2px;box-shadow:0 0 0 5px #1a1a1a}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b4f9c;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{background:#7a1010;color:#fff}
header.site a{color:#fff}
header.site .brand{display:block;padding:1rem 0 .5rem;font-size:1.5rem;font-weight:bold;text-decoration:none}
header.site .brand small{display:block;font-size:1rem;font-weight:normal}
nav.main ul{list-style:none;margin:0;padding:0 0 .75rem;display:flex;flex-wrap:wrap;gap:1.25rem}
main{padding:1rem 0 2rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #8a8a8a;padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f1ece4}
.muted{color:#4a4a4a}
dt{font-weight:bold}dd{margin:0 0 .4rem 1.5rem}
.hash{font-family:"DejaVu Sans Mono",monospace;font-size:.85rem;word-break:break-all}
.notice{border:2px solid #7a1010;background:#fff4f2;padding:.75rem 1rem;margin:1rem 0}
.validity{font-weight:bold}
form.search fieldset{border:1px solid #8a8a8a;margin:0 0 1rem;padding:.75rem}
form.search .row{display:flex;flex-wrap:wrap;gap:1rem;margin-bottom:.5rem}
form.search label{display:block;font-weight:bold}
input,select,button{font:inherit;padding:.3rem .4rem;border:1px solid #5a5a5a;border-radius:2px}
button{background:#7a1010;color:#fff;border-color:#7a1010;cursor:pointer}
.full-text{white-space:pre-wrap;border-top:1px solid #8a8a8a;padding-top:1rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
footer.site{border-top:3px solid #7a1010;padding:1rem 0;font-size:.95rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** The gazette's own accessible page: `lang="vi"`, a skip link, banner, navigation, main and footer landmarks. */
export function layout(site: PublicSite, meta: PageMeta, main: SafeHtml): string {
  const unit = site.office.nameVi;
  const nav: readonly [string, string][] = [
    [SITE_BASE, 'Trang chủ Công báo'],
    [`${SITE_BASE}/so`, 'Các số Công báo'],
    [`${SITE_BASE}/tra-cuu`, 'Tra cứu văn bản'],
    [`${SITE_BASE}/gioi-thieu`, 'Giá trị pháp lý'],
  ];
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${meta.title} — Công báo ${unit}</title>
${meta.description ? html`<meta name="description" content="${meta.description}">` : null}
<link rel="canonical" href="${site.url(meta.path)}">
<link rel="alternate" type="application/atom+xml" title="Công báo ${unit}: văn bản mới đăng" href="${site.path(`${SITE_BASE}/feed.atom`)}">
<style>${STYLE}</style>
${meta.head ?? null}
</head>
<body>
<a class="skip" href="#noi-dung">Chuyển đến nội dung chính</a>
<header class="site"><div class="wrap">
<a class="brand" href="${site.path(SITE_BASE)}">Công báo<small>${unit}</small></a>
<nav class="main" aria-label="Công báo"><ul>
${nav.map(([p, label]) => html`<li><a href="${site.path(p)}"${p === meta.path ? html` aria-current="page"` : null}>${label}</a></li>`)}
</ul></nav>
</div></header>
<main id="noi-dung" tabindex="-1"><div class="wrap">
${main}
</div></main>
<footer class="site"><div class="wrap">
<p>Công báo điện tử — ${unit}. Văn bản đăng Công báo có giá trị như bản gốc.</p>
<nav aria-label="Liên kết chân trang"><a href="${site.path(`${SITE_BASE}/feed.atom`)}">Atom</a> · <a href="/api/gazette/v1/documents">API</a> · <a href="https://congbao.chinhphu.vn" rel="external">Công báo Chính phủ</a></nav>
</div></footer>
</body>
</html>
`.toString();
}
