import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { ConflictError, InputError, NotFoundError, coreEvents, fold, normalizeHost, normalizeText, type EventRef } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { TENANT_KINDS, type NewTenant, type Tenant, type TenantKind, type TenantStatus } from './tenant.js';

interface TenantRow {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string | null;
  kind: string;
  parent_id: string | null;
  status: string;
  valid_from: string;
  valid_to: string | null;
  successor_id: string | null;
  archive_served: number;
  allowed_origins: string | null;
  created_at: number;
  updated_at: number;
}

interface TenancyTables {
  core_tenants: TenantRow;
  core_tenant_hosts: { host: string; tenant_id: string; is_primary: number; created_at: number };
  core_tenant_slugs: { slug: string; tenant_id: string; retired_at: number };
  core_tenant_former_paths: { tenant_id: string; path: string; target_path: string; created_at: number };
}

type Db = Kysely<TenancyTables> | Transaction<TenancyTables>;

/** Emits a core event; the kernel passes the event bus. */
export type EmitCoreEvent = <T>(event: EventRef<T>, payload: T) => Promise<void>;

/**
 * Options of the directory's changes. `within` runs inside the change's transaction, last, with the
 * unit as it now is: the admin API records its audit entry there, so the change and its entry commit
 * or roll back together. Events are emitted after the commit, as always.
 */
export interface TenantChangeOptions {
  readonly within?: (trx: Transaction<any>, tenant: Tenant) => Promise<void>;
}

/** The hosts of a unit, as {@link TenantDirectory.setHosts} replaces them. */
export interface TenantHostSet {
  readonly primaryHost: string | null;
  readonly aliasHosts: readonly string[];
}

/** Filters of {@link TenantDirectory.list}. */
export interface TenantListQuery {
  readonly status?: TenantStatus;
  readonly kind?: TenantKind;
  readonly parentId?: string | null;
  /** Matches names and slugs, diacritics folded: `quang tri` finds "Quảng Trị". */
  readonly text?: string;
  /** Default is 50, at most 500. */
  readonly limit?: number;
  readonly offset?: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The tree of organisational units and the hosts each answers on. Every operation runs in one
 * transaction and emits a core event after it commits, so plugins can follow units through renames,
 * merges and splits. Archived units keep their rows and hosts: old links redirect to the successor.
 */
export class TenantDirectory {
  readonly #db: Kysely<TenancyTables>;
  readonly #emit: EmitCoreEvent;
  readonly #now: () => number;
  /** Bumped on every change, so resolvers can drop what they cached. */
  version = 0;

  constructor(options: { readonly db: Database; readonly emit?: EmitCoreEvent; readonly now?: () => number }) {
    this.#db = options.db.kysely as Kysely<TenancyTables>;
    this.#emit = options.emit ?? (async () => undefined);
    this.#now = options.now ?? Date.now;
  }

  async get(id: string): Promise<Tenant | undefined> {
    const row = await this.#db.selectFrom('core_tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.#withHosts(this.#db, row);
  }

  /** A tenant by its current slug, or by a slug it had before a rename (`renamed: true`). */
  async getBySlug(slug: string): Promise<{ tenant: Tenant; renamed: boolean } | undefined> {
    const row = await this.#db.selectFrom('core_tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (row) return { tenant: await this.#withHosts(this.#db, row), renamed: false };
    const old = await this.#db.selectFrom('core_tenant_slugs').select('tenant_id').where('slug', '=', slug).executeTakeFirst();
    const tenant = old && (await this.get(old.tenant_id));
    return tenant ? { tenant, renamed: true } : undefined;
  }

  /** The tenant a host belongs to, and whether that host is its primary one. */
  async getByHost(host: string): Promise<{ tenant: Tenant; primary: boolean } | undefined> {
    const normalized = normalizeHost(host);
    if (!normalized) return undefined;
    const entry = await this.#db.selectFrom('core_tenant_hosts').selectAll().where('host', '=', normalized).executeTakeFirst();
    const tenant = entry && (await this.get(entry.tenant_id));
    return tenant ? { tenant, primary: entry!.is_primary === 1 } : undefined;
  }

