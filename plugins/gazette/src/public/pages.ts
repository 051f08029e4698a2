import { DOCUMENT_TYPES } from '../intake/document-types.js';
import type { DocumentRow, IssueRow, Validity } from '../publication/publication-database.js';
import type { Agency } from './agency-list.js';
import { issueNumbers, type ListedDocument, type PublishedCorrection, type RelatedDocument } from './gazette-reads.js';
import { fileSize, html, jsonForScript, vnDate, type SafeHtml } from './html.js';
import { layout } from './layout.js';
import { SITE_BASE, type PublicSite } from './public-site.js';
import { formQuery, isBlank, PAGE_SIZES, type SearchForm } from './search-form.js';
import { VALIDITY_LABELS } from './validity.js';

/** A published issue with the size of its signed PDF (unknown when the file store has no such file). */
export interface ListedIssue {
  readonly issue: IssueRow;
  readonly pdfBytes: number | null;
}

const NUMBER = new Intl.NumberFormat('vi-VN');
/** `1.000`: Vietnamese digit grouping. */
const count = (n: number) => NUMBER.format(n);

export function typeName(code: string): string {
  return DOCUMENT_TYPES[code]?.vi ?? code;
}

const RELATION_WORDS: Readonly<Record<string, { readonly outgoing: string; readonly incoming: string }>> = {
  replaces: { outgoing: 'Thay thế', incoming: 'Bị thay thế bởi' },
  amends: { outgoing: 'Sửa đổi, bổ sung', incoming: 'Được sửa đổi, bổ sung bởi' },
  repeals: { outgoing: 'Bãi bỏ', incoming: 'Bị bãi bỏ bởi' },
  guides: { outgoing: 'Hướng dẫn', incoming: 'Được hướng dẫn bởi' },
  corrects: { outgoing: 'Đính chính', incoming: 'Được đính chính bởi' },
};

export const issuePath = (issue: Pick<IssueRow, 'year' | 'number_from'>) => `${SITE_BASE}/so/${issue.year}/${issue.number_from}`;
export const pdfPath = (issue: Pick<IssueRow, 'id'>) => `/api/gazette/issues/${encodeURIComponent(issue.id)}/pdf`;

function pdfLink(site: PublicSite, item: ListedIssue, pages?: { first: number; last: number }): SafeHtml {
  const label = `Tải bản PDF đã ký số của số ${issueNumbers(item.issue)}/${item.issue.year}`;
  return html`<a href="${site.path(pdfPath(item.issue))}${pages ? `#page=${pages.first}` : ''}" type="application/pdf">${label}${item.pdfBytes !== null ? ` (PDF, ${fileSize(item.pdfBytes)})` : ' (PDF)'}</a>${pages ? html` — trang ${pages.first}${pages.last !== pages.first ? `–${pages.last}` : ''}` : null}`;
}

function issueRowsTable(site: PublicSite, issues: readonly ListedIssue[]): SafeHtml {
  if (issues.length === 0) return html`<p>Chưa có số Công báo nào được phát hành.</p>`;
  return html`<table>
<caption class="sr-only">Các số Công báo</caption>
<thead><tr><th scope="col">Số</th><th scope="col">Ngày phát hành</th><th scope="col">Số trang</th><th scope="col">Bản PDF đã ký số</th><th scope="col">Mã băm SHA-256</th></tr></thead>
<tbody>
${issues.map((i) => html`<tr><td><a href="${site.path(issuePath(i.issue))}">Số ${issueNumbers(i.issue)}</a></td><td>${vnDate(i.issue.publication_date)}</td><td>${i.issue.page_count ?? ''}</td><td>${pdfLink(site, i)}</td><td class="hash">${i.issue.sha256 ?? ''}</td></tr>`)}
</tbody></table>`;
}

function searchBox(site: PublicSite): SafeHtml {
  return html`<form class="search" method="get" action="${site.path(`${SITE_BASE}/tra-cuu`)}" role="search">
<label for="tim-nhanh">Tìm văn bản (số ký hiệu, trích yếu, nội dung)</label>
<input id="tim-nhanh" type="search" name="q" maxlength="300"> <button type="submit">Tìm</button>
</form>`;
}

