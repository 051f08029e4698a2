// The provisioning area: site templates, bulk provisioning (API and `cong sites provision`), and the
// templates' theme tokens on the public site.
import type { PluginRegistrar } from '@cong/sdk';
import { provisionCommand } from './provision-command.js';
import { provisioningRoutes } from './provisioning.routes.js';
import { registerTemplateTheme } from './template-theme.js';

export function registerProvisioning(reg: PluginRegistrar): void {
  reg.routes(provisioningRoutes);
  reg.command(provisionCommand);
  registerTemplateTheme(reg);
}

export { SITE_ROLES } from './site-roles.js';
export { BUILTIN_TEMPLATES } from './builtin-templates.js';
