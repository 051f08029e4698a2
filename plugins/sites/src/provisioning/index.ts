// The provisioning area: site templates and bulk provisioning (API and `cong sites provision`). The
// templates' themes reach the public site through the appearance store (src/appearance, template-theme.ts).
import type { PluginRegistrar } from '@cong/sdk';
import { provisionCommand } from './provision-command.js';
import { provisioningRoutes } from './provisioning.routes.js';

export function registerProvisioning(reg: PluginRegistrar): void {
  reg.routes(provisioningRoutes);
  reg.command(provisionCommand);
}

export { SITE_ROLES } from './site-roles.js';
export { BUILTIN_TEMPLATES } from './builtin-templates.js';
