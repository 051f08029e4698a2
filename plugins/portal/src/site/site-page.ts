import type { LocalizedText, RouteRequest, RouteResponse, Schema } from '@cong/sdk';
import type { Site } from './site-context.js';

/**
 * A public page another area of the portal contributes to the site (contacts, leaders, pages of the
 * page tree, the list of mandated information…). The site registers it in Vietnamese at `path`, in
 * English at `/en` + `path` and in each configured language at `/<code>` + `path`, runs it with the
 * request's {@link Site}, and caches it per unit, host and language like its own pages; the area emits
 * `siteChanged` after a change the page shows.
 */
export interface SitePageDefinition {
  /** The language-neutral path template, e.g. `/lien-he` or `/trang/:slug`. Vietnamese slugs. */
  readonly path: string;
  readonly summary: LocalizedText;
  /** Params schema (closed). The query accepts the `keep` names plus ignored tracking tags. */
  readonly params?: Schema<unknown>;
  /** Query parameters the page reads (max 200 characters each): part of the cache key. */
  readonly keep?: readonly string[];
  /** False for pages that must not be cached. Default true. */
  readonly cache?: boolean;
  render(req: RouteRequest<any, any>, site: Site): Promise<RouteResponse> | RouteResponse;
  /**
   * The addresses this definition contributes to `sitemap.xml` (language-neutral paths; each is listed
   * in every language of the site). Default: a path without params lists itself, one with params nothing;
   * `false` lists nothing.
   */
  readonly sitemap?: false | ((site: Site) => Promise<readonly SitemapEntry[]> | readonly SitemapEntry[]);
}

export interface SitemapEntry {
  readonly path: string;
  /** Epoch ms of the last change, when known. */
  readonly lastmod?: number;
}
