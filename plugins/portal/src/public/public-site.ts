import { coreServices, NotFoundError, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import { sitePath } from '../site/languages.js';
import type { PublicLang } from './public-schemas.js';
import { assertPublicSite } from '../site/site-gate.js';

/** The unit a public API call is for, and how to write absolute URLs of its site. */
export interface PublicUnit {
  readonly tenant: TenantInfo;
  /** An absolute URL of the unit's site for a language-neutral path (`/tin/abc`). */
  url(neutral: string, lang: PublicLang): string;
}

function bareHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d{1,5}$/, '').replace(/\.$/, '');
}

/**
 * The request's unit (from `/t/<slug>/` or `X-Cong-Tenant`; the core resolves both before routing),
 * or 404: content belongs to a unit. URLs point at the unit's own host when the request came to it,
 * else at `/t/<slug>/` on the host the request reached — the same rule as the site's pages.
 */
export async function publicUnit(req: RouteRequest, ctx: PluginContext): Promise<PublicUnit> {
  const tenant = req.tenantId === undefined ? undefined : await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant) throw new NotFoundError('Name a unit (/t/<slug>/ or X-Cong-Tenant) to read its content');
  await assertPublicSite(req, ctx, tenant.id);
  const hostHeader = req.headers.host ?? 'localhost';
  const host = bareHost(hostHeader);
  const ownHost = host === tenant.primaryHost?.toLowerCase() || host === `${tenant.slug}.localhost`;
  const prefix = ownHost ? '' : `/t/${tenant.slug}`;
  const origin = `${req.protocol}://${/^[a-z0-9.:[\]-]+$/i.test(hostHeader) ? hostHeader.toLowerCase() : 'localhost'}`;
  return {
    tenant,
    url: (neutral, lang) => `${origin}${prefix}${sitePath(neutral, lang)}`,
  };
}

/** Headers of every public answer: cacheable for a minute, per origin (CORS) and per named unit. */
export const PUBLIC_HEADERS: Readonly<Record<string, string>> = { 'cache-control': 'public, max-age=60', vary: 'Origin, X-Cong-Tenant' };

/** Milliseconds of a `since` value: a date is its midnight in Vietnam (UTC+7). */
export function sinceMs(since: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(since) ? Date.parse(`${since}T00:00:00+07:00`) : Date.parse(since);
}
