import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { searchPortal, type PortalSearchItem, type PortalSearchPage } from '../search/index.js';
import { searchSourceRegistryRef } from '../search/search-sources.js';
import { html, type SafeHtml } from './html.js';
import { renderPage, sendBody } from './layout.js';
import { PAGE_SIZE, pageNumber, showDate } from './pages.js';
import type { Site } from './site-context.js';

export interface SearchQuery {
  readonly q?: string;
  /** `tin` (articles), `trang` (pages), `van-ban` (legal documents) or a search source's slug (`hoi-dap`); anything else is all of them. */
  readonly loai?: string;
  readonly trang?: string;
  /** `1`: every unit (only on the province site). */
  readonly 'tat-ca'?: string;
}

const TYPES = { tin: 'article', trang: 'page', 'van-ban': 'legal' } as const;

/**
 * The root of another unit's site, as this page reaches units: by `/t/<slug>` on this origin when the
 * visitor came by the prefix, else on the unit's own host (by prefix when it has none).
 */
function unitRoot(site: Site, unit: { slug: string; host: string | null }): string {
  if (site.prefix !== '' || !unit.host) return `/t/${unit.slug}`;
  return `${site.origin.split('://')[0]}://${unit.host}`;
}

/** Where a hit links: this unit's own site, or the other unit's. */
function hitHref(site: Site, item: PortalSearchItem): string {
  if (item.unitId === site.tenant.id || !item.unit) return `${site.prefix}${item.url}`;
  return `${unitRoot(site, item.unit)}${item.url}`;
}

function typeLabel(site: Site, item: PortalSearchItem, labels: ReadonlyMap<string, { readonly vi: string; readonly en: string }>): string {
  const source = labels.get(item.type);
  if (source) return site.t(source.vi, source.en);
  return item.type === 'legal' ? site.t('Văn bản', 'Legal document') : item.type === 'page' ? site.t('Trang', 'Page') : site.t('Tin bài', 'Article');
}

/**
 * `/tim-kiem?q=&loai=&trang=` (and `/en/tim-kiem`, `/<lang>/tim-kiem`): the site's search (POR-20),
 * diacritic-insensitive, phrases in quotes; from the province, every unit with a facet of units (TEN-05).
 * Pages in another language search the versions of articles and pages in that language, and the
 * (Vietnamese) legal documents when asked for them. The search sources other plugins add
 * (`portal.search-sources`: the Q&A plugin's answers) are types of their own, with their labels,
 * Vietnamese documents like the legal ones.
 * Never cached: results follow the search index, which is written on its own schedule.
 */
