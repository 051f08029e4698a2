import { html, jsonForScript, type SafeHtml, type TenantInfo } from '@cong/sdk';
import type { NoticeKind, NoticeStatus, PublicNotice } from '../api/index.js';
import { FUNDING_LABELS, GROUP_LABELS, KIND_LABELS, KINDS, STATUS_LABELS, STATUSES } from '../notices/notice-labels.js';
import { BASE, layout } from './public-layout.js';

const vnd = new Intl.NumberFormat('vi-VN');
/** 1 234 567 890 đồng, as Vietnamese documents write amounts. */
export const money = (amount: number | null) => (amount === null ? '—' : `${vnd.format(amount)} đồng`);
/** dd/mm/yyyy, the Vietnamese way. */
export const day = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '—');
const dateTime = (iso: string | null) =>
  iso ? new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '—';

export interface ListState {
  readonly kind?: NoticeKind;
  readonly status?: NoticeStatus;
  readonly q?: string;
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

function pageLink(prefix: string, state: ListState, page: number): string {
  const params = new URLSearchParams();
  if (state.kind) params.set('loai', state.kind);
  if (state.status) params.set('trang-thai', state.status);
  if (state.q) params.set('q', state.q);
  if (page > 1) params.set('trang', String(page));
  const query = params.toString();
  return `${prefix}${BASE}${query ? `?${query}` : ''}`;
}

/** The list page: a filter form that works without script, a table, paging. */
export function listPage(tenant: TenantInfo, prefix: string, items: readonly PublicNotice[], state: ListState): SafeHtml {
  const title = 'Đầu tư công, mua sắm công';
  const option = (value: string, label: string, selected: boolean) => (selected ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`);
  const body = html`<h1>${title}</h1>
<form class="filter" method="get" action="${prefix}${BASE}" role="search">
<label>Tìm theo tên <input name="q" value="${state.q ?? ''}" maxlength="200"></label>
<label>Loại <select name="loai"><option value="">Tất cả</option>${KINDS.map((k) => option(k, KIND_LABELS[k].vi, state.kind === k))}</select></label>
<label>Trạng thái <select name="trang-thai"><option value="">Tất cả</option>${STATUSES.map((s) => option(s, STATUS_LABELS[s].vi, state.status === s))}</select></label>
<button type="submit">Lọc</button>
</form>
<p class="muted" role="status">${state.total} kết quả</p>
${items.length === 0
  ? html`<p>Chưa có dự án, thông báo nào phù hợp.</p>`
  : html`<table><caption class="muted">Dự án đầu tư công và thông báo mua sắm công của ${tenant.nameVi}</caption>
<thead><tr><th scope="col">Tên</th><th scope="col">Loại</th><th scope="col">Lĩnh vực</th><th scope="col">Tổng mức đầu tư / giá gói thầu</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>${items.map((n) => html`<tr><td><a href="${prefix}${BASE}/${n.slug}">${n.name}</a></td><td>${KIND_LABELS[n.kind].vi}</td><td>${n.field}</td><td>${money(n.budgetVnd)}</td><td>${STATUS_LABELS[n.status].vi}</td></tr>`)}</tbody></table>`}
${state.pages > 1
  ? html`<nav aria-label="Phân trang"><ul>${state.page > 1 ? html`<li><a rel="prev" href="${pageLink(prefix, state, state.page - 1)}">Trang trước</a></li>` : ''}<li aria-current="page">Trang ${state.page} / ${state.pages}</li>${state.page < state.pages ? html`<li><a rel="next" href="${pageLink(prefix, state, state.page + 1)}">Trang sau</a></li>` : ''}</ul></nav>`
  : ''}`;
  return layout({ tenant, title, prefix, body });
}

/** One notice: every POR-11 attribute, in a definition list. */
export function detailPage(tenant: TenantInfo, prefix: string, n: PublicNotice): SafeHtml {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: n.name,
    description: n.objective,
    provider: { '@type': 'GovernmentOrganization', name: tenant.nameVi },
    ...(n.budgetVnd !== null ? { offers: { '@type': 'Offer', price: n.budgetVnd, priceCurrency: 'VND' } } : {}),
    dateModified: n.updatedAt,
  };
  const body = html`<p><a href="${prefix}${BASE}">Đầu tư công, mua sắm công</a></p>
<h1>${n.name}</h1>
<dl>
<dt>Loại</dt><dd>${KIND_LABELS[n.kind].vi}</dd>
<dt>Mục tiêu, quy mô</dt><dd>${n.objective}</dd>
<dt>Lĩnh vực</dt><dd>${n.field}</dd>
${n.projectGroup ? html`<dt>Nhóm dự án</dt><dd>${GROUP_LABELS[n.projectGroup].vi}</dd>` : ''}
<dt>Thời gian thực hiện</dt><dd>${day(n.startOn)} – ${day(n.endOn)}</dd>
<dt>Tổng mức đầu tư / giá gói thầu</dt><dd>${money(n.budgetVnd)}</dd>
<dt>Nguồn vốn</dt><dd>${FUNDING_LABELS[n.funding].vi}</dd>
${n.donor ? html`<dt>Nhà tài trợ</dt><dd>${n.donor}</dd>` : ''}
<dt>Trạng thái</dt><dd>${STATUS_LABELS[n.status].vi}</dd>
${n.closesAt ? html`<dt>Thời điểm đóng thầu</dt><dd><time datetime="${n.closesAt}">${dateTime(n.closesAt)}</time></dd>` : ''}
${n.result ? html`<dt>Kết quả</dt><dd>${n.result}</dd>` : ''}
<dt>Ngày công bố</dt><dd><time datetime="${n.publishedAt}">${dateTime(n.publishedAt)}</time></dd>
</dl>`;
  return layout({ tenant, title: n.name, prefix, body, head: html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>` });
}
