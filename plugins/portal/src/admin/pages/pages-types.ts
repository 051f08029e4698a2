// The shapes of the pages, menus, banners and alerts APIs as the browser sees them: type-only imports
// of the server's definitions, erased at build, so no server code reaches the admin bundle.
import type { Page, PageSummary } from '../../pages/page.repository.js';
import type { PageAction, PageRevisionSummary } from '../../pages/page.service.js';
import type { PageStatus, PageTranslatableField } from '../../pages/pages-database.js';
import type { Banner } from '../../navigation/banner.repository.js';
import type { Menu, MenuItem } from '../../navigation/menu.service.js';
import type { BannerPlacement, MenuLocation, MenuTargetKind } from '../../navigation/navigation-database.js';
import type { Alert } from '../../alerts/alerts.schema.js';
import type { AlertScope, AlertSeverity } from '../../alerts/alerts-database.js';

export type { Alert, AlertScope, AlertSeverity, Banner, BannerPlacement, Menu, MenuItem, MenuLocation, MenuTargetKind, Page, PageAction, PageRevisionSummary, PageStatus, PageSummary, PageTranslatableField };

export const PAGE_STATUSES: readonly PageStatus[] = ['draft', 'in_review', 'published', 'archived'];
export const MENU_LOCATIONS: readonly MenuLocation[] = ['main', 'footer', 'quick-links'];
export const TARGET_KINDS: readonly MenuTargetKind[] = ['page', 'category', 'article', 'legal', 'path', 'url'];
export const BANNER_PLACEMENTS: readonly BannerPlacement[] = ['home-top', 'home-side', 'footer'];
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['danger', 'warning', 'info'];

/** The permissions the elements check (the server checks them again). */
export const PAGES_WRITE = 'portal.pages.write';
export const APPROVE = 'portal.content.approve';

export const API = '/api/portal';

/** The nav routes of these elements (each owns the paths below it). */
export const PAGES_ROUTE = '/portal/trang';
export const MENUS_ROUTE = '/portal/trinh-don';
export const BANNERS_ROUTE = '/portal/banner';
export const ALERTS_ROUTE = '/portal/canh-bao';
export const pageEditorPath = (id: string): string => `${PAGES_ROUTE}/${encodeURIComponent(id)}`;
export const NEW_PAGE_PATH = `${PAGES_ROUTE}/moi`;

/** What the pages route shows at `pathname`: the tree, a new page or one page. */
export function pageViewOf(pathname: string): { kind: 'tree' } | { kind: 'new' } | { kind: 'page'; id: string } {
  const path = pathname.replace(/^\/admin(?=\/)/, '').replace(/\/+$/, '');
  if (path === NEW_PAGE_PATH) return { kind: 'new' };
  const m = /^\/portal\/trang\/([^/]+)$/.exec(path);
  return m ? { kind: 'page', id: decodeURIComponent(m[1]!) } : { kind: 'tree' };
}

/** A page of the tree with its children, for display. */
export interface PageNode {
  readonly page: PageSummary;
  readonly depth: number;
  readonly children: PageNode[];
}

/** The flat list as a forest; a page whose parent is missing from the list sits at the top. */
export function forest(items: readonly PageSummary[]): PageNode[] {
  const ids = new Set(items.map((p) => p.id));
  const byParent = new Map<string, PageSummary[]>();
  for (const p of items) {
    const key = p.parentId !== null && ids.has(p.parentId) ? p.parentId : '';
    byParent.set(key, [...(byParent.get(key) ?? []), p]);
  }
  const build = (parent: string, depth: number, seen: Set<string>): PageNode[] =>
    (byParent.get(parent) ?? []).filter((p) => !seen.has(p.id)).map((p) => ({ page: p, depth, children: build(p.id, depth + 1, new Set([...seen, p.id])) }));
  return build('', 0, new Set());
}

/** The forest in display order, depth first. */
export function flatten(nodes: readonly PageNode[]): PageNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}