export function homePage(site: PublicSite, latest: readonly ListedIssue[], recent: readonly ListedDocument[]): string {
  return layout(
    site,
    { title: 'Công báo', path: SITE_BASE, description: `Công báo điện tử ${site.office.nameVi}: các số Công báo, văn bản quy phạm pháp luật đã đăng.` },
    html`<h1>Công báo ${site.office.nameVi}</h1>
<p>Công báo là ấn phẩm chính thức của cơ quan nhà nước, đăng văn bản quy phạm pháp luật và văn bản khác theo quy định. <a href="${site.path(`${SITE_BASE}/gioi-thieu`)}">Giá trị pháp lý của văn bản đăng Công báo</a>.</p>
${searchBox(site)}
<section aria-labelledby="so-moi"><h2 id="so-moi">Các số mới phát hành</h2>${issueRowsTable(site, latest)}
<p><a href="${site.path(`${SITE_BASE}/so`)}">Tất cả các số Công báo</a></p></section>
<section aria-labelledby="vb-moi"><h2 id="vb-moi">Văn bản mới đăng</h2>${documentList(site, recent)}</section>`,
  );
}

/** GAZ-33: what the gazette is and the legal value of what it publishes. */
export function legalValuePage(site: PublicSite): string {
  return layout(
    site,
    { title: 'Giá trị pháp lý của Công báo', path: `${SITE_BASE}/gioi-thieu`, description: 'Giá trị pháp lý của văn bản đăng Công báo điện tử.' },
    html`<h1>Giá trị pháp lý của Công báo</h1>
<p>Công báo ${site.office.nameVi} do Văn phòng Ủy ban nhân dân tỉnh quản lý và phát hành, đăng các văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân tỉnh và của chính quyền địa phương cấp xã, cùng các văn bản khác theo quy định của pháp luật về Công báo.</p>
<p><strong>Văn bản đăng trên Công báo là văn bản chính thức và có giá trị như bản gốc.</strong> Trường hợp có sự khác nhau giữa văn bản đăng Công báo và bản gốc, cơ quan ban hành có trách nhiệm đính chính; văn bản đính chính được đăng trên Công báo và liên kết với văn bản được đính chính.</p>
<p>Mỗi số Công báo điện tử là một tệp PDF được ký số bởi cơ quan phát hành; mã băm SHA-256 công bố kèm theo từng số cho phép bất kỳ ai kiểm tra tệp đã tải về không bị thay đổi: <a href="${site.path(`${SITE_BASE}/kiem-tra`)}">Kiểm tra tệp Công báo</a>.</p>
<p>Công báo của Chính phủ (văn bản của cơ quan trung ương) được đăng tại <a href="https://congbao.chinhphu.vn" rel="external">congbao.chinhphu.vn</a>.</p>
<p lang="en"><em>The official gazette publishes the province's legal documents; a document published in the gazette is official and has the value of the original. Each issue is a digitally signed PDF with a published SHA-256 hash.</em></p>`,
  );
}

export function issueListPage(site: PublicSite, year: number, years: readonly number[], issues: readonly ListedIssue[]): string {
  const path = `${SITE_BASE}/so`;
  return layout(
    site,
    { title: `Các số Công báo năm ${year}`, path: year === years[0] ? path : `${path}?nam=${year}` },
    html`<h1>Các số Công báo năm ${year}</h1>
${years.length > 1 ? html`<nav aria-label="Chọn năm"><ul class="pager">${years.map((y) => html`<li><a href="${site.path(`${path}?nam=${y}`)}"${y === year ? html` aria-current="page"` : null}>${y}</a></li>`)}</ul></nav>` : null}
${issueRowsTable(site, issues)}`,
  );
}

