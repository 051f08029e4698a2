import type { RouteBuilder, RouteRequest } from '@cong/sdk';
import { idParams } from '../questions/question.schema.js';
import type { Actor } from '../questions/question.service.js';
import type { AnswerSettings } from './answer-config.js';
import { answerByReferenceBody, progressReportBody } from './answer.schema.js';
import { answeredByReferenceSchema, progressReportListSchema, progressReportSchema } from './answer-views.schema.js';
import { ANSWER, TRIAGE } from './agency.routes.js';
import { AnswerLinkService } from './answer-link.service.js';
import { AnswerService } from './answer.service.js';
import { boardSideOf } from './board-side.js';
import { ProgressReportService } from './progress-report.service.js';

const actorOf = (req: RouteRequest): Actor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/**
 * Progress reports of an agency (QA-03, `/api/qa/inbox/:id/progress-reports`, `qa.questions.answer`)
 * and the board's answer by reference to a published Q&A (QA-06, `/api/qa/questions/:id/answer-by-reference`,
 * `qa.questions.triage` in the province).
 */
export function progressRoutes(route: RouteBuilder, settings: AnswerSettings): void {
  const side = (req: RouteRequest, ctx: Parameters<Parameters<RouteBuilder['get']>[1]['handler']>[1]) => new AnswerService(ctx, settings).agencySide(req);

  route.get('/inbox/:id/progress-reports', {
    summary: { vi: 'Các thông báo tiến độ đã gửi người hỏi', en: 'Progress reports sent to the asker' },
    permission: ANSWER,
    schema: { params: idParams, response: { 200: progressReportListSchema } },
    handler: async (req, ctx) => ({ items: await new ProgressReportService(ctx).list(side(req, ctx), req.params.id) }),
  });
  route.post('/inbox/:id/progress-reports', {
    summary: { vi: 'Thông báo tiến độ và ngày trả lời cho người hỏi', en: 'Report progress and the answer date to the asker' },
    description: 'QA-03: the first report in the agency’s turn meets the first-response clock; the turn is then due on `answerBy`.',
    permission: ANSWER,
    schema: { params: idParams, body: progressReportBody, response: { 201: progressReportSchema } },
    handler: (req, ctx) => new ProgressReportService(ctx).report(actorOf(req), side(req, ctx), req.params.id, req.body.text, req.body.answerBy),
  });
  route.post('/questions/:id/answer-by-reference', {
    summary: { vi: 'Trả lời bằng hỏi đáp đã công khai (câu hỏi trùng)', en: 'Answer with a published Q&A (a duplicate question)' },
    permission: TRIAGE,
    schema: { params: idParams, body: answerByReferenceBody, response: { 200: answeredByReferenceSchema } },
    handler: async (req, ctx) => new AnswerLinkService(ctx).answerByReference(actorOf(req), await boardSideOf(ctx, req), req.params.id, req.body.publication, req.body.note ?? null),
  });
}
