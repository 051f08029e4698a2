import { randomUUID } from 'node:crypto';
import { CongError, coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';
import { siteSetupRef } from '@cong/plugin-portal/api';
import type { Transaction } from 'kysely';
import { SITES_ERR_TEMPLATE_UNKNOWN } from '../errors.js';
import type { RegistryDatabase, SiteRow } from '../registry/registry-database.js';
import { siteStatusChanged } from '../registry/site-events.js';
import { SiteNetwork } from '../registry/site-network.js';
import { SiteRepository } from '../registry/site.repository.js';
import { vietnamToday } from '../registry/site-view.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';
import type { ProvisioningReport, ProvisioningRequest, SiteAction, SiteReport } from './provisioning-types.js';
import { provisioningTargets, type ProvisioningTarget } from './provisioning-targets.js';
import { SITE_ROLES } from './site-roles.js';
import { planSite, portalLine, templateFor, type SitePlan } from './site-plan.js';

/** Who a run acts for: the request (its principal is the actor), or a word for the command line. */
export interface ProvisioningActor {
  readonly request?: RouteRequest;
  readonly actorId?: string;
  /** Called after each unit, in order: the command line prints progress with it. */
  readonly onProgress?: (done: number, total: number, site: SiteReport) => void;
}

/**
 * Bulk provisioning (first version item 3): the sites of hundreds of units from the unit tree or a CSV,
 * in one idempotent run. Each unit is planned from the state before the run (its site, hosts, and what
 * the portal's site setup lacks) and, unless it is a dry run, written in its own transaction: the
 * site row, its hosts (through the core) and the template's pages, menus and sections (through the
 * portal). A unit that fails rolls back alone and is reported with its error; the others go on. The
 * dry run reports exactly what the real run then does; a second run reports every unit unchanged.
 */
export class Provisioner {
  readonly #repo: SiteRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#repo = new SiteRepository(ctx.get(coreServices.database).kysely<RegistryDatabase>());
  }

  async run(request: ProvisioningRequest, actor: ProvisioningActor = {}): Promise<ProvisioningReport> {
    const dryRun = request.dryRun === true;
    if (request.template !== undefined && !BUILTIN_TEMPLATES.has(request.template)) throw SITES_ERR_TEMPLATE_UNKNOWN.create({ template: request.template });
    const network = await SiteNetwork.load(this.ctx);
    const home = actor.request?.tenantId ?? network.root?.id ?? '';
    const targets = await provisioningTargets(this.ctx, network, home, request.source);
    const units = targets.flatMap((t) => (t.kind === 'unit' ? [t.unit] : []));
    const sites = new Map((await this.#repo.ofUnits(units.map((u) => u.id))).map((s) => [s.tenant_id, s]));
    const roles = await this.#roles(targets, sites, request.template, dryRun, actor);

    const owners = network.hostOwners();
    const suggestions = network.suggestions();
    const report: SiteReport[] = [];
    for (const target of targets) {
      const entry = target.kind === 'unknown' ? failed(target, undefined, { code: 'CONG_ERR_NOT_FOUND', message: target.reason }) : await this.#unit(target, sites.get(target.unit.id), request, dryRun, actor, { owners, suggestions });
      report.push(entry);
      actor.onProgress?.(report.length, targets.length, entry);
    }
    const counts: Record<SiteAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const entry of report) counts[entry.action]++;
    return { dryRun, domain: network.domain, roles, counts, sites: report };
  }

  /** Plans one unit and, in a real run, applies the plan in one transaction. */
  async #unit(
    target: Extract<ProvisioningTarget, { kind: 'unit' }>,
    site: SiteRow | undefined,
    request: ProvisioningRequest,
    dryRun: boolean,
    actor: ProvisioningActor,
    hosts: { readonly owners: Map<string, string>; readonly suggestions: ReadonlyMap<string, string> },
  ): Promise<SiteReport> {
    const { unit, row } = target;
    const setup = this.ctx.get(siteSetupRef);
    let plan: SitePlan;
    try {
      const template = templateFor(unit, row, site, request.template);
      plan = planSite(unit, row, site, await setup.plan(unit.id, template.blueprint), {
        template: request.template,
        initialStatus: request.initialStatus ?? 'draft',
        suggestedHost: hosts.suggestions.get(unit.id),
        owner: (h) => hosts.owners.get(h),
      });
    } catch (error) {
      return failed(target, site, errorOf(error));
    }
    const action: SiteAction = plan.create ? 'create' : plan.changes.length + plan.portal.length > 0 ? 'update' : 'unchanged';
    let changes = [...plan.changes, ...plan.portal.map(portalLine)];
    if (!dryRun && action !== 'unchanged') {
      let siteId = site?.id;
      try {
        const portal = await setup.apply(unit.id, plan.template.blueprint, {
          ...(actor.request ? { request: actor.request } : { actorId: actor.actorId ?? 'system' }),
          within: async (trx) => void (siteId = await this.#write(trx, target, site, plan, actor)),
        });
        // What the portal did is the truth of the line; it equals the plan unless the unit changed meanwhile.
        changes = [...plan.changes, ...portal.map(portalLine)];
      } catch (error) {
        return failed(target, site, errorOf(error));
      }
      // A new site is gated (draft) and themed by its template from now on: every process drops what it cached.
      if (siteId !== undefined && (plan.create || plan.update.template !== undefined)) {
        await this.ctx.get(coreServices.events).emit(siteStatusChanged, { tenantId: unit.id, siteId, status: site?.status ?? plan.create!.status }, { tenantId: unit.id });
      }
    }
    // Hosts this unit answers on are taken for the units after it, in a dry run as in a real one.
    for (const h of plan.claims) hosts.owners.set(h, unit.id);
    return { line: row?.line ?? null, unitId: unit.id, slug: unit.slug, name: unit.nameVi, action, template: plan.template.id, changes, error: null };
  }

  /** The registry's part of a unit's transaction: its hosts (through the core) and its site row, audited. Returns the site's id. */
  async #write(trx: Transaction<any>, target: Extract<ProvisioningTarget, { kind: 'unit' }>, site: SiteRow | undefined, plan: SitePlan, actor: ProvisioningActor): Promise<string | undefined> {
    const { unit } = target;
    const audit = { trx, ...(actor.request ? { request: actor.request } : { actorId: actor.actorId ?? 'system' }) };
    const who = actor.request?.principal?.id ?? actor.actorId ?? 'system';
    if (plan.hosts) await this.ctx.get(coreServices.tenancy).setHosts(unit.id, plan.hosts, { trx, ...(actor.request ? { request: actor.request } : {}) });
    const now = Date.now();
    const db = trx as Transaction<RegistryDatabase>;
    if (plan.create) {
      const row: SiteRow = {
        id: randomUUID(),
        tenant_id: unit.id,
        status: plan.create.status,
        template: plan.template.id,
        go_live_on: plan.create.goLiveOn ?? (plan.create.status === 'live' ? vietnamToday(new Date(now)) : null),
        notes: plan.create.notes,
        status_reason: null,
        status_changed_at: now,
        status_changed_by: who,
        created_at: now,
        created_by: who,
        updated_at: now,
      };
      await this.#repo.insert(db, row);
      await this.#repo.addHistory(db, { id: randomUUID(), tenant_id: unit.id, site_id: row.id, from_status: null, to_status: row.status, reason: null, actor_id: who, at: now });
      await this.ctx.get(coreServices.audit).record({ action: 'sites.site.create', objectType: 'site', objectId: row.id, tenantId: unit.id, after: { status: row.status, template: row.template, goLiveOn: row.go_live_on } }, audit);
      return row.id;
    }
    if (site && Object.keys(plan.update).length > 0) {
      await this.#repo.update(db, unit.id, site.id, { ...plan.update, updated_at: now });
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.site.update', objectType: 'site', objectId: site.id, tenantId: unit.id, before: { template: site.template, goLiveOn: site.go_live_on, notes: site.notes }, after: plan.update },
        audit,
      );
    }
    return site?.id;
  }

  /**
   * The per-site roles the run's templates use: created in a real run when missing (before any unit,
   * so every unit's grants can name them), reported in a dry run as they would be.
   */
  async #roles(targets: readonly ProvisioningTarget[], sites: ReadonlyMap<string, SiteRow>, runTemplate: string | undefined, dryRun: boolean, actor: ProvisioningActor) {
    const wanted = new Set<string>();
    for (const t of targets) {
      if (t.kind !== 'unit') continue;
      try {
        for (const id of templateFor(t.unit, t.row, sites.get(t.unit.id), runTemplate).roles) wanted.add(id);
      } catch {
        // The unit's line reports its unknown template.
      }
    }
    const access = this.ctx.get(coreServices.access);
    const existing = new Set((await access.roles()).map((r) => r.id));
    const out: { id: string; action: 'create' | 'unchanged' }[] = [];
    for (const role of SITE_ROLES.filter((r) => wanted.has(r.id))) {
      if (existing.has(role.id)) out.push({ id: role.id, action: 'unchanged' });
      else {
        if (!dryRun) await access.ensureRole(role, actor.request ? { request: actor.request } : {});
        out.push({ id: role.id, action: 'create' });
      }
    }
    return out;
  }
}

function errorOf(error: unknown): { code: string; message: string } {
  if (CongError.is(error)) return { code: error.code, message: error.message };
  return { code: 'CONG_ERR_INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function failed(target: ProvisioningTarget, site: SiteRow | undefined, error: { code: string; message: string }): SiteReport {
  const unit = target.kind === 'unit' ? target.unit : undefined;
  return { line: target.row?.line ?? null, unitId: unit?.id ?? null, slug: unit?.slug ?? target.row?.slug ?? '', name: unit?.nameVi ?? null, action: 'error', template: site?.template ?? null, changes: [], error };
}
