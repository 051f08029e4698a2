import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf } from '../content/article.service.js';
import { InformationRequestReminders } from './information-request-reminders.js';
import { InformationRequestService } from './information-request.service.js';
import { callingUnit } from './submission-unit.js';
import { HANDLE, SUBMIT } from './submission.service.js';
import {
  assignedRequestPage,
  assignedRequestSchema,
  contactsBody,
  createInformationRequestBody,
  deadlineQuery,
  deadlineResponse,
  idParams,
  informationRequestDetailSchema,
  informationRequestPage,
  listAssignedQuery,
  listInformationRequestsQuery,
  remindersResponse,
} from './submissions.schema.js';
import { vietnamDate } from '../time/vietnam-time.js';

const service = (ctx: PluginContext) => new InformationRequestService(ctx);

/**
 * Information requests under /api/portal/information-requests: the requesting unit creates, follows
 * and closes them (`portal.submissions.handle`); an addressed unit reads its own under `/assigned`
 * (`portal.submissions.submit`) and answers with a submission naming the request.
 */
export function informationRequestRoutes(route: RouteBuilder): void {
  // The fixed paths come before /:id.
  route.get('/information-requests/assigned', {
    summary: { vi: 'Yêu cầu cung cấp thông tin gửi đến đơn vị', en: 'Information requests addressed to the unit' },
    permission: SUBMIT,
    schema: { query: listAssignedQuery, response: { 200: assignedRequestPage } },
    handler: async (req, ctx) => ({ ...(await service(ctx).assignedPage(callingUnit(req), req.query)), limit: req.query.limit, offset: req.query.offset }),
  });

  route.get('/information-requests/assigned/:id', {
    summary: { vi: 'Xem yêu cầu gửi đến đơn vị', en: 'Read a request addressed to the unit' },
    permission: SUBMIT,
    schema: { params: idParams, response: { 200: assignedRequestSchema } },
    handler: async (req, ctx) => service(ctx).assigned(callingUnit(req), req.params.id),
  });

  route.put('/information-requests/assigned/:id/contacts', {
    summary: { vi: 'Đặt địa chỉ thư nhận nhắc hạn', en: 'Set the addresses reminders go to' },
    description: 'The platform cannot list a unit\'s users for a plugin, so each addressed unit names who is reminded.',
    permission: SUBMIT,
    schema: { params: idParams, body: contactsBody, response: { 200: assignedRequestSchema } },
    handler: async (req, ctx) => service(ctx).setContacts(callingUnit(req), req.params.id, actorOf(req), req.body.notifyEmails),
  });

  route.get('/information-requests/deadline', {
    summary: { vi: 'Tính hạn theo ngày làm việc', en: 'Compute a deadline in working days' },
    description: 'Skips weekends, public holidays and compensatory days off, counts make-up Saturdays (the core calendar).',
    permission: HANDLE,
    schema: { query: deadlineQuery, response: { 200: deadlineResponse } },
    handler: async (req, ctx) => {
      callingUnit(req);
      const from = req.query.from ?? vietnamDate();
      return { from, workingDays: req.query.workingDays, deadline: await service(ctx).deadline(req.query.workingDays, from) };
    },
  });

  route.post('/information-requests/reminders', {
    summary: { vi: 'Gửi ngay các thư nhắc hạn đến lượt hôm nay', en: 'Send today\'s due reminders now' },
    description: 'What the daily job does, for this unit\'s requests only. A reminder already sent today is not sent again.',
    permission: HANDLE,
    schema: { response: { 200: remindersResponse } },
    handler: async (req, ctx) => new InformationRequestReminders(ctx).run(Date.now(), callingUnit(req)),
  });

  route.get('/information-requests', {
    summary: { vi: 'Yêu cầu cung cấp thông tin của đơn vị', en: 'The unit\'s information requests' },
    permission: HANDLE,
    schema: { query: listInformationRequestsQuery, response: { 200: informationRequestPage } },
    handler: async (req, ctx) => ({ ...(await service(ctx).page(callingUnit(req), req.query)), limit: req.query.limit, offset: req.query.offset }),
  });

  route.post('/information-requests', {
    summary: { vi: 'Yêu cầu đơn vị cấp dưới cung cấp thông tin', en: 'Ask units below for information' },
    description: 'deadline is either { workingDays } from today or { date }. Addressed: units (each with the e-mail addresses reminders go to) and/or whole subtrees.',
    permission: HANDLE,
    schema: { body: createInformationRequestBody, response: { 201: informationRequestDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).create(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/portal/information-requests/${created.id}` });
    },
  });

  route.get('/information-requests/:id', {
    summary: { vi: 'Xem yêu cầu và tình trạng từng đơn vị', en: 'Read a request with each unit\'s state' },
    permission: HANDLE,
    schema: { params: idParams, response: { 200: informationRequestDetailSchema } },
    handler: async (req, ctx) => service(ctx).get(callingUnit(req), req.params.id),
  });

  route.post('/information-requests/:id/close', {
    summary: { vi: 'Đóng yêu cầu', en: 'Close a request' },
    description: 'A closed request takes no more answers and sends no more reminders.',
    permission: HANDLE,
    schema: { params: idParams, response: { 200: informationRequestDetailSchema } },
    handler: async (req, ctx) => service(ctx).close(callingUnit(req), req.params.id, actorOf(req)),
  });
}
