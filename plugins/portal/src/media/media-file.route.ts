import { coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { contentDisposition } from './content-disposition.js';
import type { MediaDatabase } from './media-database.js';
import { MediaRepository } from './media.repository.js';
import { variantParams } from './media.schema.js';

/**
 * The URL of a stored rendition never changes content (a new upload is a new item), so browsers and
 * proxies keep it a year without asking again.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `GET /media/<id>/<variant>` on a unit's site (`/t/<slug>/media/…` or the unit's host): `goc` is the
 * original (for an image, re-encoded without metadata), `w640.webp` and the like the derivatives.
 * Only the unit's own items: any other id is 404, as is an unknown variant.
 */
export function mediaFileRoute(route: RouteBuilder): void {
  route.get('/media/:id/:variant', {
    summary: { vi: 'Tệp tư liệu (công khai)', en: 'A media file (public)' },
    description: '`goc` for the original, `w<width>.webp|jpg|png` for an image derivative. Cached for a year (immutable).',
    tags: ['portal-public'],
    schema: { params: variantParams },
    handler: async (req, ctx) => {
      if (req.tenantId === undefined) throw new NotFoundError('Name a unit to read its media');
      const file = await openMediaFile(ctx, req.tenantId, req.params.id, req.params.variant);
      if (!file) throw new NotFoundError(`Media item ${req.params.id} has no rendition ${req.params.variant}`);
      const { item, variant, stat, contentType, fileId } = file;
      const files = ctx.get(coreServices.files);
      const base = item.original_name.replace(/\.[^.]{1,8}$/, '');
      const name = variant ? `${base}-${variant.name}` : item.original_name;
      // Images and PDFs open in the browser; office documents download.
      const disposition = item.kind === 'document' ? 'attachment' : 'inline';
      return respond(200, await files.open(fileId), {
        'content-type': contentType,
        'content-length': String(stat.size),
        'cache-control': IMMUTABLE,
        'x-content-type-options': 'nosniff',
        'content-disposition': contentDisposition(disposition, name),
        'cross-origin-resource-policy': 'cross-origin',
      });
    },
  });
}

/**
 * A unit's media file by item id and rendition (`goc` or a derivative name), with what serving it
 * needs; `undefined` for another unit's id, an unknown rendition or a missing file.
 */
export async function openMediaFile(ctx: PluginContext, tenantId: string, id: string, variantName: string) {
  const repository = new MediaRepository(ctx.get(coreServices.database).kysely<MediaDatabase>());
  const item = await repository.find(tenantId, id);
  if (!item) return undefined;
  const variant = variantName === 'goc' ? undefined : await repository.variant(tenantId, item.id, variantName);
  if (variantName !== 'goc' && !variant) return undefined;
  const fileId = variant?.file_id ?? item.file_id;
  const stat = await ctx.get(coreServices.files).stat(fileId);
  if (!stat) return undefined;
  return { item, variant, stat, fileId, contentType: variant?.content_type ?? item.content_type };
}
