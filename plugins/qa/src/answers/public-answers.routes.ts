import type { RouteBuilder } from '@cong/sdk';
import type { QuestionLimits } from '../questions/question-config.js';
import { provinceOfSite } from '../questions/unit-tree.js';
import type { AnswerSettings } from './answer-config.js';
import { publicListQuery, ratingBody, replyBody, slugParams } from './answer.schema.js';
import { publicAnswerPageSchema, publicAnswerSchema, ratedSchema, repliedSchema } from './answer-views.schema.js';
import { AnswerService } from './answer.service.js';
import { PublicationService } from './publication.service.js';


/**
 * The widget's JSON (`/api/qa/public/…`): published questions and answers of the site's province
 * (list with field, search and paging; one by slug), the citizen's reply to a request for information
 * and the rating. Public; the writes are limited per client address.
 */
export function publicAnswerApiRoutes(route: RouteBuilder, settings: AnswerSettings, limits: QuestionLimits): void {
  route.get('/public/answers', {
    summary: { vi: 'Hỏi đáp đã công khai', en: 'Published questions and answers' },
    cors: true,
    schema: { query: publicListQuery, response: { 200: publicAnswerPageSchema } },
    handler: async (req, ctx) =>
      new PublicationService(ctx, settings).publicPage((await provinceOfSite(ctx, req.tenantId)).id, {
        limit: req.query.limit ?? settings.publicPageSize,
        offset: req.query.offset ?? 0,
        ...(req.query.field ? { field: req.query.field } : {}),
        ...(req.query.q ? { q: req.query.q } : {}),
      }),
  });
  route.get('/public/answers/:slug', {
    summary: { vi: 'Một hỏi đáp đã công khai', en: 'A published question and answer' },
    cors: true,
    schema: { params: slugParams, response: { 200: publicAnswerSchema } },
    handler: async (req, ctx) => new PublicationService(ctx, settings).publicOne((await provinceOfSite(ctx, req.tenantId)).id, req.params.slug),
  });
  route.post('/public/reply', {
    summary: { vi: 'Bổ sung thông tin theo đề nghị của cơ quan trả lời', en: 'Reply to the agency’s request for information' },
    cors: true,
    rateLimit: limits.statusPerAddress,
    schema: { body: replyBody, response: { 200: repliedSchema } },
    handler: (req, ctx) => new AnswerService(ctx, settings).citizenReply(req, req.body.trackingCode, req.body.email, req.body.message),
  });
  route.post('/public/rating', {
    summary: { vi: 'Đánh giá mức độ hài lòng với câu trả lời', en: 'Rate an answer' },
    cors: true,
    rateLimit: limits.statusPerAddress,
    schema: { body: ratingBody, response: { 200: ratedSchema } },
    handler: (req, ctx) => new AnswerService(ctx, settings).rate(req, req.body.token, req.body.score, req.body.comment),
  });
}
