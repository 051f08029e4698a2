import type { PluginRegistrar } from '@cong/sdk';
import { publicContentRoutes } from './public.routes.js';

/** The read-only public JSON content API (src/public). */
export function registerPublic(reg: PluginRegistrar): void {
  reg.routes(publicContentRoutes);
}
