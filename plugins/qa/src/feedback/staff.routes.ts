import { respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { FeedbackSettings } from './feedback-config.js';
import { acceptBody, acknowledgeBody, assessBody, classifyBody, decideBody, forwardBody, idParams, intakeBody, listQuery, noteBody, publishBody, registerBody, rejectBody, reviewBody } from './feedback.schema.js';
import { feedbackListSchema, feedbackSchema } from './feedback-views.schema.js';
import type { FeedbackActor } from './feedback-step.js';
import { FeedbackIntakeService } from './feedback-intake.service.js';
import { FeedbackService } from './feedback.service.js';

/** The receiving unit's staff (the Department of Justice by default) who process feedback on regulations. */
export const PROCESS_FEEDBACK = 'qa.feedback.process';
/** The province's staff who accept ideas for the public list and acknowledge them. */
export const MANAGE_IDEAS = 'qa.ideas.manage';

const actorOf = (req: RouteRequest): FeedbackActor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });
const one = { params: idParams, response: { 200: feedbackSchema } } as const;

/**
 * Feedback on regulations (`/api/qa/feedback…`, `qa.feedback.process` in the receiving unit) and ideas
 * (`/api/qa/ideas…`, `qa.ideas.manage` in the province). Any other unit finds nothing (404).
 */
