import { randomUUID } from 'node:crypto';
import { coreServices, fold, normalizeText, NotFoundError, type PluginContext, type RouteRequest, type TenantHosts } from '@cong/sdk';
import { SITES_ERR_REASON_REQUIRED, SITES_ERR_STATUS_TRANSITION } from '../errors.js';
import type { RegistryDatabase, SiteRow } from './registry-database.js';
import { siteStatusChanged } from './site-events.js';
import { SiteNetwork } from './site-network.js';
import { SiteRepository } from './site.repository.js';
import type { SiteListQuery } from './site.schema.js';
import { REASON_REQUIRED, STATUS_TRANSITIONS, type SiteStatus } from './site-status.js';
import { historyView, siteView, vietnamToday, type SiteView } from './site-view.js';

/** Who acts: the request's principal, or a word for the command line. */
export const actorOf = (req: RouteRequest | undefined, fallback = 'system') => req?.principal?.id ?? fallback;

/**
 * The site registry (TEN-01, first version item 1): the site of each unit, its status with history,
 * its template, go-live date and notes, and its hosts (kept by the core). A network admin manages the
 * sites of their unit and every unit below it; any other site answers 404. Every change is one
 * transaction with its audit entry; a status change is announced after the commit.
 */
export class SiteRegistry {
  readonly #repo: SiteRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new SiteRepository(ctx.get(coreServices.database).kysely<RegistryDatabase>());
  }

  async list(req: RouteRequest, query: SiteListQuery): Promise<{ items: SiteView[]; total: number; limit: number; offset: number }> {
    const network = await SiteNetwork.load(this.ctx);
    const units = network.subtree(req.tenantId ?? network.root?.id ?? '');
    const rows = await this.#repo.ofUnits(units.map((u) => u.id));
    const suggestions = network.suggestions();
    // A province has a few hundred sites: filter and sort in memory, with folded text.
    const needle = query.text ? fold(query.text).trim() : '';
    let views = rows
      .map((row) => ({ row, unit: network.get(row.tenant_id)! }))
      .filter(({ row, unit }) => (!query.status || row.status === query.status) && (!query.kind || unit.kind === query.kind) && (!query.template || row.template === query.template))
      .filter(({ unit }) => needle === '' || fold(`${unit.nameVi} ${unit.nameEn ?? ''} ${unit.slug.replace(/-/g, ' ')} ${unit.primaryHost ?? ''} ${unit.aliasHosts.join(' ')}`).includes(needle))
      .map(({ row, unit }) => siteView(row, unit, suggestions.get(unit.id) ?? null));
    const key = (v: SiteView) => (query.sort === 'status' ? v.status : query.sort === 'goLiveOn' ? (v.goLiveOn ?? '') : query.sort === 'updatedAt' ? v.updatedAt : fold(v.unit.nameVi));
    views = views.sort((a, b) => key(a).localeCompare(key(b)) || a.unit.slug.localeCompare(b.unit.slug));
    if (query.order === 'desc') views.reverse();
    return { items: views.slice(query.offset, query.offset + query.limit), total: views.length, limit: query.limit, offset: query.offset };
  }

  async get(req: RouteRequest, id: string) {
    const { row, network } = await this.#managed(req, id);
    const history = await this.#repo.history(row.tenant_id, row.id);
    return { ...siteView(row, network.get(row.tenant_id)!, network.suggestions().get(row.tenant_id) ?? null), history: history.map(historyView) };
  }

  /**
   * Moves a site to another status along {@link STATUS_TRANSITIONS}, with a reason when it closes
   * (suspended, archived). Going live the first time sets the go-live date to today when none was set.
   */
  async changeStatus(req: RouteRequest, id: string, change: { readonly status: SiteStatus; readonly reason?: string }) {
    const { row } = await this.#managed(req, id);
    const reason = change.reason === undefined ? null : normalizeText(change.reason).trim() || null;
    if (REASON_REQUIRED.has(change.status) && reason === null) {
      throw SITES_ERR_REASON_REQUIRED.create({ status: change.status }, { errors: [{ in: 'body', pointer: '/reason', message: `is required to make a site ${change.status}`, keyword: 'required' }] });
    }
    const now = Date.now();
    const actor = actorOf(req);
    const mysql = this.ctx.get(coreServices.database).dialect === 'mysql';
    await this.ctx.get(coreServices.database).transaction<RegistryDatabase, void>(async (trx) => {
      const current = await this.#repo.locked(trx, row.tenant_id, row.id, mysql);
      if (!current) throw new NotFoundError();
      if (!STATUS_TRANSITIONS[current.status].includes(change.status)) throw SITES_ERR_STATUS_TRANSITION.create({ from: current.status, to: change.status });
      const changes: Partial<SiteRow> = {
        status: change.status,
        status_reason: reason,
        status_changed_at: now,
        status_changed_by: actor,
        updated_at: now,
        ...(change.status === 'live' && current.go_live_on === null ? { go_live_on: vietnamToday(new Date(now)) } : {}),
      };
      // Compare-and-set on the status: two admins changing it at once cannot both win.
      if (!(await this.#repo.update(trx, current.tenant_id, current.id, changes, current.status))) throw SITES_ERR_STATUS_TRANSITION.create({ from: current.status, to: change.status });
      await this.#repo.addHistory(trx, { id: randomUUID(), tenant_id: current.tenant_id, site_id: current.id, from_status: current.status, to_status: change.status, reason, actor_id: actor, at: now });
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.site.status', objectType: 'site', objectId: current.id, tenantId: current.tenant_id, before: { status: current.status }, after: { status: change.status, reason } },
        { request: req, trx },
      );
    });
    await this.ctx.get(coreServices.events).emit(siteStatusChanged, { tenantId: row.tenant_id, siteId: row.id, status: change.status }, { tenantId: row.tenant_id });
    return this.get(req, id);
  }

  /** Notes and the planned go-live date. */
  async update(req: RouteRequest, id: string, change: { readonly notes?: string | null; readonly goLiveOn?: string | null }) {
    const { row } = await this.#managed(req, id);
    const changes: Partial<SiteRow> = {
      ...(change.notes !== undefined ? { notes: change.notes === null ? null : normalizeText(change.notes).trim() || null } : {}),
      ...(change.goLiveOn !== undefined ? { go_live_on: change.goLiveOn } : {}),
      updated_at: Date.now(),
    };
    await this.ctx.get(coreServices.database).transaction<RegistryDatabase, void>(async (trx) => {
      await this.#repo.update(trx, row.tenant_id, row.id, changes);
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.site.update', objectType: 'site', objectId: row.id, tenantId: row.tenant_id, before: { notes: row.notes, goLiveOn: row.go_live_on }, after: change },
        { request: req, trx },
      );
    });
    return this.get(req, id);
  }

  /** The unit's hosts, through the core (its checks, its audit entry `core.tenant.hosts`, its cache). */
  async setHosts(req: RouteRequest, id: string, hosts: TenantHosts) {
    const { row } = await this.#managed(req, id);
    await this.ctx.get(coreServices.tenancy).setHosts(row.tenant_id, hosts, { request: req });
    return this.get(req, id);
  }

  /** The site `id` when the request's unit manages its unit; 404 otherwise (another tenant's site does not exist). */
  async #managed(req: RouteRequest, id: string): Promise<{ row: SiteRow; network: SiteNetwork }> {
    const row = await this.#repo.byId(id);
    const network = await SiteNetwork.load(this.ctx);
    if (!row || !network.get(row.tenant_id) || !network.manages(req, row.tenant_id)) throw new NotFoundError(`Site ${id} does not exist`);
    return { row, network };
  }
}
