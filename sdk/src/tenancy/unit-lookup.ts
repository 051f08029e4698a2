import type { TenantInfo } from '../plugin/plugin-context.js';
import type { TenancyService } from '../services/tenancy-service.js';

/** A unit as plugin APIs name it in their answers: id, slug and Vietnamese name. */
export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

/** Deeper than any real tree (province → department → office → team); stops at a corrupt cycle. */
const MAX_DEPTH = 20;

/**
 * Units read through `coreServices.tenancy` for one request or event, each read once and remembered.
 * Use it before opening a transaction: on SQLite a read on another connection inside a transaction
 * waits for it. Extend it with what a plugin asks of the tree (the units below, a province's communes).
 */
export class UnitLookup {
  readonly #units = new Map<string, TenantInfo | null>();

  constructor(protected readonly tenancy: TenancyService) {}

  async get(id: string): Promise<TenantInfo | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, (await this.tenancy.get(id)) ?? null);
    return this.#units.get(id) ?? undefined;
  }

  /** The unit's name for an answer; a unit deleted since keeps its id as name. */
  async ref(id: string): Promise<UnitRef> {
    const unit = await this.get(id);
    return unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : { id, slug: id, name: id };
  }

  /** The root of the unit's tree, the province (the unit itself when it is the root). */
  async root(id: string): Promise<TenantInfo | undefined> {
    let unit = await this.get(id);
    for (let depth = 0; unit && unit.parentId !== null && depth < MAX_DEPTH; depth++) {
      const parent = await this.get(unit.parentId);
      if (!parent) break;
      unit = parent;
    }
    return unit;
  }

  /** Keeps units read another way (a list), so later `get`s need no read. */
  protected remember(units: Iterable<TenantInfo>): void {
    for (const unit of units) this.#units.set(unit.id, unit);
  }
}
