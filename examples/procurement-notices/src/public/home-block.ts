import { coreServices, createExtensionPoint, html, type PluginContext } from '@cong/sdk';
// Types only: the portal is an optional dependency, so nothing of it is imported at run time.
import type { SiteTheme } from '@cong/plugin-portal/api';
import type { ProcurementDatabase } from '../notices/notice-database.js';
import { KIND_LABELS } from '../notices/notice-labels.js';
import { NoticeRepository } from '../notices/notice.repository.js';
import { publicNoticeOf } from '../notices/notice-view.js';
import { day } from './notice-pages.js';
import { BASE } from './public-layout.js';

/**
 * The portal's `portal.site-theme` point, referenced by its id and version (the contract) rather than
 * imported from `@cong/plugin-portal/api`: the import would fail on a platform without the portal, where
 * the core simply skips this contribution.
 */
export const portalSiteTheme = createExtensionPoint<SiteTheme>({ id: 'portal.site-theme', version: 1 });

export const HOME_BLOCK_ID = 'procurement.latest';

/**
 * The home-page block: the unit's five newest public notices. Links are relative to the home page
 * (`/` on the unit's host, `/t/<slug>/` on the platform host), which the block cannot see.
 */
export function addHomeBlock(theme: SiteTheme, ctx: PluginContext): void {
  theme.addHomeBlock({
    id: HOME_BLOCK_ID,
    order: 60,
    label: { vi: 'Đầu tư công, mua sắm công mới nhất', en: 'Latest public investment and procurement' },
    settingsSchema: { type: 'object', additionalProperties: false, properties: { count: { type: 'integer', minimum: 1, maximum: 20 } } },
    async render({ tenant, lang, settings }) {
      const count = typeof settings?.count === 'number' ? settings.count : 5;
      const repo = new NoticeRepository(ctx.get(coreServices.database).kysely<ProcurementDatabase>());
      const { items } = await repo.page(tenant.id, { published: true, limit: count, offset: 0 });
      if (items.length === 0) return null;
      const en = lang !== 'vi';
      const link = en ? `..${BASE}` : BASE.slice(1);
      return html`<section aria-labelledby="procurement-latest"><h2 id="procurement-latest">${en ? 'Public investment and procurement' : 'Đầu tư công, mua sắm công'}</h2>
<ul>${items.map(publicNoticeOf).map((n) => html`<li><a href="${link}/${n.slug}">${n.name}</a> <span>(${en ? KIND_LABELS[n.kind].en : KIND_LABELS[n.kind].vi}, ${day(n.publishedAt.slice(0, 10))})</span></li>`)}</ul>
<p><a href="${link}">${en ? 'All notices' : 'Xem tất cả'}</a></p></section>`;
    },
  });
}
