import { createServiceRef } from '@cong/sdk';
import type { Transaction } from 'kysely';

/**
 * Why another unit's article is on a site: `syndicated` — the unit (the province) accepted it from the
 * unit below (shown with "Nguồn: <unit>" and a canonical link to the source); `broadcast` — a unit above
 * sent it down (shown as "Tin từ <unit>": provincial content the receiving site cannot edit or remove).
 */
export type LinkedItemKind = 'syndicated' | 'broadcast';

/** One article of a unit shown on another unit's site. */
export interface LinkedItem {
  readonly id: string;
  /** The unit whose site shows it. */
  readonly tenantId: string;
  readonly kind: LinkedItemKind;
  readonly sourceTenantId: string;
  readonly articleId: string;
  /** The showing unit's category it is listed in; null: only the unit's latest lists (home page, feeds). */
  readonly categoryId: string | null;
  /** The linking plugin's record (a proposal, a broadcast). */
  readonly originId: string;
  /** Its address on the showing unit's site: `/tin-lien-ket/<id>`. */
  readonly path: string;
  /** ISO time it was put on the site: its place in the site's lists. */
  readonly listedAt: string;
  /** ISO time it was taken off; its address then answers 410. */
  readonly removedAt: string | null;
}

/** Options of the writes: pass `trx` to write with your own rows (then call `refresh` after the commit). */
export interface LinkedItemsWriteOptions {
  readonly trx?: Transaction<any>;
}

/**
 * Shows articles of one unit on other units' sites, without copying them: the site reads the source
 * article live, so a new published revision shows everywhere at once, and while the source is not
 * published (reopened for editing, withdrawn) the item is not shown. Linked items take part in the
 * showing unit's lists (home page, category when one is given, RSS/Atom), sitemap and search like its
 * own articles, each at `/tin-lien-ket/<id>` with the attribution or the provincial mark and
 * `<link rel="canonical">` to the source article.
 *
 * Writes: without `trx` the service runs its own transaction and drops the units' cached pages after
 * it; with `trx` its rows (and search entries) commit with yours, and you call {@link refresh} after
 * the commit.
 */
export interface LinkedItemsService {
  /**
   * Shows the source article on each of `tenantIds`' sites. Refused: an article that is not published
   * (409 `PORTAL_ERR_LINK_SOURCE_NOT_PUBLISHED`), a link that exists already for a unit, kind and
   * origin (409 `PORTAL_ERR_LINK_EXISTS`), a category that is not the showing unit's (400 naming
   * `/categoryId`).
   */
  link(
    input: {
      readonly tenantIds: readonly string[];
      readonly kind: LinkedItemKind;
      readonly sourceTenantId: string;
      readonly articleId: string;
      readonly categoryId?: string | null;
      readonly originId: string;
    },
    options?: LinkedItemsWriteOptions,
  ): Promise<LinkedItem[]>;
  /** Takes the origin's items off the sites (all of them, or those of `tenantIds`); returns what it took off. */
  unlink(input: { readonly kind: LinkedItemKind; readonly originId: string; readonly tenantIds?: readonly string[] }, options?: LinkedItemsWriteOptions): Promise<LinkedItem[]>;
  /** The origin's items, shown or taken off. */
  byOrigin(kind: LinkedItemKind, originId: string): Promise<LinkedItem[]>;
  /** Drops the units' cached pages (here at once, in other processes within a second). */
  refresh(tenantIds: readonly string[]): Promise<void>;
}

/** `ctx.get(linkedItemsRef)` in a plugin that `requires` the portal. */
export const linkedItemsRef = createServiceRef<LinkedItemsService>({ id: 'portal.linked-items' });
