import type { PluginRegistrar } from '@cong/sdk';
import { royaltyRoutes } from './royalties.routes.js';

/** Routes of the royalties area (nhuận bút, POR-43). */
export function registerRoyalties(reg: PluginRegistrar): void {
  reg.routes(royaltyRoutes);
}
