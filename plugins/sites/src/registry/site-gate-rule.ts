import { coreServices, type PluginContext, type PluginRegistrar, type TenantInfo } from '@cong/sdk';
import { siteGatePoint, type SiteGate, type SiteGateVerdict } from '@cong/plugin-portal/api';
import type { RegistryDatabase } from './registry-database.js';
import { siteStatusChanged } from './site-events.js';
import { sitesSettings } from './sites-settings.js';

/**
 * The site status as the portal's gate sees it: a unit without a registered site (or with the plugin
 * off) is served as before; a draft is for the unit's staff only; suspended is 503; archived is served
 * with a notice, or 410 (setting `archivedSites`). The portal keeps each verdict in memory; a status
 * change drops it in every process that hears `sites.site-status-changed`.
 */
export async function siteVerdict(ctx: PluginContext, tenant: TenantInfo): Promise<SiteGateVerdict> {
  if (!(await ctx.get(coreServices.tenancy).isEnabled(tenant.id))) return { kind: 'open' };
  const site = await ctx.get(coreServices.database).kysely<RegistryDatabase>().selectFrom('sites_sites').select(['status', 'status_reason']).where('tenant_id', '=', tenant.id).executeTakeFirst();
  switch (site?.status) {
    case 'draft':
      return { kind: 'members-only' };
    case 'suspended':
      return { kind: 'closed', retryAfterSeconds: (await sitesSettings(ctx, tenant.id)).suspendedRetryAfterSeconds };
    case 'archived':
      return (await sitesSettings(ctx, tenant.id)).archivedSites === 'gone'
        ? { kind: 'gone' }
        : {
            kind: 'notice',
            text: {
              vi: `Đây là trang thông tin đã lưu trữ của ${tenant.nameVi}: thông tin có thể không còn được cập nhật.${site.status_reason ? ` ${site.status_reason}` : ''}`,
              en: `This is the archived site of ${tenant.nameEn ?? tenant.nameVi}: its information may no longer be kept up to date.`,
            },
          };
    default:
      return { kind: 'open' };
  }
}

/** Contributes the site status to the portal's gate, and drops a unit's verdict when its status changes. */
export function registerSiteGate(reg: PluginRegistrar): void {
  let gate: SiteGate | undefined;
  reg.extend(siteGatePoint, (point, ctx) => {
    gate = point;
    point.addRule((tenant) => siteVerdict(ctx, tenant));
  });
  reg.on(siteStatusChanged, (event) => gate?.changed(event.tenantId));
}
