import { html, type SafeHtml } from '../site/html.js';
import type { Site } from '../site/site-context.js';
import { isSitePath } from './menu-target.js';
import type { MenuItem } from './menu.service.js';
import type { BannerRow } from './navigation-database.js';
import type { ChromeAlert } from './site-chrome.js';

/** A path without its query or fragment, for comparing with the current page. */
const bare = (path: string) => path.replace(/[?#].*$/, '').replace(/(.)\/$/, '$1');

/** A menu label (a vi/en pair): text in another language than the page's is marked with its own. */
function label(site: Site, item: MenuItem): SafeHtml {
  const { text, lang } = site.pair(item.label.vi, item.label.en);
  return lang === site.lang ? html`${text}` : html`<span lang="${lang}">${text}</span>`;
}

/** A menu item's link, per language; `aria-current="page"` when it leads to the page being shown. */
function link(site: Site, item: MenuItem, current: string): SafeHtml {
  const internal = item.target.kind !== 'url';
  const href = internal ? site.path(item.href) : item.href;
  const isCurrent = internal && bare(item.href) === current;
  const newTab = item.newTab ? html` target="_blank" rel="noopener noreferrer"` : null;
  const hint = item.newTab ? html`<span class="sr-only"> (${site.t('mở trong thẻ mới', 'opens in a new tab')})</span>` : null;
  return html`<a href="${href}"${isCurrent ? html` aria-current="page"` : null}${newTab}>${label(site, item)}${hint}</a>`;
}

/**
 * The header's main menu. A submenu is a `<details>`: it opens with Enter or Space and needs no
 * script; its first entry is the parent's own link.
 */
export function mainMenu(site: Site, items: readonly MenuItem[], currentPath: string): SafeHtml {
  const current = bare(currentPath);
  return html`<nav class="main" aria-label="${site.t('Trình đơn chính', 'Main menu')}"><ul>
${items.map((item) =>
    item.children.length === 0
      ? html`<li>${link(site, item, current)}</li>`
      : html`<li class="sub"><details><summary${item.children.some((c) => c.target.kind !== 'url' && bare(c.href) === current) || bare(item.href) === current ? html` class="current"` : null}>${label(site, item)}</summary><ul>
<li>${link(site, item, current)}</li>
${item.children.map((child) => html`<li>${link(site, child, current)}</li>`)}
</ul></details></li>`,
  )}
</ul></nav>`;
}

/** A flat list of links (the footer menu, the quick links); submenu items follow their parent. */
export function linkList(site: Site, items: readonly MenuItem[], currentPath: string): SafeHtml {
  const current = bare(currentPath);
  return html`<ul class="links">${items.flatMap((item) => [item, ...item.children]).map((item) => html`<li>${link(site, item, current)}</li>`)}</ul>`;
}

/** Banners of one placement; the alt text is a vi/en pair (both are required), in the page's language. */
export function bannerList(site: Site, banners: readonly BannerRow[], placement: string): SafeHtml | null {
  if (banners.length === 0) return null;
  return html`<ul class="banners" data-placement="${placement}">${banners.map((b) => {
    const img = html`<img src="${b.image_url}" alt="${site.pair(b.alt_vi, b.alt_en).text}" loading="lazy">`;
    if (b.link_url === null) return html`<li>${img}</li>`;
    return html`<li><a href="${isSitePath(b.link_url) ? site.path(b.link_url) : b.link_url}">${img}</a></li>`;
  })}</ul>`;
}

const SEVERITY: Readonly<Record<ChromeAlert['severity'], [string, string, string]>> = {
  danger: ['Khẩn cấp', 'Emergency', '⚠'],
  warning: ['Cảnh báo', 'Warning', '⚠'],
  info: ['Thông báo', 'Notice', 'ℹ'],
};

/**
 * The emergency alerts at the top of every page: a warning or worse is a `role="alert"` (read out at
 * once), a notice a `role="status"`. The severity is written out in words, never left to colour.
 */
export function alertBanner(site: Site, alerts: readonly ChromeAlert[]): SafeHtml | null {
  if (alerts.length === 0) return null;
  return html`<section class="alerts" aria-label="${site.t('Cảnh báo khẩn', 'Emergency alerts')}">${alerts.map((a) => {
    const [vi, en, icon] = SEVERITY[a.severity];
    return html`<div class="alert" data-severity="${a.severity}" role="${a.severity === 'info' ? 'status' : 'alert'}"><div class="wrap"><p><span aria-hidden="true">${icon}</span> <strong>${site.t(vi, en)}:</strong> <span${a.lang === site.lang ? null : html` lang="${a.lang}"`}>${a.message}</span>${a.from ? html` <span class="from">(${a.from})</span>` : null}</p></div></div>`;
  })}</section>`;
}
