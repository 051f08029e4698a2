import { coreServices, NotFoundError, type PluginContext, type TenantNode } from '@cong/sdk';
import { SITES_ERR_SOURCE_EMPTY } from '../errors.js';
import type { SiteNetwork } from '../registry/site-network.js';
import { readSitesCsv, type CsvSiteRow } from './provisioning-csv.js';
import type { ProvisioningSource } from './provisioning-types.js';

/** One unit a run works on, or a CSV line that names no unit it may work on. */
export type ProvisioningTarget =
  | { readonly kind: 'unit'; readonly unit: TenantNode; readonly row: CsvSiteRow | undefined }
  | { readonly kind: 'unknown'; readonly row: CsvSiteRow; readonly reason: string };

/**
 * The units of a run, in order: the tree's active units under its root (parents first, siblings by
 * kind and slug), or the CSV's lines in file order. Only units the caller manages (`home` and below)
 * are named; a CSV line for any other unit reads like one for a unit that does not exist.
 */
export async function provisioningTargets(ctx: PluginContext, network: SiteNetwork, home: string, source: ProvisioningSource): Promise<ProvisioningTarget[]> {
  const mine = new Set(network.subtree(home).map((u) => u.id));
  const managed = (unit: TenantNode | undefined) => (unit && mine.has(unit.id) ? unit : undefined);
  if ('tree' in source) {
    const named = source.tree.root ?? home;
    const root = managed(network.get(named) ?? network.units.find((u) => u.slug === named));
    if (!root) throw new NotFoundError(`No unit ${named} to provision from`);
    const kinds = source.tree.kinds && source.tree.kinds.length > 0 ? new Set<string>(source.tree.kinds) : undefined;
    const units = network.subtree(root.id).filter((u) => u.status === 'active' && (source.tree.includeRoot === true || u.id !== root.id) && (!kinds || kinds.has(u.kind)));
    if (units.length === 0) throw SITES_ERR_SOURCE_EMPTY.create({ reason: `no active unit under ${root.slug}${kinds ? ` of kind ${[...kinds].join(', ')}` : ''}` });
    return units.map((unit) => ({ kind: 'unit', unit, row: undefined }));
  }
  const rows = readSitesCsv(source.csv);
  if (rows.length === 0) throw SITES_ERR_SOURCE_EMPTY.create({ reason: 'the CSV has no line after its header' });
  const targets: ProvisioningTarget[] = [];
  const lines = new Map<string, number>();
  for (const row of rows) {
    // By current slug, or by a former one (a unit renamed since the file was written).
    const current = network.units.find((u) => u.slug === row.slug) ?? (row.slug === '' ? undefined : network.get((await ctx.get(coreServices.tenancy).getBySlug(row.slug))?.id ?? ''));
    const unit = managed(current);
    if (!unit) targets.push({ kind: 'unknown', row, reason: `No unit has the slug "${row.slug}"` });
    else if (unit.status !== 'active') targets.push({ kind: 'unknown', row, reason: `Unit ${unit.slug} is archived` });
    // Each unit once: a second line would be planned from the state before the first one wrote.
    else if (lines.has(unit.id)) targets.push({ kind: 'unknown', row, reason: `Unit ${unit.slug} is already on line ${lines.get(unit.id)}` });
    else {
      lines.set(unit.id, row.line);
      targets.push({ kind: 'unit', unit, row });
    }
  }
  return targets;
}
