import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';

/** Deeper than any real tree (province → department → office); stops at a corrupt cycle. */
const MAX_DEPTH = 20;

/** A unit as the syndication API names it (Vietnamese name). */
export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/**
 * The organisational tree as syndication needs it: the province above a unit (where it proposes), the
 * units below one (whom it broadcasts to), names for answers. One instance serves one request or event
 * and remembers what it read. Call it before opening a transaction: on SQLite a read on another
 * connection inside a transaction would wait for it.
 */
export class UnitTree {
  readonly #units = new Map<string, TenantInfo | null>();

  constructor(private readonly ctx: PluginContext) {}

  async get(id: string): Promise<TenantInfo | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, (await this.ctx.get(coreServices.tenancy).get(id)) ?? null);
    return this.#units.get(id) ?? undefined;
  }

  /** The unit's name for an answer; a unit deleted since keeps its id as name. */
  async ref(id: string): Promise<UnitRef> {
    const unit = await this.get(id);
    return unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : { id, slug: id, name: id };
  }

  /** The root of the unit's tree: the province (the unit itself when it is the root). */
  async province(id: string): Promise<TenantInfo | undefined> {
    let unit = await this.get(id);
    for (let depth = 0; unit && unit.parentId !== null && depth < MAX_DEPTH; depth++) {
      const parent = await this.get(unit.parentId);
      if (!parent) break;
      unit = parent;
    }
    return unit;
  }

  /** Every active unit strictly below `id` that has a site (this plugin enabled), parents before children. */
  async below(id: string): Promise<TenantInfo[]> {
    const enabled = await this.ctx.get(coreServices.tenancy).enabledTenants();
    for (const unit of enabled) this.#units.set(unit.id, unit);
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
