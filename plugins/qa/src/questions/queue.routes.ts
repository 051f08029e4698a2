import { defineSchema, fold, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { QuestionLimits } from './question-config.js';
import { StaffNotifier } from '../answers/staff-notifier.js';
import { classifyBody, forwardBody, idParams, listQuery, reasonBody, ruleBody, type ListQuery } from './question.schema.js';
import { questionDetailSchema, questionPageSchema, returnedSchema, ruleListSchema, ruleSchema, transferredSchema } from './question-views.schema.js';
import { QuestionService, type Actor } from './question.service.js';

/** The permissions of the queue. */
export const TRIAGE = 'qa.questions.triage';
export const ANSWER = 'qa.questions.answer';

const actorOf = (req: RouteRequest): Actor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/** The board's queue also finds words (`q`) in the tracking code, title and text. */
export interface BoardListQuery extends ListQuery {
  q?: string;
}

/** At most this many words of `q` are searched: each is one more `LIKE` over the province's questions. */
const MAX_WORDS = 10;

export const boardListQuery = defineSchema<BoardListQuery>({
  ...listQuery,
  properties: {
    ...(listQuery as { properties: Record<string, unknown> }).properties,
    q: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'Words (trimmed) that must all occur in the tracking code, title or text; without diacritics, `đ` as `d`, any case.' },
  },
});

/** The folded words of `q`: "Đất  ĐAI" → ["dat", "dai"]; NFD input folds as NFC does. */
export function queueWords(q: string | undefined): string[] {
  return [...new Set(fold(q?.trim() ?? '').split(/\s+/).filter((w) => w !== ''))].slice(0, MAX_WORDS);
}

/** A date `YYYY-MM-DD` as the start of that day in Vietnam (UTC+7), in epoch ms. */
const vietnamDay = (date: string | undefined, plusDays = 0): number | undefined =>
  date === undefined ? undefined : Date.parse(`${date}T00:00:00+07:00`) + plusDays * 86_400_000;

function filterOf(query: ListQuery) {
  const from = vietnamDay(query.from);
  const to = vietnamDay(query.to, 1); // inclusive of the last day
  return {
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
    ...(query.status ? { status: query.status } : {}),
    ...(query.field ? { field: query.field } : {}),
    ...(query.commune ? { commune: query.commune } : {}),
    ...(from !== undefined && !Number.isNaN(from) ? { from } : {}),
    ...(to !== undefined && !Number.isNaN(to) ? { to } : {}),
  };
}

/**
 * The editorial board's queue (`/api/qa/questions`, permission `qa.questions.triage` in the province)
 * and an agency's inbox (`/api/qa/inbox`, permission `qa.questions.answer` in the agency), and the
 * board's routing rules (`/api/qa/routing-rules`).
 */
