import { randomUUID } from 'node:crypto';
import { coreServices, type PluginContext, type TenantNode } from '@cong/sdk';
import { contentSuccessionRef, type ContentMoveReport } from '@cong/plugin-portal/api';
import type { Transaction } from 'kysely';
import type { RegistryDatabase, SiteRow } from '../registry/registry-database.js';
import { siteStatusChanged } from '../registry/site-events.js';
import { SiteRepository } from '../registry/site.repository.js';
import { sitesSettings } from '../registry/sites-settings.js';
import type { SiteStatus } from '../registry/site-status.js';
import { vietnamToday } from '../registry/site-view.js';
import type { ReorganisationDatabase, ReorganisationKind, ReorganisationMode, ReorganisationRow } from './reorganisation-database.js';

type Db = RegistryDatabase & ReorganisationDatabase;

/** The registry's repository takes its own tables' view of the transaction. */
const registry = (trx: Transaction<Db>) => trx as unknown as Transaction<RegistryDatabase>;

/** Who the sites' own changes are recorded as: the core made the change, the plugin followed it. */
const ACTOR = 'system:sites-reorganisation';

/** A core change to follow: a former unit and where its content and hosts went. */
export interface Succession {
  readonly kind: Exclude<ReorganisationKind, 'rename'>;
  readonly sourceId: string;
  readonly successorId: string;
  readonly effectiveDate: string;
}

/**
 * The sites follow the core's reorganisation of units (TEN-08, the 2025 commune mergers). For each
 * former unit, in one transaction: its site is archived with the reason the public reads; the
 * successor gets a site when it has none (live when the former one was); then, by the `mergedSites`
 * setting, either the content moves to the successor (articles, categories, legal documents, media —
 * the portal's {@link contentSuccessionRef}) and the paths that changed are recorded with the core so
 * the former hosts redirect page by page, or the former site is kept readable on its own hosts as an
 * archive. The outcome is a row of `sites_reorganisations`; following again changes nothing.
 */
export class SiteSuccession {
  readonly #sites: SiteRepository;

  constructor(private readonly ctx: PluginContext) {
    this.#sites = new SiteRepository(ctx.get(coreServices.database).kysely<RegistryDatabase>());
  }

