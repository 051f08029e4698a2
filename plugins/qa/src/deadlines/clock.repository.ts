import { sql, type Kysely, type Transaction } from 'kysely';
import type { QuestionEventRow, QuestionRow } from '../questions/qa-database.js';
import type { ProgressReportRow } from '../answers/answer-database.js';
import type { ClockRow, DeadlinesDatabase, NoticeKind } from './deadline-database.js';

type Db = Kysely<DeadlinesDatabase> | Transaction<DeadlinesDatabase>;

/** A question whose clocks are missing or older than its last step. */
export type StaleQuestion = Pick<QuestionRow, 'id' | 'province_id' | 'field_code' | 'updated_at'>;

/** A hop owed a reminder or an escalation, with what the message names. */
export interface PendingNotice {
  readonly kind: NoticeKind;
  readonly clock: ClockRow;
  readonly trackingCode: string | null;
  readonly title: string;
}

/** Counts of one agency's hops started in a period, as the statistics read them. */
export interface AgencyCounts {
  readonly unitId: string;
  readonly received: number;
  readonly answeredOnTime: number;
  readonly answeredLate: number;
  readonly overdue: number;
  readonly open: number;
  readonly paused: number;
  readonly transferred: number;
  readonly returned: number;
  /** Hops where the agency reported progress with a stated answer date (QA-03), and of them by the first due date. */
  readonly progressReported: number;
  readonly progressReportedOnTime: number;
}

/** The period and scope of statistics: hops started in [from, to) (epoch ms), of a province, optionally one unit. */
export interface StatisticsScope {
  readonly provinceId: string;
  readonly unitId?: string;
  readonly from: number;
  readonly to: number;
  /** Today in Vietnam, for what is overdue now. */
  readonly today: string;
}

const n = (v: unknown): number => Number(v ?? 0);

/** Queries of the clock tables; the same SQL on SQLite and MySQL/MariaDB, scoped to a province. */
export class ClockRepository {
  constructor(private readonly db: Kysely<DeadlinesDatabase>) {}

  /** Verified questions with no clocks yet or changed since they were computed, oldest change first. */
  async stale(limit: number, filter: { provinceId?: string; questionId?: string } = {}): Promise<StaleQuestion[]> {
    let query = this.db
      .selectFrom('qa_questions as q')
      .leftJoin('qa_clock_sync as s', 's.question_id', 'q.id')
      .select(['q.id', 'q.province_id', 'q.field_code', 'q.updated_at'])
      .where('q.status', '!=', 'unverified')
      .where((eb) => eb.or([eb('s.question_id', 'is', null), eb('s.source_updated_at', '<', eb.ref('q.updated_at'))]));
    if (filter.provinceId) query = query.where('q.province_id', '=', filter.provinceId);
    if (filter.questionId) query = query.where('q.id', '=', filter.questionId);
    return query.orderBy('q.updated_at').orderBy('q.id').limit(limit).execute();
  }

  /** The agencies' progress reports on a question (QA-03), oldest first. */
  async progressReports(questionId: string): Promise<ProgressReportRow[]> {
    return this.db.selectFrom('qa_progress_reports').selectAll().where('question_id', '=', questionId).orderBy('created_at').orderBy('id').execute();
  }

  async events(questionId: string): Promise<QuestionEventRow[]> {
    return this.db.selectFrom('qa_question_events').selectAll().where('question_id', '=', questionId).orderBy('created_at').orderBy('id').execute();
  }

  /** Replaces a question's clocks and records the `updated_at` they were computed from. */
  async replace(questionId: string, rows: readonly ClockRow[], sourceUpdatedAt: number, trx: Db): Promise<void> {
    await trx.deleteFrom('qa_question_clocks').where('question_id', '=', questionId).execute();
    if (rows.length > 0) await trx.insertInto('qa_question_clocks').values([...rows]).execute();
    await trx.deleteFrom('qa_clock_sync').where('question_id', '=', questionId).execute();
    await trx.insertInto('qa_clock_sync').values({ question_id: questionId, source_updated_at: sourceUpdatedAt, synced_at: Date.now() }).execute();
  }

