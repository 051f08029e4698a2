import { coreServices, InputError, NotFoundError, type PluginContext, type TenantInfo } from '@cong/sdk';
import { UnitTree, type UnitRef } from '../questions/unit-tree.js';
import type { DeadlineSettings } from './deadline-config.js';
import { ClockService } from './clock.service.js';
import type { AgencyCounts, StatisticsScope } from './clock.repository.js';
import type { DeadlinesDatabase } from './deadline-database.js';
import { StatisticsRepository, type GroupCounts, type QuestionGrouping } from './statistics.repository.js';
import { startOfVietnamDay, vietnamDate } from './vietnam-date.js';

export interface AgencyFigures extends Omit<AgencyCounts, 'unitId' | 'progressReported' | 'progressReportedOnTime'> {
  readonly agency: UnitRef;
  /** QA-03 progress reports (always given by the service; optional for readers written before them). */
  readonly progressReported?: number;
  readonly progressReportedOnTime?: number;
  readonly answered: number;
  readonly onTimeRate: number | null;
  readonly medianWorkingDays: number | null;
  readonly ratings: { readonly count: number; readonly average: number | null };
}

/** What the figures are listed by: the agency (the league table), the question's field or its commune. */
export type StatisticsGrouping = 'agency' | QuestionGrouping;
export const STATISTICS_GROUPINGS: readonly StatisticsGrouping[] = ['agency', 'field', 'commune'];

/** A field (`id` its code) or a commune (`id` its unit id); `id` null: the questions that name none. */
export interface GroupRef {
  readonly id: string | null;
  readonly name: string | null;
  readonly nameEn: string | null;
}

export interface GroupFigures extends Omit<AgencyFigures, 'agency'> {
  readonly group: GroupRef;
}

export interface Statistics {
  readonly province: UnitRef;
  readonly period: { readonly from: string; readonly to: string };
  readonly today: string;
  readonly board: { received: number; forwarded: number; declined: number; triagedOnTime: number; triagedLate: number; overdue: number } | null;
  readonly totals: { received: number; answered: number; answeredOnTime: number; answeredLate: number; overdue: number; onTimeRate: number | null; medianWorkingDays: number | null };
  readonly agencies: readonly AgencyFigures[];
  /** What the rows are listed by; with `field` or `commune`, `agencies` is empty and `groups` holds the rows. */
  readonly groupBy?: StatisticsGrouping;
  readonly groups?: readonly GroupFigures[];
}

