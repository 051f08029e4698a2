import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { PROPOSE, ProposalService } from './proposal.service.js';
import { actorOf, callingUnit } from './syndication-request.js';
import { idParams, proposalDetailSchema, proposalPageSchema, proposalsQuery, proposeBody, remarkBody } from './syndication.schema.js';

const service = (ctx: PluginContext) => new ProposalService(ctx);

/**
 * The proposing unit's side, under /api/sites/syndication/proposals: the calling unit (`X-Cong-Tenant`)
 * proposes its published articles to the province and follows what became of them. Only the proposing
 * unit reaches these rows.
 */
export function proposalRoutes(route: RouteBuilder): void {
  route.get('/syndication/proposals', {
    summary: { vi: 'Tin bài đơn vị đã đề xuất lên Cổng tỉnh', en: 'Articles the unit proposed to the province' },
    permission: PROPOSE,
    schema: { query: proposalsQuery, response: { 200: proposalPageSchema } },
    handler: (req, ctx) => service(ctx).page('unit', callingUnit(req), req.query),
  });

  route.post('/syndication/proposals', {
    summary: { vi: 'Đề xuất một tin bài đã xuất bản lên Cổng tỉnh', en: 'Propose a published article to the province' },
    description: 'The province is the root of the calling unit\'s tree. One open (proposed or accepted) proposal per article.',
    permission: PROPOSE,
    schema: { body: proposeBody, response: { 201: proposalDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).propose(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/sites/syndication/proposals/${created.id}` });
    },
  });

  route.get('/syndication/proposals/:id', {
    summary: { vi: 'Xem đề xuất và lịch sử xử lý', en: 'Read a proposal and its history' },
    permission: PROPOSE,
    schema: { params: idParams, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).get('unit', callingUnit(req), req.params.id),
  });

  route.post('/syndication/proposals/:id/withdraw', {
    summary: { vi: 'Rút đề xuất (tin đã được tiếp nhận cũng rời Cổng tỉnh)', en: 'Withdraw a proposal (an accepted one leaves the province site)' },
    permission: PROPOSE,
    schema: { params: idParams, body: remarkBody, response: { 200: proposalDetailSchema } },
    handler: (req, ctx) => service(ctx).withdraw(callingUnit(req), req.params.id, actorOf(req), req.body.remark),
  });
}
