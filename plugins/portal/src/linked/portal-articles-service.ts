import { createServiceRef } from '@cong/sdk';

/** An article's place in the editorial workflow (`archived` is withdrawn from the public site). */
export type PortalArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

/** A unit's article as another plugin reads it: what it needs to list, link to and follow it. */
export interface PortalArticle {
  readonly id: string;
  /** The unit that owns it. */
  readonly tenantId: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly status: PortalArticleStatus;
  readonly categoryId: string | null;
  /** ISO time of its (last) publication; null before the first. */
  readonly publishedAt: string | null;
  readonly updatedAt: string;
  /**
   * Where the public reads it: `https://<unit's primary host>/tin/<slug>` when the unit has a primary
   * host, else the path `/t/<unit slug>/tin/<slug>` on this platform.
   */
  readonly url: string;
}

/** A unit's category, named in Vietnamese. */
export interface PortalCategory {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly parentId: string | null;
}

/**
 * Read access to the portal's articles and categories for other plugins (the tenant-sites plugin picks
 * the articles it proposes and broadcasts here, and follows their state). It reads any unit the caller
 * names: the calling plugin decides which unit its user may see, and answers 404 for the others.
 */
export interface PortalArticlesService {
  /** The unit's published articles, newest first; `q` matches the title, accents optional. */
  published(tenantId: string, options: { readonly limit: number; readonly offset: number; readonly q?: string }): Promise<{ readonly items: PortalArticle[]; readonly total: number }>;
  /** The articles named, in any state; ones that do not exist are left out. Order is not kept. */
  find(refs: readonly { readonly tenantId: string; readonly id: string }[]): Promise<PortalArticle[]>;
  /** The unit's categories, in their order. */
  categories(tenantId: string): Promise<PortalCategory[]>;
}

/** `ctx.get(portalArticlesRef)` in a plugin that `requires` the portal. */
export const portalArticlesRef = createServiceRef<PortalArticlesService>({ id: 'portal.articles' });
