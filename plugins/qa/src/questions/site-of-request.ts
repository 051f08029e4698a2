import { coreServices, NotFoundError, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import type { PageSite } from './question-pages.js';

const SAFE_HOST = /^[a-z0-9.:[\]-]+$/i;

function bareHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d{1,5}$/, '').replace(/\.$/, '');
}

/** The unit whose site the request is for, its page prefix and the base of links mailed from it. */
export interface RequestSite extends PageSite {
  readonly tenant: TenantInfo;
  /** Where links in e-mails point: the unit's own host when it has one, else the request's origin and prefix. */
  readonly linkBase: string;
}

/**
 * The core strips `/t/<slug>` before routing; a request that came on the unit's own host (primary or
 * `<slug>.localhost`) had no prefix. Mailed links prefer the unit's configured host, so a forged Host
 * header cannot point a citizen's verification link elsewhere.
 */
export async function siteOfRequest(req: RouteRequest, ctx: PluginContext): Promise<RequestSite> {
  const tenant = req.tenantId === undefined ? undefined : await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant) throw new NotFoundError('This site has no unit');
  const hostHeader = req.headers.host ?? 'localhost';
  const host = bareHost(hostHeader);
  const ownHost = host === tenant.primaryHost?.toLowerCase() || host === `${tenant.slug}.localhost`;
  const prefix = ownHost ? '' : `/t/${tenant.slug}`;
  const origin = `${req.protocol}://${SAFE_HOST.test(hostHeader) ? hostHeader.toLowerCase() : 'localhost'}`;
  const linkBase = tenant.primaryHost ? `https://${tenant.primaryHost}` : `${origin}${prefix}`;
  return { tenant, name: tenant.nameVi, prefix, linkBase };
}
