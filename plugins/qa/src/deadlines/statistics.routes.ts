import { coreServices, NotFoundError, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { QuestionRepository } from '../questions/question.repository.js';
import { ANSWER, TRIAGE } from '../questions/queue.routes.js';
import { UnitTree } from '../questions/unit-tree.js';
import type { QaDatabase } from '../questions/qa-database.js';
import type { DeadlineSettings } from './deadline-config.js';
import { ClockService } from './clock.service.js';
import { sweepDeadlines } from './deadline-sweep.js';
import { clocksSchema, publicStatisticsQuery, questionIdParams, statisticsQuery, statisticsSchema, sweepSchema } from './statistics.schema.js';
import { StatisticsService } from './statistics.service.js';

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

/** The province whose figures a unit's public site shows. */
export async function provinceOfSite(ctx: PluginContext, tenantId: string | undefined) {
  const province = tenantId === undefined ? undefined : await new UnitTree(ctx).province(tenantId);
  if (!province) throw new NotFoundError('This site has no unit');
  return province;
}

/**
 * Staff JSON (`/api/qa/…`): statistics (`qa.statistics.read`; the board sees every agency of its
 * province, an agency itself), each question's clocks (the board's queue and the agency's inbox),
 * and the board's "check deadlines now"; and the public figures (`/api/qa/public/statistics`).
 */
export function deadlineRoutes(route: RouteBuilder, settings: DeadlineSettings): void {
  const questions = (ctx: PluginContext) => new QuestionRepository(ctx.get(coreServices.database).kysely<QaDatabase>());

  route.get('/statistics', {
    summary: { vi: 'Thống kê hỏi đáp theo cơ quan', en: 'Question statistics per agency' },
    permission: STATISTICS,
    schema: { query: statisticsQuery, response: { 200: statisticsSchema } },
    handler: async (req, ctx) => {
      const service = new StatisticsService(ctx, settings);
      const period = service.period(req.query.from, req.query.to);
      const { unit, province } = await unitAndProvince(ctx, req);
      if (unit.parentId === null) {
        const agency = req.query.agency ? await service.agencyOf(province.id, req.query.agency) : undefined;
        return service.of(province, period, agency ? { agency } : {});
      }
      // An agency reads only itself: naming another unit is naming something that does not exist for it.
      if (req.query.agency && req.query.agency !== unit.id && req.query.agency !== unit.slug) throw new NotFoundError(`Unit ${req.query.agency} is not this agency`);
      return service.of(province, period, { agency: unit, agencyOnly: true });
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
