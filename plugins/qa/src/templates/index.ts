// Mail templates (issue 8, SECURITY.md ASVS 5.2.5): every e-mail of the plugin is a named, logic-less
// `{{key}}` template with a default text, which a province's board may override.
import type { PluginRegistrar } from '@cong/sdk';
import { mailTemplateRoutes } from './mail-template.routes.js';

export function registerTemplates(reg: PluginRegistrar): void {
  reg.routes((route) => mailTemplateRoutes(route));
}
