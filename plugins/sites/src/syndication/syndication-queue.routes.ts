import type { PluginContext, RouteBuilder } from '@cong/sdk';
import { portalArticlesRef } from '@cong/plugin-portal/api';
import { REVIEW, ProposalService } from './proposal.service.js';
import { actorOf, callingUnit } from './syndication-request.js';
import { acceptBody, categoriesSchema, idParams, proposalDetailSchema, proposalPageSchema, queueQuery, reasonBody } from './syndication.schema.js';

const service = (ctx: PluginContext) => new ProposalService(ctx);

/**
 * The province's side, under /api/sites/syndication/queue: the proposals addressed to the calling unit
 * (rows by `receiver_id`; a unit that is not a province has an empty queue), and its decisions.
 */
export function syndicationQueueRoutes(route: RouteBuilder): void {
  route.get('/syndication/queue', {
    summary: { vi: 'Tin bài các đơn vị đề xuất lên Cổng tỉnh', en: 'Articles units proposed to the province' },
    description: 'Default status: proposed (what waits for a decision).',
    permission: REVIEW,
    schema: { query: queueQuery, response: { 200: proposalPageSchema } },
    handler: (req, ctx) => service(ctx).page('province', callingUnit(req), req.query),
  });

  route.get('/syndication/queue/:id', {
    summary: { vi: 'Xem một đề xuất', en: 'Read a proposal' },
    permission: REVIEW,
    schema: { params: idParams, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).get('province', callingUnit(req), req.params.id),
  });

  route.post('/syndication/queue/:id/accept', {
    summary: { vi: 'Tiếp nhận: tin bài hiển thị trên Cổng tỉnh', en: 'Accept: the article shows on the province site' },
    description: 'With `categoryId` (a category of the province) it is also listed in that category; the attribution and canonical link point to the source.',
    permission: REVIEW,
    schema: { params: idParams, body: acceptBody, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).accept(callingUnit(req), req.params.id, actorOf(req), req.body),
  });

  route.post('/syndication/queue/:id/reject', {
    summary: { vi: 'Từ chối, nêu lý do', en: 'Reject, with a reason' },
    permission: REVIEW,
    schema: { params: idParams, body: reasonBody, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).reject(callingUnit(req), req.params.id, actorOf(req), req.body.reason),
  });

  route.post('/syndication/queue/:id/revoke', {
    summary: { vi: 'Gỡ tin đã tiếp nhận khỏi Cổng tỉnh, nêu lý do', en: 'Withdraw an accepted article from the province site, with a reason' },
    permission: REVIEW,
    schema: { params: idParams, body: reasonBody, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).revoke(callingUnit(req), req.params.id, actorOf(req), req.body.reason),
  });

  route.get('/syndication/categories', {
    summary: { vi: 'Chuyên mục của đơn vị, để chọn khi tiếp nhận', en: 'The unit\'s categories, to choose one when accepting' },
    permission: REVIEW,
    schema: { response: { 200: categoriesSchema } },
    handler: async (req, ctx) => ({ items: await ctx.get(portalArticlesRef).categories(callingUnit(req)) }),
  });
}
