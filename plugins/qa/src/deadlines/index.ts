// The deadlines area (QA-02, QA-03, QA-05): SLA clocks per hop from the timeline, on the core calendar
// and the rule pack; reminders and escalations by e-mail; statistics for staff, and the public
// per-agency league table (`/hoi-dap/thong-ke`).
import type { PluginRegistrar } from '@cong/sdk';
import { deadlineSettings } from './deadline-config.js';
import { deadlineRulePack } from './deadline-rules.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { sweepDeadlines } from './deadline-sweep.js';
import { deadlineRoutes } from './statistics.routes.js';

export function registerDeadlines(reg: PluginRegistrar): void {
  const settings = deadlineSettings(reg);
  reg.rules(deadlineRulePack);
  reg.routes((route) => deadlineRoutes(route, settings));
  reg.publicRoutes((route) => dashboardRoutes(route, settings));
  reg.jobs({
    'deadline-sweep': {
      // Two sweeps at once are harmless (each notice is recorded once), but one is enough.
      maxAttempts: 3,
      handler: async (_payload, ctx) => {
        await sweepDeadlines(ctx, settings);
      },
    },
  });
  reg.schedule('deadline-sweep', { job: 'deadline-sweep', everyMs: settings.sweepEveryMinutes * 60_000 });
}