  async list(query: TenantListQuery = {}): Promise<{ items: Tenant[]; total: number }> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    const offset = Math.max(query.offset ?? 0, 0);
    let rows = await this.#db.selectFrom('core_tenants').selectAll().orderBy('kind').orderBy('slug').execute();
    // The tree is small (a province has a few hundred units): filter in memory, with folded text.
    if (query.status) rows = rows.filter((r) => r.status === query.status);
    if (query.kind) rows = rows.filter((r) => r.kind === query.kind);
    if (query.parentId !== undefined) rows = rows.filter((r) => r.parent_id === query.parentId);
    if (query.text) {
      const needle = fold(query.text).trim();
      rows = rows.filter((r) => fold(`${r.name_vi} ${r.name_en ?? ''} ${r.slug.replace(/-/g, ' ')}`).includes(needle));
    }
    const page = rows.slice(offset, offset + limit);
    return { items: await Promise.all(page.map((r) => this.#withHosts(this.#db, r))), total: rows.length };
  }

  /**
   * Every unit with its hosts, in two queries: parents before their children, siblings by kind and
   * slug (what plugins walk to provision the tree).
   */
  async all(): Promise<Tenant[]> {
    const [rows, hosts] = await Promise.all([
      this.#db.selectFrom('core_tenants').selectAll().orderBy('kind').orderBy('slug').execute(),
      this.#db.selectFrom('core_tenant_hosts').select(['host', 'tenant_id', 'is_primary']).orderBy('host').execute(),
    ]);
    const byTenant = new Map<string, { host: string; is_primary: number }[]>();
    for (const h of hosts) byTenant.set(h.tenant_id, [...(byTenant.get(h.tenant_id) ?? []), h]);
    const children = new Map<string | null, TenantRow[]>();
    for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
    const known = new Set(rows.map((r) => r.id));
    // Roots first (no parent, or a parent that is gone), then breadth-first: a parent always precedes its units.
    const queue = rows.filter((r) => r.parent_id === null || !known.has(r.parent_id));
    const out: Tenant[] = [];
    for (let i = 0; i < queue.length; i++) {
      const row = queue[i]!;
      out.push(toTenant(row, byTenant.get(row.id) ?? []));
      queue.push(...(children.get(row.id) ?? []));
    }
    return out;
  }

  /** Ids of `id` and every unit below it (for grants that apply to a subtree). */
  async subtreeIds(id: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('core_tenants').select(['id', 'parent_id']).execute();
    const children = new Map<string | null, string[]>();
    for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
    const out: string[] = [];
    const stack = rows.some((r) => r.id === id) ? [id] : [];
    while (stack.length > 0) {
      const next = stack.pop()!;
      out.push(next);
      stack.push(...(children.get(next) ?? []));
    }
    return out;
  }

  async create(spec: NewTenant, options: TenantChangeOptions = {}): Promise<Tenant> {
    const tenant = await this.#db.transaction().execute(async (trx) => {
      const created = await this.#insert(trx, spec);
      await options.within?.(trx, created);
      return created;
    });
    this.version++;
    await this.#emit(coreEvents.tenantCreated, { tenantId: tenant.id, slug: tenant.slug, kind: tenant.kind, parentId: tenant.parentId });
    return tenant;
  }

