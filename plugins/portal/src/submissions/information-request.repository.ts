import type { Kysely, Transaction } from 'kysely';
import type { InformationRequestStatus, SubmissionsDatabase } from './submissions-database.js';

export type InformationRequestRow = SubmissionsDatabase['portal_information_requests'];
export type AddressedUnitRow = SubmissionsDatabase['portal_information_request_units'];
export type ReminderRow = SubmissionsDatabase['portal_information_request_reminders'];
type Db = Kysely<SubmissionsDatabase> | Transaction<SubmissionsDatabase>;

/**
 * Queries on information requests. The requester's queries filter by its `tenant_id`; an addressed
 * unit's by `unit_id` in the addressed list, so neither sees requests that do not concern it.
 */
export class InformationRequestRepository {
  constructor(private readonly db: Kysely<SubmissionsDatabase>) {}

  find(tenantId: string, id: string, trx?: Db): Promise<InformationRequestRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_information_requests').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async page(tenantId: string, options: { status?: InformationRequestStatus; limit: number; offset: number }): Promise<{ items: InformationRequestRow[]; total: number }> {
    let query = this.db.selectFrom('portal_information_requests').where('tenant_id', '=', tenantId);
    if (options.status !== undefined) query = query.where('status', '=', options.status);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** A request addressed to `unitId`, with the unit's row. */
  async assigned(unitId: string, id: string, trx?: Db): Promise<{ request: InformationRequestRow; unit: AddressedUnitRow } | undefined> {
    const db = trx ?? this.db;
    const unit = await db.selectFrom('portal_information_request_units').selectAll().where('unit_id', '=', unitId).where('request_id', '=', id).executeTakeFirst();
    if (!unit) return undefined;
    const request = await this.find(unit.tenant_id, id, trx);
    return request && { request, unit };
  }

  async assignedPage(unitId: string, options: { status?: InformationRequestStatus; limit: number; offset: number }): Promise<{ items: InformationRequestRow[]; total: number }> {
    let query = this.db
      .selectFrom('portal_information_requests as r')
      .innerJoin('portal_information_request_units as u', (join) => join.onRef('u.request_id', '=', 'r.id').onRef('u.tenant_id', '=', 'r.tenant_id'))
      .where('u.unit_id', '=', unitId);
    if (options.status !== undefined) query = query.where('r.status', '=', options.status);
    const [items, count] = await Promise.all([
      query.selectAll('r').orderBy('r.deadline', 'asc').orderBy('r.id', 'asc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  units(tenantId: string, requestIds: readonly string[]): Promise<AddressedUnitRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('portal_information_request_units').selectAll().where('tenant_id', '=', tenantId).where('request_id', 'in', [...requestIds]).orderBy('unit_id').execute();
  }

  async insert(row: InformationRequestRow, units: readonly AddressedUnitRow[], trx: Db): Promise<void> {
    await trx.insertInto('portal_information_requests').values(row).execute();
    for (const unit of units) await trx.insertInto('portal_information_request_units').values(unit).execute();
  }

  async close(tenantId: string, id: string, by: string, now: number, trx: Db): Promise<boolean> {
    const result = await trx
      .updateTable('portal_information_requests')
      .set({ status: 'closed', closed_by: by, closed_at: now, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setContacts(unitId: string, id: string, emails: readonly string[], trx: Db): Promise<void> {
    await trx.updateTable('portal_information_request_units').set({ notify_emails: JSON.stringify(emails) }).where('unit_id', '=', unitId).where('request_id', '=', id).execute();
  }

  /** Open requests, all units or one requester's: what the reminder run looks at. */
  open(tenantId?: string): Promise<InformationRequestRow[]> {
    let query = this.db.selectFrom('portal_information_requests').selectAll().where('status', '=', 'open');
    if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
    return query.orderBy('deadline').execute();
  }

  reminders(requestIds: readonly string[]): Promise<ReminderRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('portal_information_request_reminders').selectAll().where('request_id', 'in', [...requestIds]).orderBy('sent_on').execute();
  }

  /**
   * Records a reminder unless one exists for the (request, unit, day): the primary key decides, so two
   * processes running the job the same day send one mail. True when this call recorded it.
   */
  async claimReminder(row: ReminderRow, trx: Db): Promise<boolean> {
    const existing = await trx
      .selectFrom('portal_information_request_reminders')
      .select('request_id')
      .where('request_id', '=', row.request_id)
      .where('unit_id', '=', row.unit_id)
      .where('sent_on', '=', row.sent_on)
      .executeTakeFirst();
    if (existing) return false;
    try {
      await trx.insertInto('portal_information_request_reminders').values(row).execute();
      return true;
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (e.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(e.message ?? '')) return false;
      throw error;
    }
  }
}