export async function searchPage(req: RouteRequest, site: Site, query: SearchQuery): Promise<RouteResponse> {
  const q = (query.q ?? '').trim().slice(0, 200);
  const sources = site.ctx.get(searchSourceRegistryRef);
  const source = query.loai === undefined ? undefined : sources.bySlug(query.loai);
  const type = query.loai === 'tin' || query.loai === 'trang' || query.loai === 'van-ban' || source ? query.loai : undefined;
  const labels = new Map(sources.all().map((s) => [s.type, s.label]));
  const province = site.tenant.parentId === null;
  const allUnits = province && query['tat-ca'] === '1';
  const page = pageNumber(query.trang);
  const title = site.t('Tìm kiếm', 'Search');

  let result: PortalSearchPage | undefined;
  if (q !== '') {
    // Legal documents and the sources' documents are in Vietnamese only.
    const lang = site.lang !== 'vi' && type !== 'van-ban' && !source ? site.lang : 'vi';
    const searched = source ? source.type : type ? TYPES[type as keyof typeof TYPES] : undefined;
    result = await searchPortal(site.ctx, { tenantId: site.tenant.id, allUnits, q, type: searched, lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  }
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const extra = new URLSearchParams({ q, ...(type ? { loai: type } : {}), ...(allUnits ? { 'tat-ca': '1' } : {}) });
  const href = (n: number) => `${site.path('/tim-kiem')}?${extra.toString()}${n > 1 ? `&trang=${n}` : ''}`;

  const option = (value: string, label: string) => html`<option value="${value}"${(type ?? '') === value ? html` selected` : null}>${label}</option>`;
  const form = html`<form class="filters" method="get" action="${site.path('/tim-kiem')}" role="search">
<label for="tim-q">${site.t('Từ khóa', 'Search for')}</label><input id="tim-q" type="search" name="q" value="${q}" maxlength="200">
<label>${site.t('Loại', 'Type')}<select name="loai">${option('', site.t('Tất cả', 'All'))}${option('tin', site.t('Tin bài', 'Articles'))}${option('trang', site.t('Trang', 'Pages'))}${option('van-ban', site.t('Văn bản', 'Legal documents'))}${sources.all().map((s) => option(s.slug, site.t(s.label.vi, s.label.en)))}</select></label>
${province ? html`<label class="check"><input type="checkbox" name="tat-ca" value="1"${allUnits ? html` checked` : null}> ${site.t('Tìm trong tất cả các đơn vị', 'Search every unit')}</label>` : null}
<button type="submit">${site.t('Tìm', 'Search')}</button>
</form>
<p class="muted">${site.t('Gõ có dấu hoặc không dấu; đặt cụm từ trong dấu ngoặc kép để tìm đúng cụm.', 'Accents are optional; put a phrase in quotes to find it exactly.')}</p>`;

  let results: SafeHtml;
  if (!result) results = html`<p role="status">${site.t('Nhập từ khóa để tìm tin bài và văn bản.', 'Type some words to search articles and legal documents.')}</p>`;
  else if (result.items.length === 0) results = html`<p role="status">${site.t(`Không tìm thấy kết quả nào cho “${q}”.`, `No results for “${q}”.`)}</p>`;
  else {
    const facet = result.facets?.units ?? [];
    const vi = result.total.toLocaleString('vi-VN');
    const en = result.total.toLocaleString('en-GB');
    const found = result.totalIsExact ? site.t(`${vi} kết quả cho “${q}”`, `${en} results for “${q}”`) : site.t(`Hơn ${vi} kết quả cho “${q}”`, `More than ${en} results for “${q}”`);
    results = html`<p role="status" class="muted">${found}</p>
${facet.length > 0
    ? html`<nav aria-labelledby="don-vi"><h2 id="don-vi">${site.t('Theo đơn vị', 'By unit')}</h2><ul class="facets">${facet.map(
      (u) => html`<li data-unit="${u.slug}"><a href="${unitRoot(site, u)}/tim-kiem?${new URLSearchParams({ q, ...(type ? { loai: type } : {}) }).toString()}">${u.name}</a> (${u.count})</li>`,
    )}</ul></nav>`
    : null}
<ol class="list results" start="${(page - 1) * PAGE_SIZE + 1}">${result.items.map(
      (item) => html`<li data-type="${item.type}"><h3><a href="${hitHref(site, item)}"${item.lang === site.lang ? null : html` lang="${item.lang}"`}>${item.title}</a></h3>
<p class="meta"><span class="type">${typeLabel(site, item, labels)}</span> · <time datetime="${item.date}">${showDate(Date.parse(item.date))}</time>${item.unit && item.unitId !== site.tenant.id ? html` · ${item.unit.name}` : null}</p>
${item.snippet ? html`<p class="snippet">${item.snippet}</p>` : null}</li>`,
    )}</ol>
${pages > 1
    ? html`<nav class="pager" aria-label="${site.t('Phân trang', 'Pages')}">
${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">← ${site.t('Trang trước', 'Previous')}</a>` : null}
<span>${result.totalIsExact ? site.t(`Trang ${page}/${pages}`, `Page ${page} of ${pages}`) : site.t(`Trang ${page}`, `Page ${page}`)}</span>
${page < pages ? html`<a rel="next" href="${href(page + 1)}">${site.t('Trang sau', 'Next')} →</a>` : null}
</nav>`
    : null}`;
  }
  const body = html`<h1>${title}</h1>${form}${results}`;
  const pageTitle = q ? `${title}: ${q}` : title;
  return sendBody(req, 200, await renderPage(site, { title: pageTitle, path: '/tim-kiem', noindex: true, dcType: 'Text' }, body), 'text/html; charset=utf-8', 'public, max-age=60');
}
