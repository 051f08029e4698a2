import type { PluginRegistrar } from '@cong/sdk';
import { navigationRoutes } from './navigation.routes.js';
import { siteClockJob } from './site-clock.js';

/** Menus, banners and the clock that keeps scheduled banners and alerts on time in the page cache. */
export function registerNavigation(reg: PluginRegistrar): void {
  reg.routes(navigationRoutes);
  reg.jobs({ 'site-chrome-clock': siteClockJob });
  reg.schedule('site-chrome-clock', { job: 'site-chrome-clock', everyMs: 60_000 });
}
