import type { PluginRegistrar } from '@cong/sdk';
import { DefaultSiteActivityService } from './default-site-activity-service.js';
import { siteActivityRef } from './site-activity-service.js';

/** Batched reads of many units' sites for other plugins (`portal.site-activity`, `@cong/plugin-portal/api`). */
export function registerNetworkReads(reg: PluginRegistrar): void {
  reg.provide(siteActivityRef, (ctx) => new DefaultSiteActivityService(ctx));
}
