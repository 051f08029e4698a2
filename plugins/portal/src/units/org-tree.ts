// Walks of the organisational tree (the core's units) that several areas need.
import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';

/** Deeper than any real tree (province → department → office); stops at a corrupt cycle. */
const MAX_DEPTH = 20;

/** The unit's ancestors, nearest first: whose subtree alerts it shows, whom its alerts reach from. */
export async function unitAncestors(ctx: PluginContext, unit: Pick<TenantInfo, 'parentId'>): Promise<TenantInfo[]> {
  const tenancy = ctx.get(coreServices.tenancy);
  const out: TenantInfo[] = [];
  let parentId = unit.parentId;
  for (let depth = 0; parentId !== null && depth < MAX_DEPTH; depth++) {
    const parent = await tenancy.get(parentId);
    if (!parent) break;
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}

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
