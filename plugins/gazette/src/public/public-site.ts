import { coreServices, normalizeHost, publicSiteBase, type PluginContext, type RouteRequest, type TenancyService, type TenantInfo } from '@cong/sdk';

/** Where the gazette's pages live on the unit's site, beside the portal's (ELI paths live at the root). */
export const SITE_BASE = '/cong-bao';

/** The request's gazette site: the office (the request's unit) and how its links are written. */
export interface PublicSite {
  readonly office: TenantInfo;
  /** `http://host[:port]` as the request reached us. */
  readonly origin: string;
  /** `/t/<slug>` when the unit was reached by the platform host's path prefix, else ''. */
  readonly prefix: string;
  /** A site path with the prefix, for links: `path('/cong-bao/so')`. */
  path(sitePath: string): string;
  /** The absolute URL of a site path (feeds, JSON-LD, canonical links). */
  url(sitePath: string): string;
}

/**
 * The unit a host belongs to, for API calls without `X-Cong-Tenant` (the core resolves hosts for
 * pages, not for `/api/`): a public client reading the gazette's API on the province's own host gets
 * that province's gazette. Aliases count; archived units do not.
 */
async function unitOfHost(tenancy: TenancyService, host: string): Promise<string | undefined> {
  const units = await tenancy.tree();
  const unit = units.find((u) => u.status === 'active' && (u.primaryHost?.toLowerCase() === host || u.aliasHosts.some((a) => a.toLowerCase() === host) || `${u.slug}.localhost` === host));
  return unit?.id;
}

/**
 * The site of the request, or undefined when the request has no unit. The core resolves the unit
 * (its host, `<slug>.localhost`, `/t/<slug>/`; `X-Cong-Tenant` on API calls); links start with the
 * request's `publicSiteBase` (no prefix on the unit's own host, `/t/<slug>` anywhere else).
 */
export async function publicSiteFor(req: RouteRequest, ctx: PluginContext): Promise<PublicSite | undefined> {
  const tenancy = ctx.get(coreServices.tenancy);
  const host = normalizeHost(req.headers.host);
  const tenantId = req.tenantId ?? (host ? await unitOfHost(tenancy, host) : undefined);
  if (tenantId === undefined) return undefined;
  const office = await tenancy.get(tenantId);
  if (!office) return undefined;
  const { prefix, origin } = publicSiteBase(req, office);
  const path = (p: string) => `${prefix}${p}`;
  return { office, origin, prefix, path, url: (p: string) => `${origin}${path(p)}` };
}
