import type { RouteRequest, RouteResponse } from '@cong/sdk';
import { html } from '../site/html.js';
import { renderPage, sendHtml } from '../site/layout.js';
import type { Site } from '../site/site-context.js';
import { vietnamDate } from '../time/vietnam-time.js';
import type { LeaderRow } from './organisation-database.js';
import { OrganisationPublicQueries } from './organisation-public-queries.js';
import { OrganisationStore } from './organisation-store.js';
import { mailLink, phoneLink, rich, say } from './page-text.js';

const CSS = html`<style>.leader{display:grid;grid-template-columns:10rem 1fr;gap:1.25rem;padding:1.25rem 0;border-bottom:1px solid #d0d7de}
.leader img{width:10rem;height:auto;border-radius:4px}
@media (max-width:36rem){.leader{grid-template-columns:1fr}}</style>`;

/** A portrait is shown only from an https or site-relative URL (the API allows no other), and always with its alt text. */
const safePortrait = (url: string) => /^(https:\/\/|\/(?![/\\]))/i.test(url);

const dmy = (date: string) => date.split('-').reverse().join('/');

/** /lanh-dao: the leaders in office with portrait, position, short biography and duties (POR-06, POR-08). */
export async function leadersPage(req: RouteRequest, site: Site): Promise<RouteResponse> {
  const leaders = await new OrganisationPublicQueries(new OrganisationStore(site.ctx)).leaders(site.tenant.id, vietnamDate());
  const title = site.t('Lãnh đạo', 'Leadership');
  const card = (l: LeaderRow, i: number) => {
    const open = Number(l.contact_public) === 1;
    const bio = rich(site, l.bio_vi, l.bio_en);
    const duties = rich(site, l.duties_vi, l.duties_en);
    const alt = site.pair(l.portrait_alt_vi, l.portrait_alt_en);
    return html`<article class="leader" aria-labelledby="lanh-dao-${i}">
<div>${l.portrait_url && safePortrait(l.portrait_url) ? html`<img src="${l.portrait_url}" alt="${alt.text}"${alt.lang === site.lang ? null : html` lang="${alt.lang}"`} loading="lazy">` : null}</div>
<div>
<h2 id="lanh-dao-${i}">${l.full_name}</h2>
<p class="position"><strong>${say(site, l.position_vi, l.position_en)}</strong></p>
${l.term_start ? html`<p class="meta">${site.t('Nhiệm kỳ từ', 'In office since')} <time datetime="${l.term_start}">${dmy(l.term_start)}</time>${l.term_end ? html` ${site.t('đến', 'until')} <time datetime="${l.term_end}">${dmy(l.term_end)}</time>` : null}</p>` : null}
${bio ? html`<h3>${site.t('Tóm tắt tiểu sử', 'Short biography')}</h3>${bio}` : null}
${duties ? html`<h3>${site.t('Nhiệm vụ được phân công', 'Assigned duties')}</h3>${duties}` : null}
${open && (l.phone || l.email) ? html`<p>${l.phone ? html`${site.t('Điện thoại', 'Phone')}: ${phoneLink(l.phone)} ` : null}${l.email ? html`${site.t('Thư điện tử', 'E-mail')}: ${mailLink(l.email)}` : null}</p>` : null}
</div>
</article>`;
  };
  const body = html`<h1>${title}</h1>
${CSS}
${leaders.length === 0 ? html`<p>${site.t('Chưa có thông tin lãnh đạo.', 'No leaders have been published yet.')}</p>` : leaders.map(card)}`;
  const worksFor = { '@type': 'GovernmentOrganization', name: site.unitName, url: site.url('/') };
  const jsonLd = {
    '@type': 'ItemList',
    name: title,
    itemListElement: leaders.map((l, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      item: {
        '@type': 'Person',
        name: l.full_name,
        jobTitle: site.pair(l.position_vi, l.position_en).text,
        worksFor,
        ...(l.portrait_url && safePortrait(l.portrait_url) ? { image: l.portrait_url.startsWith('/') ? `${site.origin}${l.portrait_url}` : l.portrait_url } : {}),
        ...(Number(l.contact_public) === 1 && l.phone ? { telephone: l.phone } : {}),
        ...(Number(l.contact_public) === 1 && l.email ? { email: l.email } : {}),
      },
    })),
  };
  return sendHtml(req, 200, await renderPage(site, { title, description: site.t(`Lãnh đạo ${site.unitName}: tiểu sử tóm tắt và nhiệm vụ`, `Leaders of ${site.unitName}: short biographies and duties`), path: '/lanh-dao', jsonLd }, body));
}
