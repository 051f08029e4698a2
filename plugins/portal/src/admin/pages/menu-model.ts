import type { MenuItem, MenuTargetKind } from './pages-types.js';

/** A menu item while it is edited: a stable key for focus, and its submenu (two levels at most). */
export interface DraftItem {
  readonly key: string;
  labelVi: string;
  labelEn: string;
  kind: MenuTargetKind;
  value: string;
  newTab: boolean;
  children: DraftItem[];
}

let counter = 0;
const nextKey = () => `m${++counter}`;

export function blankItem(): DraftItem {
  return { key: nextKey(), labelVi: '', labelEn: '', kind: 'page', value: '', newTab: false, children: [] };
}

export function fromMenu(items: readonly MenuItem[]): DraftItem[] {
  return items.map((i) => ({ key: nextKey(), labelVi: i.label.vi, labelEn: i.label.en ?? '', kind: i.target.kind, value: i.target.value, newTab: i.newTab, children: fromMenu(i.children) }));
}

/** The `PUT /menus/:location` body. */
export function toBody(items: readonly DraftItem[]): { items: unknown[] } {
  const one = (i: DraftItem) => ({
    label: { vi: i.labelVi, en: i.labelEn.trim() === '' ? null : i.labelEn },
    target: i.kind === 'legal' ? { kind: i.kind } : { kind: i.kind, value: i.value.trim() },
    newTab: i.newTab,
  });
  return { items: items.map((i) => ({ ...one(i), children: i.children.map(one) })) };
}

/** Where an item sits: its parent's index (top level: -1) and its own index among its siblings. */
export function locate(items: readonly DraftItem[], key: string): { parent: number; index: number } | undefined {
  const top = items.findIndex((i) => i.key === key);
  if (top >= 0) return { parent: -1, index: top };
  for (let p = 0; p < items.length; p++) {
    const index = items[p]!.children.findIndex((c) => c.key === key);
    if (index >= 0) return { parent: p, index };
  }
  return undefined;
}

/**
 * The menu after one keyboard operation on the item `key`, or undefined when the operation does not
 * apply (first item up, a top item with a submenu indented: two levels at most).
 */
export function apply(items: readonly DraftItem[], key: string, op: 'up' | 'down' | 'in' | 'out' | 'remove'): DraftItem[] | undefined {
  const at = locate(items, key);
  if (!at) return undefined;
  const next = items.map((i) => ({ ...i, children: [...i.children] }));
  const siblings = at.parent < 0 ? next : next[at.parent]!.children;
  const item = siblings[at.index]!;
  switch (op) {
    case 'up':
    case 'down': {
      const to = at.index + (op === 'up' ? -1 : 1);
      if (to < 0 || to >= siblings.length) return undefined;
      siblings.splice(at.index, 1);
      siblings.splice(to, 0, item);
      return next;
    }
    case 'in': {
      // A top item becomes the last sub-item of the item above it.
      if (at.parent >= 0 || at.index === 0 || item.children.length > 0) return undefined;
      next.splice(at.index, 1);
      next[at.index - 1]!.children.push(item);
      return next;
    }
    case 'out': {
      // A sub-item becomes the top item after its parent.
      if (at.parent < 0) return undefined;
      siblings.splice(at.index, 1);
      next.splice(at.parent + 1, 0, item);
      return next;
    }
    case 'remove':
      siblings.splice(at.index, 1);
      return next;
  }
}

/** How many items the menu holds, submenus included. */
export function countItems(items: readonly DraftItem[]): number {
  return items.reduce((n, i) => n + 1 + i.children.length, 0);
}
