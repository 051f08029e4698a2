import { NotFoundError, respond, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { LEGAL_TYPE_IDS, LEGAL_TYPES, type LegalType, type RelationLabel } from '../legal/document-types.js';
import { LegalService } from '../legal/legal-service.js';
import type { LegalDocument } from '../legal/legal-schema.js';
import { LEGAL_STATUS_LABELS, type LegalStatus } from '../legal/validity.js';
import { vietnamDate } from '../time/vietnam-time.js';
import { html, trustedSanitizedHtml, type SafeHtml } from './html.js';
import { renderPage, sendHtml } from './layout.js';
import type { Lang } from './languages.js';
import type { Site } from './site-context.js';
import type { ArticleTranslation, PublicArticleRow } from './site-queries.js';
import { listedMarks, listedPath } from '../linked/listed-item.js';
import { OrganisationPublicQueries } from '../organisation/organisation-public-queries.js';
import { OrganisationStore } from '../organisation/organisation-store.js';
import { BUILTIN_HOME_BLOCKS, type HomeLayoutEntry, type ThemeRegistry } from './theme.js';

export const PAGE_SIZE = 10;

const STATUS_EN: Readonly<Record<LegalStatus, string>> = {
  not_yet_in_force: 'Not yet in force',
  in_force: 'In force',
  partly_expired: 'Partly expired',
  expired: 'Expired',
  replaced: 'Replaced',
};
/** schema.org LegalForceStatus for each validity status. */
const LEGAL_FORCE: Readonly<Record<LegalStatus, string>> = {
  not_yet_in_force: 'https://schema.org/NotInForce',
  in_force: 'https://schema.org/InForce',
  partly_expired: 'https://schema.org/PartiallyInForce',
  expired: 'https://schema.org/NotInForce',
  replaced: 'https://schema.org/NotInForce',
};
const RELATION_TEXT: Readonly<Record<RelationLabel, [string, string]>> = {
  replaces: ['Thay thế', 'Replaces'],
  replaced_by: ['Bị thay thế bởi', 'Replaced by'],
  partly_replaces: ['Thay thế một phần', 'Partly replaces'],
  partly_replaced_by: ['Bị thay thế một phần bởi', 'Partly replaced by'],
  amends: ['Sửa đổi, bổ sung', 'Amends'],
  amended_by: ['Được sửa đổi, bổ sung bởi', 'Amended by'],
  guides: ['Hướng dẫn', 'Guides'],
  guided_by: ['Được hướng dẫn bởi', 'Guided by'],
  corrects: ['Đính chính', 'Corrects'],
  corrected_by: ['Được đính chính bởi', 'Corrected by'],
};

const statusText = (site: Site, s: LegalStatus) => site.t(LEGAL_STATUS_LABELS[s], STATUS_EN[s]);

/**
 * Vietnam's offset from UTC, the same since 13 June 1975 (tzdata's Asia/Ho_Chi_Minh; no daylight
 * saving): a list shows twenty dates, which Intl formats at ~2 µs each and arithmetic at a tenth of that.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const VIETNAM_SINCE_MS = Date.UTC(1975, 5, 12, 17);
/** Made once, for dates before that: building a DateTimeFormat costs more than rendering the rest of a list page. */
const VIETNAM_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/mm/yyyy` in Vietnam time from epoch ms, or from a `YYYY-MM-DD` calendar date as is. */
export function showDate(value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const ms = Number(value);
  if (ms < VIETNAM_SINCE_MS) return VIETNAM_DATE.format(new Date(ms));
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  return `${twoDigits(local.getUTCDate())}/${twoDigits(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

const isoOf = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)).toISOString());

