import type { Kysely } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import { VIETNAM_OFFSET_MS, vietnamMonth } from '../time/vietnam-time.js';
import type { RoyaltiesDatabase, RoyaltyStatus } from './royalties-database.js';
import type { Royalty } from './royalties.schema.js';

export type RoyaltyRow = RoyaltiesDatabase['portal_royalties'];
type Db = Kysely<RoyaltiesDatabase & Pick<ContentDatabase, 'portal_articles'>>;

/** The payout period of a time: its month in Vietnam. */
export const periodOf = (ms: number): string => vietnamMonth(ms);

/** The half-open range of epoch ms of a period `YYYY-MM` in Vietnam time. */
export function periodRange(period: string): [number, number] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return [Date.UTC(year, month - 1, 1) - VIETNAM_OFFSET_MS, Date.UTC(year, month, 1) - VIETNAM_OFFSET_MS];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toRoyalty(row: RoyaltyRow): Royalty {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id, title: row.subject_title, publishedAt: iso(row.published_at)! },
    period: row.period,
    recipient: { name: row.recipient_name, userId: row.recipient_user_id },
    role: row.role,
    genre: row.genre,
    coefficient: Number(row.coefficient_hundredths) / 100,
    unitValueVnd: Number(row.unit_value_vnd),
    amountVnd: Number(row.amount_vnd),
    status: row.status,
    note: row.note,
    createdBy: row.created_by,
    approvedBy: row.approved_by,
    approvedAt: iso(row.approved_at),
    paidAt: iso(row.paid_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Queries on `portal_royalties`; every one names the unit. */
export class RoyaltyRepository {
  constructor(private readonly db: Db) {}

  find(tenantId: string, id: string): Promise<RoyaltyRow | undefined> {
    return this.db.selectFrom('portal_royalties').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async page(tenantId: string, q: { period?: string; status?: RoyaltyStatus; articleId?: string; limit: number; offset: number }): Promise<{ items: RoyaltyRow[]; total: number }> {
    let query = this.db.selectFrom('portal_royalties').where('tenant_id', '=', tenantId);
    if (q.period) query = query.where('period', '=', q.period);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.articleId) query = query.where('subject_id', '=', q.articleId);
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('published_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** Every royalty of a period, for totals and the CSV export (a unit records hundreds a month, not millions). */
  inPeriod(tenantId: string, period: string): Promise<RoyaltyRow[]> {
    return this.db.selectFrom('portal_royalties').selectAll().where('tenant_id', '=', tenantId).where('period', '=', period).orderBy('recipient_name').orderBy('published_at').execute();
  }

  /** Articles published in the period (still published) with no royalty recorded: what the editors still owe a decision on. */
  unrecorded(tenantId: string, period: string): Promise<{ id: string; title: string; published_at: number | null }[]> {
    const [from, to] = periodRange(period);
    return this.db
      .selectFrom('portal_articles as a')
      .select(['a.id', 'a.title', 'a.published_at'])
      .where('a.tenant_id', '=', tenantId)
      .where('a.status', '=', 'published')
      .where('a.published_at', '>=', from)
      .where('a.published_at', '<', to)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('portal_royalties as r').select('r.id').whereRef('r.tenant_id', '=', 'a.tenant_id').whereRef('r.subject_id', '=', 'a.id'))),
      )
      .orderBy('a.published_at')
      .limit(500)
      .execute();
  }

  article(tenantId: string, id: string) {
    return this.db.selectFrom('portal_articles').select(['id', 'title', 'status', 'published_at']).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }
}
