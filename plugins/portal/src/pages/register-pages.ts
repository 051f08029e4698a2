import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { registerNavigation } from '../navigation/register-navigation.js';
import { pageRoutes } from './pages.routes.js';

/**
 * The pages area: pages (trang tĩnh) in a tree, and the navigation it owns (menus, banners, and the
 * clock of scheduled banners and alerts). Its public pages are `pagesSitePages`.
 */
export function registerPages(reg: PluginRegistrar, languages: Languages): void {
  reg.routes((route) => pageRoutes(route, languages));
  registerNavigation(reg);
}
