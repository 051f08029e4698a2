import type { RouteBuilder } from '@cong/sdk';
import type { IntakeConfig } from '../intake/intake-config.js';
import { callingUnit, RECEIVE } from '../intake/intake-request.js';
import { dashboardQuery, dashboardSchema } from './comparison.schema.js';
import { deadlineDashboard } from './deadline-dashboard.js';

/** The office's deadline dashboard, under /api/gazette/deadlines (GAZ-15, GAZ-16). */
export function deadlineDashboardRoutes(route: RouteBuilder, config: IntakeConfig): void {
  route.get('/deadlines', {
    summary: { vi: 'Văn bản sắp đến hạn và quá hạn (gửi, đăng Công báo)', en: 'Documents at risk and overdue (sending, publication)' },
    description:
      'Documents not yet published whose deadline is past or within `withinWorkingDays` working days, with who each waits on: ' +
      '`issuer-not-sent` (signed, not sent), `issuer-correction` (returned, corrected copy not in), `office` (not yet published); `sentLate` marks a document the issuer sent after its deadline. Grouped by issuer.',
    permission: RECEIVE,
    schema: { query: dashboardQuery, response: { 200: dashboardSchema } },
    handler: (req, ctx) =>
      deadlineDashboard(ctx, callingUnit(req), {
        ...(req.query.asOf ? { asOf: req.query.asOf } : {}),
        within: req.query.withinWorkingDays ?? config.atRiskWorkingDays,
        ...(req.query.issuerUnitId ? { issuerUnitId: req.query.issuerUnitId } : {}),
      }),
  });
}
