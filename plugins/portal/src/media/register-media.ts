import type { PluginRegistrar } from '@cong/sdk';
import { mediaFileRoute } from './media-file.route.js';
import { mediaRoutes } from './media.routes.js';

/** The media library (src/media): admin routes under /api/portal/media and the public `/media/<id>/<variant>` files. */
export function registerMedia(reg: PluginRegistrar): void {
  reg.routes(mediaRoutes);
  reg.publicRoutes(mediaFileRoute);
}
