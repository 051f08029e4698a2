import type { PluginRegistrar } from '@cong/sdk';
import { legalRoutes } from './legal-routes.js';

/** Routes, jobs and listeners of the portal's legal area. */
export function registerLegal(reg: PluginRegistrar): void {
  reg.routes(legalRoutes);
}
