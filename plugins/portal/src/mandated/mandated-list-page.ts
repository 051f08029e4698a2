import { coreServices, type Rule, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { html, type SafeHtml } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Site } from '../site/site-context.js';
import type { SitePageDefinition } from '../site/site-page.js';
import { StaleRules } from './compliance.js';
import type { DeadlineKind } from './mandated-catalogue.js';
import type { MandatedDatabase } from './mandated-database.js';
import { deadlineRule } from './mandated-rules.js';
import { SectionRepository, type SectionRow } from './section.repository.js';

export const MANDATED_LIST_PATH = '/danh-muc-thong-tin-cong-khai';

/** What each deadline counts from, as the rules word it. */
const COUNTED_FROM: Readonly<Record<DeadlineKind, [string, string]>> = {
  default: ['kể từ ngày tạo ra thông tin', 'after the information is created'],
  legalOwnPortal: ['kể từ ngày ban hành', 'after issue'],
  legalOtherPortal: ['kể từ ngày ban hành', 'after issue'],
  dissemination: ['kể từ ngày văn bản được ban hành', 'after the document is issued'],
  plans: ['kể từ ngày phê duyệt', 'after approval'],
  science: ['kể từ ngày phê duyệt hoặc nghiệm thu', 'after approval or acceptance'],
  statistics: ['kể từ ngày thủ trưởng quyết định công bố', 'after the head of the agency decides to publish'],
};

/** Where a section's information is: its page on the site, or the external address of a link section. */
function where(site: Site, section: SectionRow): SafeHtml {
  if (section.source === 'link') {
    return section.link_url
      ? html`<a href="${section.link_url}" rel="noopener">${section.link_url}</a>`
      : html`<span class="muted">${site.t('Chưa có địa chỉ', 'No address yet')}</span>`;
  }
  if (section.site_path === null) return html`<span class="muted">${site.t('Trên cổng', 'On the portal')}</span>`;
  return html`<a href="${site.path(section.site_path)}">${site.url(section.site_path)}</a>`;
}

/** When and how often: the deadline rule in force today, else "regularly" with the staleness rule. */
function when(site: Site, section: SectionRow, deadline: Rule<number> | undefined, stale: Rule<number> | undefined): SafeHtml {
  if (deadline !== undefined && section.deadline_kind !== null) {
    const [vi, en] = COUNTED_FROM[section.deadline_kind as DeadlineKind] ?? COUNTED_FROM.default;
    return html`${site.t(`Chậm nhất ${deadline.value} ngày làm việc ${vi}`, `Within ${deadline.value} working days ${en}`)} <span class="muted">(${deadline.citation})</span>`;
  }
  if (section.source === 'link') return html`${site.t('Liên tục, theo hệ thống được liên kết', 'Continuously, as the linked system publishes')}`;
  if (section.source === 'generated') return html`${site.t('Cập nhật khi danh mục thay đổi', 'Updated whenever the list changes')}`;
  if (stale !== undefined) {
    return html`${site.t(`Thường xuyên, kịp thời khi có thay đổi; cập nhật ít nhất ${stale.value} ngày một lần`, `Regularly and promptly on change; at least every ${stale.value} days`)} <span class="muted">(${stale.citation})</span>`;
  }
  return html`${site.t('Thường xuyên, kịp thời khi có thay đổi', 'Regularly and promptly on change')}`;
}

async function render(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const { ctx } = site;
  const sections = await new SectionRepository(ctx.get(coreServices.database).kysely<MandatedDatabase>()).list(site.tenant.id);
  const rules = ctx.get(coreServices.rules);
  const staleRules = new StaleRules(ctx);
  const deadlines = new Map<string, Rule<number> | undefined>();
  for (const kind of new Set(sections.map((s) => s.deadline_kind).filter((k): k is string => k !== null))) {
    deadlines.set(kind, await rules.get<number>(deadlineRule(kind as DeadlineKind)).catch(() => undefined));
  }
  const rows: SafeHtml[] = [];
  const listItems: Record<string, unknown>[] = [];
  for (const [i, s] of sections.entries()) {
    const ages = s.source === 'legal' || s.source === 'category' || s.source === 'organisation';
    const stale = ages ? await staleRules.for(s.code).catch(() => undefined) : undefined;
    // Sections are vi/en pairs, not UI labels: other languages show the English.
    const name = site.pair(s.name_vi, s.name_en).text;
    const applicable = s.not_applicable === 0;
    rows.push(html`<tr>
<th scope="row">${s.code}</th>
<td>${name}</td>
<td>${applicable ? where(site, s) : html`<span class="muted">${site.t('Không áp dụng', 'Not applicable')}${s.na_reason ? html`: <span lang="vi">${s.na_reason}</span>` : null}</span>`}</td>
<td>${site.pair(s.form_vi, s.form_en).text}</td>
<td>${applicable ? when(site, s, s.deadline_kind === null ? undefined : deadlines.get(s.deadline_kind), stale) : null}</td>
<td lang="vi">${s.basis}</td>
</tr>`);
    const url = s.source === 'link' ? s.link_url : s.site_path === null ? null : site.url(s.site_path);
    if (applicable) listItems.push({ '@type': 'ListItem', position: i + 1, name, ...(url ? { url } : {}) });
  }
  const title = site.t('Danh mục thông tin phải công khai', 'List of information that must be published');
  const description = site.t(
    'Danh mục thông tin phải công khai trên cổng thông tin điện tử: nơi đăng, hình thức, thời điểm và thời hạn công khai (Luật Tiếp cận thông tin, Điều 19 khoản 1 điểm g).',
    'The information this portal must publish: where, in what form, and when (Law on Access to Information, Article 19(1)(g)).',
  );
  const content = html`<h1>${title}</h1>
<p>${description}</p>
${sections.length === 0
    ? html`<p>${site.t('Đơn vị chưa có danh mục.', 'The unit has no list yet.')}</p>`
    : html`<table>
<caption class="sr-only">${title}</caption>
<thead><tr>
<th scope="col">${site.t('Mã', 'Code')}</th>
<th scope="col">${site.t('Thông tin', 'Information')}</th>
<th scope="col">${site.t('Địa chỉ công khai', 'Where')}</th>
<th scope="col">${site.t('Hình thức', 'Form')}</th>
<th scope="col">${site.t('Thời điểm, thời hạn', 'When')}</th>
<th scope="col">${site.t('Căn cứ', 'Legal basis')}</th>
</tr></thead>
<tbody>${rows}</tbody>
</table>`}`;
  const body = await renderPage(
    site,
    {
      title,
      description,
      path: MANDATED_LIST_PATH,
      dcType: 'Dataset',
      jsonLd: { '@type': 'ItemList', name: title, description, url: site.url(MANDATED_LIST_PATH), inLanguage: site.lang, numberOfItems: listItems.length, itemListElement: listItems },
    },
    content,
  );
  return sendHtml(req, 200, body);
}

/** The public pages of the mandated-information area: the POR-13 list. */
export const mandatedSitePages: readonly SitePageDefinition[] = [
  {
    path: MANDATED_LIST_PATH,
    summary: { vi: 'Danh mục thông tin phải công khai', en: 'List of information that must be published' },
    render,
  },
];
