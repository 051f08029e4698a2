import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf } from '../content/article.service.js';
import { callingUnit } from './submission-unit.js';
import { SUBMIT, SubmissionService } from './submission.service.js';
import { createSubmissionBody, idParams, listSubmissionsQuery, remarkBody, submissionDetailSchema, submissionPage, updateSubmissionBody } from './submissions.schema.js';

const service = (ctx: PluginContext) => new SubmissionService(ctx);

/**
 * The sender's side, under /api/portal/submissions: the calling unit (`X-Cong-Tenant`) sends content
 * to a unit above it and follows what became of it. Only the sending unit reaches these rows.
 */
export function submissionRoutes(route: RouteBuilder): void {
  route.get('/submissions', {
    summary: { vi: 'Tin bài đơn vị đã gửi', en: 'Submissions the unit sent' },
    permission: SUBMIT,
    schema: { query: listSubmissionsQuery, response: { 200: submissionPage } },
    handler: async (req, ctx) => ({ ...(await service(ctx).page('sender', callingUnit(req), req.query)), limit: req.query.limit, offset: req.query.offset }),
  });

  route.post('/submissions', {
    summary: { vi: 'Gửi tin bài lên đơn vị cấp trên', en: 'Send content to a unit above' },
    description: 'Without receiverId it goes to the nearest unit above with the portal enabled (usually the province). With requestId it answers that information request and goes to the unit that asked.',
    permission: SUBMIT,
    schema: { body: createSubmissionBody, response: { 201: submissionDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).create(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/portal/submissions/${created.id}` });
    },
  });

  route.get('/submissions/:id', {
    summary: { vi: 'Xem tin bài đã gửi và lịch sử xử lý', en: 'Read a sent submission and its history' },
    permission: SUBMIT,
    schema: { params: idParams, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).get('sender', callingUnit(req), req.params.id),
  });

  route.patch('/submissions/:id', {
    summary: { vi: 'Sửa tin bài bị trả lại', en: 'Edit a returned submission' },
    description: 'Only while returned; resubmit it afterwards. Every edit is kept in the history.',
    permission: SUBMIT,
    schema: { params: idParams, body: updateSubmissionBody, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).update(callingUnit(req), req.params.id, actorOf(req), req.body),
  });

  route.post('/submissions/:id/resubmit', {
    summary: { vi: 'Gửi lại tin bài đã sửa', en: 'Resubmit a returned submission' },
    permission: SUBMIT,
    schema: { params: idParams, body: remarkBody, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).resubmit(callingUnit(req), req.params.id, actorOf(req), req.body.remark),
  });

  route.post('/submissions/:id/withdraw', {
    summary: { vi: 'Rút tin bài chưa được tiếp nhận', en: 'Withdraw a submission not yet accepted' },
    permission: SUBMIT,
    schema: { params: idParams, body: remarkBody, response: { 200: submissionDetailSchema } },
    handler: async (req, ctx) => service(ctx).withdraw(callingUnit(req), req.params.id, actorOf(req), req.body.remark),
  });
}
