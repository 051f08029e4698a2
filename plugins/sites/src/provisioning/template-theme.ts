import { coreServices, type PluginRegistrar } from '@cong/sdk';
import { siteThemePoint, type SiteTheme } from '@cong/plugin-portal/api';
import type { RegistryDatabase } from '../registry/registry-database.js';
import { siteStatusChanged } from '../registry/site-events.js';
import { BUILTIN_TEMPLATES } from './builtin-templates.js';

/** How long a unit's template is trusted from memory: a run in another process (the CLI) shows by then. */
const TEMPLATE_TTL_MS = 30_000;

/**
 * A provisioned site wears its template's theme tokens (the central header, emblem and footer stay
 * the province's, TEN-06). The portal asks only when it renders a page (not for cached ones); each
 * unit's template is kept in memory for a while, and dropped with the unit's cached pages when this
 * process hears of a new site or template (`sites.site-status-changed`).
 */
export function registerTemplateTheme(reg: PluginRegistrar): void {
  const templates = new Map<string, { readonly id: string | null; readonly at: number }>();
  let theme: SiteTheme | undefined;
  reg.extend(siteThemePoint, (point, ctx) => {
    theme = point;
    point.setTokens(async (tenant) => {
      let known = templates.get(tenant.id);
      if (!known || Date.now() - known.at >= TEMPLATE_TTL_MS) {
        const site = await ctx.get(coreServices.database).kysely<RegistryDatabase>().selectFrom('sites_sites').select('template').where('tenant_id', '=', tenant.id).executeTakeFirst();
        known = { id: site?.template ?? null, at: Date.now() };
        templates.set(tenant.id, known);
      }
      return (known.id && BUILTIN_TEMPLATES.get(known.id)?.theme) || {};
    });
  });
  reg.on(siteStatusChanged, (event) => {
    templates.delete(event.tenantId);
    theme?.tokensChanged(event.tenantId);
  });
}
