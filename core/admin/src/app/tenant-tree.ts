import type { TenantRecord } from './session.js';

/**
 * Folds Vietnamese for matching: NFD, combining marks stripped, đ/Đ → d, lower case. "quang tri"
 * finds "Quảng Trị" and "dak lak" finds "Đắk Lắk" (the server folds its search the same way).
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** A unit in the tree. */
export interface TenantNode {
  readonly tenant: TenantRecord;
  readonly children: TenantNode[];
}

/** One visible row of the (filtered) tree. */
export interface TenantRow {
  readonly tenant: TenantRecord;
  /** 1 for a root. */
  readonly level: number;
  /** Whether the row matches the search itself (not only as the ancestor of a match). */
  readonly match: boolean;
  /** Whether the row has children in the tree shown (the filtered one while searching). */
  readonly branch: boolean;
  /** Whether those children are shown. */
  readonly expanded: boolean;
  /** The parent's id, undefined for a root. */
  readonly parentId: string | undefined;
  /** Its position among its siblings shown (1-based) and their number: aria-posinset, aria-setsize. */
  readonly position: number;
  readonly siblings: number;
}

const KIND_ORDER = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'];

/**
 * Builds the unit tree from `parentId`; archived units are left out, and units whose parent is not
 * listed become roots. Siblings by kind, then name.
 */
export function buildTenantTree(tenants: readonly TenantRecord[]): TenantNode[] {
  const nodes = new Map<string, TenantNode>(tenants.filter((t) => t.status !== 'archived').map((t) => [t.id, { tenant: t, children: [] }]));
  const roots: TenantNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.tenant.parentId ? nodes.get(node.tenant.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  const sort = (list: TenantNode[]) => {
    list.sort((a, b) => rank(a.tenant.kind) - rank(b.tenant.kind) || a.tenant.nameVi.localeCompare(b.tenant.nameVi, 'vi'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Whether a unit matches a folded query (Vietnamese name, English name or slug). */
export function tenantMatches(tenant: TenantRecord, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  const words = foldedQuery.split(/\s+/).filter(Boolean);
  const haystack = `${fold(tenant.nameVi)} ${fold(tenant.nameEn ?? '')} ${tenant.slug.replace(/-/g, ' ')}`;
  return words.every((w) => haystack.includes(w));
}

/** A node of the tree shown: while searching, only the matches and their ancestors. */
interface ShownNode {
  readonly node: TenantNode;
  readonly match: boolean;
  readonly children: ShownNode[];
}

function shownTree(roots: readonly TenantNode[], query: string): ShownNode[] {
  const q = fold(query.trim());
  if (!q) {
    const all = (node: TenantNode): ShownNode => ({ node, match: false, children: node.children.map(all) });
    return roots.map(all);
  }
  const walk = (node: TenantNode): ShownNode[] => {
    const match = tenantMatches(node.tenant, q);
    const children = node.children.flatMap(walk);
    return match || children.length > 0 ? [{ node, match, children }] : [];
  };
  return roots.flatMap(walk);
}

/**
 * The rows to show, depth first, with the branches in `expanded` (ids) open. With an empty query the
 * whole tree is browsed; with a query only the units that match and their ancestors are in it, so a
 * match keeps its place in the tree ("quang tri" finds "Quảng Trị").
 */
export function treeRows(roots: readonly TenantNode[], query: string, expanded: ReadonlySet<string> | 'all'): TenantRow[] {
  const rows: TenantRow[] = [];
  const walk = (list: readonly ShownNode[], level: number, parentId: string | undefined) => {
    list.forEach((shown, i) => {
      const branch = shown.children.length > 0;
      const open = branch && (expanded === 'all' || expanded.has(shown.node.tenant.id));
      rows.push({ tenant: shown.node.tenant, level, match: shown.match, branch, expanded: open, parentId, position: i + 1, siblings: list.length });
      if (open) walk(shown.children, level + 1, shown.node.tenant.id);
    });
  };
  walk(shownTree(roots, query), 1, undefined);
  return rows;
}

/** Every row for `query`, all branches open: the units that match and their ancestors. */
export function visibleTenantRows(roots: readonly TenantNode[], query: string): TenantRow[] {
  return treeRows(roots, query, 'all');
}

/** The branches a search opens: every ancestor of a match. Empty for an empty query. */
export function searchExpansion(roots: readonly TenantNode[], query: string): Set<string> {
  const open = new Set<string>();
  if (!fold(query.trim())) return open;
  for (const row of visibleTenantRows(roots, query)) if (row.branch) open.add(row.tenant.id);
  return open;
}

/** The ids from the root down to the unit `id` (inclusive); empty when it is not in the tree. */
export function pathTo(roots: readonly TenantNode[], id: string | undefined): string[] {
  const find = (list: readonly TenantNode[], trail: string[]): string[] | undefined => {
    for (const node of list) {
      const here = [...trail, node.tenant.id];
      if (node.tenant.id === id) return here;
      const below = find(node.children, here);
      if (below) return below;
    }
    return undefined;
  };
  return id === undefined ? [] : (find(roots, []) ?? []);
}

/** `localStorage` key of the recent units (slugs, newest first). */
export const RECENT_KEY = 'cong.recentTenants';
/** `localStorage` key of the current unit. */
export const CURRENT_KEY = 'cong.tenant';

/** The recent units' slugs, newest first (at most 5). */
export function readRecent(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 5) : [];
  } catch {
    return [];
  }
}

/** Remembers `slug` as the current unit and puts it first among the recent ones. */
export function rememberTenant(slug: string): string[] {
  const recent = [slug, ...readRecent().filter((s) => s !== slug)].slice(0, 5);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    localStorage.setItem(CURRENT_KEY, slug);
  } catch {
    // No storage: the URL still carries the unit.
  }
  return recent;
}

/** The remembered current unit. */
export function rememberedTenant(): string | null {
  try {
    return localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}
