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
}

const KIND_ORDER = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'];

/** Builds the unit tree from `parentId`; units whose parent is not listed become roots. Siblings by kind, then name. */
export function buildTenantTree(tenants: readonly TenantRecord[]): TenantNode[] {
  const nodes = new Map<string, TenantNode>(tenants.map((t) => [t.id, { tenant: t, children: [] }]));
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

/**
 * The rows to show for `query`, depth first: every unit when the query is empty, otherwise the units
 * that match and their ancestors (so a match keeps its place in the tree).
 */
export function visibleTenantRows(roots: readonly TenantNode[], query: string): TenantRow[] {
  const q = fold(query.trim());
  const rows: TenantRow[] = [];
  const walk = (node: TenantNode, level: number): TenantRow[] => {
    const match = tenantMatches(node.tenant, q);
    const below = node.children.flatMap((c) => walk(c, level + 1));
    return match || below.length > 0 ? [{ tenant: node.tenant, level, match: match && q !== '' }, ...below] : [];
  };
  for (const root of roots) rows.push(...walk(root, 1));
  return rows;
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
