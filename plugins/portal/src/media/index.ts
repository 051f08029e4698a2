// The media library's public face for the rest of the portal.
export { registerMedia } from './register-media.js';
export { mediaMigrations } from './migrations/index.js';
export { mediaImageHtml, mediaFigureHtml, mediaImageObject, mediaSrcset, mediaFallbackUrl, DEFAULT_SIZES, type MediaImageOptions } from './media-image-html.js';
export { mediaDocumentHtml } from './media-document-html.js';
export { siteMediaUrls } from './media-urls.js';
export { MediaRepository, mediaPath } from './media.repository.js';
export type { MediaItem, MediaVariant, MediaDocumentInfo } from './media.schema.js';
export { openMediaFile } from './media-file.route.js';
