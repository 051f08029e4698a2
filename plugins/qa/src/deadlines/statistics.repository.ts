import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FieldRow } from '../questions/qa-database.js';
import type { AgencyCounts, StatisticsScope } from './clock.repository.js';
import type { DeadlinesDatabase } from './deadline-database.js';

/** What the figures of a question's hops are grouped by besides the agency: its field or its commune. */
export type QuestionGrouping = 'field' | 'commune';

/** The counts of one group's hops: the agency's figures, keyed by field code or commune id (null: none given). */
export interface GroupCounts extends Omit<AgencyCounts, 'unitId'> {
  readonly key: string | null;
}

const n = (v: unknown): number => Number(v ?? 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The question's column a grouping reads (constants only, never input). */
const keyOf = (by: QuestionGrouping): RawBuilder<string | null> => (by === 'field' ? sql<string>`q.field_code` : sql<string | null>`q.commune_id`);

/** The agencies' hops of the scope, joined to their questions: `c` the clock, `q` the question. */
const hopsOf = (scope: StatisticsScope) => sql`qa_question_clocks c inner join qa_questions q on q.id = c.question_id
  where c.province_id = ${scope.provinceId} and c.kind = 'agency' and c.started_at >= ${scope.from} and c.started_at < ${scope.to}
  ${scope.unitId ? sql`and c.unit_id = ${scope.unitId}` : sql``}`;

/**
 * The statistics of questions by field or commune (QA-03): every figure is grouped and counted in the
 * database, the medians too (a window function numbers each group's answer times), so nothing reads
 * the period's hops one by one. The same SQL on SQLite and MySQL/MariaDB; scoped like the per-agency
 * figures (a province, optionally one agency).
 */
export class StatisticsRepository {
  constructor(private readonly db: Kysely<DeadlinesDatabase>) {}

  /** Per group: the agencies' hops started in the period, by how they stand. */
  async groupCounts(scope: StatisticsScope, by: QuestionGrouping): Promise<GroupCounts[]> {
    const { rows } = await sql<Record<string, unknown> & { k: string | null }>`
      select ${keyOf(by)} as k,
        count(*) as received,
        sum(case when c.outcome = 'answered' and c.on_time = 1 then 1 else 0 end) as on_time,
        sum(case when c.outcome = 'answered' and c.on_time = 0 then 1 else 0 end) as late,
        sum(case when c.ended_at is null and c.paused_at is null and c.due_on < ${scope.today} then 1 else 0 end) as overdue,
        sum(case when c.ended_at is null then 1 else 0 end) as open_now,
        sum(case when c.ended_at is null and c.paused_at is not null then 1 else 0 end) as paused,
        sum(case when c.outcome = 'transferred' then 1 else 0 end) as transferred,
        sum(case when c.outcome = 'returned' then 1 else 0 end) as returned_back,
        sum(case when c.progress_at is not null then 1 else 0 end) as progress,
        sum(case when c.progress_on_time = 1 then 1 else 0 end) as progress_on_time
      from ${hopsOf(scope)}
      group by ${keyOf(by)}`.execute(this.db);
    return rows.map((r) => ({
      key: r.k,
      received: n(r['received']),
      answeredOnTime: n(r['on_time']),
      answeredLate: n(r['late']),
      overdue: n(r['overdue']),
      open: n(r['open_now']),
      paused: n(r['paused']),
      transferred: n(r['transferred']),
      returned: n(r['returned_back']),
      progressReported: n(r['progress']),
      progressReportedOnTime: n(r['progress_on_time']),
    }));
  }

  /**
   * The median working days of the answered hops, per group (`by`) or over all of them (`null`, key
   * `''`): the middle row, or the mean of the two middle rows, of each group's answer times in order.
   * `2 × rank` between `count` and `count + 2` picks exactly those rows, without integer division
   * (which the dialects spell differently).
   */
  async medians(scope: StatisticsScope, by: QuestionGrouping | null): Promise<Map<string | null, number>> {
    const key = by ? keyOf(by) : sql<string>`''`;
    const partition = by ? sql`partition by ${key}` : sql``;
    const { rows } = await sql<{ k: string | null; median: number | string }>`
      select k, avg(working_days) as median from (
        select ${key} as k, c.working_days as working_days,
          row_number() over (${partition} order by c.working_days) as rn,
          count(*) over (${partition}) as cnt
        from ${hopsOf(scope)} and c.outcome = 'answered' and c.working_days is not null
      ) ranked
      where 2 * rn between cnt and cnt + 2
      group by k`.execute(this.db);
    return new Map(rows.map((r) => [r.k, round2(n(r.median))]));
  }

  /** Per group: the ratings given in the period to the scope's answers, count and sum of scores. */
  async ratings(scope: StatisticsScope, by: QuestionGrouping): Promise<Map<string | null, { count: number; sum: number }>> {
    const { rows } = await sql<{ k: string | null; count: number | string; total: number | string | null }>`
      select ${keyOf(by)} as k, count(*) as count, sum(r.score) as total
      from qa_ratings r inner join qa_questions q on q.id = r.question_id
      where r.province_id = ${scope.provinceId} and r.created_at >= ${scope.from} and r.created_at < ${scope.to}
      ${scope.unitId ? sql`and r.agency_id = ${scope.unitId}` : sql``}
      group by ${keyOf(by)}`.execute(this.db);
    return new Map(rows.map((r) => [r.k, { count: n(r.count), sum: n(r.total) }]));
  }

  /** The province's fields, for their names (codes no longer listed keep their code as name). */
  async fields(provinceId: string): Promise<Pick<FieldRow, 'code' | 'name_vi' | 'name_en'>[]> {
    return (this.db as unknown as Kysely<{ qa_fields: FieldRow }>).selectFrom('qa_fields').select(['code', 'name_vi', 'name_en']).where('province_id', '=', provinceId).execute();
  }
}
