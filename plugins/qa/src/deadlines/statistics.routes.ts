import { Readable } from 'node:stream';
import { coreServices, csvLine, NotFoundError, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { QuestionRepository } from '../questions/question.repository.js';
import { ANSWER, TRIAGE } from '../questions/queue.routes.js';
import { provinceOfSite, UnitTree } from '../questions/unit-tree.js';
import type { QaDatabase } from '../questions/qa-database.js';
import type { DeadlineSettings } from './deadline-config.js';
import { ClockService } from './clock.service.js';
import { sweepDeadlines } from './deadline-sweep.js';
import { clocksSchema, publicStatisticsQuery, questionIdParams, statisticsQuery, statisticsSchema, sweepSchema, type StatisticsQuery } from './statistics.schema.js';
import { StatisticsService, type Statistics } from './statistics.service.js';

/** Reading the statistics of questions: the board's of its province, an agency's of itself. */
export const STATISTICS = 'qa.statistics.read';

/** The request's unit and the province it belongs to (the root of its tree). */
async function unitAndProvince(ctx: PluginContext, req: RouteRequest) {
  const units = new UnitTree(ctx);
  const unit = req.tenantId === undefined ? undefined : await units.get(req.tenantId);
  const province = unit ? await units.province(unit.id) : undefined;
  if (!unit || !province) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
  return { unit, province };
}

async function boardProvince(ctx: PluginContext, req: RouteRequest): Promise<string> {
  const { unit } = await unitAndProvince(ctx, req);
  if (unit.parentId !== null) throw new NotFoundError('The question queue is kept by the province’s editorial board');
  return unit.id;
}

/**
 * The statistics a staff caller may read: the board every agency of its province (or the one it
 * names), an agency itself only (naming another unit is naming something that does not exist for it).
 */
async function staffStatistics(ctx: PluginContext, req: RouteRequest<unknown, StatisticsQuery>, settings: DeadlineSettings): Promise<Statistics> {
  const service = new StatisticsService(ctx, settings);
  const period = service.period(req.query.from, req.query.to);
  const groupBy = req.query.groupBy ?? 'agency';
  const { unit, province } = await unitAndProvince(ctx, req);
  if (unit.parentId === null) {
    const agency = req.query.agency ? await service.agencyOf(province.id, req.query.agency) : undefined;
    return service.of(province, period, { ...(agency ? { agency } : {}), groupBy });
  }
  if (req.query.agency && req.query.agency !== unit.id && req.query.agency !== unit.slug) throw new NotFoundError(`Unit ${req.query.agency} is not this agency`);
  return service.of(province, period, { agency: unit, agencyOnly: true, groupBy });
}

const FIRST_COLUMN = { agency: 'Cơ quan (Agency)', field: 'Lĩnh vực (Field)', commune: 'Xã, phường (Commune)' } as const;
/** The CSV's columns after the first: Vietnamese heading first, English in brackets. */
const CSV_COLUMNS = [
  'Tiếp nhận (Received)', 'Đã trả lời (Answered)', 'Đúng hạn (On time)', 'Trễ hạn (Late)', 'Đang quá hạn (Overdue now)', 'Đang xử lý (Open)',
  'Chờ người hỏi (Paused)', 'Chuyển cơ quan khác (Transferred)', 'Trả lại (Returned)', 'Báo cáo tiến độ (Progress reported)',
  'Báo cáo tiến độ đúng hạn (Progress reported on time)', 'Tỷ lệ đúng hạn % (On-time rate %)', 'Số ngày làm việc trung vị (Median working days)',
  'Lượt đánh giá (Ratings)', 'Điểm đánh giá trung bình (Average rating)',
];
const NO_COMMUNE = 'Không ghi xã, phường (No commune given)';
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

/** The statistics table as CSV lines: a heading, one line per row, the totals. Names are the only text cells. */
export function statisticsCsv(s: Statistics): string[] {
  const by = s.groupBy ?? 'agency';
  const rows = by === 'agency' ? s.agencies.map((a) => ({ name: a.agency.name, f: a })) : (s.groups ?? []).map((g) => ({ name: g.group.id === null ? NO_COMMUNE : (g.group.name ?? g.group.id), f: g }));
  return [
    csvLine([FIRST_COLUMN[by], ...CSV_COLUMNS]),
    ...rows.map(({ name, f }) =>
      csvLine([name, f.received, f.answered, f.answeredOnTime, f.answeredLate, f.overdue, f.open, f.paused, f.transferred, f.returned, f.progressReported ?? 0, f.progressReportedOnTime ?? 0, percent(f.onTimeRate), f.medianWorkingDays, f.ratings.count, f.ratings.average]),
    ),
    csvLine(['Tổng cộng (Total)', s.totals.received, s.totals.answered, s.totals.answeredOnTime, s.totals.answeredLate, s.totals.overdue, null, null, null, null, null, null, percent(s.totals.onTimeRate), s.totals.medianWorkingDays, null, null]),
  ];
}

/**
 * Staff JSON (`/api/qa/…`): statistics (`qa.statistics.read`; the board sees every agency of its
 * province, an agency itself), each question's clocks (the board's queue and the agency's inbox),
 * and the board's "check deadlines now"; and the public figures (`/api/qa/public/statistics`).
 */
export function deadlineRoutes(route: RouteBuilder, settings: DeadlineSettings): void {
  const questions = (ctx: PluginContext) => new QuestionRepository(ctx.get(coreServices.database).kysely<QaDatabase>());

  route.get('/statistics', {
    summary: { vi: 'Thống kê hỏi đáp theo cơ quan, lĩnh vực hoặc xã, phường', en: 'Question statistics per agency, field or commune' },
    description: '`groupBy` lists the rows per agency (the default), per field of the questions or per commune they came from.',
    permission: STATISTICS,
    schema: { query: statisticsQuery, response: { 200: statisticsSchema } },
    handler: (req, ctx) => staffStatistics(ctx, req, settings),
  });

  route.get('/statistics.csv', {
    summary: { vi: 'Tải bảng thống kê hỏi đáp (CSV)', en: 'Question statistics as CSV' },
    description: 'The table of `/statistics` with the same query, and its totals. UTF-8 with a byte-order mark, CRLF lines; cells that would start a formula are prefixed with an apostrophe.',
    permission: STATISTICS,
    produces: 'text/csv; charset=utf-8',
    schema: { query: statisticsQuery },
    handler: async (req, ctx) => {
      const s = await staffStatistics(ctx, req, settings);
      const name = `thong-ke-hoi-dap-${s.groupBy ?? 'agency'}-${s.period.from}-${s.period.to}.csv`;
      return respond(200, Readable.from(['\uFEFF', ...statisticsCsv(s)]), {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  });

  route.get('/questions/:id/deadlines', {
    summary: { vi: 'Thời hạn xử lý từng bước của câu hỏi', en: 'A question’s SLA clock per hop' },
    permission: TRIAGE,
    schema: { params: questionIdParams, response: { 200: clocksSchema } },
    handler: async (req, ctx) => {
      const provinceId = await boardProvince(ctx, req);
      if (!(await questions(ctx).find({ kind: 'board', provinceId }, req.params.id))) throw new NotFoundError(`Question ${req.params.id} does not exist`);
      return { items: await new ClockService(ctx, settings).clocksOf(req.params.id) };
    },
  });

  route.get('/inbox/:id/deadlines', {
    summary: { vi: 'Thời hạn trả lời câu hỏi được chuyển đến đơn vị', en: 'The SLA clock of a question forwarded to the unit' },
    permission: ANSWER,
    schema: { params: questionIdParams, response: { 200: clocksSchema } },
    handler: async (req, ctx) => {
      if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant)');
      if (!(await questions(ctx).find({ kind: 'agency', agencyId: req.tenantId }, req.params.id))) throw new NotFoundError(`Question ${req.params.id} does not exist`);
      return { items: await new ClockService(ctx, settings).clocksOf(req.params.id) };
    },
  });

  route.post('/deadlines/sweep', {
    summary: { vi: 'Kiểm tra thời hạn ngay: nhắc hạn và báo quá hạn', en: 'Check deadlines now: send due reminders and escalations' },
    description: 'What the scheduled job does, for the board’s province: each notice is sent once per question and hop.',
    permission: TRIAGE,
    schema: { response: { 200: sweepSchema } },
    handler: async (req, ctx) => sweepDeadlines(ctx, settings, { provinceId: await boardProvince(ctx, req) }),
  });

  route.get('/public/statistics', {
    summary: { vi: 'Thống kê công khai: bảng xếp hạng các cơ quan', en: 'Public statistics: the agencies’ league table' },
    cors: true,
    schema: { query: publicStatisticsQuery, response: { 200: statisticsSchema } },
    handler: async (req, ctx) => {
      const service = new StatisticsService(ctx, settings);
      return service.of(await provinceOfSite(ctx, req.tenantId), service.period(req.query.from, req.query.to));
    },
  });
}