export function feedbackStaffRoutes(route: RouteBuilder, settings: FeedbackSettings): void {
  const feedback = (ctx: PluginContext) => new FeedbackService(ctx, settings, 'regulation');
  const ideas = (ctx: PluginContext) => new FeedbackService(ctx, settings, 'idea');

  route.get('/feedback', {
    summary: { vi: 'Phản ánh, kiến nghị về quy định hành chính đã tiếp nhận', en: 'Feedback on regulations received' },
    permission: PROCESS_FEEDBACK,
    schema: { query: listQuery, response: { 200: feedbackListSchema } },
    handler: (req, ctx) => feedback(ctx).page(req.tenantId!, req.query.status, req.query.limit ?? 20, req.query.offset ?? 0),
  });
  route.post('/feedback', {
    summary: { vi: 'Nhập phản ánh, kiến nghị nhận qua bưu điện, điện thoại, phiếu lấy ý kiến hoặc trực tiếp', en: 'Enter feedback received by post, telephone, questionnaire or in person' },
    description:
      'Enters the flow as `received` at once (staff vouch for the sender: no e-mail verification), with a tracking code. `receivedOn` is the day it arrived (today or earlier, Vietnam): the forwarding deadline counts from it. Name, address and phone are required (NĐ 20/2008 Art. 7); `email` is optional, and when given the tracking code is mailed to it. Each problem is a 400 naming its field. The timeline and the audit log (`qa.feedback.intake`) name the staff member.',
    permission: PROCESS_FEEDBACK,
    bodyLimit: 128 * 1024,
    schema: { body: intakeBody, response: { 201: feedbackSchema } },
    handler: async (req, ctx) => respond(201, await new FeedbackIntakeService(ctx, settings).enter(actorOf(req), req.body)),
  });
  route.get('/feedback/:id', {
    summary: { vi: 'Chi tiết phản ánh, kiến nghị (người gửi, các bước, thời hạn chuyển)', en: 'A feedback: sender, timeline, forwarding due date' },
    permission: PROCESS_FEEDBACK,
    schema: one,
    handler: (req, ctx) => feedback(ctx).detail(req.tenantId!, req.params.id),
  });
  route.post('/feedback/:id/register', {
    summary: { vi: 'Vào sổ phản ánh, kiến nghị', en: 'Register the feedback (số vào sổ)' },
    description: 'From `received`. Without `number`, the next number of the unit’s year (`0001/2027`).',
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: registerBody },
    handler: (req, ctx) => feedback(ctx).register(actorOf(req), req.params.id, req.body?.number),
  });
  route.post('/feedback/:id/classify', {
    summary: { vi: 'Phân loại phản ánh, kiến nghị (NĐ 20/2008 Điều 9)', en: 'Classify the feedback (NĐ 20/2008 Art. 9)' },
    description: '`not-accepted` closes it; `official-complaint` and `outside-competence` are forwarded by `forwardDueOn` (the received day + 5 working days on the core calendar, rule `qa.deadline.petitionForward`); `within-competence` starts processing.',
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: classifyBody },
    handler: (req, ctx) => feedback(ctx).classify(actorOf(req), req.params.id, req.body.outcome, req.body.reason),
  });
  route.post('/feedback/:id/forward', {
    summary: { vi: 'Chuyển phản ánh, kiến nghị đến cơ quan có thẩm quyền', en: 'Forward the feedback to the competent body' },
    description: '`to` is a unit of the province (slug or id) or the name of another body.',
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: forwardBody },
    handler: (req, ctx) => feedback(ctx).forward(actorOf(req), req.params.id, req.body.to, req.body.note),
  });
  route.post('/feedback/:id/clarify', {
    summary: { vi: 'Ghi nhận việc đề nghị người gửi làm rõ nội dung', en: 'Record a clarification asked of the sender' },
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: noteBody },
    handler: (req, ctx) => feedback(ctx).clarify(actorOf(req), req.params.id, req.body.note),
  });
  route.post('/feedback/:id/assess', {
    summary: { vi: 'Đánh giá căn cứ xem xét', en: 'Assess whether there is enough basis' },
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: assessBody },
    handler: (req, ctx) => feedback(ctx).assess(actorOf(req), req.params.id, req.body.sufficientBasis, req.body.note),
  });
  route.put('/feedback/:id/review', {
    summary: { vi: 'Rà soát quy định theo các tiêu chí (NĐ 20/2008 Điều 14)', en: 'Review the regulation against the criteria' },
    description: 'Every criterion: necessity, reasonableness-legality, simplicity, feasibility, consistency, treaty-compliance, each `{ met, note }`.',
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: reviewBody },
    handler: (req, ctx) => feedback(ctx).review(actorOf(req), req.params.id, req.body.criteria),
  });
  route.post('/feedback/:id/decide', {
    summary: { vi: 'Quyết định xử lý', en: 'Decide' },
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: decideBody },
    handler: (req, ctx) => feedback(ctx).decide(actorOf(req), req.params.id, req.body.decision, req.body.note),
  });
  route.post('/feedback/:id/publish', {
    summary: { vi: 'Công khai kết quả xử lý', en: 'Publish the result' },
    description: 'Texts written for the public; refused (400 naming the field) when they carry the sender’s name, address, e-mail or phone.',
    permission: PROCESS_FEEDBACK,
    schema: { ...one, body: publishBody },
    handler: (req, ctx) => feedback(ctx).publish(actorOf(req), req.params.id, req.body),
  });
  route.post('/feedback/:id/archive', {
    summary: { vi: 'Lưu trữ hồ sơ', en: 'Archive' },
    permission: PROCESS_FEEDBACK,
    schema: one,
    handler: (req, ctx) => feedback(ctx).archive(actorOf(req), req.params.id),
  });

  route.get('/ideas', {
    summary: { vi: 'Góp ý, hiến kế đã tiếp nhận', en: 'Ideas received' },
    permission: MANAGE_IDEAS,
    schema: { query: listQuery, response: { 200: feedbackListSchema } },
    handler: (req, ctx) => ideas(ctx).page(req.tenantId!, req.query.status, req.query.limit ?? 20, req.query.offset ?? 0),
  });
  route.get('/ideas/:id', {
    summary: { vi: 'Chi tiết góp ý, hiến kế', en: 'An idea' },
    permission: MANAGE_IDEAS,
    schema: one,
    handler: (req, ctx) => ideas(ctx).detail(req.tenantId!, req.params.id),
  });
  route.post('/ideas/:id/accept', {
    summary: { vi: 'Tiếp nhận và công khai góp ý, hiến kế', en: 'Accept an idea for the public list' },
    permission: MANAGE_IDEAS,
    schema: { ...one, body: acceptBody },
    handler: (req, ctx) => ideas(ctx).accept(actorOf(req), req.params.id, req.body),
  });
  route.post('/ideas/:id/reject', {
    summary: { vi: 'Không tiếp nhận góp ý, hiến kế (nêu lý do)', en: 'Reject an idea (with a reason)' },
    permission: MANAGE_IDEAS,
    schema: { ...one, body: rejectBody },
    handler: (req, ctx) => ideas(ctx).reject(actorOf(req), req.params.id, req.body.reason),
  });
  route.post('/ideas/:id/acknowledge', {
    summary: { vi: 'Ghi nhận hoặc tiếp thu góp ý, hiến kế (công khai)', en: 'Acknowledge or adopt an idea (public)' },
    permission: MANAGE_IDEAS,
    schema: { ...one, body: acknowledgeBody },
    handler: (req, ctx) => ideas(ctx).acknowledge(actorOf(req), req.params.id, req.body.level, req.body.note),
  });
  route.post('/ideas/:id/archive', {
    summary: { vi: 'Lưu trữ góp ý, hiến kế', en: 'Archive an idea' },
    permission: MANAGE_IDEAS,
    schema: one,
    handler: (req, ctx) => ideas(ctx).archive(actorOf(req), req.params.id),
  });
}