export function issuePage(site: PublicSite, item: ListedIssue, documents: readonly ListedDocument[], verifyPath: string | null): string {
  const issue = item.issue;
  return layout(
    site,
    { title: `Số ${issueNumbers(issue)}/${issue.year}`, path: issuePath(issue), description: `Công báo ${site.office.nameVi} số ${issueNumbers(issue)} năm ${issue.year}, phát hành ngày ${vnDate(issue.publication_date)}.` },
    html`<h1>Công báo số ${issueNumbers(issue)} năm ${issue.year}</h1>
<dl>
<dt>Ngày phát hành</dt><dd>${vnDate(issue.publication_date)}</dd>
<dt>Số trang</dt><dd>${issue.page_count ?? ''}</dd>
<dt>Bản PDF đã ký số</dt><dd>${pdfLink(site, item)}</dd>
<dt>Mã băm SHA-256</dt><dd class="hash">${issue.sha256 ?? ''}</dd>
${verifyPath ? html`<dt>Kiểm tra chữ ký số</dt><dd><a href="${site.path(verifyPath)}">Kiểm tra tệp Công báo</a></dd>` : null}
</dl>
<h2>Mục lục</h2>
${documents.length === 0 ? html`<p>Số này không có văn bản.</p>` : html`<table>
<caption class="sr-only">Mục lục số ${issueNumbers(issue)}/${issue.year}</caption>
<thead><tr><th scope="col">Cơ quan ban hành</th><th scope="col">Ngày ban hành</th><th scope="col">Loại văn bản</th><th scope="col">Số, ký hiệu</th><th scope="col">Trích yếu</th><th scope="col">Trang</th></tr></thead>
<tbody>
${documents.map((d) => html`<tr><td>${d.issuing_agency}</td><td>${vnDate(d.signed_on)}</td><td>${typeName(d.document_type)}</td><td><a href="${site.path(d.eli_path)}">${d.number_symbol}</a></td><td>${d.summary}</td><td>${d.first_page}</td></tr>`)}
</tbody></table>`}`,
  );
}

/** schema.org `Legislation` of a document, with its ELI URI as the identifier. */
export function legislationJsonLd(site: PublicSite, doc: DocumentRow, item: ListedIssue, validity: Validity, relations: readonly RelatedDocument[]): unknown {
  const legalForce: Record<Validity, string> = {
    'in-force': 'https://schema.org/InForce',
    'partly-expired': 'https://schema.org/PartiallyInForce',
    expired: 'https://schema.org/NotInForce',
    'not-yet-in-force': 'https://schema.org/NotInForce',
  };
  const link = (kind: string) => relations.filter((r) => r.kind === kind && r.direction === 'outgoing').map((r) => site.url(r.eliPath));
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': site.url(doc.eli_path),
    name: `${typeName(doc.document_type)} ${doc.number_symbol}`,
    headline: doc.summary,
    legislationIdentifier: doc.number_symbol,
    legislationType: typeName(doc.document_type),
    legislationDate: doc.signed_on,
    ...(doc.effective_on ? { legislationDateOfApplicability: doc.effective_on } : {}),
    datePublished: doc.published_on,
    legislationLegalForce: legalForce[validity],
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: doc.issuing_agency },
    legislationJurisdiction: site.office.nameVi,
    inLanguage: 'vi',
    isPartOf: { '@type': 'PublicationIssue', issueNumber: issueNumbers(item.issue), datePublished: item.issue.publication_date, url: site.url(issuePath(item.issue)) },
    encoding: { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: site.url(pdfPath(item.issue)), sha256: item.issue.sha256 ?? undefined },
    ...(link('amends').length ? { legislationChanges: link('amends') } : {}),
  };
}

export interface DocumentPageInput {
  readonly doc: DocumentRow;
  readonly issue: ListedIssue;
  readonly relations: readonly RelatedDocument[];
  readonly corrections: readonly PublishedCorrection[];
  readonly validity: Validity;
}

