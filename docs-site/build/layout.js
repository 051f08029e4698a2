import { escapeHtml } from './escape-html.js';
import { relativeUrl, rootPrefix } from './link-resolver.js';

/** The navigation's sections, in order, with their bilingual headings. */
export const SECTIONS = [
  { id: 'start', label: 'Bắt đầu · Start' },
  { id: 'guides', label: 'Hướng dẫn · Guides' },
  { id: 'reference', label: 'Tham chiếu · Reference' },
  { id: 'decisions', label: 'Quyết định thiết kế · Decisions' },
  { id: 'packages', label: 'Gói · Package READMEs' },
];

const LANGUAGE_NAMES = { vi: 'Tiếng Việt', en: 'English' };

/**
 * One page of the site: language, a skip link, the search form, the navigation by section (the
 * current page marked), the Vietnamese/English switch when the page has a translation, the content.
 * Only files of the site itself are referenced (no external assets), so the docs CSP is `'self'`.
 */
export function renderLayout({ page, pages, content, extraHead = '', extraBody = '' }) {
  const root = rootPrefix(page.output);
  const link = (target) => escapeHtml(relativeUrl(page.output, target.output));
  const nav = SECTIONS.map((section) => {
    const items = pages.filter((p) => p.section === section.id && !p.hidden);
    if (items.length === 0) return '';
    return `<h2 class="nav-heading">${escapeHtml(section.label)}</h2>
<ul>${items
      .map((p) => `<li><a href="${link(p)}"${p === page ? ' aria-current="page"' : ''}${p.lang !== 'en' ? ` lang="${p.lang}"` : ''}>${escapeHtml(p.navTitle ?? p.title)}</a></li>`)
      .join('')}</ul>`;
  }).join('\n');
  const translation = page.translation ? pages.find((p) => p.source === page.translation) : undefined;
  const switcher = translation
    ? `<p class="lang-switch"><a href="${link(translation)}" hreflang="${translation.lang}" lang="${translation.lang}">${escapeHtml(LANGUAGE_NAMES[translation.lang] ?? translation.lang)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${page.lang}" data-root="${escapeHtml(root)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — Cổng</title>
<link rel="stylesheet" href="${root}assets/site.css">
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
${extraHead}<script type="module" src="${root}assets/site.js"></script>
</head>
<body>
<a class="skip-link" href="#content">Bỏ qua, đến nội dung · Skip to content</a>
<header class="site-header">
<a class="brand" href="${root}index.html">Cổng <span>Tài liệu · Docs</span></a>
<form class="search-form" role="search" action="${root}search.html" method="get">
<label for="search-q">Tìm kiếm · Search</label>
<input id="search-q" name="q" type="search" autocomplete="off">
<button type="submit">Tìm · Go</button>
</form>
${switcher}
</header>
<div class="layout">
<nav class="site-nav" aria-label="Mục lục · Contents">
<details class="nav-details"><summary>Mục lục · Contents</summary>
${nav}
</details>
</nav>
<main id="content" tabindex="-1">
${content}
</main>
</div>
<footer class="site-footer"><p>Cổng — MIT. <a href="${root}index.html">Trang chủ tài liệu · Docs home</a></p></footer>
${extraBody}</body>
</html>
`;
}
