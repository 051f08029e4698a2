import { NotAllowedError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf, WRITE } from '../content/article.service.js';
import { callingUnit } from './submission-unit.js';
import { HANDLE, SubmissionService } from './submission.service.js';
import { acceptBody, idParams, inboxQuery, returnBody, submissionDetailSchema, submissionPage } from './submissions.schema.js';

const service = (ctx: PluginContext) => new SubmissionService(ctx);

/**
 * The receiver's side, under /api/portal/inbox: submissions sent to the calling unit. Accepting makes
 * a draft article in the unit, so it also takes `portal.content.write`.
 */
export function inboxRoutes(route: RouteBuilder): void {
  route.get('/inbox', {
    summary: { vi: 'Tin bài gửi đến đơn vị', en: 'Submissions sent to the unit' },
    permission: HANDLE,
    schema: { query: inboxQuery, response: { 200: submissionPage } },
    handler: async (req, ctx) => ({ ...(await service(ctx).page('receiver', callingUnit(req), req.query)), limit: req.query.limit, offset: req.query.offset }),
  });

  route.get('/inbox/:id', {
    summary: { vi: 'Xem tin bài gửi đến', en: 'Read a received submission' },
    permission: HANDLE,
    schema: { params: idParams, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).get('receiver', callingUnit(req), req.params.id),
  });

  route.post('/inbox/:id/accept', {
    summary: { vi: 'Tiếp nhận: tạo bản nháp tin bài từ tin gửi đến', en: 'Accept: make a draft article of it' },
    description: 'The draft carries the attribution "Nguồn: <sender unit>" at the end of its body and goes through the unit\'s editorial workflow. Needs portal.content.write too.',
    permission: HANDLE,
    schema: { params: idParams, body: acceptBody, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => {
      const unitId = callingUnit(req);
      if (!req.can(WRITE)) throw new NotAllowedError(WRITE);
      return service(ctx).accept(unitId, req.params.id, actorOf(req), req.body);
    },
  });

  route.post('/inbox/:id/return', {
    summary: { vi: 'Trả lại tin bài (kèm lý do)', en: 'Return a submission (with the reason)' },
    permission: HANDLE,
    schema: { params: idParams, body: returnBody, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).return(callingUnit(req), req.params.id, actorOf(req), req.body.reason),
  });
}
