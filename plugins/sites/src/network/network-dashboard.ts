import { coreServices, fold, NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import { siteActivityRef } from '@cong/plugin-portal/api';
import { SITE_ROLES } from '../provisioning/site-roles.js';
import type { RegistryDatabase } from '../registry/registry-database.js';
import { SiteNetwork } from '../registry/site-network.js';
import type { SiteStatus } from '../registry/site-status.js';
import { SiteRepository } from '../registry/site.repository.js';
import { LinkRepository } from './link.repository.js';
import type { NetworkDatabase } from './network-database.js';
import { networkSettings } from './network-settings.js';
import type { DashboardFilter, DashboardQuery, DashboardSort } from './network.schema.js';
import type { UptimeRegistry } from './uptime-point.js';

const DAY_MS = 86_400_000;

/** One site's line on the network dashboard. */
export interface DashboardRow {
  readonly siteId: string;
  readonly unit: { readonly id: string; readonly slug: string; readonly nameVi: string; readonly kind: string };
  readonly status: SiteStatus;
  readonly primaryHost: string | null;
  readonly lastUpdate: string | null;
  readonly stale: boolean;
  readonly publishedLast30Days: number;
  readonly mandatedSections: number;
  readonly emptyMandatedSections: number;
  readonly staleEnglish: number;
  readonly editors: { readonly total: number; readonly admins: number; readonly editors: number; readonly authors: number };
  readonly brokenLinks: number;
  readonly uptime: number | null;
}

const sortKey: Record<DashboardSort, (r: DashboardRow) => number | string> = {
  name: (r) => fold(r.unit.nameVi),
  lastUpdate: (r) => r.lastUpdate ?? '',
  published: (r) => r.publishedLast30Days,
  emptySections: (r) => r.emptyMandatedSections,
  staleEnglish: (r) => r.staleEnglish,
  editors: (r) => r.editors.total,
  brokenLinks: (r) => r.brokenLinks,
  uptime: (r) => r.uptime ?? -1,
};

/**
 * The network dashboard (issue 6): for every site of the caller's unit and the units below it, what the
 * portal says it published and left empty, who edits it, its broken links and its uptime. A fixed
 * number of reads whatever the number of sites: the registry, one batched portal read
 * ({@link SiteActivityService}), one read of grants, one grouped count of broken links, the uptime source.
 */
export class NetworkDashboard {
  constructor(
    private readonly ctx: PluginContext,
    private readonly uptime: UptimeRegistry,
  ) {}

  async rows(req: RouteRequest, filter: DashboardFilter, now = Date.now()): Promise<{ rows: DashboardRow[]; staleAfterDays: number; uptimeAvailable: boolean }> {
    const network = await SiteNetwork.load(this.ctx);
    const units = network.subtree(req.tenantId ?? network.root?.id ?? '');
    const sites = await new SiteRepository(this.ctx.get(coreServices.database).kysely<RegistryDatabase>()).ofUnits(units.map((u) => u.id));
    const ids = sites.map((s) => s.tenant_id);
    const [settings, activity, holders, broken, uptime] = await Promise.all([
      networkSettings(this.ctx, req.tenantId ?? null),
      this.ctx.get(siteActivityRef).activity(ids, { since: new Date(now - 30 * DAY_MS) }),
      this.ctx.get(coreServices.access).holders({ tenantIds: ids, roleIds: SITE_ROLES.map((r) => r.id) }),
      new LinkRepository(this.ctx.get(coreServices.database).kysely<NetworkDatabase>()).brokenCounts(ids),
      this.uptime.of(ids),
    ]);
    const activityOf = new Map(activity.map((a) => [a.tenantId, a]));
    const holdersOf = new Map<string, { users: Set<string>; admins: number; editors: number; authors: number }>();
    for (const h of holders) {
      const entry = holdersOf.get(h.tenantId) ?? { users: new Set<string>(), admins: 0, editors: 0, authors: 0 };
      entry.users.add(h.userId);
      if (h.roleId === 'site-admin') entry.admins++;
      else if (h.roleId === 'site-editor') entry.editors++;
      else entry.authors++;
      holdersOf.set(h.tenantId, entry);
    }
    const staleBefore = now - settings.staleAfterDays * DAY_MS;
    let rows: DashboardRow[] = sites.map((site) => {
      const unit = network.get(site.tenant_id)!;
      const a = activityOf.get(site.tenant_id);
      const h = holdersOf.get(site.tenant_id);
      const lastUpdate = a?.lastUpdate ?? null;
      return {
        siteId: site.id,
        unit: { id: unit.id, slug: unit.slug, nameVi: unit.nameVi, kind: unit.kind },
        status: site.status,
        primaryHost: unit.primaryHost,
        lastUpdate,
        stale: lastUpdate === null || Date.parse(lastUpdate) < staleBefore,
        publishedLast30Days: a?.publishedSince ?? 0,
        mandatedSections: a?.mandatedSections ?? 0,
        emptyMandatedSections: a?.emptyMandatedSections ?? 0,
        staleEnglish: a?.staleEnglish ?? 0,
        editors: { total: h?.users.size ?? 0, admins: h?.admins ?? 0, editors: h?.editors ?? 0, authors: h?.authors ?? 0 },
        brokenLinks: broken.get(site.tenant_id) ?? 0,
        uptime: uptime?.get(site.tenant_id)?.percent ?? null,
      };
    });
    rows = rows.filter(
      (r) =>
        (!filter.status || r.status === filter.status) &&
        (!filter.kind || r.unit.kind === filter.kind) &&
        (filter.stale === undefined || r.stale === filter.stale) &&
        (filter.brokenLinks === undefined || r.brokenLinks > 0 === filter.brokenLinks),
    );
    const key = sortKey[filter.sort];
    rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order || a.unit.slug.localeCompare(b.unit.slug);
    });
    if (filter.order === 'desc') rows.reverse();
    return { rows, staleAfterDays: settings.staleAfterDays, uptimeAvailable: uptime !== null };
  }

  async page(req: RouteRequest, query: DashboardQuery) {
    const { rows, staleAfterDays, uptimeAvailable } = await this.rows(req, query);
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length, limit: query.limit, offset: query.offset, staleAfterDays, uptimeAvailable, flagged: rows.filter((r) => r.stale).length };
  }

  /** One site's links, when the caller manages its unit; 404 otherwise. */
  async links(req: RouteRequest, siteId: string, query: { status?: 'unchecked' | 'ok' | 'failing' | 'broken'; limit: number; offset: number }) {
    const site = await new SiteRepository(this.ctx.get(coreServices.database).kysely<RegistryDatabase>()).byId(siteId);
    const network = await SiteNetwork.load(this.ctx);
    if (!site || !network.get(site.tenant_id) || !network.manages(req, site.tenant_id)) throw new NotFoundError(`Site ${siteId} does not exist`);
    const page = await new LinkRepository(this.ctx.get(coreServices.database).kysely<NetworkDatabase>()).page(site.tenant_id, query);
    return {
      items: page.items.map((l) => ({
        id: l.id,
        url: l.url,
        status: l.status,
        httpStatus: l.http_status === null ? null : Number(l.http_status),
        error: l.error,
        failures: Number(l.failures),
        lastCheckedAt: l.last_checked_at === null ? null : new Date(Number(l.last_checked_at)).toISOString(),
        occurrences: l.occurrences.map((o) => ({ itemType: o.item_type, itemId: o.item_id, title: o.title, path: o.path })),
      })),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