  /** Changes names and/or the slug; the old slug and every host keep working. */
  async rename(id: string, change: { readonly slug?: string; readonly nameVi?: string; readonly nameEn?: string | null }, options: TenantChangeOptions = {}): Promise<Tenant> {
    const { before, after } = await this.#db.transaction().execute(async (trx) => {
      const row = await this.#require(trx, id);
      const values: Partial<TenantRow> = { updated_at: this.#now() };
      if (change.nameVi !== undefined) values.name_vi = checkName(change.nameVi, 'nameVi');
      if (change.nameEn !== undefined) values.name_en = change.nameEn === null ? null : checkName(change.nameEn, 'nameEn');
      if (change.slug !== undefined && change.slug !== row.slug) {
        const slug = checkSlug(change.slug);
        await this.#assertSlugFree(trx, slug, id);
        await trx.deleteFrom('core_tenant_slugs').where('slug', '=', slug).execute();
        await trx.insertInto('core_tenant_slugs').values({ slug: row.slug, tenant_id: id, retired_at: this.#now() }).execute();
        values.slug = slug;
      }
      await trx.updateTable('core_tenants').set(values).where('id', '=', id).execute();
      const after = await this.#require(trx, id);
      await this.#within(trx, after, options);
      return { before: row, after };
    });
    this.version++;
    await this.#emit(coreEvents.tenantRenamed, { tenantId: id, oldSlug: before.slug, newSlug: after.slug, nameVi: after.name_vi });
    return (await this.get(id))!;
  }

  /** Puts a unit under another parent (never under itself or its own descendants). */
  async move(id: string, parentId: string | null, options: TenantChangeOptions = {}): Promise<Tenant> {
    const fromParentId = await this.#db.transaction().execute(async (trx) => {
      const row = await this.#require(trx, id);
      if (parentId !== null) {
        const parent = await this.#require(trx, parentId);
        if (parent.status !== 'active') throw new ConflictError(`Unit ${parent.slug} is archived and cannot take new units`);
        for (let cursor: TenantRow | undefined = parent; cursor; ) {
          if (cursor.id === id) throw new ConflictError(`Unit ${row.slug} cannot move below itself`);
          cursor = cursor.parent_id ? await trx.selectFrom('core_tenants').selectAll().where('id', '=', cursor.parent_id).executeTakeFirst() : undefined;
        }
      }
      await trx.updateTable('core_tenants').set({ parent_id: parentId, updated_at: this.#now() }).where('id', '=', id).execute();
      await this.#within(trx, await this.#require(trx, id), options);
      return row.parent_id;
    });
    this.version++;
    await this.#emit(coreEvents.tenantMoved, { tenantId: id, fromParentId, toParentId: parentId });
    return (await this.get(id))!;
  }

  /**
   * Several units become one (the 2025 commune mergers): each source is archived the day before
   * `effectiveDate` with the successor recorded, so its hosts and slugs redirect there. The successor
   * is an existing active unit or a new one.
   */
  async merge(sourceIds: readonly string[], successor: { readonly id: string } | NewTenant, effectiveDate: string, options: TenantChangeOptions = {}): Promise<Tenant> {
    checkDate(effectiveDate, 'effectiveDate');
    const unique = [...new Set(sourceIds)];
    if (unique.length === 0) throw new InputError('A merge needs at least one source unit');
    const successorId = await this.#db.transaction().execute(async (trx) => {
      const target = 'id' in successor ? await this.#require(trx, successor.id) : undefined;
      if (target && target.status !== 'active') throw new ConflictError(`Unit ${target.slug} is archived and cannot be a successor`);
      if (target && unique.includes(target.id)) throw new InputError('The successor cannot also be a source of the merge');
      for (const id of unique) await this.#requireActive(trx, id);
      const created = target ? undefined : await this.#insert(trx, { ...(successor as NewTenant), validFrom: (successor as NewTenant).validFrom ?? effectiveDate });
      const to = target?.id ?? created!.id;
      for (const id of unique) await this.#retire(trx, id, to, effectiveDate);
      await this.#within(trx, await this.#require(trx, to), options);
      return to;
    });
    this.version++;
    await this.#emit(coreEvents.tenantMerged, { sourceIds: unique, successorId, effectiveDate });
    return (await this.get(successorId))!;
  }

