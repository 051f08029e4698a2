import { coreServices, UnitLookup, type PluginContext, type TenantInfo } from '@cong/sdk';

export type { UnitRef } from '@cong/sdk';

/**
 * The organisational tree as syndication needs it: the province above a unit (where it proposes), the
 * units below one (whom it broadcasts to), names for answers. One instance serves one request or event
 * and remembers what it read. Call it before opening a transaction: on SQLite a read on another
 * connection inside a transaction would wait for it.
 */
export class UnitTree extends UnitLookup {
  constructor(ctx: PluginContext) {
    super(ctx.get(coreServices.tenancy));
  }

  /** The root of the unit's tree: the province (the unit itself when it is the root). */
  province(id: string): Promise<TenantInfo | undefined> {
    return this.root(id);
  }

  /** Every active unit strictly below `id` that has a site (this plugin enabled), parents before children. */
  async below(id: string): Promise<TenantInfo[]> {
    const enabled = await this.tenancy.enabledTenants();
    this.remember(enabled);
    const children = new Map<string, TenantInfo[]>();
    for (const unit of enabled) if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
    const out: TenantInfo[] = [];
    const seen = new Set<string>([id]);
    const queue = [...(children.get(id) ?? [])];
    for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      out.push(unit);
      queue.push(...(children.get(unit.id) ?? []));
    }
    return out;
  }
}
