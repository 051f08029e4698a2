import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';
import { siteChanged } from '../site/site-events.js';

/** The units below `tenantId` in the org tree (not itself), among the units the portal serves. */
export async function unitsBelow(ctx: PluginContext, tenantId: string, units?: readonly TenantInfo[]): Promise<string[]> {
  const all = units ?? (await ctx.get(coreServices.tenancy).enabledTenants());
  const children = new Map<string, string[]>();
  for (const u of all) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out: string[] = [];
  const queue = [...(children.get(tenantId) ?? [])];
  const seen = new Set<string>([tenantId]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return out;
}

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
