import { type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf } from '../intake/intake-request.js';
import { documentDatesBody, documentDetailSchema, relationBody, relationParams, validityBody } from './document.schema.js';
import { idParams } from './issue.schema.js';
import { DocumentService } from './document.service.js';
import { COMPOSE } from './issue.routes.js';
import { callingOffice } from './publication-store.js';

/** The office's published documents: relations, end date, validity override (under /api/gazette/documents). */
export function documentRoutes(route: RouteBuilder): void {
  const documents = (ctx: PluginContext) => new DocumentService(ctx);

  route.get('/documents/:id', {
    summary: { vi: 'Xem văn bản đã đăng: thuộc tính, hiệu lực, quan hệ, đính chính', en: 'Read a published document: attributes, validity, relations, corrections' },
    permission: COMPOSE,
    schema: { params: idParams, response: { 200: documentDetailSchema } },
    handler: async (req, ctx) => documents(ctx).get(await callingOffice(ctx, req), req.params.id),
  });

  route.post('/documents/:id/relations', {
    summary: { vi: 'Ghi quan hệ: văn bản này thay thế, sửa đổi, bãi bỏ, hướng dẫn văn bản khác', en: 'Record that this document replaces, amends, repeals or guides another' },
    description: '`partial: true` on repeals or amends: part of the target is repealed, which makes it partly expired once this document is in force. `corrects` is written by the publication of corrections, never by hand.',
    permission: COMPOSE,
    schema: { params: idParams, body: relationBody, response: { 200: documentDetailSchema } },
    handler: async (req, ctx) => documents(ctx).addRelation(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body),
  });

  route.delete('/documents/:id/relations/:toId/:kind', {
    summary: { vi: 'Xóa quan hệ giữa hai văn bản', en: 'Remove a relation between two documents' },
    permission: COMPOSE,
    schema: { params: relationParams, response: { 200: documentDetailSchema } },
    handler: async (req, ctx) => documents(ctx).removeRelation(await callingOffice(ctx, req), actorOf(req), req.params.id, req.params.toId, req.params.kind),
  });

  route.put('/documents/:id/validity', {
    summary: { vi: 'Đặt hiệu lực thủ công (kèm lý do)', en: 'Set the validity by hand (with a reason)' },
    description: '`validity: null` returns to the computed validity. The reason is required both ways and audited.',
    permission: COMPOSE,
    schema: { params: idParams, body: validityBody, response: { 200: documentDetailSchema } },
    handler: async (req, ctx) => documents(ctx).overrideValidity(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body),
  });

  route.put('/documents/:id/expiry', {
    summary: { vi: 'Ghi ngày hết hiệu lực của văn bản', en: 'Record the date the document stops being in force' },
    description: '`expiresOn` is the first day the document is no longer in force; null removes it.',
    permission: COMPOSE,
    schema: { params: idParams, body: documentDatesBody, response: { 200: documentDetailSchema } },
    handler: async (req, ctx) => documents(ctx).setExpiry(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body.expiresOn),
  });
}
