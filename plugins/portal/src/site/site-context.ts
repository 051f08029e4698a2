import { coreServices, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import { SiteQueries } from './site-queries.js';
import type { ThemeRegistry, ThemeTokens } from './theme.js';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** One public request as the pages see it: the unit, the language and how to write its URLs. */
export interface Site {
  readonly tenant: TenantInfo;
  readonly lang: Lang;
  /** `http://host[:port]` as the request reached us. */
  readonly origin: string;
  /** `/t/<slug>` when the unit was reached by the path prefix, else ''. */
  readonly prefix: string;
  readonly theme: ThemeTokens;
  readonly queries: SiteQueries;
  readonly ctx: PluginContext;
  /** The unit's name in the page's language (English falls back to Vietnamese). */
  readonly unitName: string;
  /** A site path (`/tin/abc`, language-neutral) for `lang` (default: the page's), with the prefix: for links. */
  path(neutral: string, lang?: Lang): string;
  /** The same as an absolute URL: canonical, OpenGraph, feeds and sitemaps. */
  url(neutral: string, lang?: Lang): string;
  /** Vietnamese or English by the page's language. */
  t(vi: string, en: string): string;
}

/** A host as compared: lower case, without the port. */
function bareHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d{1,5}$/, '').replace(/\.$/, '');
}

/**
 * Builds the request's site, or undefined when the request has no unit (a platform without units,
 * whose content has nowhere to live). The prefix is inferred: the core strips `/t/<slug>` before
 * routing, and a request that arrived on the unit's own host (primary or `<slug>.localhost`) had none.
 */
export async function siteFor(req: RouteRequest, ctx: PluginContext, lang: Lang, themes: ThemeRegistry): Promise<Site | undefined> {
  if (req.tenantId === undefined) return undefined;
  const tenant = await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant) return undefined;
  const hostHeader = req.headers.host ?? 'localhost';
  const host = bareHost(hostHeader);
  const ownHost = host === tenant.primaryHost?.toLowerCase() || host === `${tenant.slug}.localhost`;
  const prefix = ownHost ? '' : `/t/${tenant.slug}`;
  const origin = `${req.protocol}://${/^[a-z0-9.:[\]-]+$/i.test(hostHeader) ? hostHeader.toLowerCase() : 'localhost'}`;
  const theme = await themes.tokens(tenant);
  const path = (neutral: string, target: Lang = lang) => {
    const p = neutral.startsWith('/') ? neutral : `/${neutral}`;
    const localized = target === 'en' ? (p === '/' ? '/en' : `/en${p}`) : p;
    return prefix === '' ? localized : localized === '/' ? `${prefix}/` : `${prefix}${localized}`;
  };
  return {
    tenant,
    lang,
    origin,
    prefix,
    theme,
    queries: new SiteQueries(ctx.get(coreServices.database)),
    ctx,
    unitName: lang === 'en' && tenant.nameEn ? tenant.nameEn : tenant.nameVi,
    path,
    url: (neutral, target) => `${origin}${path(neutral, target)}`,
    t: (vi, en) => (lang === 'en' ? en : vi),
  };
}
