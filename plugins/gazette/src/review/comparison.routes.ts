import { respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { IntakeConfig } from '../intake/intake-config.js';
import { actorOf, callingUnit, COMPARE, SUBMIT } from '../intake/intake-request.js';
import { idParams, submissionDetailSchema } from '../intake/submission.schema.js';
import { passBody, returnBody, reviewPageSchema, reviewQueueQuery, roundDetailSchema, roundParams } from './comparison.schema.js';
import { ComparisonService } from './comparison.service.js';

/**
 * The comparison of the electronic copy with the signed original (GAZ-14), under /api/gazette/review
 * for the office (`gazette.compare`), and the issuer's read of a round under its submissions, so it
 * sees exactly what to correct.
 */
export function comparisonRoutes(route: RouteBuilder, config: IntakeConfig): void {
  const service = (ctx: PluginContext) => new ComparisonService(ctx, { ocr: config.ocr });

  route.get('/review', {
    summary: { vi: 'Văn bản chờ đối chiếu', en: 'Documents waiting for comparison' },
    description: 'By default the documents registered, corrected (a new copy came in) or in an open round; newest first.',
    permission: COMPARE,
    schema: { query: reviewQueueQuery, response: { 200: reviewPageSchema } },
    handler: (req, ctx) => {
      const { status, limit, offset } = req.query;
      return service(ctx).submissions.page('office', callingUnit(req), { ...(status ? { status } : { statuses: ['registered', 'corrected', 'comparing'] }), limit, offset });
    },
  });

  route.get('/review/:id', {
    summary: { vi: 'Xem văn bản cần đối chiếu và các lần đối chiếu', en: 'Read a document to compare, with its rounds' },
    permission: COMPARE,
    schema: { params: idParams, response: { 200: submissionDetailSchema } },
    handler: (req, ctx) => service(ctx).detail(callingUnit(req), req.params.id),
  });

  route.post('/review/:id/rounds', {
    summary: { vi: 'Mở lần đối chiếu mới: so sánh bản điện tử với bản gốc', en: 'Open a comparison round: compare the electronic copy with the original' },
    description:
      'Reads the current original (its text layer, or OCR of a scan) and the current electronic copy and compares them word by word. ' +
      'For a registered document, or one whose corrected copy came in. A file that cannot be read counts as empty text.',
    permission: COMPARE,
    schema: { params: idParams, response: { 201: roundDetailSchema } },
    handler: async (req, ctx) => {
      const round = await service(ctx).open(callingUnit(req), actorOf(req), req.params.id);
      return respond(201, round, { location: `/api/gazette/review/${req.params.id}/rounds/${round.round}` });
    },
  });

  route.get('/review/:id/rounds/:round', {
    summary: { vi: 'Kết quả một lần đối chiếu', en: 'One comparison round' },
    permission: COMPARE,
    schema: { params: roundParams, response: { 200: roundDetailSchema } },
    handler: (req, ctx) => service(ctx).get('office', callingUnit(req), req.params.id, req.params.round),
  });

  route.post('/review/:id/rounds/:round/pass', {
    summary: { vi: 'Đối chiếu đạt: văn bản sẵn sàng đăng Công báo', en: 'The round passes: the document is ready for an issue' },
    permission: COMPARE,
    schema: { params: roundParams, body: passBody, response: { 200: roundDetailSchema } },
    handler: (req, ctx) => service(ctx).pass(callingUnit(req), actorOf(req), req.params.id, req.params.round, req.body.remark),
  });

  route.post('/review/:id/rounds/:round/return', {
    summary: { vi: 'Đối chiếu chưa khớp: ghi nhận sai khác và báo ngay cho đơn vị ban hành', en: 'Return with discrepancies and notify the issuer at once' },
    description:
      'Records the automatic discrepancies plus the reviewer\'s `notes` (at least one of the two), sets the document `returned`, and e-mails the person who sent it and the unit\'s gazette contact (through the core mail queue, in the same transaction).',
    permission: COMPARE,
    schema: { params: roundParams, body: returnBody, response: { 200: roundDetailSchema } },
    handler: (req, ctx) => service(ctx).return(callingUnit(req), actorOf(req), req.params.id, req.params.round, req.body),
  });

  route.get('/submissions/:id/rounds/:round', {
    summary: { vi: 'Kết quả đối chiếu văn bản của đơn vị', en: 'A comparison round of the unit\'s document' },
    permission: SUBMIT,
    schema: { params: roundParams, response: { 200: roundDetailSchema } },
    handler: (req, ctx) => service(ctx).get('issuer', callingUnit(req), req.params.id, req.params.round),
  });
}
