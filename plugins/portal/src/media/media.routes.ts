import { NotFoundError, respond, type PluginContext, type RouteBuilder, type RouteRequest } from '@cong/sdk';
import { MEDIA_MAX_BYTES, MEDIA_PERMISSION, MEDIA_TYPES, MediaService } from './media.service.js';
import { listMediaQuery, mediaIdParams, mediaItemSchema, mediaPage, updateMediaBody, uploadMediaFields } from './media.schema.js';

function unit(req: RouteRequest): string {
  if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reach its media library');
  return req.tenantId;
}

const services = new WeakMap<PluginContext, MediaService>();
const service = (ctx: PluginContext) => {
  let found = services.get(ctx);
  if (!found) services.set(ctx, (found = new MediaService(ctx)));
  return found;
};

/**
 * The unit's media library (thư viện tư liệu) under /api/portal/media: upload (multipart), list,
 * read, describe and delete. Every route needs `portal.media.write`; another unit's item is 404.
 */
export function mediaRoutes(route: RouteBuilder): void {
  route.post('/media', {
    summary: { vi: 'Tải lên tệp tư liệu', en: 'Upload a media file' },
    description:
      'multipart/form-data with the file in `file` (JPEG, PNG, WebP, PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP; type sniffed from the bytes; at most 20 MiB) and the metadata fields. ' +
      'An image is turned upright, stripped of its metadata (GPS) and derived to WebP at 320/640/1024/1600 px plus a JPEG/PNG at 1024 px. ' +
      'An image uploaded without `altVi` is kept and flagged `needsAlt` until it gets one. ' +
      'The same bytes already in the unit answer 200 with the existing item (unchanged) instead of 201.',
    permission: MEDIA_PERMISSION,
    schema: {
      upload: { field: 'file', maxBytes: MEDIA_MAX_BYTES, allowedTypes: Object.keys(MEDIA_TYPES) },
      body: uploadMediaFields,
      response: { 200: mediaItemSchema, 201: mediaItemSchema },
    },
    handler: async (req, ctx) => {
      const { created, item } = await service(ctx).upload(req, unit(req), req.file, req.body);
      return created ? respond(201, item, { location: `/api/portal/media/${item.id}` }) : respond(200, item);
    },
  });

  route.get('/media', {
    summary: { vi: 'Thư viện tư liệu của đơn vị', en: 'The unit\'s media library' },
    description: 'Newest first. `q` matches the folded title, alt text, document number and file name (accents optional).',
    permission: MEDIA_PERMISSION,
    schema: { query: listMediaQuery, response: { 200: mediaPage } },
    handler: async (req, ctx) => {
      const page = await service(ctx).repository.page(unit(req), req.query);
      return { ...page, limit: req.query.limit, offset: req.query.offset };
    },
  });

  route.get('/media/:id', {
    summary: { vi: 'Một tệp tư liệu', en: 'One media item' },
    permission: MEDIA_PERMISSION,
    schema: { params: mediaIdParams, response: { 200: mediaItemSchema } },
    handler: async (req, ctx) => {
      const item = await service(ctx).repository.item(unit(req), req.params.id);
      if (!item) throw new NotFoundError(`Media item ${req.params.id} does not exist`);
      return item;
    },
  });

  route.patch('/media/:id', {
    summary: { vi: 'Sửa thông tin tệp tư liệu', en: 'Update a media item\'s metadata' },
    description: 'Title, alt text and caption (vi/en), credit; for PDFs and documents the document metadata. `null` or an empty string clears a value.',
    permission: MEDIA_PERMISSION,
    schema: { params: mediaIdParams, body: updateMediaBody, response: { 200: mediaItemSchema } },
    handler: (req, ctx) => service(ctx).update(req, unit(req), req.params.id, req.body),
  });

  route.delete('/media/:id', {
    summary: { vi: 'Xoá tệp tư liệu', en: 'Delete a media item' },
    description: 'Refused with 409 PORTAL_ERR_MEDIA_IN_USE while an article or page body links to `/media/<id>/`.',
    permission: MEDIA_PERMISSION,
    schema: { params: mediaIdParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      await service(ctx).remove(req, unit(req), req.params.id);
    },
  });
}