export function documentPage(site: PublicSite, input: DocumentPageInput): string {
  const { doc, issue, relations, corrections, validity } = input;
  const title = `${typeName(doc.document_type)} ${doc.number_symbol}`;
  return layout(
    site,
    { title, path: doc.eli_path, description: doc.summary, head: html`<script type="application/ld+json">${jsonForScript(legislationJsonLd(site, doc, issue, validity, relations))}</script>` },
    html`<article>
<h1>${title}</h1>
<p class="lead">${doc.summary}</p>
${corrections.map((c) => html`<div class="notice" role="note"><strong>Văn bản này đã được đính chính.</strong> ${c.notice ? html`<a href="${site.path(c.notice.eliPath)}">Xem văn bản đính chính số ${c.notice.numberSymbol}</a> (đăng ngày ${vnDate(c.notice.publishedOn)}).` : null} ${c.reason}</div>`)}
<p class="validity">Hiệu lực: ${VALIDITY_LABELS[validity].vi}${doc.validity_override && doc.validity_reason ? html` <span class="muted">(${doc.validity_reason})</span>` : null}</p>
<h2>Thuộc tính</h2>
<dl>
<dt>Loại văn bản</dt><dd>${typeName(doc.document_type)}</dd>
<dt>Số, ký hiệu</dt><dd>${doc.number_symbol}</dd>
<dt>Cơ quan ban hành</dt><dd>${doc.issuing_agency} (${doc.issuer_level === 'central' ? 'trung ương' : 'địa phương'})</dd>
<dt>Người ký</dt><dd>${doc.signer}</dd>
<dt>Ngày ban hành</dt><dd>${vnDate(doc.signed_on)}</dd>
${doc.effective_on ? html`<dt>Ngày có hiệu lực</dt><dd>${vnDate(doc.effective_on)}</dd>` : null}
${doc.expires_on ? html`<dt>Ngày hết hiệu lực</dt><dd>${vnDate(doc.expires_on)}</dd>` : null}
${doc.field ? html`<dt>Lĩnh vực</dt><dd>${doc.field}</dd>` : null}
<dt>Đăng Công báo</dt><dd><a href="${site.path(issuePath(issue.issue))}">Số ${issueNumbers(issue.issue)}/${issue.issue.year}</a>, ngày ${vnDate(doc.published_on)}, trang ${doc.first_page}${doc.last_page !== doc.first_page ? `–${doc.last_page}` : ''}</dd>
<dt>Địa chỉ ổn định (ELI)</dt><dd><a href="${site.path(doc.eli_path)}">${site.url(doc.eli_path)}</a></dd>
</dl>
<h2>Tệp văn bản</h2>
<ul><li>${pdfLink(site, issue, { first: doc.first_page, last: doc.last_page })}</li>
<li>Mã băm SHA-256 của số Công báo: <span class="hash">${issue.issue.sha256 ?? ''}</span></li></ul>
${relations.length > 0 ? html`<h2>Văn bản liên quan</h2><ul>${relations.map((r) => html`<li>${RELATION_WORDS[r.kind]?.[r.direction] ?? r.kind}: <a href="${site.path(r.eliPath)}">${typeName(r.documentType)} ${r.numberSymbol}</a> — ${r.summary}${r.note ? html` <span class="muted">(${r.note})</span>` : null}</li>`)}</ul>` : null}
<h2>Toàn văn</h2>
<div class="full-text">${doc.full_text}</div>
</article>`,
  );
}

function documentList(site: PublicSite, docs: readonly ListedDocument[]): SafeHtml {
  if (docs.length === 0) return html`<p>Không có văn bản nào.</p>`;
  return html`<ol class="results">${docs.map((d) => html`<li><h3><a href="${site.path(d.eli_path)}">${typeName(d.document_type)} ${d.number_symbol}</a></h3>
<p>${d.summary}</p>
<p class="muted">${d.issuing_agency} · ban hành ${vnDate(d.signed_on)} · Công báo năm ${d.issue_year}, trang ${d.first_page}</p></li>`)}</ol>`;
}

export interface SearchPageInput {
  readonly form: SearchForm;
  readonly agencies: readonly Agency[];
  readonly years: readonly number[];
  readonly docs: readonly ListedDocument[];
  readonly total: number;
  readonly totalIsExact: boolean;
}

