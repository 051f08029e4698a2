import { defineSchema, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf } from '../intake/intake-request.js';
import { idParams } from '../publication/issue.schema.js';
import { correctionListSchema, correctionSchema, linkCorrectionBody } from './correction.schema.js';
import { COMPOSE } from '../publication/issue.routes.js';
import { callingOffice } from '../publication/publication-store.js';
import { CorrectionService } from './correction.service.js';

const correctionsQuery = defineSchema<{ pending?: boolean }>({ type: 'object', additionalProperties: false, properties: { pending: { type: 'boolean' } } });

/** The office's correction notices (đính chính, GAZ-25…GAZ-28), under /api/gazette/corrections. */
export function correctionRoutes(route: RouteBuilder): void {
  const corrections = (ctx: PluginContext) => new CorrectionService(ctx);

  route.get('/corrections', {
    summary: { vi: 'Danh sách đính chính', en: 'Correction notices' },
    description: '`pending=true`: not yet published, with their due date (GAZ-29).',
    permission: COMPOSE,
    schema: { query: correctionsQuery, response: { 200: correctionListSchema } },
    handler: async (req, ctx) => corrections(ctx).list(await callingOffice(ctx, req), req.query),
  });

  route.post('/corrections', {
    summary: { vi: 'Ghi nhận văn bản đính chính cho văn bản gửi đăng', en: 'Link a correction notice to the document it corrects' },
    description:
      'Both are submissions of the office. `source: issuer`: the issuer\'s notice; it is `issuer-before` when the faulty document is not yet published (both go into the same issue), ' +
      '`issuer-after` when it is (the next issue). `source: office`: the office\'s own notice of a production error (entered by the office as issuer), for a published document (the next nearest issue).',
    permission: COMPOSE,
    schema: { body: linkCorrectionBody, response: { 201: correctionSchema } },
    handler: async (req, ctx) => {
      const created = await corrections(ctx).link(await callingOffice(ctx, req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/gazette/corrections/${created.id}` });
    },
  });

  route.get('/corrections/:id', {
    summary: { vi: 'Xem đính chính', en: 'Read a correction' },
    permission: COMPOSE,
    schema: { params: idParams, response: { 200: correctionSchema } },
    handler: async (req, ctx) => corrections(ctx).get(await callingOffice(ctx, req), req.params.id),
  });

  route.delete('/corrections/:id', {
    summary: { vi: 'Hủy liên kết đính chính chưa đăng', en: 'Remove a correction link that is not yet published' },
    permission: COMPOSE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      await corrections(ctx).unlink(await callingOffice(ctx, req), actorOf(req), req.params.id);
      return respond(204);
    },
  });
}