  /** One unit becomes several; the first successor takes over its hosts and slug redirects. */
  async split(id: string, into: readonly NewTenant[], effectiveDate: string): Promise<Tenant[]> {
    checkDate(effectiveDate, 'effectiveDate');
    if (into.length < 2) throw new InputError('A split needs at least two successor units');
    const ids = await this.#db.transaction().execute(async (trx) => {
      const source = await this.#requireActive(trx, id);
      const created: Tenant[] = [];
      for (const spec of into) created.push(await this.#insert(trx, { parentId: source.parent_id, ...spec, validFrom: spec.validFrom ?? effectiveDate }));
      await this.#retire(trx, id, created[0]!.id, effectiveDate);
      return created.map((t) => t.id);
    });
    this.version++;
    await this.#emit(coreEvents.tenantSplit, { sourceId: id, successorIds: ids, effectiveDate });
    return Promise.all(ids.map(async (x) => (await this.get(x))!));
  }

  /** Archives a unit (no active units may remain below it); with a successor its hosts redirect there. */
  async archive(id: string, effectiveDate: string, successorId: string | null = null, options: TenantChangeOptions = {}): Promise<Tenant> {
    checkDate(effectiveDate, 'effectiveDate');
    await this.#db.transaction().execute(async (trx) => {
      await this.#requireActive(trx, id);
      if (successorId !== null) {
        const successor = await this.#requireActive(trx, successorId);
        if (successor.id === id) throw new InputError('A unit cannot succeed itself');
      }
      await this.#retire(trx, id, successorId, effectiveDate);
      await this.#within(trx, await this.#require(trx, id), options);
    });
    this.version++;
    await this.#emit(coreEvents.tenantArchived, { tenantId: id, successorId, effectiveDate });
    return (await this.get(id))!;
  }

  /**
   * Whether an archived unit's own hosts keep serving its pages (a readable archive, with the notice its
   * site plugin shows) instead of redirecting to its successor. Without a successor they always serve.
   */
  async setArchiveServed(id: string, served: boolean, options: { readonly trx?: Transaction<any> } = {}): Promise<{ readonly before: boolean }> {
    const apply = async (trx: Transaction<TenancyTables>) => {
      const row = await this.#require(trx, id);
      await trx.updateTable('core_tenants').set({ archive_served: served ? 1 : 0, updated_at: this.#now() }).where('id', '=', id).execute();
      return { before: Number(row.archive_served) === 1 };
    };
    const result = options.trx ? await apply(options.trx as Transaction<TenancyTables>) : await this.#db.transaction().execute(apply);
    this.version++;
    return result;
  }

  /**
   * Records where pages of a unit went on its successor's site when they did not keep their path
   * (`/tin/le-hoi` became `/tin/le-hoi-2`): its former hosts then redirect each such page to its new
   * path, every other page to the same path. Entries replace earlier ones for the same path.
   */
  async setFormerPaths(id: string, entries: readonly { readonly path: string; readonly targetPath: string }[], options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
    for (const e of entries) {
      if (!e.path.startsWith('/') || !e.targetPath.startsWith('/') || e.path.length > 400 || e.targetPath.length > 400) {
        throw new InputError(`"${e.path.slice(0, 100)}" → "${e.targetPath.slice(0, 100)}" is not a pair of site paths`);
      }
    }
    const apply = async (trx: Transaction<TenancyTables>) => {
      await this.#require(trx, id);
      const now = this.#now();
      for (let i = 0; i < entries.length; i += 200) {
        const batch = entries.slice(i, i + 200);
        await trx.deleteFrom('core_tenant_former_paths').where('tenant_id', '=', id).where('path', 'in', batch.map((e) => e.path)).execute();
        await trx.insertInto('core_tenant_former_paths').values(batch.map((e) => ({ tenant_id: id, path: e.path, target_path: e.targetPath, created_at: now }))).execute();
      }
    };
    if (entries.length === 0) return;
    if (options.trx) await apply(options.trx as Transaction<TenancyTables>);
    else await this.#db.transaction().execute(apply);
  }

  /** Where a former unit's page went, when it did not keep its path. */
  async formerPath(id: string, path: string): Promise<string | undefined> {
    if (path.length > 400) return undefined;
    const row = await this.#db.selectFrom('core_tenant_former_paths').select('target_path').where('tenant_id', '=', id).where('path', '=', path).executeTakeFirst();
    return row?.target_path;
  }

  /** Adds a host; a primary host demotes the previous primary to an alias. */
  async addHost(id: string, host: string, options: { readonly primary?: boolean } = {}): Promise<Tenant> {
    await this.#db.transaction().execute(async (trx) => {
      await this.#require(trx, id);
      await this.#addHosts(trx, id, [host], options.primary === true);
    });
    this.version++;
    return (await this.get(id))!;
  }

  /**
   * Replaces the hosts the unit answers on: `primaryHost` (or none) and the aliases that redirect to it.
   * Every host is normalised and must not belong to another unit; hosts left out are released. With
   * `trx` the change joins the caller's transaction (a plugin provisioning a site writes it with its
   * own rows); `within` runs last in the transaction with the unit as it now is and as it was. Returns
   * the unit and whether its hosts changed (an unchanged set writes nothing and runs no `within`).
   */
  async setHosts(
    id: string,
    hosts: TenantHostSet,
    options: { readonly trx?: Transaction<any>; readonly within?: (trx: Transaction<any>, after: Tenant, before: Tenant) => Promise<void> } = {},
  ): Promise<{ tenant: Tenant; changed: boolean }> {
    const wanted = checkHostSet(hosts);
    const apply = async (trx: Transaction<TenancyTables>): Promise<{ tenant: Tenant; changed: boolean }> => {
      const row = await this.#require(trx, id);
      const current = await this.#withHosts(trx, row);
      if (current.primaryHost === wanted.primaryHost && sameSet(current.aliasHosts, wanted.aliasHosts)) return { tenant: current, changed: false };
      const all = [...(wanted.primaryHost ? [wanted.primaryHost] : []), ...wanted.aliasHosts];
      if (all.length > 0) {
        const taken = await trx.selectFrom('core_tenant_hosts').select(['host', 'tenant_id']).where('host', 'in', all).where('tenant_id', '!=', id).execute();
        if (taken.length > 0) throw new ConflictError(`Host ${taken[0]!.host} already belongs to another unit`);
      }
      await trx.deleteFrom('core_tenant_hosts').where('tenant_id', '=', id).execute();
      const now = this.#now();
      if (all.length > 0) await trx.insertInto('core_tenant_hosts').values(all.map((host) => ({ host, tenant_id: id, is_primary: host === wanted.primaryHost ? 1 : 0, created_at: now }))).execute();
      await trx.updateTable('core_tenants').set({ updated_at: now }).where('id', '=', id).execute();
      const after = await this.#withHosts(trx, await this.#require(trx, id));
      await options.within?.(trx, after, current);
      return { tenant: after, changed: true };
    };
    const result = options.trx ? await apply(options.trx as Transaction<TenancyTables>) : await this.#db.transaction().execute(apply);
    // Dropped now also when the caller's transaction is still open: a lookup cached in between would
    // only hold the old hosts for the resolver's cache period, as in any other process.
    if (result.changed) this.version++;
    return result;
  }

  /** Sets the web origins allowed to call the unit's widget endpoints; each is `scheme://host[:port]`. */
  async setAllowedOrigins(id: string, origins: readonly string[], options: TenantChangeOptions = {}): Promise<Tenant> {
    const normalized = [...new Set(origins.map(normalizeOrigin))].sort();
    await this.#db.transaction().execute(async (trx) => {
      await this.#require(trx, id);
      await trx.updateTable('core_tenants').set({ allowed_origins: JSON.stringify(normalized), updated_at: this.#now() }).where('id', '=', id).execute();
      await this.#within(trx, await this.#require(trx, id), options);
    });
    this.version++;
    return (await this.get(id))!;
  }

  async removeHost(host: string): Promise<void> {
    const normalized = normalizeHost(host);
    if (!normalized) throw new InputError(`"${host}" is not a host name`);
    await this.#db.deleteFrom('core_tenant_hosts').where('host', '=', normalized).execute();
    this.version++;
  }

  /** The first active unit without a parent: the province. */
  async root(): Promise<Tenant | undefined> {
    const row = await this.#db
      .selectFrom('core_tenants')
      .selectAll()
      .where('parent_id', 'is', null)
      .where('status', '=', 'active')
      .orderBy('created_at')
      .executeTakeFirst();
    return row && this.#withHosts(this.#db, row);
  }

  /** Runs the caller's `within` with the unit as the transaction now sees it. */
  async #within(trx: Transaction<TenancyTables>, row: TenantRow, options: TenantChangeOptions): Promise<void> {
    if (options.within) await options.within(trx, await this.#withHosts(trx, row));
  }

  /**
   * What archiving the unit, or merging it into another, would touch in the tree: its active units
   * below (archiving is refused while its direct children are active), its hosts (they redirect to
   * the successor afterwards) and its former slugs. Read-only, a few queries.
   */
  async impact(id: string): Promise<{ activeChildren: number; activeDescendants: number; subtreeIds: string[]; hosts: string[]; formerSlugs: number } | undefined> {
    const rows = await this.#db.selectFrom('core_tenants').select(['id', 'parent_id', 'status']).execute();
    if (!rows.some((r) => r.id === id)) return undefined;
    const children = new Map<string, typeof rows>();
    for (const r of rows) if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
    const subtreeIds: string[] = [];
    let activeDescendants = 0;
    for (const stack = [id]; stack.length > 0; ) {
      const next = stack.pop()!;
      subtreeIds.push(next);
      for (const child of children.get(next) ?? []) {
        if (child.status === 'active') activeDescendants++;
        stack.push(child.id);
      }
    }
    const activeChildren = (children.get(id) ?? []).filter((c) => c.status === 'active').length;
    const [hosts, slugs] = await Promise.all([
      this.#db.selectFrom('core_tenant_hosts').select('host').where('tenant_id', '=', id).orderBy('is_primary', 'desc').orderBy('host').execute(),
      this.#db.selectFrom('core_tenant_slugs').select((eb) => eb.fn.countAll<number | string>().as('n')).where('tenant_id', '=', id).executeTakeFirstOrThrow(),
    ]);
    return { activeChildren, activeDescendants, subtreeIds, hosts: hosts.map((h) => h.host), formerSlugs: Number(slugs.n) };
  }

  async #insert(trx: Transaction<TenancyTables>, spec: NewTenant): Promise<Tenant> {
    const slug = checkSlug(spec.slug);
    if (!TENANT_KINDS.includes(spec.kind)) throw new InputError(`kind must be one of ${TENANT_KINDS.join(', ')}`);
    const validFrom = spec.validFrom ?? '2025-07-01';
    checkDate(validFrom, 'validFrom');
    if (spec.parentId) {
      const parent = await this.#require(trx, spec.parentId);
      if (parent.status !== 'active') throw new ConflictError(`Unit ${parent.slug} is archived and cannot take new units`);
    }
    await this.#assertSlugFree(trx, slug, undefined);
    const now = this.#now();
    const row: TenantRow = {
      id: randomUUID(),
      slug,
      name_vi: checkName(spec.nameVi, 'nameVi'),
      name_en: spec.nameEn ? checkName(spec.nameEn, 'nameEn') : null,
      kind: spec.kind,
      parent_id: spec.parentId ?? null,
      status: 'active',
      valid_from: validFrom,
      valid_to: null,
      successor_id: null,
      archive_served: 0,
      allowed_origins: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('core_tenants').values(row).execute();
    if (spec.primaryHost) await this.#addHosts(trx, row.id, [spec.primaryHost], true);
    if (spec.aliasHosts?.length) await this.#addHosts(trx, row.id, spec.aliasHosts, false);
    return this.#withHosts(trx, row);
  }

  async #retire(trx: Transaction<TenancyTables>, id: string, successorId: string | null, effectiveDate: string): Promise<void> {
    const active = await trx.selectFrom('core_tenants').select('slug').where('parent_id', '=', id).where('status', '=', 'active').execute();
    if (active.length > 0) {
      throw new ConflictError(`Units below must be moved or merged first: ${active.map((a) => a.slug).join(', ')}`);
    }
    await trx
      .updateTable('core_tenants')
      .set({ status: 'archived', valid_to: dayBefore(effectiveDate), successor_id: successorId, updated_at: this.#now() })
      .where('id', '=', id)
      .execute();
  }

  async #addHosts(trx: Transaction<TenancyTables>, id: string, hosts: readonly string[], primary: boolean): Promise<void> {
    for (const raw of hosts) {
      const host = normalizeHost(raw);
      if (!host) throw new InputError(`"${raw}" is not a host name`);
      const taken = await trx.selectFrom('core_tenant_hosts').select('tenant_id').where('host', '=', host).executeTakeFirst();
      if (taken && taken.tenant_id !== id) throw new ConflictError(`Host ${host} already belongs to another unit`);
      if (primary) await trx.updateTable('core_tenant_hosts').set({ is_primary: 0 }).where('tenant_id', '=', id).execute();
      if (taken) await trx.updateTable('core_tenant_hosts').set({ is_primary: primary ? 1 : 0 }).where('host', '=', host).execute();
      else await trx.insertInto('core_tenant_hosts').values({ host, tenant_id: id, is_primary: primary ? 1 : 0, created_at: this.#now() }).execute();
    }
  }

  async #assertSlugFree(trx: Db, slug: string, owner: string | undefined): Promise<void> {
    const current = await trx.selectFrom('core_tenants').select('id').where('slug', '=', slug).executeTakeFirst();
    const old = await trx.selectFrom('core_tenant_slugs').select('tenant_id').where('slug', '=', slug).executeTakeFirst();
    if ((current && current.id !== owner) || (old && old.tenant_id !== owner)) throw new ConflictError(`Slug ${slug} is already used by another unit`);
  }

  async #require(trx: Db, id: string): Promise<TenantRow> {
    const row = await trx.selectFrom('core_tenants').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`Unit ${id} does not exist`);
    return row;
  }

  async #requireActive(trx: Db, id: string): Promise<TenantRow> {
    const row = await this.#require(trx, id);
    if (row.status !== 'active') throw new ConflictError(`Unit ${row.slug} is already archived`);
    return row;
  }

  async #withHosts(db: Db, row: TenantRow): Promise<Tenant> {
    const hosts = await db.selectFrom('core_tenant_hosts').select(['host', 'is_primary']).where('tenant_id', '=', row.id).orderBy('host').execute();
    return toTenant(row, hosts);
  }
}

