import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';

/** Deeper than any real tree; stops at a corrupt cycle. */
const MAX_DEPTH = 20;
/** Units a question can be about (an optional "commune" on the form): the level below the province. */
const LOCAL_KINDS = new Set(['commune', 'ward', 'special-zone']);

/** A unit as the Q&A API names it. */
export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/**
 * The unit tree as questions need it: the province (root) of a unit, whether a unit belongs to a
 * province, the communes of a province. Remembers what it read for one request. Call it before a
 * transaction: on SQLite a read on another connection inside a transaction would wait for it.
 */
export class UnitTree {
  readonly #units = new Map<string, TenantInfo | null>();

  constructor(private readonly ctx: PluginContext) {}

  async get(id: string): Promise<TenantInfo | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, (await this.ctx.get(coreServices.tenancy).get(id)) ?? null);
    return this.#units.get(id) ?? undefined;
  }

  async ref(id: string | null): Promise<UnitRef | null> {
    if (id === null) return null;
    const unit = await this.get(id);
    return unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : { id, slug: id, name: id };
  }

  /** The root of a unit's tree (the unit itself when it is the root). */
  async province(id: string): Promise<TenantInfo | undefined> {
    let unit = await this.get(id);
    for (let depth = 0; unit && unit.parentId !== null && depth < MAX_DEPTH; depth++) {
      const parent = await this.get(unit.parentId);
      if (!parent) break;
      unit = parent;
    }
    return unit;
  }

  /** An active unit of `provinceId`'s tree below the province itself, by id or slug: a forwarding target. */
  async agencyOf(provinceId: string, idOrSlug: string): Promise<TenantInfo | undefined> {
    const tenancy = this.ctx.get(coreServices.tenancy);
    const unit = (await this.get(idOrSlug)) ?? (await tenancy.getBySlug(idOrSlug));
    if (!unit || unit.status !== 'active' || unit.id === provinceId) return undefined;
    this.#units.set(unit.id, unit);
    return (await this.province(unit.id))?.id === provinceId ? unit : undefined;
  }

  /** The active communes, wards and special zones of a province, by Vietnamese name. */
  async communes(provinceId: string): Promise<readonly TenantInfo[]> {
    const tree = await this.ctx.get(coreServices.tenancy).tree();
    return tree
      .filter((u) => u.parentId === provinceId && u.status === 'active' && LOCAL_KINDS.has(u.kind))
      .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
  }
}
