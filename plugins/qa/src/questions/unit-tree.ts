import { coreServices, NotFoundError, UnitLookup, type PluginContext, type TenantInfo, type UnitRef } from '@cong/sdk';

export type { UnitRef } from '@cong/sdk';

/** Units a question can be about (an optional "commune" on the form): the level below the province. */
const LOCAL_KINDS = new Set(['commune', 'ward', 'special-zone']);

/**
 * The unit tree as questions need it: the province (root) of a unit, whether a unit belongs to a
 * province, the communes of a province. Remembers what it read for one request. Call it before a
 * transaction: on SQLite a read on another connection inside a transaction would wait for it.
 */
export class UnitTree extends UnitLookup {
  constructor(ctx: PluginContext) {
    super(ctx.get(coreServices.tenancy));
  }

  /** A unit's name for an answer, or null for none. */
  refOrNull(id: string | null): Promise<UnitRef | null> {
    return id === null ? Promise.resolve(null) : this.ref(id);
  }

  /** The root of a unit's tree (the unit itself when it is the root). */
  province(id: string): Promise<TenantInfo | undefined> {
    return this.root(id);
  }

  /** An active unit of `provinceId`'s tree below the province itself, by id or slug: a forwarding target. */
  async agencyOf(provinceId: string, idOrSlug: string): Promise<TenantInfo | undefined> {
    const unit = (await this.get(idOrSlug)) ?? (await this.tenancy.getBySlug(idOrSlug));
    if (!unit || unit.status !== 'active' || unit.id === provinceId) return undefined;
    this.remember([unit]);
    return (await this.province(unit.id))?.id === provinceId ? unit : undefined;
  }

  /** The active communes, wards and special zones of a province, by Vietnamese name. */
  async communes(provinceId: string): Promise<readonly TenantInfo[]> {
    const tree = await this.tenancy.tree();
    return tree
      .filter((u) => u.parentId === provinceId && u.status === 'active' && LOCAL_KINDS.has(u.kind))
      .sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
  }
}

/** The province a unit's public site shows (published answers, figures): the root of its tree; 404 without a unit. */
export async function provinceOfSite(ctx: PluginContext, tenantId: string | undefined): Promise<TenantInfo> {
  const province = tenantId === undefined ? undefined : await new UnitTree(ctx).province(tenantId);
  if (!province) throw new NotFoundError('This site has no unit');
  return province;
}