function toTenant(row: TenantRow, hosts: readonly { host: string; is_primary: number }[]): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    kind: row.kind as TenantKind,
    parentId: row.parent_id,
    status: row.status as TenantStatus,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    archiveServed: Number(row.archive_served) === 1,
    primaryHost: hosts.find((h) => Number(h.is_primary) === 1)?.host ?? null,
    aliasHosts: hosts.filter((h) => Number(h.is_primary) !== 1).map((h) => h.host),
    allowedOrigins: row.allowed_origins ? (JSON.parse(row.allowed_origins) as string[]) : [],
  };
}

/** Normalised hosts, each once; the primary is not also an alias. A host that is not a host name is a 400. */
function checkHostSet(hosts: TenantHostSet): TenantHostSet {
  const normal = (raw: string) => {
    const host = normalizeHost(raw);
    if (!host) throw new InputError(`"${raw}" is not a host name`);
    return host;
  };
  const primaryHost = hosts.primaryHost === null || hosts.primaryHost.trim() === '' ? null : normal(hosts.primaryHost);
  const aliasHosts = [...new Set(hosts.aliasHosts.map(normal))].filter((h) => h !== primaryHost).sort();
  return { primaryHost, aliasHosts };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
}

function checkSlug(slug: string): string {
  if (typeof slug !== 'string' || slug.length > 100 || !SLUG.test(slug)) {
    throw new InputError(`Slug "${slug}" must be lower-case letters and digits in words joined by "-", at most 100 characters`);
  }
  return slug;
}

function checkName(name: string, field: string): string {
  const value = typeof name === 'string' ? normalizeText(name).trim() : '';
  if (value.length === 0 || value.length > 300) throw new InputError(`${field} must be 1 to 300 characters`);
  return value;
}

function checkDate(value: string, field: string): void {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InputError(`${field} must be a date YYYY-MM-DD`);
  }
}

/** `https://Example.vn:443/` → `https://example.vn`; anything but an http(s) origin is refused. */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`"${value}" is not an origin such as https://example.vn`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new InputError(`"${value}" is not an origin such as https://example.vn`);
  }
  return url.origin;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
