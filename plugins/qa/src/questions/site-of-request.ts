import { coreServices, NotFoundError, publicSiteBase, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import type { PageSite } from './question-pages.js';

/** The unit whose site the request is for, its page prefix and the base of links mailed from it. */
export interface RequestSite extends PageSite {
  readonly tenant: TenantInfo;
  /** Where links in e-mails point: the unit's own host when it has one, else the request's origin and prefix. */
  readonly linkBase: string;
}

/**
 * Page links start with the request's `publicSiteBase` (no prefix on the unit's own host). Mailed links prefer the unit's configured host, so a forged Host
 * header cannot point a citizen's verification link elsewhere.
 */
export async function siteOfRequest(req: RouteRequest, ctx: PluginContext): Promise<RequestSite> {
  const tenant = req.tenantId === undefined ? undefined : await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant) throw new NotFoundError('This site has no unit');
  const { prefix, origin } = publicSiteBase(req, tenant);
  const linkBase = tenant.primaryHost ? `https://${tenant.primaryHost}` : `${origin}${prefix}`;
  return { tenant, name: tenant.nameVi, prefix, linkBase };
}
