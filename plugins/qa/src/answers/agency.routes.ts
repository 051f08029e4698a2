import type { RouteBuilder, RouteRequest } from '@cong/sdk';
import { idParams } from '../questions/question.schema.js';
import type { Actor } from '../questions/question.service.js';
import type { AnswerSettings } from './answer-config.js';
import { draftBody, fileParams, messageBody, noteBody, remarksBody, settingsBody } from './answer.schema.js';
import { answerViewSchema, ratingSummaryListSchema, ratingSummarySchema, settingsSchema, waitingSchema } from './answer-views.schema.js';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, ATTACHMENTS_PER_ANSWER, AnswerService } from './answer.service.js';
import { downloadResponse } from './download-response.js';
import { boardSideOf } from './board-side.js';

/** The permissions of the answer side. */
export const ANSWER = 'qa.questions.answer';
export const APPROVE = 'qa.answers.approve';
export const TRIAGE = 'qa.questions.triage';

const actorOf = (req: RouteRequest): Actor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/**
 * An agency's answer to a question in its inbox (`/api/qa/inbox/:id/…`): drafting (`qa.questions.answer`),
 * internal notes, asking the citizen for information, sending; approval by a leader
 * (`qa.answers.approve`); the unit's approval setting; the ratings' figures for the agency and the board.
 */
