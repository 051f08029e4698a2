import type { RouteBuilder, RouteRequest } from '@cong/sdk';
import { idParams } from '../questions/question.schema.js';
import type { Actor } from '../questions/question.service.js';
import type { AnswerSettings } from './answer-config.js';
import { reviewBody, unpublishBody } from './answer.schema.js';
import { reviewSchema } from './answer-views.schema.js';
import { boardSideOf } from './board-side.js';
import { PublicationService } from './publication.service.js';

/** Redaction review and publication: the editorial board of the province. */
export const PUBLISH = 'qa.answers.publish';

const actorOf = (req: RouteRequest): Actor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/**
 * The board's publication of answered questions (`/api/qa/publications/:id`, permission
 * `qa.answers.publish` in the province): the detector's proposal, the reviewed public version,
 * publish and unpublish.
 */
export function publicationRoutes(route: RouteBuilder, settings: AnswerSettings): void {
  const service = (ctx: Parameters<Parameters<RouteBuilder['get']>[1]['handler']>[1]) => new PublicationService(ctx, settings);

  route.get('/publications/:id', {
    summary: { vi: 'Đề xuất che thông tin cá nhân và bản công khai', en: 'The redaction proposal and the public version' },
    permission: PUBLISH,
    schema: { params: idParams, response: { 200: reviewSchema } },
    handler: async (req, ctx) => service(ctx).review(await boardSideOf(ctx, req), req.params.id),
  });
  route.put('/publications/:id', {
    summary: { vi: 'Lưu bản công khai đã rà soát', en: 'Save the reviewed public version' },
    permission: PUBLISH,
    schema: { params: idParams, body: reviewBody, response: { 200: reviewSchema } },
    bodyLimit: 512 * 1024,
    handler: async (req, ctx) => service(ctx).saveReview(actorOf(req), await boardSideOf(ctx, req), req.params.id, req.body),
  });
  route.post('/publications/:id/publish', {
    summary: { vi: 'Công khai hỏi đáp', en: 'Publish the question and answer' },
    permission: PUBLISH,
    schema: { params: idParams, response: { 200: reviewSchema } },
    handler: async (req, ctx) => service(ctx).publish(actorOf(req), await boardSideOf(ctx, req), req.params.id),
  });
  route.post('/publications/:id/unpublish', {
    summary: { vi: 'Gỡ hỏi đáp khỏi trang công khai', en: 'Unpublish the question and answer' },
    permission: PUBLISH,
    schema: { params: idParams, body: unpublishBody, response: { 200: reviewSchema } },
    handler: async (req, ctx) => service(ctx).unpublish(actorOf(req), await boardSideOf(ctx, req), req.params.id, req.body.reason?.trim() || null),
  });
}
