import type { Transaction } from 'kysely';
import type { RouteRequest } from '../http/route.js';
import type { TenantInfo } from '../plugin/plugin-context.js';

/** A unit with every host it answers on: what {@link TenancyService.tree} lists. */
export interface TenantNode extends TenantInfo {
  /** Hosts that answer 301 to the primary host. */
  readonly aliasHosts: readonly string[];
  /** Where an archived unit's content and hosts went (merge, split, archive with a successor). */
  readonly successorId: string | null;
  /** An archived unit whose own hosts keep serving its archive instead of redirecting to the successor. */
  readonly archiveServed: boolean;
}

/** A page of a former unit that has another path on its successor's site. */
export interface FormerPath {
  /** Its path on the former unit's site: `/tin/le-hoi`. */
  readonly path: string;
  /** Its path on the successor's site: `/tin/le-hoi-2`. */
  readonly targetPath: string;
}

/** The hosts a unit answers on, as {@link TenancyService.setHosts} replaces them. */
export interface TenantHosts {
  /** The host the unit's pages are served on; `null` for none (the unit is reached by `/t/<slug>/`). */
  readonly primaryHost: string | null;
  /** Hosts that answer 301 to the primary host. */
  readonly aliasHosts: readonly string[];
}

/** Options of a change a plugin makes to a unit through the core. */
export interface TenancyChangeOptions {
  /** The request the change is made for: the audit entry names its actor, address and request id. */
  readonly request?: RouteRequest;
  /** The plugin's open transaction: the change and its audit entry commit or roll back with it. */
  readonly trx?: Transaction<any>;
}

/** The organisational units, as a plugin may read them. Changes go through the core (and its events). */
export interface TenancyService {
  /**
   * A unit by id. Kept per process for speed: a change made in this process shows at once, one made
   * in another process within five seconds (as host resolution).
   */
  get(id: string): Promise<TenantInfo | undefined>;
  /** By current or former slug. */
  getBySlug(slug: string): Promise<TenantInfo | undefined>;
  /** Active tenants for which this plugin is enabled: what a scheduled job should iterate. */
  enabledTenants(): Promise<readonly TenantInfo[]>;
  /** Whether this plugin is enabled for the tenant. */
  isEnabled(tenantId: string): Promise<boolean>;
  /**
   * Every unit of the platform, active and archived, with its hosts: parents before their children,
   * siblings by kind and slug. A province has a few hundred units; this reads them in two queries.
   * Filter on `status` for the active tree.
   */
  tree(): Promise<readonly TenantNode[]>;
  /**
   * Replaces the hosts a unit answers on, with the checks, audit entry (`core.tenant.hosts`, before and
   * after) and cache invalidation of the core's own `PATCH /api/core/tenants/:id`. Hosts are
   * normalised (lower case, IDN as punycode, no port); one that is not a host name answers 400, one that
   * belongs to another unit 409 (`CONG_ERR_CONFLICT`); hosts left out are released. Listing the current
   * hosts again changes nothing and records nothing. Unknown unit: 404.
   *
   * With `trx`, the change joins the caller's transaction; the core's host cache in this process is
   * dropped at once, other processes see the change within their cache period (5 s).
   */
  setHosts(tenantId: string, hosts: TenantHosts, options?: TenancyChangeOptions): Promise<TenantNode>;
  /**
   * After a merge or an archive with a successor, the unit's hosts answer 301 to the successor's site,
   * each page to the same path. Pages that moved to another path (an article renamed because the
   * successor had one of the same slug) are recorded here, so the old address leads to the same page;
   * entries for a path replace earlier ones. Audited as `core.tenant.former-paths`. Unknown unit: 404.
   */
  setFormerPaths(tenantId: string, entries: readonly FormerPath[], options?: TenancyChangeOptions): Promise<void>;
  /**
   * Keeps an archived unit's site readable on its own hosts (`true`), as an archive the site plugin
   * marks, instead of redirecting to the successor (`false`, the default). Audited as
   * `core.tenant.archive-served`. Unknown unit: 404.
   */
  setArchiveServed(tenantId: string, served: boolean, options?: TenancyChangeOptions): Promise<void>;
}