export function agencyAnswerRoutes(route: RouteBuilder, settings: AnswerSettings): void {
  const service = (ctx: Parameters<Parameters<RouteBuilder['get']>[1]['handler']>[1]) => new AnswerService(ctx, settings);

  route.get('/inbox/:id/answer', {
    summary: { vi: 'Dự thảo trả lời, các phiên bản và ghi chú nội bộ', en: 'The draft answer, its revisions and internal notes' },
    permission: ANSWER,
    schema: { params: idParams, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).view(service(ctx).agencySide(req), req.params.id),
  });
  route.put('/inbox/:id/answer', {
    summary: { vi: 'Lưu dự thảo trả lời (mỗi lần lưu là một phiên bản)', en: 'Save the draft answer (each save is a revision)' },
    permission: ANSWER,
    schema: { params: idParams, body: draftBody(settings), response: { 200: answerViewSchema } },
    bodyLimit: 256 * 1024,
    handler: (req, ctx) => service(ctx).saveDraft(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.body),
  });
  route.post('/inbox/:id/answer/attachments', {
    summary: { vi: 'Đính kèm tệp vào dự thảo trả lời', en: 'Attach a file to the draft answer' },
    description: `multipart/form-data with the file in \`file\`: PDF, JPEG, PNG, DOCX, XLSX, ODT or ODS (sniffed from the bytes), at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MiB, ${ATTACHMENTS_PER_ANSWER} per answer. Sent to the asker with the answer; never published.`,
    permission: ANSWER,
    schema: { params: idParams, upload: { field: 'file', maxBytes: ATTACHMENT_MAX_BYTES, allowedTypes: ATTACHMENT_TYPES }, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).attach(actorOf(req), service(ctx).agencySide(req), req.params.id, req.file),
  });
  route.delete('/inbox/:id/answer/attachments/:fileId', {
    summary: { vi: 'Bỏ tệp đính kèm khỏi dự thảo', en: 'Remove an attachment from the draft' },
    permission: ANSWER,
    schema: { params: fileParams, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).detach(actorOf(req), service(ctx).agencySide(req), req.params.id, req.params.fileId),
  });
  route.get('/inbox/:id/answer/attachments/:fileId', {
    summary: { vi: 'Tải tệp đính kèm', en: 'Download an attachment' },
    permission: ANSWER,
    produces: 'application/octet-stream',
    schema: { params: fileParams },
    handler: async (req, ctx) => downloadResponse(await service(ctx).staffFile(service(ctx).agencySide(req), req.params.id, req.params.fileId)),
  });
  route.post('/inbox/:id/notes', {
    summary: { vi: 'Thêm ghi chú nội bộ', en: 'Add an internal note' },
    permission: ANSWER,
    schema: { params: idParams, body: noteBody, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).addNote(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.body),
  });
  route.post('/inbox/:id/answer/submit', {
    summary: { vi: 'Trình lãnh đạo ký duyệt', en: 'Submit for the leader’s approval' },
    permission: ANSWER,
    schema: { params: idParams, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).submit(actorOf(req), service(ctx).agencySide(req), req.params.id),
  });
  route.post('/inbox/:id/answer/send', {
    summary: { vi: 'Gửi trả lời (đơn vị không yêu cầu ký duyệt)', en: 'Send the answer (unit without approval)' },
    permission: ANSWER,
    schema: { params: idParams, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).send(actorOf(req), service(ctx).agencySide(req), req.params.id),
  });
  route.post('/inbox/:id/answer/approve', {
    summary: { vi: 'Ký duyệt và gửi trả lời', en: 'Approve and send the answer' },
    permission: APPROVE,
    schema: { params: idParams, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).approve(actorOf(req), service(ctx).agencySide(req), req.params.id),
  });
  route.post('/inbox/:id/answer/send-back', {
    summary: { vi: 'Trả lại dự thảo kèm ý kiến', en: 'Send the draft back with remarks' },
    permission: APPROVE,
    schema: { params: idParams, body: remarksBody, response: { 200: answerViewSchema } },
    handler: (req, ctx) => service(ctx).sendBack(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.remarks),
  });
  route.post('/inbox/:id/request-information', {
    summary: { vi: 'Đề nghị người hỏi bổ sung thông tin', en: 'Ask the citizen for more information' },
    permission: ANSWER,
    schema: { params: idParams, body: messageBody, response: { 200: waitingSchema } },
    handler: (req, ctx) => service(ctx).requestInformation(actorOf(req), service(ctx).agencySide(req), req.params.id, req.body.message),
  });

  route.get('/answer-settings', {
    summary: { vi: 'Cài đặt trả lời của đơn vị', en: 'The unit’s answer settings' },
    permission: APPROVE,
    schema: { response: { 200: settingsSchema } },
    handler: async (req, ctx) => ({ requireApproval: await service(ctx).requiresApproval(service(ctx).agencySide(req).agencyId) }),
  });
  route.put('/answer-settings', {
    summary: { vi: 'Yêu cầu (hoặc không) lãnh đạo ký duyệt trước khi gửi trả lời', en: 'Require (or not) a leader’s approval before answers are sent' },
    permission: APPROVE,
    schema: { body: settingsBody, response: { 200: settingsSchema } },
    handler: (req, ctx) => service(ctx).setRequiresApproval(actorOf(req), service(ctx).agencySide(req).agencyId, req.body.requireApproval),
  });

  route.get('/rating-summary', {
    summary: { vi: 'Đánh giá mức độ hài lòng về trả lời của đơn vị', en: 'Satisfaction ratings of the unit’s answers' },
    permission: ANSWER,
    schema: { response: { 200: ratingSummarySchema } },
    handler: async (req, ctx) => (await service(ctx).ratingSummaries({ agencyId: service(ctx).agencySide(req).agencyId }))[0]!,
  });
}

/** The board's figures per agency (`/api/qa/rating-summary/agencies`, `qa.questions.triage` in the province). */
export function boardRatingRoutes(route: RouteBuilder, settings: AnswerSettings): void {
  route.get('/rating-summary/agencies', {
    summary: { vi: 'Đánh giá mức độ hài lòng theo cơ quan', en: 'Satisfaction ratings per agency' },
    permission: TRIAGE,
    schema: { response: { 200: ratingSummaryListSchema } },
    handler: async (req, ctx) => ({ items: await new AnswerService(ctx, settings).ratingSummaries({ provinceId: (await boardSideOf(ctx, req)).provinceId }) }),
  });
}