  async follow(change: Succession): Promise<ReorganisationRow> {
    const tenancy = this.ctx.get(coreServices.tenancy);
    const units = await tenancy.tree();
    const source = units.find((u) => u.id === change.sourceId);
    const successor = units.find((u) => u.id === change.successorId);
    if (!source || !successor) throw new Error(`Unit ${source ? change.successorId : change.sourceId} does not exist`);
    const mode: ReorganisationMode = (await sitesSettings(this.ctx, null)).mergedSites === 'archive' ? 'archive' : 'move';
    const database = this.ctx.get(coreServices.database);
    const mysql = database.dialect === 'mysql';
    const content = this.ctx.get(contentSuccessionRef);
    const now = Date.now();
    const changed: { tenantId: string; siteId: string; status: SiteStatus }[] = [];

    // Read before the transaction: on SQLite a query outside it would wait for its one connection.
    const [sourceSite] = await this.#sites.ofUnits([source.id]);
    const [successorSite] = await this.#sites.ofUnits([successor.id]);
    const row = await database.transaction<Db, ReorganisationRow>(async (trx) => {
      if (sourceSite && sourceSite.status !== 'archived') {
        const locked = await this.#sites.locked(registry(trx), source.id, sourceSite.id, mysql);
        if (locked && locked.status !== 'archived') changed.push(await this.#archive(trx, locked, successor, change, now));
      }
      if (sourceSite && !successorSite) changed.push(await this.#openSuccessorSite(trx, sourceSite, successor, now));

      let report: ContentMoveReport | null = null;
      if (mode === 'move') {
        report = await content.move({ fromTenantId: source.id, toTenantId: successor.id }, { trx });
        await tenancy.setFormerPaths(source.id, report.formerPaths, { trx });
      } else {
        await tenancy.setArchiveServed(source.id, true, { trx });
      }
      const record = await this.#record(trx, { kind: change.kind, source, successor, effectiveDate: change.effectiveDate, mode, report, now });
      await this.ctx.get(coreServices.audit).record(
        { action: 'sites.site.reorganised', objectType: 'unit', objectId: source.id, tenantId: successor.id, after: { kind: change.kind, successor: successor.slug, mode, report: report && summary(report) } },
        { trx, actorId: ACTOR },
      );
      return record;
    });

    if (mode === 'move') await content.refresh({ fromTenantId: source.id, toTenantId: successor.id });
    const events = this.ctx.get(coreServices.events);
    for (const c of changed) await events.emit(siteStatusChanged, c, { tenantId: c.tenantId });
    return row;
  }

  /** Records a change that could not be followed: the retry job and the network admins read it. */
  async failed(change: Succession, error: unknown): Promise<void> {
    const db = this.ctx.get(coreServices.database).kysely<Db>();
    const now = Date.now();
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const existing = await db.selectFrom('sites_reorganisations').select(['id', 'attempts']).where('source_tenant_id', '=', change.sourceId).where('kind', '=', change.kind).where('successor_tenant_id', '=', change.successorId).executeTakeFirst();
    if (existing) {
      await db.updateTable('sites_reorganisations').set({ status: 'failed', error: message, attempts: existing.attempts + 1, updated_at: now }).where('id', '=', existing.id).execute();
      return;
    }
    await db
      .insertInto('sites_reorganisations')
      .values({ id: randomUUID(), tenant_id: change.successorId, kind: change.kind, source_tenant_id: change.sourceId, successor_tenant_id: change.successorId, effective_date: change.effectiveDate, mode: 'move', status: 'failed', report: null, error: message, attempts: 1, created_at: now, updated_at: now })
      .execute();
  }

  async #archive(trx: Transaction<Db>, site: SiteRow, successor: TenantNode, change: Succession, now: number) {
    const day = change.effectiveDate.split('-').reverse().join('/');
    // What the public reads on the archive's notice (the site gate), in the registry's language.
    const reason =
      change.kind === 'split'
        ? `Đơn vị đã được chia tách từ ngày ${day}; nội dung chuyển sang ${successor.nameVi}.`
        : `Đơn vị đã sáp nhập vào ${successor.nameVi} từ ngày ${day}.`;
    await this.#sites.update(registry(trx), site.tenant_id, site.id, { status: 'archived', status_reason: reason.slice(0, 500), status_changed_at: now, status_changed_by: ACTOR, updated_at: now });
    await this.#sites.addHistory(registry(trx), { id: randomUUID(), tenant_id: site.tenant_id, site_id: site.id, from_status: site.status, to_status: 'archived', reason: reason.slice(0, 500), actor_id: ACTOR, at: now });
    return { tenantId: site.tenant_id, siteId: site.id, status: 'archived' as const };
  }

  /** A new unit from a merger gets its site at once: live when the former one was, from the same template. */
  async #openSuccessorSite(trx: Transaction<Db>, former: SiteRow, successor: TenantNode, now: number) {
    const status: SiteStatus = former.status === 'live' ? 'live' : 'draft';
    const id = randomUUID();
    await this.#sites.insert(registry(trx), {
      id,
      tenant_id: successor.id,
      status,
      template: former.template,
      go_live_on: status === 'live' ? vietnamToday(new Date(now)) : null,
      notes: null,
      status_reason: null,
      status_changed_at: now,
      status_changed_by: ACTOR,
      created_at: now,
      created_by: ACTOR,
      updated_at: now,
    });
    await this.#sites.addHistory(registry(trx), { id: randomUUID(), tenant_id: successor.id, site_id: id, from_status: null, to_status: status, reason: null, actor_id: ACTOR, at: now });
    return { tenantId: successor.id, siteId: id, status };
  }

  async #record(
    trx: Transaction<Db>,
    r: { kind: Succession['kind']; source: TenantNode; successor: TenantNode; effectiveDate: string; mode: ReorganisationMode; report: ContentMoveReport | null; now: number },
  ): Promise<ReorganisationRow> {
    const existing = await trx.selectFrom('sites_reorganisations').selectAll().where('source_tenant_id', '=', r.source.id).where('kind', '=', r.kind).where('successor_tenant_id', '=', r.successor.id).executeTakeFirst();
    // A repeated follow moves nothing new: keep the first report, which says what moved.
    const report = existing?.report && r.report && r.report.articles + r.report.legalDocuments + r.report.media === 0 ? existing.report : r.report && JSON.stringify(r.report);
    const row: ReorganisationRow = {
      id: existing?.id ?? randomUUID(),
      tenant_id: r.successor.id,
      kind: r.kind,
      source_tenant_id: r.source.id,
      successor_tenant_id: r.successor.id,
      effective_date: r.effectiveDate,
      mode: r.mode,
      status: 'done',
      report,
      error: null,
      attempts: (existing?.attempts ?? 0) + 1,
      created_at: existing?.created_at ?? r.now,
      updated_at: r.now,
    };
    if (existing) await trx.updateTable('sites_reorganisations').set(row).where('id', '=', existing.id).execute();
    else await trx.insertInto('sites_reorganisations').values(row).execute();
    return row;
  }
}

/** The counts of a content report, for the audit entry (the paths are in the reorganisation row). */
function summary(report: ContentMoveReport) {
  const { formerPaths, ...counts } = report;
  return { ...counts, formerPaths: formerPaths.length };
}
