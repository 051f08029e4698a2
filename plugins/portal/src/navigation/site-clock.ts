import { coreServices, type JobDefinition, type PluginContext } from '@cong/sdk';
import type { AlertsDatabase } from '../alerts/alerts-database.js';
import { BannerRepository } from './banner.repository.js';
import type { NavigationDatabase } from './navigation-database.js';
import { unitsBelow } from '../units/org-tree.js';
import { refreshSites } from './site-refresh.js';

/**
 * How far back a run looks for windows that opened or closed. The job runs every minute; looking
 * back two covers a late or skipped tick, and a window seen twice only drops a cache twice.
 */
export const CLOCK_LOOKBACK_MS = 2 * 60_000;

/**
 * The site chrome's clock: a banner or an emergency alert whose window opens or closes at T must
 * show or disappear within a minute of T, but the page cache only knows writes. Every minute, the
 * units with such a transition since the last runs (and, for a subtree alert, every unit below) get
 * `siteChanged`. With `tenantId`, only that unit is considered (the admin's "run now").
 */
export async function runSiteClock(ctx: PluginContext, now = Date.now(), tenantId?: string): Promise<string[]> {
  const db = ctx.get(coreServices.database).kysely<AlertsDatabase>();
  const from = now - CLOCK_LOOKBACK_MS;
  const units = new Set(await new BannerRepository(ctx.get(coreServices.database).kysely<NavigationDatabase>()).unitsWithTransitions(from, now, tenantId));
  const alerts = await db
    .selectFrom('portal_alerts')
    .select(['tenant_id', 'scope'])
    .where((eb) => eb.or([eb.and([eb('starts_at', '>', from), eb('starts_at', '<=', now)]), eb.and([eb('ends_at', '>', from), eb('ends_at', '<=', now)])]))
    .limit(1000)
    .execute();
  const tenants = alerts.length > 0 ? await ctx.get(coreServices.tenancy).enabledTenants() : [];
  for (const alert of alerts) {
    units.add(alert.tenant_id);
    if (alert.scope === 'subtree') for (const id of await unitsBelow(ctx, alert.tenant_id, tenants)) units.add(id);
  }
  const due = [...units].filter((id) => tenantId === undefined || id === tenantId);
  for (const id of due) await refreshSites(ctx, id, { area: 'schedule' });
  return due;
}

/** Enqueued every minute by the `site-chrome-clock` schedule. Idempotent: a repeat only drops caches again. */
export const siteClockJob: JobDefinition<Record<string, never>> = {
  schema: { type: 'object', additionalProperties: false, properties: {} },
  maxAttempts: 2,
  handler: async (_payload, ctx) => {
    const units = await runSiteClock(ctx);
    if (units.length > 0) ctx.logger.info('site clock: banner or alert windows moved', { units: units.length });
  },
};
