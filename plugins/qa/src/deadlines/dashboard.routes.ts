import type { RouteBuilder } from '@cong/sdk';
import { siteOfRequest } from '../questions/site-of-request.js';
import { provinceOfSite } from '../questions/unit-tree.js';
import type { DeadlineSettings } from './deadline-config.js';
import { dashboardPage } from './dashboard-page.js';
import { dashboardQuery } from './statistics.schema.js';
import { StatisticsService } from './statistics.service.js';

/** The public dashboard page on every unit's site. Registered before the answers' `/hoi-dap/<slug>`. */
export function dashboardRoutes(route: RouteBuilder, settings: DeadlineSettings): void {
  route.get('/hoi-dap/thong-ke', {
    summary: { vi: 'Thống kê trả lời câu hỏi của các cơ quan', en: 'The agencies’ answering statistics' },
    schema: { query: dashboardQuery },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const service = new StatisticsService(ctx, settings);
      const period = service.period(req.query['tu-ngay'], req.query['den-ngay']);
      return dashboardPage(site, await service.of(await provinceOfSite(ctx, req.tenantId), period));
    },
  });
}
