// The review area: the comparison workflow (GAZ-14, GAZ-22), the deadline dashboard (GAZ-15, GAZ-16)
// and the submissions service the issue composer asks whether a document is ready (GAZ-22).
import type { PluginRegistrar } from '@cong/sdk';
import { intakeConfig } from '../intake/intake-config.js';
import { comparisonRoutes } from './comparison.routes.js';
import { deadlineDashboardRoutes } from './deadline-dashboard.routes.js';
import { DefaultGazetteSubmissions } from './default-gazette-submissions.js';
import { gazetteSubmissionsRef } from './gazette-submissions-ref.js';

export function registerReview(reg: PluginRegistrar): void {
  const config = intakeConfig(reg);
  reg.provide(gazetteSubmissionsRef, (ctx) => new DefaultGazetteSubmissions(ctx));
  reg.routes((route) => {
    comparisonRoutes(route, config);
    deadlineDashboardRoutes(route, config);
  });
}
