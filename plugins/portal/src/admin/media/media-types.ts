// The media API's shapes as the browser sees them: type-only imports of the server's definitions.
import type { MediaKind } from '../../media/media-database.js';
import type { MediaItem, MediaVariant, UpdateMediaBody } from '../../media/media.schema.js';

export type { MediaItem, MediaKind, MediaVariant, UpdateMediaBody };

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'pdf', 'document'];
export const MEDIA_WRITE = 'portal.media.write';
/** What the file input offers; the server decides from the bytes. */
export const MEDIA_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp';

export interface MediaPage {
  readonly items: MediaItem[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The public URL of a rendition for the admin (which runs on the platform host): under the unit's
 * `/t/<slug>` prefix, since `/media/…` alone names no unit there.
 */
export function mediaUrl(tenantSlug: string | undefined, path: string): string {
  return tenantSlug ? `/t/${encodeURIComponent(tenantSlug)}${path}` : path;
}

/** The smallest WebP derivative, for thumbnails; the original for an image without one. */
export function thumbnailPath(item: MediaItem): string | undefined {
  if (item.kind !== 'image') return undefined;
  return item.variants.find((v) => v.contentType === 'image/webp')?.url ?? item.url;
}
