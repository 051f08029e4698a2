import { definePlugin } from '@cong/sdk';
import type { SiteTheme } from '@cong/plugin-portal/api';
import { noticePublished } from './api/index.js';
import { procurementMigrations } from './migrations/index.js';
import { noticeRoutes } from './notices/notice.routes.js';
import { addHomeBlock, portalSiteTheme } from './public/home-block.js';
import { publicNoticeRoutes } from './public/public.routes.js';

/**
 * Public investment and procurement (POR-11, Luật Tiếp cận thông tin Art. 19(1)(d)): a unit's projects,
 * invitations to bid and contract awards, entered and published by its staff, shown on its site (list,
 * detail, Atom feed), on its portal home page (a block, when the portal is installed) and in other sites
 * (the `<cong-procurement-notices>` widget). The example a vendor starts from: docs/guides/writing-a-plugin.md.
 */
export default definePlugin({
  register(reg) {
    reg.migrations(procurementMigrations);
    reg.routes(noticeRoutes);
    reg.publicRoutes(publicNoticeRoutes);
    let theme: SiteTheme | undefined;
    reg.extend(portalSiteTheme, (point, ctx) => {
      theme = point;
      addHomeBlock(point, ctx);
    });
    // A notice was published, changed or withdrawn: the portal drops the unit's cached pages (its home
    // page shows the block) at once in this process, and in the others within the cache's age limit.
    reg.on(noticePublished, (event) => theme?.tokensChanged(event.tenantId));
  },
});
