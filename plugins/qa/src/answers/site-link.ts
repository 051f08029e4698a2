import { coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';

const SAFE_HOST = /^[a-z0-9.:[\]-]+$/i;

/**
 * The base of links mailed about a question: the site that received it, on its own host when it has
 * one, else on the request's origin under `/t/<slug>` (staff act through the API of another unit, so
 * the question's site, not the request's, decides).
 */
export async function siteLinkBase(ctx: PluginContext, req: RouteRequest, siteId: string): Promise<string> {
  const site = await ctx.get(coreServices.tenancy).get(siteId);
  if (site?.primaryHost) return `https://${site.primaryHost}`;
  const host = req.headers.host ?? 'localhost';
  return `${req.protocol}://${SAFE_HOST.test(host) ? host.toLowerCase() : 'localhost'}/t/${site?.slug ?? siteId}`;
}
