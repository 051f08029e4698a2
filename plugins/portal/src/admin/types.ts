// The shapes of the portal's admin API (plugins/portal/src/content/content.schema.ts) as the browser
// sees them. Kept here, not imported: admin code never imports the server's modules.

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];

export interface Article {
  readonly id: string;
  readonly categoryId: string | null;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly status: ArticleStatus;
  readonly authorId: string;
  readonly submittedBy: string | null;
  readonly approverId: string | null;
  readonly remarks: string | null;
  readonly publishAt: string | null;
  readonly unpublishAt: string | null;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
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
  readonly name: { readonly vi: string; readonly en: string | null };
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