/** A page number from `?trang=`: anything but a positive integer is page 1. */
export function pageNumber(raw: string | undefined): number {
  const n = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/** An article's fields in the page's language: its translation field by field, else the Vietnamese. */
function localized(site: Site, row: PublicArticleRow, tr: ArticleTranslation | undefined) {
  const pick = (field: 'title' | 'summary' | 'body') => (site.lang !== 'vi' && tr?.[field] ? { text: tr[field]!, lang: site.lang } : { text: row[field], lang: 'vi' as Lang });
  return { title: pick('title'), summary: pick('summary'), body: pick('body') };
}

/** `lang` attribute for text whose language differs from the page's (a translation falling back). */
const langAttr = (site: Site, lang: Lang): SafeHtml | null => (lang === site.lang ? null : html` lang="${lang}"`);

async function articleList(site: Site, rows: readonly PublicArticleRow[]): Promise<SafeHtml> {
  if (rows.length === 0) return html`<p>${site.t('Chưa có tin bài.', 'No articles yet.')}</p>`;
  const [tr, marks] = await Promise.all([site.queries.listTranslations(site.tenant.id, rows, site.lang), listedMarks(site, rows)]);
  return html`<ul class="list">${rows.map((row) => {
    const l = localized(site, row, tr.get(row.id));
    const mark = row.link ? marks.get(row.link.id) : undefined;
    return html`<li${row.link ? html` data-linked="${row.link.kind}"` : null}><h3><a href="${site.path(listedPath(row))}"${langAttr(site, l.title.lang)}>${l.title.text}</a></h3>
<p class="meta"><time datetime="${isoOf(row.published_at)}">${showDate(row.published_at)}</time>${mark ? html` · ${mark}` : null}</p>
${l.summary.text ? html`<p${langAttr(site, l.summary.lang)}>${l.summary.text}</p>` : null}</li>`;
  })}</ul>`;
}

function legalTable(site: Site, items: readonly LegalDocument[]): SafeHtml {
  if (items.length === 0) return html`<p>${site.t('Không có văn bản phù hợp.', 'No matching documents.')}</p>`;
  return html`<table><caption class="muted">${site.t('Danh sách văn bản', 'Documents')}</caption>
<thead><tr><th scope="col">${site.t('Số ký hiệu', 'Number')}</th><th scope="col">${site.t('Ngày ban hành', 'Issued')}</th><th scope="col">${site.t('Trích yếu', 'Summary')}</th><th scope="col">${site.t('Tình trạng', 'Status')}</th></tr></thead>
<tbody>${items.map((d) => html`<tr><td><a href="${site.path(`/van-ban/${d.id}`)}">${d.numberSymbol}</a></td><td>${showDate(d.issuedOn)}</td><td lang="vi">${d.typeName}: ${d.summary}</td><td>${statusText(site, d.status)}</td></tr>`)}</tbody></table>`;
}

/** The page for a missing (404) or withdrawn (410) address, in the site's layout. */
export async function errorPage(req: RouteRequest, site: Site, status: 404 | 410, path: string): Promise<RouteResponse> {
  const title = status === 410 ? site.t('Nội dung đã được gỡ bỏ', 'This content has been withdrawn') : site.t('Không tìm thấy trang', 'Page not found');
  const text = status === 410
    ? site.t('Tin bài này đã được gỡ bỏ và không còn được cung cấp.', 'This article was withdrawn and is no longer available.')
    : site.t('Địa chỉ này không có nội dung. Kiểm tra lại đường dẫn hoặc về trang chủ.', 'Nothing lives at this address. Check the link or go to the home page.');
  const body = html`<h1>${title}</h1><p>${text}</p><p><a href="${site.path('/')}">${site.t('Về trang chủ', 'Go to the home page')}</a></p>`;
  return sendHtml(req, status, await renderPage(site, { title, path, noindex: true }, body));
}

/** A count setting of a home-layout block: an integer in 1–20, else `fallback`. */
function countSetting(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20 ? value : fallback;
}

/** A unit's home page from its layout: each named block in order, with its settings; unknown blocks are skipped. */
async function layoutHomePage(req: RouteRequest, site: Site, themes: ThemeRegistry, layout: readonly HomeLayoutEntry[]): Promise<RouteResponse> {
  const sections: SafeHtml[] = [];
  let newest: number | null = null;
  for (const [index, entry] of layout.entries()) {
    const settings = entry.settings ?? {};
    const headingId = `khoi-${index + 1}`;
    if (entry.block === BUILTIN_HOME_BLOCKS.latestNews) {
      const slug = typeof settings.category === 'string' ? settings.category : '';
      const category = slug ? (await site.queries.categories(site.tenant.id, site.lang)).find((c) => c.slug === slug) : undefined;
      if (slug && !category) continue;
      const latest = await site.queries.published(site.tenant.id, { limit: countSetting(settings.count, PAGE_SIZE), ...(category ? { categoryId: category.id } : {}) });
      newest ??= latest.items[0]?.published_at ?? null;
      sections.push(html`<section class="block" data-block="${entry.block}" aria-labelledby="${headingId}"><h2 id="${headingId}">${category ? category.name : site.t('Tin mới', 'Latest news')}</h2>${await articleList(site, latest.items)}</section>`);
    } else if (entry.block === BUILTIN_HOME_BLOCKS.legalDocuments) {
      const legal = await new LegalService(site.ctx).list(site.tenant.id, { sort: '-issuedOn', limit: countSetting(settings.count, 5), offset: 0 }, vietnamDate());
      sections.push(html`<section class="block" data-block="${entry.block}" aria-labelledby="${headingId}"><h2 id="${headingId}">${site.t('Văn bản mới', 'Latest legal documents')}</h2>${legalTable(site, legal.items)}
<p><a href="${site.path('/van-ban')}">${site.t('Tất cả văn bản', 'All legal documents')}</a></p></section>`);
    } else if (entry.block === BUILTIN_HOME_BLOCKS.leaders) {
      const leaders = await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).leaders(site.tenant.id, vietnamDate());
      sections.push(html`<section class="block" data-block="${entry.block}" aria-labelledby="${headingId}"><h2 id="${headingId}">${site.t('Lãnh đạo', 'Leadership')}</h2>
${leaders.length === 0 ? html`<p>${site.t('Chưa có thông tin lãnh đạo.', 'No leaders have been published yet.')}</p>` : html`<ul class="list">${leaders.map((l) => html`<li><strong>${l.full_name}</strong> — ${site.pair(l.position_vi, l.position_en).text}</li>`)}</ul>`}
<p><a href="${site.path('/lanh-dao')}">${site.t('Thông tin lãnh đạo', 'About the leadership')}</a></p></section>`);
    } else if (entry.block === BUILTIN_HOME_BLOCKS.contacts) {
      const offices = (await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).contacts(site.tenant.id)).filter((c) => c.kind === 'agency');
      sections.push(html`<section class="block" data-block="${entry.block}" aria-labelledby="${headingId}"><h2 id="${headingId}">${site.t('Liên hệ', 'Contact')}</h2>
${offices.map((c) => html`<address><strong>${site.pair(c.label_vi, c.label_en).text}</strong>${c.address ? html`<div>${c.address}</div>` : null}${c.phone ? html`<div>${site.t('Điện thoại', 'Phone')}: <a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a></div>` : null}${c.email ? html`<div>${site.t('Thư điện tử', 'E-mail')}: <a href="mailto:${c.email}">${c.email}</a></div>` : null}</address>`)}
<p><a href="${site.path('/lien-he')}">${site.t('Tất cả thông tin liên hệ', 'All contact details')}</a></p></section>`);
    } else {
      const block = themes.block(entry.block);
      const rendered = block ? await block.render({ tenant: site.tenant, lang: site.lang, settings }) : null;
      if (rendered) sections.push(html`<section class="block" data-block="${entry.block}">${rendered}</section>`);
    }
  }
  const body = html`<h1>${site.unitName}</h1>
${sections}`;
  const jsonLd = { '@type': 'WebSite', name: site.unitName, url: site.url('/'), inLanguage: site.lang, publisher: { '@type': 'GovernmentOrganization', name: site.unitName } };
  return sendHtml(req, 200, await renderPage(site, { title: site.t('Trang chủ', 'Home'), description: site.t(`Cổng thông tin điện tử ${site.unitName}`, `${site.unitName} web portal`), path: '/', jsonLd, date: isoOf(newest) }, body));
}

