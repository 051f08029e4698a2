import { coreServices, type PluginContext, type TenantInfo } from '@cong/sdk';
import { unitsBelow } from '../units/org-tree.js';
import type { UnitRef } from './submissions.schema.js';

/** Deeper than any real tree (province → department → office); stops a corrupt cycle. */
const MAX_DEPTH = 20;

/**
 * The organisational tree as submissions need it: ancestors (where a unit may send), descendants
 * (whom a request may address) and names for responses. One instance serves one request or job run
 * and remembers what it read.
 */
export class UnitTree {
  readonly #units = new Map<string, TenantInfo | null>();

  constructor(private readonly ctx: PluginContext) {}

  async get(id: string): Promise<TenantInfo | undefined> {
    if (!this.#units.has(id)) this.#units.set(id, (await this.ctx.get(coreServices.tenancy).get(id)) ?? null);
    return this.#units.get(id) ?? undefined;
  }

  /** The unit's name for a response; a unit deleted since keeps its id as name. */
  async ref(id: string): Promise<UnitRef> {
    const unit = await this.get(id);
    return unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : { id, slug: id, name: id };
  }

  /** Ancestors, nearest first. */
  async ancestors(id: string): Promise<TenantInfo[]> {
    const out: TenantInfo[] = [];
    let parentId = (await this.get(id))?.parentId ?? null;
    for (let depth = 0; parentId !== null && depth < MAX_DEPTH; depth++) {
      const parent = await this.get(parentId);
      if (!parent) break;
      out.push(parent);
      parentId = parent.parentId;
    }
    return out;
  }

  async isBelow(id: string, ancestorId: string): Promise<boolean> {
    return (await this.ancestors(id)).some((a) => a.id === ancestorId);
  }

  /** Every active unit below `id` with this plugin enabled (the tenancy service lists only those). */
  async descendants(id: string): Promise<TenantInfo[]> {
    const enabled = await this.ctx.get(coreServices.tenancy).enabledTenants();
    for (const unit of enabled) this.#units.set(unit.id, unit);
    const below = new Set(await unitsBelow(this.ctx, id, enabled));
    return enabled.filter((unit) => below.has(unit.id));
  }

  async isEnabled(id: string): Promise<boolean> {
    return this.ctx.get(coreServices.tenancy).isEnabled(id);
  }
}
