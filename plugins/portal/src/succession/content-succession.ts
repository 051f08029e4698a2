import { createServiceRef } from '@cong/sdk';
import type { Transaction } from 'kysely';

/** What moving a former unit's content to its successor did. */
export interface ContentMoveReport {
  readonly articles: number;
  /** Articles that took another slug because the successor had one of the same slug. */
  readonly renamedArticles: number;
  /** Categories that moved, and those that joined the successor's category of the same slug. */
  readonly categories: { readonly moved: number; readonly joined: number };
  readonly legalDocuments: number;
  /** Legal documents left with the former unit: the successor has one with the same issuer and number. */
  readonly legalDocumentsKept: number;
  readonly media: number;
  /** Articles of the former unit shown on other sites (syndicated, broadcast): now credited to the successor. */
  readonly linkedItems: number;
  /** Pages of the former site that have another path on the successor's: for `tenancy.setFormerPaths`. */
  readonly formerPaths: readonly { readonly path: string; readonly targetPath: string }[];
}

/**
 * Follows a reorganisation of units (the 2025 commune mergers) in the portal's content. Moving gives
 * the successor the former unit's articles (with their translations, revisions and former slugs),
 * categories, legal documents and media library, credits the successor for the former unit's articles
 * shown on other sites, and re-indexes what moved. Pages, menus, mandated sections, contacts, leaders
 * and the organisation chart describe the former unit and stay with it (readable in its archive).
 *
 * An article whose slug the successor already uses takes the next free `<slug>-<n>`; the report lists
 * the paths that changed, in every site language, for the caller to record with
 * `tenancy.setFormerPaths` so the former host's addresses lead to the same pages.
 *
 * Idempotent: moving again finds nothing left to move. With `trx` the rows commit with the caller's;
 * call {@link refresh} after the commit (search entries and cached pages of both units).
 */
export interface ContentSuccession {
  move(input: { readonly fromTenantId: string; readonly toTenantId: string }, options?: { readonly trx?: Transaction<any> }): Promise<ContentMoveReport>;
  /** Re-indexes the successor's moved content and drops both units' cached pages. */
  refresh(input: { readonly fromTenantId: string; readonly toTenantId: string }): Promise<void>;
}

/** `ctx.get(contentSuccessionRef)` in a plugin that `requires` the portal. */
export const contentSuccessionRef = createServiceRef<ContentSuccession>({ id: 'portal.content-succession' });