export async function homePage(req: RouteRequest, site: Site, themes: ThemeRegistry): Promise<RouteResponse> {
  // A unit with its own layout (the tenant-sites plugin's home-page editor) gets it; every other unit the default page.
  const layout = await themes.homeLayout(site.tenant, { preview: site.preview ?? null });
  if (layout) return layoutHomePage(req, site, themes, layout);
  const [latest, legal] = await Promise.all([
    site.queries.published(site.tenant.id, { limit: PAGE_SIZE }),
    new LegalService(site.ctx).list(site.tenant.id, { sort: '-issuedOn', limit: 5, offset: 0 }, vietnamDate()),
  ]);
  const blocks: SafeHtml[] = [];
  for (const block of themes.homeBlocks) {
    const rendered = await block.render({ tenant: site.tenant, lang: site.lang });
    if (rendered) blocks.push(html`<section class="block" data-block="${block.id}">${rendered}</section>`);
  }
  const title = site.t('Trang chủ', 'Home');
  const body = html`<h1>${site.unitName}</h1>
${blocks}
<div class="grid">
<section aria-labelledby="tin-moi"><h2 id="tin-moi">${site.t('Tin mới', 'Latest news')}</h2>${await articleList(site, latest.items)}</section>
<section aria-labelledby="van-ban-moi"><h2 id="van-ban-moi">${site.t('Văn bản mới', 'Latest legal documents')}</h2>${legalTable(site, legal.items)}
<p><a href="${site.path('/van-ban')}">${site.t('Tất cả văn bản', 'All legal documents')}</a></p></section>
</div>`;
  const jsonLd = { '@type': 'WebSite', name: site.unitName, url: site.url('/'), inLanguage: site.lang, publisher: { '@type': 'GovernmentOrganization', name: site.unitName } };
  return sendHtml(req, 200, await renderPage(site, { title, description: site.t(`Cổng thông tin điện tử ${site.unitName}`, `${site.unitName} web portal`), path: '/', jsonLd, date: isoOf(latest.items[0]?.published_at ?? null) }, body));
}

