import { coreServices, createExtensionPoint, createServiceRef, NotFoundError, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import { PORTAL_ERR_SITE_CLOSED, PORTAL_ERR_SITE_GONE } from '../errors.js';

/** What a unit's public pages do now, as the site gate decides it. */
export type SiteGateVerdict =
  /** Served as usual. */
  | { readonly kind: 'open' }
  /** Not public yet (a draft site): 404 for the public; signed-in staff of the unit see it, never cached. */
  | { readonly kind: 'members-only' }
  /** Closed for now (a suspended site): 503 with `Retry-After`, for everyone. */
  | { readonly kind: 'closed'; readonly retryAfterSeconds: number }
  /** Served with a notice above the content (an archived site kept readable). */
  | { readonly kind: 'notice'; readonly text: { readonly vi: string; readonly en: string } }
  /** No longer served: 410. */
  | { readonly kind: 'gone' };

/** A contributor's decision for a unit. */
export type SiteGateRule = (tenant: TenantInfo) => Promise<SiteGateVerdict> | SiteGateVerdict;

/**
 * The site gate (`portal.site-gate`): what the public pages of a unit do before the page cache is
 * asked. The tenant-sites plugin contributes its site status (draft, suspended, archived).
 */
export interface SiteGate {
  /**
   * Adds a rule. Its verdict for a unit is kept in memory and asked again after the cache period
   * (30 s), after {@link changed}, and when the unit's cached pages are dropped (another process's
   * change included). The first rule whose verdict is not `open` decides.
   */
  addRule(rule: SiteGateRule): void;
  /** The verdict for a unit changed: it is asked again, and the unit's cached pages in this process drop at once. */
  changed(tenantId: string): void;
}

export const siteGatePoint = createExtensionPoint<SiteGate>({ id: 'portal.site-gate', version: 1 });

const OPEN: SiteGateVerdict = Object.freeze({ kind: 'open' });

/** The portal's own registry, for its JSON routes and searches (not part of the api entry). */
export const siteGateRegistryRef = createServiceRef<SiteGateRegistry>({ id: 'portal.site-gate-registry' });

/** Whether the public may read the unit's content: an open site, or an archive shown with its notice. */
export const isPublic = (verdict: SiteGateVerdict): boolean => verdict.kind === 'open' || verdict.kind === 'notice';

/**
 * The gate for the public JSON routes, as the pages apply it: a draft site's content is 404 to anyone
 * not signed in, a suspended site 503, a closed one 410.
 */
export async function assertPublicSite(req: RouteRequest, ctx: PluginContext, tenantId: string): Promise<void> {
  const verdict = await ctx.get(siteGateRegistryRef).verdict(tenantId, ctx);
  if (verdict.kind === 'members-only' && req.principal === undefined) throw new NotFoundError('The unit has no public site yet');
  if (verdict.kind === 'closed') throw PORTAL_ERR_SITE_CLOSED.create({ seconds: verdict.retryAfterSeconds }, { headers: { 'Retry-After': String(verdict.retryAfterSeconds) } });
  if (verdict.kind === 'gone') throw PORTAL_ERR_SITE_GONE.create();
}

/**
 * The portal's implementation of the point: the rules, and their verdict per unit in memory, so the
 * hot path of cached pages costs one map lookup (none at all without rules).
 */
export class SiteGateRegistry implements SiteGate {
  readonly #rules: SiteGateRule[] = [];
  readonly #verdicts = new Map<string, { readonly verdict: SiteGateVerdict; readonly at: number }>();
  readonly #pending = new Map<string, Promise<SiteGateVerdict>>();

  /** `onChange` drops the unit's cached pages. */
  constructor(
    private readonly onChange: (tenantId: string) => void,
    private readonly options: { readonly ttlMs?: number; readonly now?: () => number } = {},
  ) {}

  addRule(rule: SiteGateRule): void {
    this.#rules.push(rule);
  }

  changed(tenantId: string): void {
    this.forget(tenantId);
    this.onChange(tenantId);
  }

  /** Drops the unit's verdict only (its pages were dropped by someone else). */
  forget(tenantId: string): void {
    this.#verdicts.delete(tenantId);
  }

  /** The unit's verdict: from memory while fresh, else from the rules (concurrent asks share one lookup). */
  verdict(tenantId: string | undefined, ctx: PluginContext): SiteGateVerdict | Promise<SiteGateVerdict> {
    if (tenantId === undefined || this.#rules.length === 0) return OPEN;
    const now = (this.options.now ?? Date.now)();
    const known = this.#verdicts.get(tenantId);
    if (known && now - known.at < (this.options.ttlMs ?? 30_000)) return known.verdict;
    let pending = this.#pending.get(tenantId);
    if (!pending) {
      pending = this.#decide(tenantId, ctx)
        .then((verdict) => {
          this.#verdicts.set(tenantId, { verdict, at: now });
          return verdict;
        })
        .finally(() => this.#pending.delete(tenantId));
      this.#pending.set(tenantId, pending);
    }
    return pending;
  }

  async #decide(tenantId: string, ctx: PluginContext): Promise<SiteGateVerdict> {
    const tenant = await ctx.get(coreServices.tenancy).get(tenantId);
    if (!tenant) return OPEN;
    for (const rule of this.#rules) {
      const verdict = await rule(tenant);
      if (verdict.kind !== 'open') return verdict;
    }
    return OPEN;
  }
}
