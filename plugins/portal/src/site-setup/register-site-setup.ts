import type { PluginRegistrar } from '@cong/sdk';
import { DefaultSiteSetup } from './default-site-setup.js';
import { siteSetupRef } from './site-setup.js';

/** The site setup service other plugins apply site templates with (`portal.site-setup`). */
export function registerSiteSetup(reg: PluginRegistrar): void {
  reg.provide(siteSetupRef, (ctx) => new DefaultSiteSetup(ctx));
}