function pager(site: Site, base: string, page: number, pages: number, extra: Record<string, string> = {}): SafeHtml | null {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const q = new URLSearchParams({ ...extra, ...(n > 1 ? { trang: String(n) } : {}) }).toString();
    return `${site.path(base)}${q ? `?${q}` : ''}`;
  };
  return html`<nav class="pager" aria-label="${site.t('Phân trang', 'Pages')}">
${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">← ${site.t('Trang trước', 'Previous')}</a>` : null}
<span>${site.t(`Trang ${page}/${pages}`, `Page ${page} of ${pages}`)}</span>
${page < pages ? html`<a rel="next" href="${href(page + 1)}">${site.t('Trang sau', 'Next')} →</a>` : null}
</nav>`;
}

export async function categoryPage(req: RouteRequest, site: Site, slug: string, trang: string | undefined): Promise<RouteResponse> {
  const path = `/chuyen-muc/${slug}`;
  const category = (await site.queries.categories(site.tenant.id, site.lang)).find((c) => c.slug === slug);
  if (!category) return errorPage(req, site, 404, path);
  const page = pageNumber(trang);
  const { items, total } = await site.queries.published(site.tenant.id, { categoryId: category.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) return errorPage(req, site, 404, path);
  const name = category.name;
  const body = html`<h1>${name}</h1>
<p class="muted no-print"><a href="${site.path(`${path}/rss.xml`, 'vi')}">RSS</a></p>
${await articleList(site, items)}
${pager(site, path, page, pages)}`;
  const title = page > 1 ? `${name} (${site.t('trang', 'page')} ${page})` : name;
  return sendHtml(req, 200, await renderPage(site, { title, path: page > 1 ? `${path}?trang=${page}` : path, dcSubject: name, date: isoOf(items[0]?.published_at ?? null), jsonLd: { '@type': 'CollectionPage', name, url: site.url(path) } }, body));
}

export async function articlePage(req: RouteRequest, site: Site, slug: string, print: boolean): Promise<RouteResponse> {
  const path = `/tin/${slug}`;
  const found = await site.queries.resolveSlug(site.tenant.id, slug);
  if (found.kind === 'moved') {
    // 301 to the current address, in the same language, keeping the print view.
    const location = `${site.path(`/tin/${found.slug}`)}${print ? '?in=1' : ''}`;
    return respond(301, '', { location, 'cache-control': 'public, max-age=300' });
  }
  if (found.kind === 'gone') return errorPage(req, site, 410, path);
  if (found.kind === 'none') return errorPage(req, site, 404, path);
  const row = found.article;
  const tr = (await site.queries.translations(site.tenant.id, [row.id], site.lang)).get(row.id);
  return renderArticle(req, site, row, tr, { path, print });
}

/** How {@link renderArticle} shows an article that is not the unit's own (a linked item, src/linked). */
export interface ArticleOrigin {
  /** The source article's absolute URL: the page's canonical link. */
  readonly canonical: string;
  /** The line naming the source ("Nguồn: …", "Tin từ …"), under the title. */
  readonly mark: SafeHtml;
  /** The source unit's name: the article's author in the page's metadata. */
  readonly author: string;
  /** Where the body's media live: the source unit's site root (its library is not this unit's). */
  readonly mediaRoot: string;
}

/**
 * An article's page: the unit's own (`/tin/<slug>`, with its print view and PDF), or another unit's
 * shown here (`origin`: a linked item), which names its source, points its canonical link there and
 * offers no print view or PDF of its own (the source's are the originals).
 */
export async function renderArticle(
  req: RouteRequest,
  site: Site,
  row: PublicArticleRow,
  tr: ArticleTranslation | undefined,
  options: { readonly path: string; readonly print?: boolean; readonly origin?: ArticleOrigin },
): Promise<RouteResponse> {
  const { path, origin } = options;
  const print = options.print === true && !origin;
  const l = localized(site, row, tr);
  const category = row.category_id === null ? undefined : (await site.queries.categories(site.tenant.id, site.lang)).find((c) => c.id === row.category_id);
  const published = isoOf(row.published_at);
  const modified = isoOf(row.updated_at);
  const body = html`<article>
