import { coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { UnitTree } from '../questions/unit-tree.js';
import { buildAcceptanceReport } from './acceptance-report.js';
import { splitDraft } from './article-splitter.js';
import type { ConsultationSettings } from './consultation-config.js';
import { BUILT_IN_CONSULTEES } from './consultation-database.js';
import {
  agencyReplyBody,
  articlesBody,
  commentParams,
  commentQuery,
  createBody,
  fileParams,
  idParams,
  outcomeBody,
  pageQuery,
  reasonBody,
  rejectBody,
  replyBody,
  reportQuery,
  splitBody,
  updateBody,
} from './consultation.schema.js';
import { commentListSchema, commentView, consultationListSchema, consultationSchema, moderationLogSchema, periodsSchema, reportSchema, requestListSchema, consulteeView, splitSchema } from './consultation-views.schema.js';
import { ConsultationService, type ConsultationActor } from './consultation.service.js';
import { fileDownload } from './file-download.js';
import { reportDownload } from './render-report.js';

/** The permissions of consultations. */
export const MANAGE = 'qa.consultations.manage';
export const REPLY = 'qa.consultations.reply';

/** Dossier and reply files: PDF or DOCX (sniffed from the bytes), 20 MiB each. */
export const DOSSIER_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export const DOSSIER_MAX_BYTES = 20 * 1024 * 1024;

const actorOf = (req: RouteRequest): ConsultationActor => ({ id: req.principal!.id, unitId: req.tenantId!, request: req });

/**
 * The drafting unit's consultations (`/api/qa/consultations…`, `qa.consultations.manage` in the unit):
 * create with the text split into articles, correct the split, the dossier, announce, moderate
 * comments, answer them after closing, the report on acceptance and explanation, publish the outcome.
 * Another unit's consultation does not exist (404).
 */
export function consultationStaffRoutes(route: RouteBuilder, settings: ConsultationSettings): void {
  const service = (ctx: PluginContext) => new ConsultationService(ctx, settings);

  route.get('/consultation-periods', {
    summary: { vi: 'Loại dự thảo và thời hạn lấy ý kiến tối thiểu', en: 'Draft types and minimum consultation periods' },
    permission: MANAGE,
    schema: { response: { 200: periodsSchema } },
    handler: async (req, ctx) => {
      const rule = await service(ctx).periods();
      const units = new UnitTree(ctx);
      const province = await units.province(req.tenantId!);
      return {
        version: rule.version,
        citation: rule.citation,
        documentTypes: Object.entries(rule.value.documentTypes).map(([code, t]) => ({ code, label: { vi: t.label.vi, en: t.label.en }, minimumDays: t.minimumDays, checked: t.checked })),
        agencyReplyDays: rule.value.agencyReplyDays,
        agencyReplyDaysShortened: rule.value.agencyReplyDaysShortened,
        builtInConsultees: await Promise.all(
          BUILT_IN_CONSULTEES.map(async (flag) => {
            const unit = province ? await units.agencyOf(province.id, settings.builtInConsultees[flag]) : undefined;
            return { flag, unit: unit ? { id: unit.id, slug: unit.slug, name: unit.nameVi } : null };
          }),
        ),
      };
    },
  });

  route.post('/consultations/split', {
    summary: { vi: 'Tách toàn văn dự thảo thành các điều (xem trước)', en: 'Split a draft’s full text into articles (preview)' },
    permission: MANAGE,
    schema: { body: splitBody, response: { 200: splitSchema } },
    bodyLimit: 4 * 1024 * 1024,
    handler: (req) => ({ articles: splitDraft(req.body.text) }),
  });

  route.get('/consultations', {
    summary: { vi: 'Các đợt lấy ý kiến dự thảo của đơn vị', en: 'The unit’s consultations' },
    permission: MANAGE,
    schema: { query: pageQuery, response: { 200: consultationListSchema } },
    handler: (req, ctx) => service(ctx).page(req.tenantId!, req.query.limit ?? 20, req.query.offset ?? 0),
  });

  route.post('/consultations', {
    summary: { vi: 'Tạo đợt lấy ý kiến dự thảo', en: 'Create a consultation on a draft' },
    description: 'The full text in `text` is split into chapters and articles ("Chương …", "Điều N."); or give `articles` already split. `opensOn`…`closesOn` (calendar days) must be at least the document type’s minimum period (rule `qa.consultationPeriods`): else 400 `QA_ERR_CONSULTATION_PERIOD` naming `/closesOn`.',
    permission: MANAGE,
    bodyLimit: 4 * 1024 * 1024,
    schema: { body: createBody, response: { 201: consultationSchema } },
    handler: async (req, ctx) => respond(201, await service(ctx).create(actorOf(req), req.body)),
  });

  route.get('/consultations/:id', {
    summary: { vi: 'Chi tiết đợt lấy ý kiến', en: 'A consultation' },
    permission: MANAGE,
    schema: { params: idParams, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).detail(req.tenantId!, req.params.id),
  });

  route.patch('/consultations/:id', {
    summary: { vi: 'Sửa tiêu đề, tóm tắt, nơi tiếp nhận hoặc thời gian lấy ý kiến (trước khi mở)', en: 'Change the title, summary, contacts or days (before it opens)' },
    permission: MANAGE,
    schema: { params: idParams, body: updateBody, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).update(actorOf(req), req.params.id, req.body),
  });

  route.put('/consultations/:id/articles', {
    summary: { vi: 'Sửa việc tách điều của dự thảo', en: 'Correct the split into articles' },
    permission: MANAGE,
    bodyLimit: 4 * 1024 * 1024,
    schema: { params: idParams, body: articlesBody, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).replaceArticles(actorOf(req), req.params.id, req.body.articles),
  });

  route.post('/consultations/:id/files', {
    summary: { vi: 'Thêm tệp vào hồ sơ dự thảo', en: 'Add a file to the dossier' },
    description: `multipart/form-data with the file in \`file\`: PDF or DOCX (sniffed from the bytes), at most ${DOSSIER_MAX_BYTES / 1024 / 1024} MiB. Published with the consultation.`,
    permission: MANAGE,
    schema: { params: idParams, upload: { field: 'file', maxBytes: DOSSIER_MAX_BYTES, allowedTypes: DOSSIER_TYPES }, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).attach(actorOf(req), req.params.id, req.file),
  });

  route.delete('/consultations/:id/files/:fileId', {
    summary: { vi: 'Bỏ tệp khỏi hồ sơ dự thảo', en: 'Remove a file from the dossier' },
    permission: MANAGE,
    schema: { params: fileParams, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).detach(actorOf(req), req.params.id, req.params.fileId),
  });

  route.get('/consultations/:id/replies/:fileId', {
    summary: { vi: 'Tải tệp ý kiến của cơ quan được lấy ý kiến', en: 'Download a consulted agency’s reply file' },
    permission: MANAGE,
    produces: 'application/octet-stream',
    schema: { params: fileParams },
    handler: async (req, ctx) => {
      await service(ctx).detail(req.tenantId!, req.params.id);
      const consultee = (await service(ctx).repo.consultees(req.params.id)).find((c) => c.reply_file_id === req.params.fileId);
      if (!consultee) throw new NotFoundError(`File ${req.params.fileId} does not exist`);
      return fileDownload(await ctx.get(coreServices.files).open(req.params.fileId), consultee.reply_file_name ?? 'y-kien', consultee.reply_file_type ?? 'application/octet-stream');
    },
  });

  route.post('/consultations/:id/announce', {
    summary: { vi: 'Công bố đợt lấy ý kiến', en: 'Announce the consultation' },
    description: 'The consultation appears on the public pages; it opens for comments on `opensOn` and closes after `closesOn` (Vietnam time). The phase is computed on read: no job moves it.',
    permission: MANAGE,
    schema: { params: idParams, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).announce(actorOf(req), req.params.id),
  });

  route.get('/consultations/:id/comments', {
    summary: { vi: 'Ý kiến góp ý (kiểm duyệt)', en: 'Comments (moderation)' },
    permission: MANAGE,
    schema: { params: idParams, query: commentQuery, response: { 200: commentListSchema } },
    handler: (req, ctx) => service(ctx).comments(req.tenantId!, req.params.id, req.query.status ? [req.query.status] : undefined, req.query.limit ?? 100, req.query.offset ?? 0),
  });

  route.post('/consultations/:id/comments/:commentId/approve', {
    summary: { vi: 'Duyệt hiển thị ý kiến', en: 'Approve a comment for display' },
    permission: MANAGE,
    schema: { params: commentParams, body: reasonBody, response: { 200: commentView } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.commentId, 'approve', req.body?.reason ?? null),
  });

  route.post('/consultations/:id/comments/:commentId/reject', {
    summary: { vi: 'Không hiển thị ý kiến (nêu lý do)', en: 'Reject a comment (with a reason)' },
    permission: MANAGE,
    schema: { params: commentParams, body: rejectBody, response: { 200: commentView } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.commentId, 'reject', req.body.reason),
  });

  route.post('/consultations/:id/comments/:commentId/restore', {
    summary: { vi: 'Hiển thị lại ý kiến bị ẩn do báo cáo vi phạm', en: 'Show again a comment hidden by abuse reports' },
    permission: MANAGE,
    schema: { params: commentParams, body: reasonBody, response: { 200: commentView } },
    handler: (req, ctx) => service(ctx).moderate(actorOf(req), req.params.id, req.params.commentId, 'restore', req.body?.reason ?? null),
  });

  route.get('/consultations/:id/moderation-log', {
    summary: { vi: 'Nhật ký kiểm duyệt ý kiến', en: 'The moderation log' },
    permission: MANAGE,
    schema: { params: idParams, response: { 200: moderationLogSchema } },
    handler: (req, ctx) => service(ctx).moderationLog(req.tenantId!, req.params.id),
  });

  route.put('/consultations/:id/comments/:commentId/reply', {
    summary: { vi: 'Tiếp thu, giải trình một ý kiến', en: 'Answer a comment (accepted, partly, not accepted)' },
    permission: MANAGE,
    schema: { params: commentParams, body: replyBody, response: { 200: commentView } },
    handler: (req, ctx) => service(ctx).reply(actorOf(req), req.params.id, req.params.commentId, req.body.decision, req.body.explanation),
  });

  route.get('/consultations/:id/report', {
    summary: { vi: 'Báo cáo tiếp thu, giải trình ý kiến góp ý', en: 'The report on acceptance and explanation' },
    description: '`format=json` (default) answers the data; `docx`, `pdf` and `csv` download it.',
    permission: MANAGE,
    schema: { params: idParams, query: reportQuery, response: { 200: reportSchema } },
    handler: async (req, ctx) => {
      await service(ctx).detail(req.tenantId!, req.params.id);
      const row = (await service(ctx).repo.byId(req.params.id))!;
      const report = await buildAcceptanceReport(ctx, row);
      const format = req.query.format ?? 'json';
      return format === 'json' ? respond(200, report, { 'cache-control': 'no-store' }) : reportDownload(report, format);
    },
  });

  route.post('/consultations/:id/publish-outcome', {
    summary: { vi: 'Công bố kết quả và báo cáo tiếp thu, giải trình', en: 'Publish the outcome and the report' },
    permission: MANAGE,
    schema: { params: idParams, body: outcomeBody, response: { 200: consultationSchema } },
    handler: (req, ctx) => service(ctx).publishOutcome(actorOf(req), req.params.id, req.body.summary),
  });
}

/** A consulted unit's side (`/api/qa/consultation-requests…`, `qa.consultations.reply` in the unit). */
export function consultationAgencyRoutes(route: RouteBuilder, settings: ConsultationSettings): void {
  const service = (ctx: PluginContext) => new ConsultationService(ctx, settings);

  route.get('/consultation-requests', {
    summary: { vi: 'Dự thảo đơn vị được lấy ý kiến', en: 'Drafts the unit is consulted on' },
    permission: REPLY,
    schema: { response: { 200: requestListSchema } },
    handler: (req, ctx) => service(ctx).requests(req.tenantId!),
  });

  route.put('/consultation-requests/:id/reply', {
    summary: { vi: 'Gửi ý kiến của đơn vị về dự thảo', en: 'Send the unit’s opinion on the draft' },
    description: 'Taken until the outcome is published; a reply after `deadlineOn` is kept and flagged `late`.',
    permission: REPLY,
    schema: { params: idParams, body: agencyReplyBody, response: { 200: consulteeView } },
    handler: (req, ctx) => service(ctx).agencyReply(actorOf(req), req.params.id, req.body.text, null),
  });

  route.post('/consultation-requests/:id/reply/file', {
    summary: { vi: 'Đính kèm văn bản góp ý của đơn vị', en: 'Attach the unit’s signed opinion' },
    description: `multipart/form-data with the file in \`file\`: PDF or DOCX, at most ${DOSSIER_MAX_BYTES / 1024 / 1024} MiB; replaces an earlier file.`,
    permission: REPLY,
    schema: { params: idParams, upload: { field: 'file', maxBytes: DOSSIER_MAX_BYTES, allowedTypes: DOSSIER_TYPES }, response: { 200: consulteeView } },
    handler: (req, ctx) => service(ctx).agencyReply(actorOf(req), req.params.id, null, req.file),
  });
}
