import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { html } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Site } from '../site/site-context.js';
import type { ContactRow } from './organisation-database.js';
import { OrganisationPublicQueries } from './organisation-public-queries.js';
import { OrganisationStore } from './organisation-store.js';
import { mailLink, phoneLink, say } from './page-text.js';

const ROLE: Readonly<Record<'focal' | 'competent', [string, string]>> = {
  focal: ['Cán bộ đầu mối', 'Focal official'],
  competent: ['Cán bộ có thẩm quyền', 'Competent official'],
};

/** /lien-he: the agency's address, phone, fax, e-mail and hours; the focal and competent officials (POR-05). */
export async function contactPage(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const rows = await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).contacts(site.tenant.id);
  const agency = rows.filter((c) => c.kind === 'agency');
  const officials = rows.filter((c) => c.kind === 'official');
  const title = site.t('Liên hệ', 'Contact');
  const block = (c: ContactRow, i: number) => html`<section aria-labelledby="co-quan-${i}">
<h2 id="co-quan-${i}">${say(site, c.label_vi, c.label_en)}</h2>
<address>
${c.address ? html`<div>${site.t('Địa chỉ', 'Address')}: ${say(site, c.address, '')}</div>` : null}
${c.phone ? html`<div>${site.t('Điện thoại', 'Phone')}: ${phoneLink(c.phone)}</div>` : null}
${c.fax ? html`<div>Fax: ${c.fax}</div>` : null}
${c.email ? html`<div>${site.t('Thư điện tử công vụ', 'Official e-mail')}: ${mailLink(c.email)}</div>` : null}
</address>
${c.office_hours_vi ? html`<p>${site.t('Giờ làm việc', 'Office hours')}: ${say(site, c.office_hours_vi, c.office_hours_en)}</p>` : null}
${c.map_url.startsWith('https://') ? html`<p><a href="${c.map_url}" rel="noopener noreferrer">${site.t('Xem bản đồ', 'View on a map')}<span class="sr-only"> ${site.pair(c.label_vi, c.label_en).text}</span></a></p>` : null}
</section>`;
  const table = officials.length === 0
    ? null
    : html`<section aria-labelledby="can-bo"><h2 id="can-bo">${site.t('Cán bộ đầu mối và cán bộ có thẩm quyền', 'Focal and competent officials')}</h2>
<table><caption class="sr-only">${site.t('Danh sách cán bộ đầu mối', 'Focal officials')}</caption>
<thead><tr><th scope="col">${site.t('Họ và tên', 'Name')}</th><th scope="col">${site.t('Chức vụ', 'Position')}</th><th scope="col">${site.t('Đơn vị', 'Unit')}</th><th scope="col">${site.t('Điện thoại', 'Phone')}</th><th scope="col">${site.t('Thư điện tử công vụ', 'Official e-mail')}</th></tr></thead>
<tbody>${officials.map((c) => html`<tr><th scope="row">${c.person_name}<div class="muted">${site.t(...ROLE[c.official_role ?? 'focal'])}</div></th><td>${say(site, c.position_vi, c.position_en)}</td><td>${say(site, c.unit_vi, c.unit_en)}</td><td>${phoneLink(c.phone)}</td><td>${mailLink(c.email)}</td></tr>`)}</tbody></table></section>`;
  const body = html`<h1>${title}</h1>
${agency.length === 0 && officials.length === 0 ? html`<p>${site.t('Đơn vị chưa công bố thông tin liên hệ.', 'No contact details have been published yet.')}</p>` : null}
${agency.map(block)}
${table}`;
  const main = agency[0];
  const contactPoint = [
    ...agency.map((c) => ({ '@type': 'ContactPoint', contactType: site.pair(c.label_vi, c.label_en).text, ...(c.phone ? { telephone: c.phone } : {}), ...(c.fax ? { faxNumber: c.fax } : {}), ...(c.email ? { email: c.email } : {}) })),
    ...officials.map((c) => ({ '@type': 'ContactPoint', contactType: site.t(...ROLE[c.official_role ?? 'focal']), name: c.person_name, ...(c.phone ? { telephone: c.phone } : {}), ...(c.email ? { email: c.email } : {}) })),
  ];
  const jsonLd = {
    '@type': 'GovernmentOrganization',
    name: site.unitName,
    url: site.url('/'),
    ...(main?.address ? { address: main.address } : {}),
    ...(main?.phone ? { telephone: main.phone } : {}),
    ...(main?.fax ? { faxNumber: main.fax } : {}),
    ...(main?.email ? { email: main.email } : {}),
    ...(contactPoint.length > 0 ? { contactPoint } : {}),
  };
  return sendHtml(req, 200, await renderPage(site, { title, description: site.t(`Thông tin liên hệ của ${site.unitName}`, `How to contact ${site.unitName}`), path: '/lien-he', jsonLd }, body));
}
