import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';

/** Deeper than any real tree; stops at a corrupt cycle. */
const MAX_DEPTH = 20;

/** A unit as the gazette API names it (Vietnamese name). */
export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/**
 * The unit tree as the intake needs it: the office of a unit (the root of its tree: the province) and
 * names for answers. Remembers what it read; one instance serves one request. Call it before opening
 * a transaction: on SQLite a read on another connection inside a transaction would wait for it.
 */
export class UnitTree {
  readonly #units = new Map<string, TenantInfo | null>();

  constructor(private readonly ctx: PluginContext) {}

  async get(id: string): Promise<TenantInfo | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, (await this.ctx.get(coreServices.tenancy).get(id)) ?? null);
    return this.#units.get(id) ?? undefined;
  }

  async ref(id: string): Promise<UnitRef> {
    const unit = await this.get(id);
    return unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : { id, slug: id, name: id };
  }

  /** The gazette office of a unit: the root of its tree (the unit itself when it is the root). */
  async office(id: string): Promise<TenantInfo | undefined> {
    let unit = await this.get(id);
    for (let depth = 0; unit && unit.parentId !== null && depth < MAX_DEPTH; depth++) {
      const parent = await this.get(unit.parentId);
      if (!parent) break;
      unit = parent;
    }
    return unit;
  }
}
