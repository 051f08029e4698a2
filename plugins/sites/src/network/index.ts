// The network area (issue 6): the network dashboard, the link checker (POR-21) and the uptime extension point.
import type { PluginRegistrar } from '@cong/sdk';
import type { Migration } from 'kysely';
import { LINK_CHECK_JOB, runLinkCheck } from './link-check-job.js';
import { networkMigrationList } from './migrations/index.js';
import { networkRoutes } from './network.routes.js';
import { sitesUptimePoint, UptimeRegistry } from './uptime-point.js';

export const networkMigrations: Readonly<Record<string, Migration>> = networkMigrationList;
export { sitesUptimePoint } from './uptime-point.js';
export type { SitesUptime, SiteUptime, UptimeSource } from './uptime-point.js';

export function registerNetwork(reg: PluginRegistrar): void {
  const uptime = new UptimeRegistry();
  reg.provideExtensionPoint(sitesUptimePoint, uptime);
  reg.routes(networkRoutes(uptime));
  reg.jobs({
    [LINK_CHECK_JOB]: {
      handler: async (_payload: unknown, ctx) => {
        await runLinkCheck(ctx);
      },
      maxAttempts: 2,
      timeoutMs: 60 * 60_000,
    },
  });
  // Every night, outside office hours (Vietnam time).
  reg.schedule('link-check', { job: LINK_CHECK_JOB, cron: '30 1 * * *', timezone: 'Asia/Ho_Chi_Minh' });
}
