import type { Kysely, Transaction } from 'kysely';
import type { DeadlineSubjectType, MandatedDatabase } from './mandated-database.js';

export type DeadlineRow = MandatedDatabase['portal_publication_deadlines'];
export const DEADLINE_STATUSES = ['pending', 'met', 'late', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Filters of a deadline list. `today` is the Vietnam date the statuses are judged on. */
export interface DeadlineFilter {
  readonly status?: DeadlineStatus;
  readonly subjectType?: DeadlineSubjectType;
  /** Unmet items due on or before this date (the "due soon" list). */
  readonly dueBefore?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The status of an item on `today` (`YYYY-MM-DD`, Vietnam): met on or before its due date, late
 * (met after it), overdue (not met and today is past the due date) or pending.
 */
export function statusOf(row: Pick<DeadlineRow, 'met_on' | 'due_date'>, today: string): DeadlineStatus {
  if (row.met_on !== null) return row.met_on <= row.due_date ? 'met' : 'late';
  return today > row.due_date ? 'overdue' : 'pending';
}

/** Queries on `portal_publication_deadlines`; every one names the unit. */
export class DeadlineRepository {
  constructor(private readonly db: Kysely<MandatedDatabase>) {}

  find(tenantId: string, id: string, trx?: Transaction<MandatedDatabase>): Promise<DeadlineRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_publication_deadlines').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  bySubject(tenantId: string, type: DeadlineSubjectType, subjectId: string): Promise<DeadlineRow | undefined> {
    return this.db
      .selectFrom('portal_publication_deadlines')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('subject_type', '=', type)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
  }

  /** The list, soonest due first. Statuses are filtered in SQL on the stored dates, so paging stays exact. */
  async page(tenantId: string, filter: DeadlineFilter, today: string): Promise<{ items: DeadlineRow[]; total: number }> {
    let query = this.db.selectFrom('portal_publication_deadlines').where('tenant_id', '=', tenantId);
    switch (filter.status) {
      case 'met':
        query = query.where('met_on', 'is not', null).where((eb) => eb('met_on', '<=', eb.ref('due_date')));
        break;
      case 'late':
        query = query.where('met_on', 'is not', null).where((eb) => eb('met_on', '>', eb.ref('due_date')));
        break;
      case 'overdue':
        query = query.where('met_at', 'is', null).where('due_date', '<', today);
        break;
      case 'pending':
        query = query.where('met_at', 'is', null).where('due_date', '>=', today);
        break;
      case undefined:
        break;
    }
    if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.dueBefore !== undefined) query = query.where('met_at', 'is', null).where('due_date', '<=', filter.dueBefore);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('due_date').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