/** The longest period one request may ask for: five years. */
const MAX_PERIOD_DAYS = 5 * 366;
const round2 = (x: number) => Math.round(x * 100) / 100;
const rate = (onTime: number, answered: number) => (answered === 0 ? null : round2(onTime / answered));

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : round2((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const queryIssue = (field: string, message: string) => new InputError(`query /${field} ${message}`, { errors: [{ in: 'query', pointer: `/${field}`, message, keyword: 'format' }] });

/**
 * Per-agency statistics of questions (QA-05): hops that began in the period, read from the stored
 * clocks (the stale ones are computed first; nothing else is), with the answers area's ratings. The
 * board sees every agency of its province; an agency sees itself; the public dashboard shows the
 * province's league table. No personal data is in any figure.
 */
export class StatisticsService {
  readonly clocks: ClockService;

  constructor(
    private readonly ctx: PluginContext,
    settings: DeadlineSettings,
  ) {
    this.clocks = new ClockService(ctx, settings);
  }

  /** The period of a query: inclusive dates, by default from 1 January of this year to today. */
  period(from: string | undefined, to: string | undefined, now = Date.now()): { from: string; to: string } {
    const today = vietnamDate(now);
    const period = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
    if (period.to < period.from) throw queryIssue('to', 'must not be before from');
    if ((startOfVietnamDay(period.to) - startOfVietnamDay(period.from)) / 86_400_000 > MAX_PERIOD_DAYS) throw queryIssue('to', `must be at most ${MAX_PERIOD_DAYS} days after from`);
    return period;
  }

  /**
   * The statistics of `province`: of every agency, or of `agency` alone (then without the board's
   * figures when `agencyOnly`, as an agency reads its own).
   */
  async of(province: TenantInfo, period: { from: string; to: string }, options: { agency?: TenantInfo; agencyOnly?: boolean; groupBy?: StatisticsGrouping } = {}): Promise<Statistics> {
    await this.clocks.syncStale(province.id);
    const today = vietnamDate(Date.now());
    const scope: StatisticsScope = {
      provinceId: province.id,
      ...(options.agency ? { unitId: options.agency.id } : {}),
      from: startOfVietnamDay(period.from),
      to: startOfVietnamDay(period.to) + 86_400_000,
      today,
    };
    if (options.groupBy === 'field' || options.groupBy === 'commune') return this.#grouped(province, period, scope, options.groupBy, !options.agencyOnly);
    const repo = this.clocks.repo;
    const [counts, days, ratings, board] = await Promise.all([repo.agencyCounts(scope), repo.answerDays(scope), repo.ratings(scope), options.agencyOnly ? null : repo.boardCounts(scope)]);
    const units = new UnitTree(this.ctx);
    const ids = new Set([...counts.map((c) => c.unitId), ...ratings.keys()]);
    if (options.agency) ids.add(options.agency.id);
    const agencies: AgencyFigures[] = [];
    for (const id of ids) {
      const agency = await units.refOrNull(id);
      if (!agency) continue;
      const c = counts.find((x) => x.unitId === id) ?? { unitId: id, received: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0, open: 0, paused: 0, transferred: 0, returned: 0, progressReported: 0, progressReportedOnTime: 0 };
      const r = ratings.get(id) ?? { count: 0, sum: 0 };
      const { unitId: _id, ...figures } = c;
      const answered = c.answeredOnTime + c.answeredLate;
      agencies.push({ agency, ...figures, answered, onTimeRate: rate(c.answeredOnTime, answered), medianWorkingDays: median(days.get(id) ?? []), ratings: { count: r.count, average: r.count === 0 ? null : round2(r.sum / r.count) } });
    }
    // The league table: best on-time rate first (none answered last), then fewer overdue, then by name.
    agencies.sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdue - b.overdue || a.agency.name.localeCompare(b.agency.name, 'vi'));
    const sum = (key: 'received' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'overdue') => agencies.reduce((s, a) => s + a[key], 0);
    const allDays = [...days.values()].flat().sort((a, b) => a - b);
    return {
      province: (await units.refOrNull(province.id))!,
      period,
      today,
      board: board ? { received: board.received, forwarded: board.forwarded, declined: board.declined, triagedOnTime: board.onTime, triagedLate: board.late, overdue: board.overdue } : null,
      totals: { received: sum('received'), answered: sum('answered'), answeredOnTime: sum('answeredOnTime'), answeredLate: sum('answeredLate'), overdue: sum('overdue'), onTimeRate: rate(sum('answeredOnTime'), sum('answered')), medianWorkingDays: median(allDays) },
      agencies,
      groupBy: 'agency',
    };
  }

  /** The same figures by the questions' field or commune, each counted in the database. */
  async #grouped(province: TenantInfo, period: { from: string; to: string }, scope: StatisticsScope, by: QuestionGrouping, withBoard: boolean): Promise<Statistics> {
    const repo = new StatisticsRepository(this.ctx.get(coreServices.database).kysely<DeadlinesDatabase>());
    const [counts, medians, overall, ratings, board, fields] = await Promise.all([
      repo.groupCounts(scope, by),
      repo.medians(scope, by),
      repo.medians(scope, null),
      repo.ratings(scope, by),
      withBoard ? this.clocks.repo.boardCounts(scope) : null,
      by === 'field' ? repo.fields(province.id) : [],
    ]);
    const units = new UnitTree(this.ctx);
    const refOf = async (key: string | null): Promise<GroupRef> => {
      if (key === null) return { id: null, name: null, nameEn: null };
      if (by === 'field') {
        const field = fields.find((f) => f.code === key);
        return { id: key, name: field?.name_vi ?? key, nameEn: field?.name_en ?? null };
      }
      return { id: key, name: (await units.refOrNull(key))?.name ?? key, nameEn: null };
    };
    const keys = new Set<string | null>([...counts.map((c) => c.key), ...ratings.keys()]);
    const groups: GroupFigures[] = [];
    for (const key of keys) {
      const c: GroupCounts = counts.find((x) => x.key === key) ?? { key, received: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0, open: 0, paused: 0, transferred: 0, returned: 0, progressReported: 0, progressReportedOnTime: 0 };
      const r = ratings.get(key) ?? { count: 0, sum: 0 };
      const { key: _key, ...figures } = c;
      const answered = c.answeredOnTime + c.answeredLate;
      groups.push({ group: await refOf(key), ...figures, answered, onTimeRate: rate(c.answeredOnTime, answered), medianWorkingDays: medians.get(key) ?? null, ratings: { count: r.count, average: r.count === 0 ? null : round2(r.sum / r.count) } });
    }
    // Most questions first; the questions that name no commune last; then by name.
    groups.sort((a, b) => Number(a.group.id === null) - Number(b.group.id === null) || b.received - a.received || (a.group.name ?? '').localeCompare(b.group.name ?? '', 'vi'));
    const sum = (key: 'received' | 'answered' | 'answeredOnTime' | 'answeredLate' | 'overdue') => groups.reduce((s, g) => s + g[key], 0);
    return {
      province: (await units.refOrNull(province.id))!,
      period,
      today: scope.today,
      board: board ? { received: board.received, forwarded: board.forwarded, declined: board.declined, triagedOnTime: board.onTime, triagedLate: board.late, overdue: board.overdue } : null,
      totals: { received: sum('received'), answered: sum('answered'), answeredOnTime: sum('answeredOnTime'), answeredLate: sum('answeredLate'), overdue: sum('overdue'), onTimeRate: rate(sum('answeredOnTime'), sum('answered')), medianWorkingDays: overall.get('') ?? null },
      agencies: [],
      groupBy: by,
      groups,
    };
  }

  /** An agency of `provinceId` by slug or id, else 404 (another province's units do not exist here). */
  async agencyOf(provinceId: string, idOrSlug: string): Promise<TenantInfo> {
    const unit = await new UnitTree(this.ctx).agencyOf(provinceId, idOrSlug);
    if (!unit) throw new NotFoundError(`Unit ${idOrSlug} is not an agency of this province`);
    return unit;
  }
}
