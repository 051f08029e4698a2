import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { DOCUMENT_TYPES } from './document-types.js';
import type { FileRole } from './gazette-database.js';
import { ELECTRONIC_TYPES, ORIGINAL_TYPES, type IntakeConfig } from './intake-config.js';
import { actorOf, callingUnit, SUBMIT } from './intake-request.js';
import {
  createSubmissionBody,
  documentTypesSchema,
  fileFields,
  idParams,
  remarkBody,
  submissionDetailSchema,
  submissionPageSchema,
  submissionsQuery,
  updateSubmissionBody,
  withdrawBody,
} from './submission.schema.js';
import { SubmissionService } from './submission.service.js';

const FILE_WORDS: Record<FileRole, { vi: string; en: string; types: readonly string[] }> = {
  original: { vi: 'Tải lên bản gốc đã ký (PDF)', en: 'Upload the signed original (PDF)', types: ORIGINAL_TYPES },
  electronic: { vi: 'Tải lên bản điện tử (DOCX/DOC)', en: 'Upload the electronic copy (DOCX/DOC)', types: ELECTRONIC_TYPES },
};

/**
 * The issuing unit's side, under /api/gazette/submissions: the calling unit (`X-Cong-Tenant`) enters
 * documents for publication, attaches the signed original and the electronic copy, sends them to the
 * gazette office of its province and follows what becomes of them. Only the issuing unit reaches its
 * rows; another unit's submission is 404.
 */
export function submissionRoutes(route: RouteBuilder, config: IntakeConfig): void {
  const service = (ctx: PluginContext) => new SubmissionService(ctx, { ocr: config.ocr });

  route.get('/document-types', {
    summary: { vi: 'Các loại văn bản gửi đăng Công báo', en: 'Kinds of document sent for publication' },
    authenticated: true,
    schema: { response: { 200: documentTypesSchema } },
    handler: () => ({ items: Object.entries(DOCUMENT_TYPES).map(([code, name]) => ({ code, name })) }),
  });

  route.get('/submissions', {
    summary: { vi: 'Văn bản đơn vị đã gửi đăng Công báo', en: 'Documents the unit sent for publication' },
    description: 'Newest first. `year` filters on the year of signing.',
    permission: SUBMIT,
    schema: { query: submissionsQuery, response: { 200: submissionPageSchema } },
    handler: (req, ctx) => service(ctx).page('issuer', callingUnit(req), { ...(req.query.status ? { status: req.query.status } : {}), ...(req.query.year ? { signedYear: req.query.year } : {}), limit: req.query.limit, offset: req.query.offset }),
  });

  route.post('/submissions', {
    summary: { vi: 'Nhập văn bản gửi đăng Công báo (bản nháp)', en: 'Enter a document for publication (a draft)' },
    description:
      'The attributes of GAZ-13. The number and symbol must read number/year/symbol (`41/2026/QĐ-UBND`) or number/symbol. ' +
      'The sending deadline is computed from `signedOn` by the rule `gazette.sendDeadline` in force that day. Attach both files, then send.',
    permission: SUBMIT,
    schema: { body: createSubmissionBody, response: { 201: submissionDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).create(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/gazette/submissions/${created.id}` });
    },
  });

  route.get('/submissions/:id', {
    summary: { vi: 'Xem văn bản gửi đăng, tệp, dòng thời gian và kết quả đối chiếu', en: 'Read a submission, its files, timeline and comparison results' },
    permission: SUBMIT,
    schema: { params: idParams, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).get('issuer', callingUnit(req), req.params.id),
  });

  route.patch('/submissions/:id', {
    summary: { vi: 'Sửa thông tin văn bản khi còn là bản nháp', en: 'Edit a draft\'s attributes' },
    permission: SUBMIT,
    schema: { params: idParams, body: updateSubmissionBody, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).update(callingUnit(req), actorOf(req), req.params.id, req.body),
  });

  for (const role of ['original', 'electronic'] as const) {
    const words = FILE_WORDS[role];
    route.put(`/submissions/:id/${role}`, {
      summary: { vi: words.vi, en: words.en },
      description:
        `multipart/form-data with the file in \`file\` (type sniffed from the bytes: ${words.types.join(', ')}; at most ${config.maxFileBytes} bytes) and an optional \`remark\`. ` +
        'On a draft, a new version replaces the current one (every version is kept). After the office returned the document with discrepancies, it is the corrected copy: recorded with its time, and the document waits for the next comparison round.',
      permission: SUBMIT,
      schema: { params: idParams, upload: { field: 'file', maxBytes: config.maxFileBytes, allowedTypes: words.types }, body: fileFields, response: { 200: submissionDetailSchema } },
      handler: (req, ctx) => service(ctx).attachFile('issuer', callingUnit(req), actorOf(req), req.params.id, role, req.file, req.body.remark),
    });
  }

  route.post('/submissions/:id/send', {
    summary: { vi: 'Gửi văn bản đến cơ quan Công báo', en: 'Send the document to the gazette office' },
    description: 'Needs both files. Runs the intake checks (marker, recipients, editable Unicode copy, scanned original, duplicate number): they are flags, never a refusal. The publication deadline starts now.',
    permission: SUBMIT,
    schema: { params: idParams, body: remarkBody, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).send(callingUnit(req), actorOf(req), req.params.id, req.body.remark),
  });

  route.post('/submissions/:id/withdraw', {
    summary: { vi: 'Rút văn bản gửi đăng, nêu lý do', en: 'Withdraw the submission, with a reason' },
    permission: SUBMIT,
    schema: { params: idParams, body: withdrawBody, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).withdraw(callingUnit(req), actorOf(req), req.params.id, req.body.reason),
  });
}
