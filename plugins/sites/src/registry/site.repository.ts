import type { Kysely, Transaction } from 'kysely';
import type { RegistryDatabase, SiteRow, StatusHistoryRow } from './registry-database.js';
import type { SiteStatus } from './site-status.js';

type Db = Kysely<RegistryDatabase> | Transaction<RegistryDatabase>;

/** Kysely queries of the registry: a site is always read with its unit (`tenant_id`) or for a set of units. */
export class SiteRepository {
  constructor(private readonly db: Kysely<RegistryDatabase>) {}

  /** The site of each of these units (the units a caller manages). */
  async ofUnits(tenantIds: readonly string[]): Promise<SiteRow[]> {
    if (tenantIds.length === 0) return [];
    const rows: SiteRow[] = [];
    // In chunks: a province has hundreds of units, and IN lists stay short.
    for (let i = 0; i < tenantIds.length; i += 500) rows.push(...(await this.db.selectFrom('sites_sites').selectAll().where('tenant_id', 'in', tenantIds.slice(i, i + 500)).execute()));
    return rows;
  }

  /** A unit's site, if it has one. */
  ofUnit(tenantId: string, db: Db = this.db): Promise<SiteRow | undefined> {
    return db.selectFrom('sites_sites').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  }

  /** A site by id, read together with its unit: the caller checks the unit is one it manages. */
  byId(id: string): Promise<SiteRow | undefined> {
    return this.db.selectFrom('sites_sites').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The site's row inside a transaction; on MySQL locked until commit, so two status changes queue. */
  async locked(trx: Transaction<RegistryDatabase>, tenantId: string, id: string, mysql: boolean): Promise<SiteRow | undefined> {
    let query = trx.selectFrom('sites_sites').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
    if (mysql) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  async insert(trx: Transaction<RegistryDatabase>, row: SiteRow): Promise<void> {
    await trx.insertInto('sites_sites').values(row).execute();
  }

  /** Changes a site; with `expected`, only while its status is still that one (compare-and-set). */
  async update(trx: Transaction<RegistryDatabase>, tenantId: string, id: string, changes: Partial<Omit<SiteRow, 'id' | 'tenant_id'>>, expected?: SiteStatus): Promise<boolean> {
    let query = trx.updateTable('sites_sites').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id);
    if (expected !== undefined) query = query.where('status', '=', expected);
    return Number((await query.executeTakeFirst()).numUpdatedRows) > 0;
  }

  async addHistory(trx: Transaction<RegistryDatabase>, row: StatusHistoryRow): Promise<void> {
    await trx.insertInto('sites_site_status_history').values(row).execute();
  }

  /** A site's statuses, newest first. */
  history(tenantId: string, siteId: string): Promise<StatusHistoryRow[]> {
    return this.db.selectFrom('sites_site_status_history').selectAll().where('tenant_id', '=', tenantId).where('site_id', '=', siteId).orderBy('at', 'desc').orderBy('id').execute();
  }
}
