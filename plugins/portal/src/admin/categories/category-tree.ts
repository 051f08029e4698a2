import type { Category } from '../types.js';

/** A category with its subcategories, in display order. */
export interface CategoryNode {
  readonly category: Category;
  readonly depth: number;
  readonly children: readonly CategoryNode[];
}

/** Siblings in the order the site shows them: by `order`, then by Vietnamese name. */
export function byOrder(a: Category, b: Category): number {
  return a.order - b.order || a.name.vi.localeCompare(b.name.vi, 'vi');
}

/** The flat list as a tree. A category whose parent is missing (or part of a cycle) is shown at the root. */
export function buildTree(categories: readonly Category[]): CategoryNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const childrenOf = new Map<string | null, Category[]>();
  for (const c of categories) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const seen = new Set<string>();
  const grow = (parent: string | null, depth: number): CategoryNode[] =>
    [...(childrenOf.get(parent) ?? [])].sort(byOrder).flatMap((category) => {
      if (seen.has(category.id)) return [];
      seen.add(category.id);
      return [{ category, depth, children: grow(category.id, depth + 1) }];
    });
  const tree = grow(null, 0);
  // Whatever a cycle kept out of reach still shows, at the root.
  for (const c of categories) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    tree.push({ category: c, depth: 0, children: grow(c.id, 1) });
  }
  return tree;
}

/** The tree in reading order, each node once. */
export function flatten(tree: readonly CategoryNode[]): CategoryNode[] {
  return tree.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The ids of a category and everything below it: none of them can become its parent. */
export function selfAndDescendants(categories: readonly Category[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of categories) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * The order values after moving `id` one place up (-1) or down (+1) among its siblings: siblings are
 * numbered 0, 10, 20… so later insertions fit between. Only the categories whose value changes are
 * returned; nothing when the category is already first (or last).
 */
export function reorder(categories: readonly Category[], id: string, step: -1 | 1): { id: string; order: number }[] {
  const moved = categories.find((c) => c.id === id);
  if (!moved) return [];
  const siblings = categories.filter((c) => c.parentId === moved.parentId).sort(byOrder);
  const from = siblings.findIndex((c) => c.id === id);
  const to = from + step;
  if (to < 0 || to >= siblings.length) return [];
  [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
  return siblings.flatMap((c, i) => (c.order === i * 10 ? [] : [{ id: c.id, order: i * 10 }]));
}

/** A slug proposed from a Vietnamese name, as the server's `slugify` makes them (đ → d, no marks). */
export function slugFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}