export function queueRoutes(route: RouteBuilder, limits: QuestionLimits): void {
  const service = (ctx: Parameters<Parameters<RouteBuilder['get']>[1]['handler']>[1]) => new QuestionService(ctx, limits);

  // ─── The board ─────────────────────────────────────────────────────────────────────────────
  route.get('/questions', {
    summary: { vi: 'Danh sách câu hỏi của Ban biên tập', en: 'The board’s question queue' },
    description: '`q` finds questions whose tracking code, title or text holds every word, compared without diacritics (`dat dai` finds “Đất đai”).',
    permission: TRIAGE,
    schema: { query: boardListQuery, response: { 200: questionPageSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      const words = queueWords(req.query.q);
      return s.page(await s.boardSide(req), { ...filterOf(req.query), ...(words.length ? { words } : {}) });
    },
  });
  route.get('/questions/:id', {
    summary: { vi: 'Một câu hỏi, với lịch sử và gợi ý chuyển', en: 'A question with its timeline and routing suggestions' },
    permission: TRIAGE,
    schema: { params: idParams, response: { 200: questionDetailSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return s.detail(await s.boardSide(req), req.params.id);
    },
  });
  route.post('/questions/:id/classify', {
    summary: { vi: 'Phân loại lĩnh vực', en: 'Classify (set the field)' },
    permission: TRIAGE,
    schema: { params: idParams, body: classifyBody, response: { 200: questionDetailSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return s.classify(actorOf(req), await s.boardSide(req), req.params.id, req.body.field);
    },
  });
  route.post('/questions/:id/forward', {
    summary: { vi: 'Chuyển cơ quan có thẩm quyền', en: 'Forward to the competent agency' },
    permission: TRIAGE,
    schema: { params: idParams, body: forwardBody, response: { 200: questionDetailSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      const forwarded = await s.forward(actorOf(req), await s.boardSide(req), req.params.id, req.body.agency, req.body.note ?? null);
      await new StaffNotifier(ctx).questionAssigned(req, req.params.id); // the agency's answerers (src/answers)
      return forwarded;
    },
  });
  route.post('/questions/:id/decline', {
    summary: { vi: 'Trả lời: không thuộc thẩm quyền của tỉnh', en: 'Answer “outside the province’s competence”' },
    permission: TRIAGE,
    schema: { params: idParams, body: reasonBody, response: { 200: questionDetailSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return s.decline(actorOf(req), await s.boardSide(req), req.params.id, req.body.reason);
    },
  });

  // ─── Routing rules ─────────────────────────────────────────────────────────────────────────
  route.get('/routing-rules', {
    summary: { vi: 'Quy tắc gợi ý chuyển câu hỏi', en: 'Routing rules' },
    permission: TRIAGE,
    schema: { response: { 200: ruleListSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return { items: await s.rules((await s.boardSide(req)).provinceId) };
    },
  });
  route.post('/routing-rules', {
    summary: { vi: 'Thêm quy tắc', en: 'Add a routing rule' },
    permission: TRIAGE,
    schema: { body: ruleBody, response: { 201: ruleSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return s.createRule(actorOf(req), (await s.boardSide(req)).provinceId, req.body);
    },
  });
  route.put('/routing-rules/:id', {
    summary: { vi: 'Sửa quy tắc', en: 'Change a routing rule' },
    permission: TRIAGE,
    schema: { params: idParams, body: ruleBody, response: { 200: ruleSchema } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      return s.updateRule(actorOf(req), (await s.boardSide(req)).provinceId, req.params.id, req.body);
    },
  });
  route.delete('/routing-rules/:id', {
    summary: { vi: 'Xoá quy tắc', en: 'Delete a routing rule' },
    permission: TRIAGE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      const s = service(ctx);
      await s.deleteRule(actorOf(req), (await s.boardSide(req)).provinceId, req.params.id);
    },
  });

  // ─── An agency ─────────────────────────────────────────────────────────────────────────────
  route.get('/inbox', {
    summary: { vi: 'Câu hỏi được chuyển đến đơn vị', en: 'Questions forwarded to the unit' },
    permission: ANSWER,
    schema: { query: listQuery, response: { 200: questionPageSchema } },
    handler: (req, ctx) => service(ctx).page(service(ctx).agencySide(req), filterOf(req.query)),
  });
  route.get('/inbox/:id', {
    summary: { vi: 'Một câu hỏi được chuyển đến đơn vị', en: 'A question forwarded to the unit' },
    permission: ANSWER,
    schema: { params: idParams, response: { 200: questionDetailSchema } },
    handler: (req, ctx) => service(ctx).detail(service(ctx).agencySide(req), req.params.id),
  });
  route.post('/inbox/:id/return', {
    summary: { vi: 'Trả lại Ban biên tập, nêu lý do', en: 'Return to the board with a reason' },
    permission: ANSWER,
    schema: { params: idParams, body: reasonBody, response: { 200: returnedSchema } },
    handler: (req, ctx) => service(ctx).giveBack(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.reason),
  });
  route.post('/inbox/:id/transfer', {
    summary: { vi: 'Chuyển sang cơ quan khác', en: 'Transfer to another agency' },
    permission: ANSWER,
    schema: { params: idParams, body: forwardBody, response: { 200: transferredSchema } },
    handler: async (req, ctx) => {
      const transferred = await service(ctx).transfer(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.agency, req.body.note ?? null);
      await new StaffNotifier(ctx).questionAssigned(req, req.params.id); // the new agency's answerers (src/answers)
      return transferred;
    },
  });
}