${category && !print ? html`<p class="meta"><a href="${site.path(`/chuyen-muc/${category.slug}`)}">${category.name}</a></p>` : null}
<h1${langAttr(site, l.title.lang)}>${l.title.text}</h1>
<p class="meta">${site.t('Đăng ngày', 'Published')} <time datetime="${published}">${showDate(row.published_at)}</time>${category && print ? html` · ${category.name}` : null}${origin ? html` · ${origin.mark}` : null}</p>
${l.summary.text ? html`<p class="summary"${langAttr(site, l.summary.lang)}><strong>${l.summary.text}</strong></p>` : null}
<div class="body"${langAttr(site, l.body.lang)}>${trustedSanitizedHtml(l.body.text, origin ? { prefix: origin.mediaRoot } : site) /* stored sanitised by the content service on every write */}</div>
${origin
    ? null
    : print
      ? html`<p class="muted">${site.t('Nguồn', 'Source')}: ${site.url(path)}</p>`
      : html`<p class="no-print"><a href="${site.path(path)}?in=1" rel="nofollow">${site.t('Bản in', 'Print view')}</a> · <a href="${site.path(`${path}/pdf`)}" rel="nofollow" type="application/pdf" download>${site.t('Tải về PDF', 'Download PDF')}</a></p>`}
</article>`;
  const jsonLd = {
    '@type': 'NewsArticle',
    headline: l.title.text,
    description: l.summary.text || undefined,
    datePublished: published,
    dateModified: modified,
    inLanguage: l.title.lang,
    url: site.url(path),
    mainEntityOfPage: origin?.canonical ?? site.url(path),
    ...(origin ? { isBasedOn: origin.canonical } : {}),
    articleSection: category?.name,
    author: { '@type': 'GovernmentOrganization', name: origin?.author ?? site.unitName },
    publisher: { '@type': 'GovernmentOrganization', name: site.unitName, ...(site.theme.logo ? { logo: { '@type': 'ImageObject', url: site.theme.logo } } : {}) },
  };
  const meta = { title: l.title.text, description: l.summary.text, path, date: published, ogType: 'article' as const, jsonLd, print, dcType: 'Text.Article', dcSubject: category?.name, canonical: origin?.canonical };
  return sendHtml(req, 200, await renderPage(site, meta, body));
}

export interface LegalListQuery {
  readonly loai?: string;
  readonly nam?: string;
  readonly q?: string;
  readonly trang?: string;
}

export async function legalListPage(req: RouteRequest, site: Site, query: LegalListQuery): Promise<RouteResponse> {
  const type = LEGAL_TYPE_IDS.includes(query.loai as LegalType) ? (query.loai as LegalType) : undefined;
  const year = query.nam !== undefined && /^\d{4}$/.test(query.nam) ? Number(query.nam) : undefined;
  const q = query.q?.trim() ? query.q.trim().slice(0, 200) : undefined;
  const page = pageNumber(query.trang);
  const result = await new LegalService(site.ctx).list(
    site.tenant.id,
    { type, year: year !== undefined && year >= 1945 && year <= 2200 ? year : undefined, q, sort: '-issuedOn', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    vietnamDate(),
  );
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const title = site.t('Văn bản', 'Legal documents');
  const extra: Record<string, string> = { ...(type ? { loai: type } : {}), ...(year ? { nam: String(year) } : {}), ...(q ? { q } : {}) };
  const body = html`<h1>${title}</h1>
