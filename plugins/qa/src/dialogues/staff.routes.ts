import { respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import type { DialogueSettings } from './dialogue-config.js';
import { answerBody, cancelBody, dialogueBody, idParams, pageQuery, publishBody, questionParams, questionQuery, reasonBody, rejectBody } from './dialogue.schema.js';
import { dialogueListSchema, dialogueModerationLogSchema, dialogueQuestionListSchema, dialogueQuestionSchema, dialogueSchema, forwardedSchema } from './dialogue-views.schema.js';
import { DialogueForwarding } from './dialogue-forwarding.js';
import { DialogueService, type DialogueActor } from './dialogue.service.js';

/** The permission of the organising unit's staff. */
export const MANAGE_DIALOGUES = 'qa.dialogues.manage';

const actorOf = (req: RouteRequest): DialogueActor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/**
 * The organising unit's dialogues (`/api/qa/dialogues…`, `qa.dialogues.manage` in the unit): create and
 * edit an event, start, end or cancel it, moderate questions, record answers attributed to a guest,
 * publish the summary and video, forward unanswered questions to the board. Another unit's event does
 * not exist (404).
 */
export function dialogueStaffRoutes(route: RouteBuilder, settings: DialogueSettings): void {
  const service = (ctx: PluginContext) => new DialogueService(ctx, settings);

  route.get('/dialogues', {
    summary: { vi: 'Các buổi giao lưu, đối thoại trực tuyến của đơn vị', en: 'The unit’s online dialogues' },
    permission: MANAGE_DIALOGUES,
    schema: { query: pageQuery, response: { 200: dialogueListSchema } },
    handler: (req, ctx) => service(ctx).page(req.tenantId!, req.query.limit ?? 20, req.query.offset ?? 0),
  });

  route.post('/dialogues', {
    summary: { vi: 'Thông báo buổi đối thoại trực tuyến', en: 'Announce an online dialogue' },
    description: 'The event is `announced` at once and appears on the public pages (`/doi-thoai`), where questions are taken. `field` is a field of the question flow (its code); `livestreamUrl` is an http or https address.',
    permission: MANAGE_DIALOGUES,
    schema: { body: dialogueBody, response: { 201: dialogueSchema } },
    handler: async (req, ctx) => respond(201, await service(ctx).create(actorOf(req), req.body)),
  });

  route.get('/dialogues/:id', {
    summary: { vi: 'Chi tiết buổi đối thoại', en: 'A dialogue' },
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).detail(req.tenantId!, req.params.id),
  });

  route.put('/dialogues/:id', {
    summary: { vi: 'Sửa thông tin buổi đối thoại', en: 'Edit a dialogue' },
    description: 'While `announced` or `live`. Guests given with their `id` keep it; answers keep the name and position the guest had when answering.',
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, body: dialogueBody, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).update(actorOf(req), req.params.id, req.body),
  });

  route.post('/dialogues/:id/start', {
    summary: { vi: 'Bắt đầu buổi đối thoại (trực tiếp)', en: 'Start the dialogue (live)' },
    description: 'Staff move the status; the announced times are the schedule only.',
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).start(actorOf(req), req.params.id),
  });

  route.post('/dialogues/:id/end', {
    summary: { vi: 'Kết thúc buổi đối thoại', en: 'End the dialogue' },
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).end(actorOf(req), req.params.id),
  });

  route.post('/dialogues/:id/cancel', {
    summary: { vi: 'Hủy buổi đối thoại (nêu lý do)', en: 'Cancel the dialogue (with a reason)' },
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, body: cancelBody, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).cancel(actorOf(req), req.params.id, req.body.reason),
  });

  route.post('/dialogues/:id/publish', {
    summary: { vi: 'Công bố nội dung tóm tắt và video buổi đối thoại', en: 'Publish the summary or transcript and the video' },
    description: 'After the event has ended; publishing again corrects the summary or the video link.',
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, body: publishBody, response: { 200: dialogueSchema } },
    handler: (req, ctx) => service(ctx).publish(actorOf(req), req.params.id, req.body.summary, req.body.videoUrl),
  });

  route.post('/dialogues/:id/forward-unanswered', {
    summary: { vi: 'Chuyển câu hỏi chưa được trả lời đến Ban biên tập', en: 'Forward unanswered questions to the board' },
    description: 'After the event: each approved question without an answer becomes a question received by the province’s board (QA-31), with the asker’s verified e-mail and consent; the asker is mailed its tracking code. Running it again forwards only what is left.',
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, response: { 200: forwardedSchema } },
    handler: (req, ctx) => new DialogueForwarding(ctx).forwardUnanswered(actorOf(req), req.params.id),
  });

  route.get('/dialogues/:id/questions', {
    summary: { vi: 'Câu hỏi gửi buổi đối thoại (kiểm duyệt)', en: 'Questions for the dialogue (moderation)' },
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, query: questionQuery, response: { 200: dialogueQuestionListSchema } },
    handler: (req, ctx) => service(ctx).questions(req.tenantId!, req.params.id, req.query.status),
  });

  route.post('/dialogues/:id/questions/:questionId/approve', {
    summary: { vi: 'Duyệt câu hỏi', en: 'Approve a question' },
    permission: MANAGE_DIALOGUES,
    schema: { params: questionParams, body: reasonBody, response: { 200: dialogueQuestionSchema } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.questionId, 'approve', req.body?.reason ?? null),
  });

  route.post('/dialogues/:id/questions/:questionId/reject', {
    summary: { vi: 'Không duyệt câu hỏi (nêu lý do)', en: 'Reject a question (with a reason)' },
    permission: MANAGE_DIALOGUES,
    schema: { params: questionParams, body: rejectBody, response: { 200: dialogueQuestionSchema } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.questionId, 'reject', req.body.reason),
  });

  route.post('/dialogues/:id/questions/:questionId/answering', {
    summary: { vi: 'Đánh dấu câu hỏi đang được trả lời', en: 'Mark a question as being answered' },
    permission: MANAGE_DIALOGUES,
    schema: { params: questionParams, response: { 200: dialogueQuestionSchema } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.questionId, 'answering', null),
  });

  route.put('/dialogues/:id/questions/:questionId/answer', {
    summary: { vi: 'Ghi câu trả lời của khách mời', en: 'Record a guest’s answer' },
    description: 'While the event is live or just after it ended; the answer is shown on the event page with the guest’s name and position.',
    permission: MANAGE_DIALOGUES,
    schema: { params: questionParams, body: answerBody, response: { 200: dialogueQuestionSchema } },
    handler: (req, ctx) => service(ctx).answer(actorOf(req), req.params.id, req.params.questionId, req.body.guestId, req.body.text),
  });

  route.get('/dialogues/:id/moderation-log', {
    summary: { vi: 'Nhật ký kiểm duyệt câu hỏi', en: 'The moderation log' },
    permission: MANAGE_DIALOGUES,
    schema: { params: idParams, response: { 200: dialogueModerationLogSchema } },
    handler: (req, ctx) => service(ctx).moderationLog(req.tenantId!, req.params.id),
  });
}
