import type { PluginRegistrar } from '@cong/sdk';
import { alertRoutes } from './alerts.routes.js';

/** Emergency alert banners (src/alerts): admin routes and the public list of alerts in force. */
export function registerAlerts(reg: PluginRegistrar): void {
  reg.routes(alertRoutes);
}
