import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { FileRole } from './gazette-database.js';
import { ELECTRONIC_TYPES, ORIGINAL_TYPES, type IntakeConfig } from './intake-config.js';
import { actorOf, callingUnit, RECEIVE } from './intake-request.js';
import { fileFields, idParams, officeSubmissionBody, registerBody, registerQuery, submissionDetailSchema, submissionPageSchema } from './submission.schema.js';
import { SubmissionService } from './submission.service.js';

const FILE_WORDS: Record<FileRole, { vi: string; en: string; types: readonly string[] }> = {
  original: { vi: 'Tải lên bản gốc đã ký thay đơn vị ban hành', en: 'Upload the signed original for the issuer', types: ORIGINAL_TYPES },
  electronic: { vi: 'Tải lên bản điện tử thay đơn vị ban hành', en: 'Upload the electronic copy for the issuer', types: ELECTRONIC_TYPES },
};

/**
 * The gazette office's register, under /api/gazette/intake: the calling unit is the office (the root
 * of the unit tree, the province) and sees every document sent to it by units of its tree, plus the
 * ones it entered on an issuer's behalf. It registers them (vào sổ). A unit that is not an office has
 * an empty register.
 */
export function intakeRoutes(route: RouteBuilder, config: IntakeConfig): void {
  const service = (ctx: PluginContext) => new SubmissionService(ctx, { ocr: config.ocr });

  route.get('/intake', {
    summary: { vi: 'Sổ tiếp nhận văn bản gửi đăng Công báo', en: 'The register of documents received for publication' },
    description: 'Every document sent by the units of the office\'s tree (and the ones it entered itself); newest first, or in register order with `registerYear`. `status=draft` lists the office\'s own unsent entries.',
    permission: RECEIVE,
    schema: { query: registerQuery, response: { 200: submissionPageSchema } },
    handler: async (req, ctx) => {
      const { status, issuerUnitId, registerYear, limit, offset } = req.query;
      return service(ctx).page('office', callingUnit(req), { ...(status ? { status } : {}), ...(issuerUnitId ? { issuerUnitId } : {}), ...(registerYear ? { registerYear } : {}), limit, offset });
    },
  });

  route.post('/intake', {
    summary: { vi: 'Nhập văn bản thay đơn vị ban hành (nhận qua thư điện tử, bưu chính…)', en: 'Enter a document on an issuer\'s behalf (received by e-mail, post…)' },
    description: 'The issuer must be a unit of the office\'s tree. Attach both files, then register it: registering records when it actually arrived.',
    permission: RECEIVE,
    schema: { body: officeSubmissionBody, response: { 201: submissionDetailSchema } },
    handler: async (req, ctx) => {
      const created = await service(ctx).createOnBehalf(callingUnit(req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/gazette/intake/${created.id}` });
    },
  });

  route.get('/intake/:id', {
    summary: { vi: 'Xem văn bản trong sổ tiếp nhận', en: 'Read a registered document' },
    permission: RECEIVE,
    schema: { params: idParams, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).get('office', callingUnit(req), req.params.id),
  });

  for (const role of ['original', 'electronic'] as const) {
    const words = FILE_WORDS[role];
    route.put(`/intake/:id/${role}`, {
      summary: { vi: words.vi, en: words.en },
      description: `For documents the office entered itself, before registering. multipart/form-data with the file in \`file\` (${words.types.join(', ')}; at most ${config.maxFileBytes} bytes).`,
      permission: RECEIVE,
      schema: { params: idParams, upload: { field: 'file', maxBytes: config.maxFileBytes, allowedTypes: words.types }, body: fileFields, response: { 200: submissionDetailSchema } },
      handler: (req, ctx) => service(ctx).attachFile('office', callingUnit(req), actorOf(req), req.params.id, role, req.file, req.body.remark),
    });
  }

  route.post('/intake/:id/register', {
    summary: { vi: 'Tiếp nhận, vào sổ: cấp số đăng ký theo năm', en: 'Receive and register: the next register number of the year' },
    description: 'Register numbers run from 1 each year (Vietnam time). A document the office entered itself is sent and registered at once, and its intake checks run.',
    permission: RECEIVE,
    schema: { params: idParams, body: registerBody, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).register(callingUnit(req), actorOf(req), req.params.id, req.body),
  });
}