<form class="filters" method="get" action="${site.path('/van-ban')}" role="search">
<label>${site.t('Từ khóa', 'Words')}<input type="search" name="q" value="${q ?? ''}" maxlength="200"></label>
<label>${site.t('Loại văn bản', 'Type')}<select name="loai"><option value="">${site.t('Tất cả', 'All')}</option>
${LEGAL_TYPE_IDS.map((id) => html`<option value="${id}"${id === type ? html` selected` : null}>${LEGAL_TYPES[id]}</option>`)}</select></label>
<label>${site.t('Năm ban hành', 'Year')}<select name="nam"><option value="">${site.t('Tất cả', 'All')}</option>
${result.facets.year.map((f) => html`<option value="${f.value}"${Number(f.value) === year ? html` selected` : null}>${f.label} (${f.count})</option>`)}</select></label>
<button type="submit">${site.t('Tìm', 'Search')}</button>
</form>
<p class="muted" role="status">${site.t(`${result.total} văn bản`, `${result.total} documents`)} · <a href="${site.path('/van-ban/rss.xml', 'vi')}">RSS</a></p>
${legalTable(site, result.items)}
${pager(site, '/van-ban', page, pages, extra)}`;
  return sendHtml(req, 200, await renderPage(site, { title, path: '/van-ban', dcType: 'Collection' }, body));
}

export async function legalDetailPage(req: RouteRequest, site: Site, id: string): Promise<RouteResponse> {
  const path = `/van-ban/${id}`;
  if (!/^[0-9a-f-]{36}$/.test(id)) return errorPage(req, site, 404, path);
  let doc: LegalDocument;
  try {
    doc = await new LegalService(site.ctx).get(site.tenant.id, id, vietnamDate());
  } catch (error) {
    if (error instanceof NotFoundError) return errorPage(req, site, 404, path);
    throw error;
  }
  const name = `${doc.typeName} ${doc.numberSymbol}`;
  const row = (label: string, value: SafeHtml | string | null) => (value === null || value === '' ? null : html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`);
  const body = html`<article>
<h1 lang="vi">${name}</h1>
<p class="summary" lang="vi">${doc.summary}</p>
<table>
${row(site.t('Loại văn bản', 'Type'), doc.typeName)}
${row(site.t('Số ký hiệu', 'Number and symbol'), doc.numberSymbol)}
${row(site.t('Cơ quan ban hành', 'Issued by'), doc.issuer)}
${row(site.t('Người ký', 'Signed by'), doc.signer)}
${row(site.t('Ngày ban hành', 'Issued on'), showDate(doc.issuedOn))}
${row(site.t('Ngày có hiệu lực', 'In force from'), showDate(doc.effectiveOn))}
${row(site.t('Ngày hết hiệu lực', 'Expires on'), showDate(doc.expiresOn))}
${row(site.t('Lĩnh vực', 'Field'), doc.field)}
${row(site.t('Tình trạng hiệu lực', 'Validity'), html`<span class="status" data-status="${doc.status}">${statusText(site, doc.status)}</span>`)}
</table>
${doc.relations && doc.relations.length > 0
    ? html`<h2>${site.t('Văn bản liên quan', 'Related documents')}</h2><ul class="list">${doc.relations.map((r) => html`<li data-relation="${r.kind}">${site.t(...RELATION_TEXT[r.kind])}: <a href="${site.path(`/van-ban/${r.document.id}`)}">${r.document.typeName} ${r.document.numberSymbol}</a> <span class="muted" lang="vi">${r.document.summary}</span></li>`)}</ul>`
    : null}
</article>`;
  const jsonLd = {
    '@type': 'Legislation',
    name,
    legislationIdentifier: doc.numberSymbol,
    legislationType: doc.typeName,
    legislationDate: doc.issuedOn,
    ...(doc.effectiveOn ? { legislationDateVersion: doc.effectiveOn } : {}),
    legislationLegalForce: LEGAL_FORCE[doc.status],
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: doc.issuer },
    abstract: doc.summary,
    inLanguage: 'vi',
    url: site.url(path),
  };
  return sendHtml(req, 200, await renderPage(site, { title: name, description: doc.summary, path, date: `${doc.issuedOn}`, jsonLd, dcType: 'Text.Legislation', dcSubject: doc.field ?? undefined }, body));
}
