// The reorganisation area (TEN-08): the sites follow the core's mergers, splits, archives and renames.
import { coreEvents, coreServices, type PluginContext, type PluginRegistrar } from '@cong/sdk';
import type { Migration } from 'kysely';
import { reachNewUnits } from '../syndication/index.js';
import { reorganisationMigrationList } from './migrations/index.js';
import { reorganisationRoutes } from './reorganisation.routes.js';
import { followRename } from './rename-hosts.js';
import { SiteSuccession, type Succession } from './site-succession.js';

export const reorganisationMigrations: Readonly<Record<string, Migration>> = reorganisationMigrationList;

/** Retries a change that could not be followed at once (a deadlock, a database restart). */
const FOLLOW_JOB = 'follow-reorganisation';

/**
 * Follows at once, so the merger's answer already finds the sites moved; a failure is recorded and
 * handed to the job, which retries with back-off (following again is harmless).
 */
async function follow(ctx: PluginContext, change: Succession): Promise<void> {
  const succession = new SiteSuccession(ctx);
  try {
    await succession.follow(change);
    // A new unit from a merger receives the notices its units above broadcast before it existed.
    await reachNewUnits(ctx, [change.successorId]);
  } catch (error) {
    ctx.get(coreServices.logger).error('sites could not follow a reorganisation; retrying in a job', { err: error, change });
    await succession.failed(change, error);
    await ctx.get(coreServices.jobs).enqueue(FOLLOW_JOB, change, { dedupeKey: `${change.kind}:${change.sourceId}:${change.successorId}` });
  }
}

export function registerReorganisation(reg: PluginRegistrar): void {
  reg.routes(reorganisationRoutes);
  reg.jobs({
    [FOLLOW_JOB]: {
      handler: async (change: Succession, ctx) => {
        const succession = new SiteSuccession(ctx);
        try {
          await succession.follow(change);
        } catch (error) {
          await succession.failed(change, error);
          throw error;
        }
      },
      maxAttempts: 8,
    },
  });
  reg.on(coreEvents.tenantMerged, async (e, ctx) => {
    for (const sourceId of e.sourceIds) await follow(ctx, { kind: 'merge', sourceId, successorId: e.successorId, effectiveDate: e.effectiveDate });
  });
  // The first successor of a split takes the unit's hosts (the core's rule), so its content goes there too.
  reg.on(coreEvents.tenantSplit, (e, ctx) => follow(ctx, { kind: 'split', sourceId: e.sourceId, successorId: e.successorIds[0]!, effectiveDate: e.effectiveDate }));
  reg.on(coreEvents.tenantArchived, async (e, ctx) => {
    if (e.successorId !== null) await follow(ctx, { kind: 'archive', sourceId: e.tenantId, successorId: e.successorId, effectiveDate: e.effectiveDate });
  });
  reg.on(coreEvents.tenantRenamed, async (e, ctx) => {
    try {
      await followRename(ctx, e.tenantId);
    } catch (error) {
      // The rename stands; the site keeps its host until an admin sets the new one.
      ctx.get(coreServices.logger).error('the site could not follow a rename', { err: error, tenantId: e.tenantId });
    }
  });
}
