import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { html, type SafeHtml } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Site } from '../site/site-context.js';
import type { OrgUnitRow } from './organisation-database.js';
import { OrganisationPublicQueries } from './organisation-public-queries.js';
import { OrganisationStore } from './organisation-store.js';
import { mailLink, phoneLink, rich, say } from './page-text.js';

/** The tree look of the nested list: lines drawn with borders, so the list stays a plain list for assistive technology. */
const TREE_CSS = html`<style>.org-tree,.org-tree ul{list-style:none;margin:0;padding-left:1.5rem}
.org-tree{padding-left:0}.org-tree ul{border-left:2px solid var(--portal-muted)}
.org-tree li{position:relative;padding:.25rem 0 .25rem .75rem}
.org-tree ul>li::before{content:"";position:absolute;left:-1.5rem;top:1rem;width:2rem;border-top:2px solid var(--portal-muted)}
.org-tree a{display:inline-block;padding:.2rem .5rem;border:1px solid var(--portal-primary);border-radius:4px;text-decoration:none;background:var(--portal-background)}
.org-unit{border-top:1px solid #d0d7de;padding-top:1rem;margin-top:1.5rem}</style>`;

const anchor = (u: OrgUnitRow) => `don-vi-${u.id}`;

function tree(site: Site, children: ReadonlyMap<string | null, OrgUnitRow[]>, parent: string | null, depth: number): SafeHtml | null {
  const nodes = children.get(parent) ?? [];
  if (nodes.length === 0 || depth > 50) return null;
  return html`<ul${depth === 0 ? html` class="org-tree"` : null}>${nodes.map((u) => html`<li><a href="#${anchor(u)}">${say(site, u.name_vi, u.name_en)}</a>${tree(site, children, u.id, depth + 1)}</li>`)}</ul>`;
}

function unitSection(site: Site, u: OrgUnitRow, root: boolean): SafeHtml {
  const heading = (vi: string, en: string) => html`<h3>${site.t(vi, en)}</h3>`;
  const functions = rich(site, u.functions_vi, u.functions_en);
  const duties = rich(site, u.duties_vi, u.duties_en);
  const powers = rich(site, u.powers_vi, u.powers_en);
  const contact = [u.address ? html`<div>${site.t('Địa chỉ', 'Address')}: ${u.address}</div>` : null, u.phone ? html`<div>${site.t('Điện thoại', 'Phone')}: ${phoneLink(u.phone)}</div>` : null, u.email ? html`<div>${site.t('Thư điện tử', 'E-mail')}: ${mailLink(u.email)}</div>` : null].filter((x) => x !== null);
  return html`<section class="org-unit" id="${anchor(u)}" aria-labelledby="${anchor(u)}-h" tabindex="-1">
<h2 id="${anchor(u)}-h">${say(site, u.name_vi, u.name_en)}${root ? html` <span class="muted">(${site.t('cơ quan', 'the agency')})</span>` : null}</h2>
${u.head_name ? html`<p><strong>${u.head_name}</strong>${u.head_position_vi ? html`, ${say(site, u.head_position_vi, u.head_position_en)}` : null}</p>` : null}
${contact.length > 0 ? html`<address>${contact}</address>` : null}
${functions ? html`${heading('Chức năng', 'Functions')}${functions}` : null}
${duties ? html`${heading('Nhiệm vụ', 'Duties')}${duties}` : null}
${powers ? html`${heading('Quyền hạn', 'Powers')}${powers}` : null}
</section>`;
}

/** schema.org: the agency with its units as nested subOrganization. */
function orgJsonLd(site: Site, children: ReadonlyMap<string | null, OrgUnitRow[]>, u: OrgUnitRow, depth: number): Record<string, unknown> {
  const subs = depth > 20 ? [] : (children.get(u.id) ?? []).map((c) => orgJsonLd(site, children, c, depth + 1));
  return {
    '@type': 'GovernmentOrganization',
    name: site.pair(u.name_vi, u.name_en).text,
    ...(u.phone ? { telephone: u.phone } : {}),
    ...(u.email ? { email: u.email } : {}),
    ...(u.address ? { address: u.address } : {}),
    ...(subs.length > 0 ? { subOrganization: subs } : {}),
  };
}

/** /co-cau-to-chuc: the organisation chart (sơ đồ tổ chức) and each unit's functions, duties and powers (POR-04). */
export async function orgChartPage(req: RouteRequest, site: Site): Promise<RouteResponse> {
  // Depth first from the root: the order the chart reads in.
  const rows = await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).chart(site.tenant.id);
  const children = new Map<string | null, OrgUnitRow[]>();
  for (const u of rows) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u]);
  const root = (children.get(null) ?? [])[0];
  const title = site.t('Cơ cấu tổ chức', 'Organisation structure');
  const body = rows.length === 0
    ? html`<h1>${title}</h1><p>${site.t('Đơn vị chưa công bố cơ cấu tổ chức.', 'The organisation structure has not been published yet.')}</p>`
    : html`<h1>${title}</h1>
${TREE_CSS}
<nav aria-labelledby="so-do"><h2 id="so-do">${site.t('Sơ đồ tổ chức', 'Organisation chart')}</h2>${tree(site, children, null, 0)}</nav>
${rows.map((u) => unitSection(site, u, u === root))}`;
  return sendHtml(req, 200, await renderPage(site, { title, description: site.t(`Cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn của ${site.unitName}`, `Organisation, functions, duties and powers of ${site.unitName}`), path: '/co-cau-to-chuc', ...(root ? { jsonLd: orgJsonLd(site, children, root, 0) } : {}) }, body));
}
