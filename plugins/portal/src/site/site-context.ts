import { coreServices, publicSiteBase, type PluginContext, type RouteRequest, type TenantInfo } from '@cong/sdk';
import type { Lang, Language, Languages } from './languages.js';
import { SiteQueries } from './site-queries.js';
import type { ThemeRegistry, ThemeTokens } from './theme.js';

/** One public request as the pages see it: the unit, the language and how to write its URLs. */
export interface Site {
  readonly tenant: TenantInfo;
  /** The page's language code (`vi`, `en` or a configured one). */
  readonly lang: Lang;
  readonly language: Language;
  /** Every language of the site: hreflang alternates, the language switcher, the sitemap. */
  readonly languages: Languages;
  /** `http://host[:port]` as the request reached us. */
  readonly origin: string;
  /** `/t/<slug>` when the unit was reached by the path prefix, else ''. */
  readonly prefix: string;
  readonly theme: ThemeTokens;
  /** The accepted preview token the request carries (draft theme and home layout, never cached), else null. */
  readonly preview?: string | null;
  readonly queries: SiteQueries;
  readonly ctx: PluginContext;
  /** The unit's name in the page's language (a vi/en pair: other languages show the English, else the Vietnamese). */
  readonly unitName: string;
  /** A site path (`/tin/abc`, language-neutral) for `lang` (default: the page's), with the prefix: for links. */
  path(neutral: string, lang?: Lang): string;
  /** The same as an absolute URL: canonical, OpenGraph, feeds and sitemaps. */
  url(neutral: string, lang?: Lang): string;
  /**
   * A UI label in the page's language: Vietnamese or English as given; a configured language looks the
   * English text up in its `labels`, and shows the English when it has none.
   */
  t(vi: string, en: string): string;
  /** A vi/en pair (menus, banners, organisation…) in the page's language, with the language shown. */
  pair(vi: string, en: string | null | undefined): { readonly text: string; readonly lang: 'vi' | 'en' };
}

/**
 * Builds the request's site, or undefined when the request has no unit (a platform without units,
 * whose content has nowhere to live). Links start with the request's `publicSiteBase`.
 */
export async function siteFor(req: RouteRequest, ctx: PluginContext, languages: Languages, lang: Lang, themes: ThemeRegistry, preview: string | null = null): Promise<Site | undefined> {
  if (req.tenantId === undefined) return undefined;
  const tenant = await ctx.get(coreServices.tenancy).get(req.tenantId);
  if (!tenant) return undefined;
  const { prefix, origin } = publicSiteBase(req, tenant);
  const theme = await themes.tokens(tenant, { preview });
  const path = (neutral: string, target: Lang = lang) => {
    const localized = languages.path(neutral, target);
    return prefix === '' ? localized : localized === '/' ? `${prefix}/` : `${prefix}${localized}`;
  };
  return {
    tenant,
    lang,
    language: languages.of(lang),
    languages,
    origin,
    prefix,
    theme,
    preview,
    queries: new SiteQueries(ctx.get(coreServices.database)),
    ctx,
    unitName: languages.pair(lang, tenant.nameVi, tenant.nameEn).text,
    path,
    url: (neutral, target) => `${origin}${path(neutral, target)}`,
    t: (vi, en) => languages.label(lang, vi, en),
    pair: (vi, en) => languages.pair(lang, vi, en),
  };
}
