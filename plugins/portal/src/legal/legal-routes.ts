import { respond, type RouteBuilder } from '@cong/sdk';
import {
  addRelationBody,
  createLegalDocumentBody,
  getLegalDocumentQuery,
  legalDocumentSchema,
  legalIdParams,
  legalPageSchema,
  listLegalDocumentsQuery,
  overrideBody,
  relationParams,
  updateLegalDocumentBody,
} from './legal-schema.js';
import { LegalService } from './legal-service.js';
import { vietnamDate } from '../time/vietnam-time.js';

const WRITE = 'portal.legal.write';
const BASE = '/api/portal/legal-documents';

/**
 * The legal documents API under /api/portal/legal-documents, per unit (`X-Cong-Tenant`; another
 * unit's document answers 404). Reads are open like the documents themselves (they are published
 * law); writes need `portal.legal.write`. Statuses are computed for `asOf` (default: today in Vietnam).
 * The public site's read routes come later.
 */
export function legalRoutes(route: RouteBuilder): void {
  route.get('/legal-documents', {
    summary: { vi: 'Tra cứu văn bản (lọc, đếm theo nhóm, phân trang)', en: 'Search legal documents (filters, facets, paging)' },
    schema: { query: listLegalDocumentsQuery, response: { 200: legalPageSchema } },
    handler: (req, ctx) => new LegalService(ctx).list(req.tenantId ?? null, req.query, req.query.asOf ?? vietnamDate()),
  });

  route.get('/legal-documents/:id', {
    summary: { vi: 'Xem văn bản và các văn bản liên quan', en: 'Read a legal document with its relations both ways' },
    schema: { params: legalIdParams, query: getLegalDocumentQuery, response: { 200: legalDocumentSchema } },
    handler: (req, ctx) => new LegalService(ctx).get(req.tenantId ?? null, req.params.id, req.query.asOf ?? vietnamDate()),
  });

  route.post('/legal-documents', {
    summary: { vi: 'Thêm văn bản', en: 'Add a legal document' },
    permission: WRITE,
    schema: { body: createLegalDocumentBody, response: { 201: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      const id = await service.create(req.tenantId ?? null, req.body, req);
      return respond(201, await service.get(req.tenantId ?? null, id, vietnamDate()), { location: `${BASE}/${id}` });
    },
  });

  route.patch('/legal-documents/:id', {
    summary: { vi: 'Sửa văn bản', en: 'Change a legal document' },
    permission: WRITE,
    schema: { params: legalIdParams, body: updateLegalDocumentBody, response: { 200: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      await service.update(req.tenantId ?? null, req.params.id, req.body, req);
      return service.get(req.tenantId ?? null, req.params.id, vietnamDate());
    },
  });

  route.put('/legal-documents/:id/status-override', {
    summary: { vi: 'Đặt tình trạng hiệu lực thủ công (kèm lý do)', en: 'Set the validity status by hand, with a reason' },
    permission: WRITE,
    schema: { params: legalIdParams, body: overrideBody, response: { 200: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      await service.setOverride(req.tenantId ?? null, req.params.id, req.body.status, req.body.reason, req);
      return service.get(req.tenantId ?? null, req.params.id, vietnamDate());
    },
  });

  route.delete('/legal-documents/:id/status-override', {
    summary: { vi: 'Bỏ tình trạng hiệu lực thủ công', en: 'Clear the manual validity status' },
    permission: WRITE,
    schema: { params: legalIdParams, response: { 200: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      await service.clearOverride(req.tenantId ?? null, req.params.id, req);
      return service.get(req.tenantId ?? null, req.params.id, vietnamDate());
    },
  });

  route.post('/legal-documents/:id/relations', {
    summary: { vi: 'Thêm quan hệ (thay thế, sửa đổi, hướng dẫn, đính chính)', en: 'Relate this document to another' },
    permission: WRITE,
    schema: { params: legalIdParams, body: addRelationBody, response: { 201: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      await service.addRelation(req.tenantId ?? null, req.params.id, req.body.kind, req.body.targetId, req);
      return respond(201, await service.get(req.tenantId ?? null, req.params.id, vietnamDate()));
    },
  });

  route.delete('/legal-documents/:id/relations/:relationId', {
    summary: { vi: 'Bỏ quan hệ', en: 'Remove a relation' },
    permission: WRITE,
    schema: { params: relationParams, response: { 200: legalDocumentSchema } },
    handler: async (req, ctx) => {
      const service = new LegalService(ctx);
      await service.removeRelation(req.tenantId ?? null, req.params.id, req.params.relationId, req);
      return service.get(req.tenantId ?? null, req.params.id, vietnamDate());
    },
  });
}
