import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { alertRoutes } from './alerts.routes.js';

/** Emergency alert banners (src/alerts): admin routes and the public list of alerts in force. */
export function registerAlerts(reg: PluginRegistrar, languages: Languages): void {
  reg.routes((route) => alertRoutes(route, languages));
}
