import type { AdminTenant, AdminUser } from '@cong/sdk/admin';
import type { MediaPicker } from './media-picker.element.js';
import type { MediaItem } from './media-types.js';
import './media-picker.js';

const MEDIA_WRITE = 'portal.media.write';
/** Article bodies are at most about 60rem wide: the 1024 px WebP is sharp there and small. */
const BODY_WIDTH = 1024;

/** The rendition an article body links to: the widest WebP up to {@link BODY_WIDTH}, else the cleaned original. */
export function bodyImagePath(item: MediaItem): string {
  const webp = item.variants.filter((v) => v.contentType === 'image/webp' && v.width <= BODY_WIDTH).sort((a, b) => b.width - a.width)[0];
  return webp?.url ?? item.url;
}

/**
 * What the editors give `<portal-rich-text>` so its image button opens the media library's picker:
 * `pickImage` (undefined for an account without `portal.media.write`, which keeps the address prompt)
 * and `mediaBase`, the unit's prefix for showing library images in the admin.
 */
export function libraryImageChooser(picker: () => MediaPicker | null, tenant: AdminTenant | undefined, user: AdminUser | undefined) {
  const allowed = !user || user.permissions.includes(MEDIA_WRITE);
  return {
    mediaBase: tenant ? `/t/${encodeURIComponent(tenant.slug)}` : '',
    pickImage: allowed
      ? async () => {
          const item = await picker()?.pick({ kind: 'image' });
          return item ? { src: bodyImagePath(item), alt: item.alt.vi ?? '' } : undefined;
        }
      : undefined,
  };
}
