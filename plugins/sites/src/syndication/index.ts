// The syndication area: syndication up to the province and broadcast down to the units below (TEN-07,
// TEN-08). The portal shows the items (its linked items, `@cong/plugin-portal/api`); this area owns who
// proposed, decided and sent what, and keeps it in step with the source articles.
import { coreEvents, coreServices, type PluginContext, type PluginRegistrar } from '@cong/sdk';
import { articleUnpublished } from '@cong/plugin-portal/api';
import type { Migration } from 'kysely';
import { broadcastRoutes } from './broadcast.routes.js';
import { BroadcastService } from './broadcast.service.js';
import { UnitTree } from './unit-tree.js';
import { syndicationAreaMigrations } from './migrations/index.js';
import { proposalRoutes } from './proposal.routes.js';
import { publishedArticlesRoutes } from './published-articles.routes.js';
import { onArticleUnpublished } from './source-withdrawal.js';
import { syndicationQueueRoutes } from './syndication-queue.routes.js';

export const syndicationMigrations: Readonly<Record<string, Migration>> = syndicationAreaMigrations;

export function registerSyndication(reg: PluginRegistrar): void {
  reg.routes((route) => {
    publishedArticlesRoutes(route);
    proposalRoutes(route);
    syndicationQueueRoutes(route);
    broadcastRoutes(route);
  });
  reg.on(articleUnpublished, onArticleUnpublished);
  // Mandatory notices reach units that join the tree later: a new unit, or a unit moved in with its subtree.
  reg.on(coreEvents.tenantCreated, (e, ctx) => reachNewUnits(ctx, [e.tenantId]));
  reg.on(coreEvents.tenantMoved, async (e, ctx) => reachNewUnits(ctx, [e.tenantId, ...(await new UnitTree(ctx).below(e.tenantId)).map((u) => u.id)]));
}

/** Links the active broadcasts that now cover each unit; a failure is logged, the unit is served without them. */
export async function reachNewUnits(ctx: PluginContext, unitIds: readonly string[]): Promise<void> {
  const broadcasts = new BroadcastService(ctx);
  for (const unitId of unitIds) {
    try {
      await broadcasts.reachNewUnit(unitId);
    } catch (error) {
      ctx.get(coreServices.logger).error('a broadcast could not reach a new unit', { err: error, unitId });
    }
  }
}