  async clocks(questionId: string): Promise<ClockRow[]> {
    return this.db.selectFrom('qa_question_clocks').selectAll().where('question_id', '=', questionId).orderBy('hop').execute();
  }

  /** The current (open) hop of each of these questions, or the last one when all ended. */
  async latest(questionIds: readonly string[]): Promise<Map<string, ClockRow>> {
    if (questionIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('qa_question_clocks').selectAll().where('question_id', 'in', [...questionIds]).orderBy('question_id').orderBy('hop').execute();
    const out = new Map<string, ClockRow>();
    for (const row of rows) out.set(row.question_id, row);
    return out;
  }

  // ─── Notices ────────────────────────────────────────────────────────────────────────────────
  /**
   * Open, running hops owed a notice on `today`: agencies' hops from their reminder day (a reminder),
   * any hop after its escalation day (an escalation), each not sent yet.
   */
  async pendingNotices(today: string, provinceId?: string): Promise<PendingNotice[]> {
    const pending = async (kind: NoticeKind) => {
      let query = this.db
        .selectFrom('qa_question_clocks as c')
        .innerJoin('qa_questions as q', 'q.id', 'c.question_id')
        .leftJoin('qa_deadline_notices as n', (join) => join.onRef('n.question_id', '=', 'c.question_id').onRef('n.hop', '=', 'c.hop').on('n.kind', '=', kind))
        .selectAll('c')
        .select(['q.tracking_code', 'q.title'])
        .where('c.ended_at', 'is', null)
        .where('c.paused_at', 'is', null)
        .where('n.question_id', 'is', null);
      query = kind === 'reminder' ? query.where('c.kind', '=', 'agency').where('c.remind_on', '<=', today).where('c.due_on', '>=', today) : query.where('c.escalate_after_on', '<', today);
      if (provinceId) query = query.where('c.province_id', '=', provinceId);
      const rows = await query.orderBy('c.due_on').orderBy('c.question_id').limit(500).execute();
      return rows.map(({ tracking_code, title, ...clock }) => ({ kind, clock: clock as ClockRow, trackingCode: tracking_code, title }));
    };
    return [...(await pending('reminder')), ...(await pending('escalation'))];
  }

  /** Records a notice; false when it was recorded already (a sweep that ran at the same time). */
  async recordNotice(row: DeadlinesDatabase['qa_deadline_notices'], trx: Db): Promise<boolean> {
    const found = await trx.selectFrom('qa_deadline_notices').select('question_id').where('question_id', '=', row.question_id).where('hop', '=', row.hop).where('kind', '=', row.kind).executeTakeFirst();
    if (found) return false;
    await trx.insertInto('qa_deadline_notices').values(row).execute();
    return true;
  }

  // ─── Statistics ─────────────────────────────────────────────────────────────────────────────
  /** Per agency: its hops started in the period, by how they stand. */
  async agencyCounts(scope: StatisticsScope): Promise<AgencyCounts[]> {
    let query = this.db
      .selectFrom('qa_question_clocks')
      .select([
        'unit_id',
        (eb) => eb.fn.countAll<number | string>().as('received'),
        sql<number | string>`sum(case when outcome = 'answered' and on_time = 1 then 1 else 0 end)`.as('on_time'),
        sql<number | string>`sum(case when outcome = 'answered' and on_time = 0 then 1 else 0 end)`.as('late'),
        sql<number | string>`sum(case when ended_at is null and paused_at is null and due_on < ${scope.today} then 1 else 0 end)`.as('overdue'),
        sql<number | string>`sum(case when ended_at is null then 1 else 0 end)`.as('open'),
        sql<number | string>`sum(case when ended_at is null and paused_at is not null then 1 else 0 end)`.as('paused'),
        sql<number | string>`sum(case when outcome = 'transferred' then 1 else 0 end)`.as('transferred'),
        sql<number | string>`sum(case when outcome = 'returned' then 1 else 0 end)`.as('returned'),
        sql<number | string>`sum(case when progress_at is not null then 1 else 0 end)`.as('progress'),
        sql<number | string>`sum(case when progress_on_time = 1 then 1 else 0 end)`.as('progress_on_time'),
      ])
      .where('province_id', '=', scope.provinceId)
      .where('kind', '=', 'agency')
      .where('started_at', '>=', scope.from)
      .where('started_at', '<', scope.to);
    if (scope.unitId) query = query.where('unit_id', '=', scope.unitId);
    const rows = await query.groupBy('unit_id').execute();
    return rows.map((r) => ({
      unitId: r.unit_id,
      received: n(r.received),
      answeredOnTime: n(r.on_time),
      answeredLate: n(r.late),
      overdue: n(r.overdue),
      open: n(r.open),
      paused: n(r.paused),
      transferred: n(r.transferred),
      returned: n(r.returned),
      progressReported: n(r.progress),
      progressReportedOnTime: n(r.progress_on_time),
    }));
  }

  /** Per agency: the working days each answered hop took, ascending (for the median). */
  async answerDays(scope: StatisticsScope): Promise<Map<string, number[]>> {
    let query = this.db
      .selectFrom('qa_question_clocks')
      .select(['unit_id', 'working_days'])
      .where('province_id', '=', scope.provinceId)
      .where('kind', '=', 'agency')
      .where('outcome', '=', 'answered')
      .where('started_at', '>=', scope.from)
      .where('started_at', '<', scope.to);
    if (scope.unitId) query = query.where('unit_id', '=', scope.unitId);
    const out = new Map<string, number[]>();
    for (const r of await query.orderBy('unit_id').orderBy('working_days').execute()) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), n(r.working_days)]);
    return out;
  }

  /** The board's turns in the period: questions received, forwarded, declined, triaged on time or late. */
  async boardCounts(scope: StatisticsScope): Promise<{ received: number; forwarded: number; declined: number; onTime: number; late: number; overdue: number }> {
    const r = await this.db
      .selectFrom('qa_question_clocks')
      .select([
        sql<number | string>`sum(case when hop = 1 then 1 else 0 end)`.as('received'),
        sql<number | string>`sum(case when outcome = 'forwarded' then 1 else 0 end)`.as('forwarded'),
        sql<number | string>`sum(case when outcome = 'declined' then 1 else 0 end)`.as('declined'),
        sql<number | string>`sum(case when ended_at is not null and on_time = 1 then 1 else 0 end)`.as('on_time'),
        sql<number | string>`sum(case when ended_at is not null and on_time = 0 then 1 else 0 end)`.as('late'),
        sql<number | string>`sum(case when ended_at is null and due_on < ${scope.today} then 1 else 0 end)`.as('overdue'),
      ])
      .where('province_id', '=', scope.provinceId)
      .where('kind', '=', 'board')
      .where('started_at', '>=', scope.from)
      .where('started_at', '<', scope.to)
      .executeTakeFirst();
    return { received: n(r?.received), forwarded: n(r?.forwarded), declined: n(r?.declined), onTime: n(r?.on_time), late: n(r?.late), overdue: n(r?.overdue) };
  }

  /** Per agency: ratings given in the period (the answers area's `qa_ratings`), count and sum of scores. */
  async ratings(scope: StatisticsScope): Promise<Map<string, { count: number; sum: number }>> {
    let query = this.db
      .selectFrom('qa_ratings')
      .select(['agency_id', (eb) => eb.fn.countAll<number | string>().as('count'), (eb) => eb.fn.sum<number | string>('score').as('sum')])
      .where('province_id', '=', scope.provinceId)
      .where('created_at', '>=', scope.from)
      .where('created_at', '<', scope.to);
    if (scope.unitId) query = query.where('agency_id', '=', scope.unitId);
    const rows = await query.groupBy('agency_id').execute();
    return new Map(rows.map((r) => [r.agency_id, { count: n(r.count), sum: n(r.sum) }]));
  }
}
