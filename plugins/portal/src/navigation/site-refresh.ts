import { coreServices, type PluginContext } from '@cong/sdk';
import { siteChanged } from '../site/site-events.js';
import { unitsBelow } from '../units/org-tree.js';

/**
 * Drops the cached public pages of a unit — and, for something shown on every unit below it (a
 * subtree alert; from the province: sitewide), of each of those — by emitting `siteChanged` for each.
 * Call after the commit.
 */
export async function refreshSites(ctx: PluginContext, tenantId: string, options: { readonly area: string; readonly subtree?: boolean }): Promise<void> {
  const ids = [tenantId, ...(options.subtree ? await unitsBelow(ctx, tenantId) : [])];
  const events = ctx.get(coreServices.events);
  for (const id of ids) await events.emit(siteChanged, { tenantId: id, area: options.area }, { tenantId: id });
}
