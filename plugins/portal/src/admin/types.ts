// The shapes of the portal's admin API as the browser sees them. Type-only imports of the server's
// definitions: erased at build, so no server code reaches the admin bundle, and the two cannot drift.
import type { Article as ApiArticle } from '../content/article.repository.js';
import type { CategoryNames } from '../content/category.repository.js';
import type { ArticleStatus, TranslatableField } from '../content/content-database.js';
import type { DiffPart, FieldDiff } from '../content/revision-diff.js';

export type { ArticleStatus, DiffPart, FieldDiff, TranslatableField };

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];

/**
 * An article as the admin pages use it. The server always sends `translations` (per language, per
 * field, with `stale` when the Vietnamese changed after the translation); the list does not need them.
 */
export type Article = Omit<ApiArticle, 'translations'> & { readonly translations?: ApiArticle['translations'] };

/** What `GET /articles/:id/diff` answers: the fields that differ, text fields with a word diff. */
export interface ArticleDiff {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly FieldDiff[];
}

export interface ArticlePage {
  readonly items: Article[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface Category {
  readonly id: string;
  readonly slug: string;
  /** Vietnamese, English, and the configured languages it has a name in (`lo`). */
  readonly name: CategoryNames;
  readonly parentId: string | null;
  readonly order: number;
}

export interface RevisionSummary {
  readonly revision: number;
  readonly action: string;
  readonly authorId: string;
  readonly createdAt: string;
  readonly status: ArticleStatus;
}

export type TransitionAction = 'submit' | 'approve' | 'reject' | 'archive' | 'reopen' | 'schedule';

/** The permissions the elements check (the server checks them again). */
export const WRITE = 'portal.content.write';
export const APPROVE = 'portal.content.approve';

/** Where the shell shows the portal's page, and an article in it (the nav route `/portal` owns `/portal/…`). */
export const PORTAL_ROUTE = '/portal';
export const articlePath = (id: string): string => `${PORTAL_ROUTE}/articles/${encodeURIComponent(id)}`;
export const NEW_ARTICLE_PATH = `${PORTAL_ROUTE}/new`;

/** What the page at `pathname` shows: the list, a new article or one article. */
export function viewOf(pathname: string): { kind: 'list' } | { kind: 'new' } | { kind: 'article'; id: string } {
  const path = pathname.replace(/^\/admin(?=\/)/, '').replace(/\/+$/, '');
  if (path === NEW_ARTICLE_PATH) return { kind: 'new' };
  const m = /^\/portal\/articles\/([^/]+)$/.exec(path);
  if (m) return { kind: 'article', id: decodeURIComponent(m[1]!) };
  return { kind: 'list' };
}
