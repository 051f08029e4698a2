import { coreServices, NotFoundError, type PluginContext, type RouteRequest, type TenantNode } from '@cong/sdk';
import { provinceDomainFor, suggestHosts } from './host-suggestion.js';
import { sitesSettings } from './sites-settings.js';

/**
 * The unit tree as the registry reads it, once per request: every unit with its hosts (the core's
 * `tenancy.tree()`), the part a caller may manage, and the national host names (CORE-02). Read it
 * before opening a transaction: on SQLite a read outside the transaction would wait for it.
 */
export class SiteNetwork {
  readonly #byId: ReadonlyMap<string, TenantNode>;
  readonly #children = new Map<string | null, TenantNode[]>();
  #suggestions: ReadonlyMap<string, string> | undefined;

  private constructor(
    readonly units: readonly TenantNode[],
    /** The province's domain: the `provinceDomain` setting, or CORE-02's name from the root unit. */
    readonly domain: string,
  ) {
    this.#byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units) this.#children.set(u.parentId, [...(this.#children.get(u.parentId) ?? []), u]);
  }

  static async load(ctx: PluginContext): Promise<SiteNetwork> {
    const [units, settings] = await Promise.all([ctx.get(coreServices.tenancy).tree(), sitesSettings(ctx, null)]);
    const root = units.find((u) => u.parentId === null && u.status === 'active');
    return new SiteNetwork(units, settings.provinceDomain ?? provinceDomainFor(root?.nameVi ?? ''));
  }

  get(id: string): TenantNode | undefined {
    return this.#byId.get(id);
  }

  /** The province: the first active unit without a parent. */
  get root(): TenantNode | undefined {
    return this.units.find((u) => u.parentId === null && u.status === 'active');
  }

  /** `id` and every unit below it, parents first. */
  subtree(id: string): TenantNode[] {
    const start = this.#byId.get(id);
    if (!start) return [];
    const out = [start];
    for (let i = 0; i < out.length; i++) out.push(...(this.#children.get(out[i]!.id) ?? []));
    return out;
  }

  /** Whether `id` is the request's unit or below it: what a network admin there manages. Others are 404. */
  manages(req: RouteRequest, id: string): boolean {
    const home = req.tenantId ?? this.root?.id;
    for (let unit = this.#byId.get(id), depth = 0; unit && depth < 30; unit = unit.parentId ? this.#byId.get(unit.parentId) : undefined, depth++) {
      if (unit.id === home) return true;
    }
    return false;
  }

  /** The unit `id` when the request manages it; 404 otherwise, like a unit that does not exist. */
  managed(req: RouteRequest, id: string): TenantNode {
    const unit = this.#byId.get(id);
    if (!unit || !this.manages(req, id)) throw new NotFoundError(`Unit ${id} does not exist`);
    return unit;
  }

  /** Every host of every unit, with its owner (archived units' hosts redirect, so they are taken too). */
  hostOwners(): Map<string, string> {
    const owners = new Map<string, string>();
    for (const u of this.units) for (const h of [u.primaryHost, ...u.aliasHosts]) if (h) owners.set(h, u.id);
    return owners;
  }

  /** Whether a host follows the national pattern of this province: the domain itself or one label below it. */
  isNational(host: string | null): boolean {
    return host !== null && (host === this.domain || (host.endsWith(`.${this.domain}`) && !host.slice(0, -this.domain.length - 1).includes('.')));
  }

  /**
   * CORE-02 hosts for every active unit, computed over the whole tree in its order so that a unit is
   * suggested the same host whichever page or batch asks. A unit that already answers on a national
   * host keeps it: its suggestion is that host. See {@link suggestHosts} for the rule.
   */
  suggestions(): ReadonlyMap<string, string> {
    if (this.#suggestions) return this.#suggestions;
    const active = this.units.filter((u) => u.status === 'active');
    const own = new Map(active.filter((u) => this.isNational(u.primaryHost)).map((u) => [u.id, u.primaryHost!]));
    const suggested = suggestHosts(
      active.filter((u) => !own.has(u.id)),
      { domain: this.domain, provinceName: this.root?.nameVi ?? '', taken: this.hostOwners() },
    );
    this.#suggestions = new Map([...own, ...suggested]);
    return this.#suggestions;
  }
}
