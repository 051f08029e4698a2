import type { Kysely, Transaction } from 'kysely';
import { coreServices, NotFoundError, type PluginContext, type RouteRequest } from '@cong/sdk';
import { PORTAL_ERR_ORG_STALE_REVISION } from '../errors.js';
import { siteChanged } from '../site/site-events.js';
import type { OrganisationDatabase, OrganisationTable } from './organisation-database.js';

type RowOf<T extends OrganisationTable> = OrganisationDatabase[T];

/** How a table is named in messages and audit entries. */
const KINDS: Readonly<Record<OrganisationTable, { readonly audit: string; readonly label: string }>> = {
  portal_org_units: { audit: 'org-unit', label: 'Organisation unit' },
  portal_leaders: { audit: 'leader', label: 'Leader' },
  portal_contacts: { audit: 'contact', label: 'Contact' },
  portal_schedule_entries: { audit: 'schedule-entry', label: 'Schedule entry' },
};

/** Extra work a write does in its transaction (clearing references, say). */
export type InTransaction = (trx: Transaction<OrganisationDatabase>) => Promise<void>;

/**
 * Reads and writes of the four organisation tables, always for one unit. Every write runs in one
 * transaction with its audit entry, and `siteChanged` goes out after the commit so the unit's cached
 * public pages are dropped at once.
 */
export class OrganisationStore {
  readonly #ctx: PluginContext;
  readonly #db: Kysely<OrganisationDatabase>;

  constructor(ctx: PluginContext) {
    this.#ctx = ctx;
    this.#db = ctx.get(coreServices.database).kysely<OrganisationDatabase>();
  }

  get db(): Kysely<OrganisationDatabase> {
    return this.#db;
  }

  async find<T extends OrganisationTable>(table: T, tenantId: string, id: string): Promise<RowOf<T> | undefined> {
    const db = this.#db as unknown as Kysely<any>;
    return (await db.selectFrom(table as string).selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst()) as RowOf<T> | undefined;
  }

  /** The row, or 404 (also for another unit's id: ids do not leak across units). */
  async get<T extends OrganisationTable>(table: T, tenantId: string, id: string): Promise<RowOf<T>> {
    const row = await this.find(table, tenantId, id);
    if (!row) throw new NotFoundError(`${KINDS[table].label} ${id} does not exist`);
    return row;
  }

  async insert<T extends OrganisationTable>(table: T, row: RowOf<T>, req: RouteRequest, also?: InTransaction): Promise<void> {
    await this.#write(row.tenant_id, async (trx) => {
      await (trx as unknown as Transaction<any>).insertInto(table as string).values(row).execute();
      if (also) await also(trx);
      await this.#audit(trx, req, `portal.${KINDS[table].audit}.create`, table, row.tenant_id, row.id, undefined, row);
    });
  }

  /**
   * Writes `changes` over `current` and bumps the revision, only if nobody wrote since `current` was
   * read (a compare-and-set); `expected` is the revision the caller's form started from.
   */
  async update<T extends OrganisationTable>(
    table: T,
    current: RowOf<T>,
    changes: Partial<RowOf<T>>,
    expected: number | undefined,
    req: RouteRequest,
  ): Promise<RowOf<T>> {
    const revision = Number(current.revision);
    if (expected !== undefined && expected !== revision) throw this.#stale(table, current.id, expected, revision);
    const next = { ...current, ...changes, revision: revision + 1 } as RowOf<T>;
    const { id: _id, tenant_id: _tenant, created_at: _created, ...set } = next;
    await this.#write(current.tenant_id, async (trx) => {
      const result = await (trx as unknown as Transaction<any>)
        .updateTable(table as string)
        .set(set as Record<string, unknown>)
        .where('tenant_id', '=', current.tenant_id)
        .where('id', '=', current.id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const now = await (trx as unknown as Transaction<any>).selectFrom(table as string).select('revision').where('tenant_id', '=', current.tenant_id).where('id', '=', current.id).executeTakeFirst();
        throw this.#stale(table, current.id, revision, Number(now?.revision ?? revision));
      }
      await this.#audit(trx, req, `portal.${KINDS[table].audit}.update`, table, current.tenant_id, current.id, current, changes);
    });
    return next;
  }

  async delete<T extends OrganisationTable>(table: T, current: RowOf<T>, req: RouteRequest, also?: InTransaction): Promise<void> {
    await this.#write(current.tenant_id, async (trx) => {
      if (also) await also(trx);
      await (trx as unknown as Transaction<any>).deleteFrom(table as string).where('tenant_id', '=', current.tenant_id).where('id', '=', current.id).execute();
      await this.#audit(trx, req, `portal.${KINDS[table].audit}.delete`, table, current.tenant_id, current.id, current, undefined);
    });
  }

  /** Sets `sort_order` to each id's position in `ids`; the caller checked that every id is the unit's. */
  async reorder(table: 'portal_org_units' | 'portal_leaders' | 'portal_contacts', tenantId: string, ids: readonly string[], req: RouteRequest): Promise<void> {
    const now = Date.now();
    await this.#write(tenantId, async (trx) => {
      for (const [index, id] of ids.entries()) {
        await (trx as unknown as Transaction<any>).updateTable(table as string).set({ sort_order: index, updated_at: now }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      }
      await this.#audit(trx, req, `portal.${KINDS[table].audit}.reorder`, table, tenantId, ids[0] ?? '', undefined, { ids });
    });
  }

  async #write(tenantId: string, work: InTransaction): Promise<void> {
    await this.#ctx.get(coreServices.database).transaction<OrganisationDatabase, void>(work);
    await this.#ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'organisation' }, { tenantId });
  }

  async #audit(trx: Transaction<OrganisationDatabase>, req: RouteRequest, action: string, table: OrganisationTable, tenantId: string, objectId: string, before: unknown, after: unknown): Promise<void> {
    await this.#ctx.get(coreServices.audit).record(
      { action, objectType: KINDS[table].audit, objectId, tenantId, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) },
      { request: req, trx },
    );
  }

  #stale(table: OrganisationTable, id: string, expected: number, actual: number) {
    return PORTAL_ERR_ORG_STALE_REVISION.create(
      { kind: KINDS[table].label, id, expected, actual },
      { errors: [{ in: 'body', pointer: '/revision', message: `is ${actual} now: reload and edit again`, keyword: 'const' }] },
    );
  }
}