export function searchPage(site: PublicSite, input: SearchPageInput): string {
  const { form, agencies, years, docs, total, totalIsExact } = input;
  const path = `${SITE_BASE}/tra-cuu`;
  const selected = (on: boolean) => (on ? html` selected` : null);
  const pages = Math.ceil(total / form.so_dong);
  return layout(
    site,
    { title: form.q ? `Tra cứu: ${form.q}` : 'Tra cứu văn bản', path },
    html`<h1>Tra cứu văn bản</h1>
<form class="search" method="get" action="${site.path(path)}" role="search" aria-label="Tra cứu văn bản Công báo">
<fieldset><legend>Nội dung</legend>
<div class="row">
<div><label for="f-q">Từ khóa (dùng "ngoặc kép" để tìm cụm từ)</label><input id="f-q" type="search" name="q" value="${form.q}" maxlength="300" size="40"></div>
<div><label for="f-pham-vi">Tìm trong</label><select id="f-pham-vi" name="pham_vi"><option value="all"${selected(form.pham_vi === 'all')}>Trích yếu và toàn văn</option><option value="summary"${selected(form.pham_vi === 'summary')}>Chỉ trích yếu</option></select></div>
<div><label for="f-so">Số, ký hiệu</label><input id="f-so" type="text" name="so_ky_hieu" value="${form.so_ky_hieu}" maxlength="100"></div>
</div></fieldset>
<fieldset><legend>Lọc</legend>
<div class="row">
<div><label for="f-loai">Loại văn bản</label><select id="f-loai" name="loai"><option value="">Tất cả</option>${Object.entries(DOCUMENT_TYPES).map(([code, name]) => html`<option value="${code}"${selected(form.loai.includes(code))}>${name.vi}</option>`)}</select></div>
<div><label for="f-cap">Cấp ban hành</label><select id="f-cap" name="cap"><option value="">Tất cả</option><option value="local"${selected(form.cap === 'local')}>Địa phương</option><option value="central"${selected(form.cap === 'central')}>Trung ương</option></select></div>
<div><label for="f-co-quan">Cơ quan ban hành</label><select id="f-co-quan" name="co_quan"><option value="">Tất cả</option>${agencies.map((a) => html`<option value="${a.key}"${selected(form.co_quan === a.key)}>${a.name}</option>`)}</select></div>
</div>
<div class="row">
<div><label for="f-tu">Ban hành từ ngày</label><input id="f-tu" type="date" name="tu_ngay" value="${form.tu_ngay}"></div>
<div><label for="f-den">đến ngày</label><input id="f-den" type="date" name="den_ngay" value="${form.den_ngay}"></div>
<div><label for="f-nam">Năm đăng Công báo</label><select id="f-nam" name="nam"><option value="">Tất cả</option>${years.map((y) => html`<option value="${y}"${selected(form.nam === String(y))}>${y}</option>`)}</select></div>
</div></fieldset>
<div class="row">
<div><label for="f-sap-xep">Sắp xếp</label><select id="f-sap-xep" name="sap_xep"><option value="relevance"${selected(form.sap_xep === 'relevance')}>Phù hợp nhất</option><option value="newest"${selected(form.sap_xep === 'newest')}>Mới nhất</option><option value="oldest"${selected(form.sap_xep === 'oldest')}>Cũ nhất</option></select></div>
<div><label for="f-so-dong">Số kết quả mỗi trang</label><select id="f-so-dong" name="so_dong">${PAGE_SIZES.map((n) => html`<option value="${n}"${selected(form.so_dong === n)}>${n}</option>`)}</select></div>
<div><button type="submit">Tra cứu</button></div>
</div>
</form>
<section aria-labelledby="ket-qua"><h2 id="ket-qua">${isBlank(form) ? 'Văn bản mới đăng' : 'Kết quả'}</h2>
<p role="status">${totalIsExact ? `Tìm thấy ${count(total)} văn bản.` : `Tìm thấy hơn ${count(total)} văn bản.`}</p>
${documentList(site, docs)}
${pages > 1 ? html`<nav class="pager" aria-label="Phân trang">${form.trang > 1 ? html`<a rel="prev" href="${site.path(path)}?${formQuery(form, { trang: form.trang - 1 })}">Trang trước</a>` : null}<span>Trang ${form.trang}/${pages}</span>${form.trang < pages ? html`<a rel="next" href="${site.path(path)}?${formQuery(form, { trang: form.trang + 1 })}">Trang sau</a>` : null}</nav>` : null}
</section>`,
  );
}
