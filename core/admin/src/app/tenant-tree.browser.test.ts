import { afterEach, describe, expect, it } from 'vitest';
import type { TenantRecord } from './session.js';
import { buildTenantTree, fold, pathTo, readRecent, rememberTenant, searchExpansion, treeRows, visibleTenantRows } from './tenant-tree.js';
import type { CongTenantSwitcher } from './tenant-switcher.js';
import './tenant-switcher.js';

const unit = (id: string, nameVi: string, parentId: string | null, kind = 'commune'): TenantRecord => ({
  id,
  slug: fold(nameVi).replace(/[^a-z0-9]+/g, '-'),
  nameVi,
  nameEn: null,
  kind,
  parentId,
  status: 'active',
});
const units = [
  unit('p', 'Tỉnh Quảng Trị', null, 'province'),
  unit('d1', 'Sở Tài chính', 'p', 'department'),
  unit('d2', 'Sở Nội vụ', 'p', 'department'),
  unit('c1', 'Xã Đắk Lắk', 'p'),
  unit('c2', 'Phường Đông Hà', 'p', 'ward'),
  unit('x', 'Phòng Kế hoạch', 'd1', 'department'),
];
const archived: TenantRecord = { ...unit('z', 'Xã Cũ Đã Sáp Nhập', 'p'), status: 'archived' };

describe('tenant tree', () => {
  it('folds Vietnamese: marks stripped, đ → d, lower case, NFC and NFD alike', () => {
    expect(fold('Quảng Trị')).toBe('quang tri');
    expect(fold('ĐẮK LẮK')).toBe('dak lak');
    expect(fold('Nguyễn'.normalize('NFD'))).toBe(fold('Nguyễn'.normalize('NFC')));
  });

  it('builds the tree from parentId and filters it keeping the ancestors of matches', () => {
    const roots = buildTenantTree(units);
    expect(roots.map((r) => r.tenant.id)).toEqual(['p']);
    expect(visibleTenantRows(roots, '')).toHaveLength(6);
    expect(visibleTenantRows(roots, 'quang tri').map((r) => [r.tenant.id, r.match])).toEqual([['p', true]]);
    const dak = visibleTenantRows(roots, 'dak lak');
    expect(dak.map((r) => [r.tenant.id, r.level, r.match])).toEqual([
      ['p', 1, false],
      ['c1', 2, true],
    ]);
    expect(visibleTenantRows(roots, 'ke hoach').map((r) => r.tenant.id)).toEqual(['p', 'd1', 'x']);
    expect(visibleTenantRows(roots, 'dong ha').map((r) => r.tenant.nameVi)).toContain('Phường Đông Hà');
    expect(visibleTenantRows(roots, 'không có')).toEqual([]);
  });

  it('leaves archived units out', () => {
    const roots = buildTenantTree([...units, archived]);
    expect(visibleTenantRows(roots, '').map((r) => r.tenant.id)).not.toContain('z');
    expect(visibleTenantRows(roots, 'sap nhap')).toEqual([]);
  });

  it('shows only the open branches, with their position among siblings', () => {
    const roots = buildTenantTree(units);
    expect(treeRows(roots, '', new Set()).map((r) => [r.tenant.id, r.branch, r.expanded])).toEqual([['p', true, false]]);
    const open = treeRows(roots, '', new Set(['p']));
    expect(open.map((r) => [r.tenant.id, r.level, r.position, r.siblings, r.branch, r.expanded, r.parentId])).toEqual([
      ['p', 1, 1, 1, true, true, undefined],
      ['d2', 2, 1, 4, false, false, 'p'],
      ['d1', 2, 2, 4, true, false, 'p'],
      ['c1', 2, 3, 4, false, false, 'p'],
      ['c2', 2, 4, 4, false, false, 'p'],
    ]);
    expect(pathTo(roots, 'x')).toEqual(['p', 'd1', 'x']);
    expect(pathTo(roots, 'nothing')).toEqual([]);
    // A search opens the ancestors of its matches; the filtered tree has only them as children.
    expect([...searchExpansion(roots, 'ke hoach')].sort()).toEqual(['d1', 'p']);
    expect(treeRows(roots, 'ke hoach', new Set(['p'])).map((r) => [r.tenant.id, r.branch, r.expanded])).toEqual([
      ['p', true, true],
      ['d1', true, false],
    ]);
  });
});

describe('recent units', () => {
  afterEach(() => localStorage.clear());
  it('keeps the last five, newest first, without duplicates', () => {
    for (const slug of ['a', 'b', 'c', 'd', 'e', 'f', 'c']) rememberTenant(slug);
    expect(readRecent()).toEqual(['c', 'f', 'e', 'd', 'b']);
    expect(localStorage.getItem('cong.tenant')).toBe('c');
  });
});

describe('<cong-tenant-switcher>', () => {
  it('filters with the folded search and picks a unit with the keyboard', async () => {
    const switcher = document.createElement('cong-tenant-switcher');
    switcher.tenants = units;
    switcher.current = units[0]!.slug;
    document.body.append(switcher);
    switcher.open = true;
    await switcher.updateComplete;
    const picked: string[] = [];
    switcher.addEventListener('cong-tenant-selected', (e) => void picked.push((e as CustomEvent).detail.slug));
    const input = switcher.shadowRoot!.querySelector<HTMLInputElement>('#tenant-search')!;
    input.value = 'so';
    input.dispatchEvent(new Event('input'));
    await switcher.updateComplete;
    const items = () => [...switcher.shadowRoot!.querySelectorAll('[role="treeitem"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items().some((t) => t.startsWith('Sở Nội vụ'))).toBe(true);
    expect(items().some((t) => t.startsWith('Xã Đắk Lắk'))).toBe(false);
    const first = input.getAttribute('aria-activedescendant');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await switcher.updateComplete;
    const second = input.getAttribute('aria-activedescendant');
    expect(second).not.toBe(first);
    const chosen = switcher.shadowRoot!.getElementById(second!)!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(picked).toHaveLength(1);
    expect(units.find((u) => u.slug === picked[0])!.id).toBe(chosen.id.replace('unit-', ''));
    switcher.remove();
  });
});

describe('<cong-tenant-switcher> tree (ARIA tree pattern)', () => {
  afterEach(() => document.body.replaceChildren());

  async function mount(current: string, list: readonly TenantRecord[] = units) {
    const switcher = document.createElement('cong-tenant-switcher') as CongTenantSwitcher;
    switcher.tenants = list;
    switcher.current = list.find((u) => u.id === current)!.slug;
    switcher.recent = list.map((u) => u.slug);
    document.body.append(switcher);
    switcher.open = true;
    await switcher.updateComplete;
    const root = switcher.shadowRoot!;
    const items = () => [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    const ids = () => items().map((li) => li.id.replace('unit-', ''));
    const item = (id: string) => root.getElementById(`unit-${id}`)!;
    const focused = () => root.activeElement?.id.replace('unit-', '');
    const press = async (key: string) => {
      (root.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await switcher.updateComplete;
    };
    const picked: string[] = [];
    switcher.addEventListener('cong-tenant-selected', (e) => void picked.push((e as CustomEvent).detail.slug));
    return { switcher, root, items, ids, item, focused, press, picked };
  }

  it('is a labelled tree of treeitems, closed except the path to the current unit', async () => {
    const { root, ids, item } = await mount('x');
    const tree = root.querySelector('[role="tree"]')!;
    expect(tree.getAttribute('aria-label')).toBeTruthy();
    expect(ids()).toEqual(['p', 'd2', 'd1', 'x', 'c1', 'c2']);
    expect(item('p').getAttribute('aria-expanded')).toBe('true');
    expect(item('d1').getAttribute('aria-expanded')).toBe('true');
    expect(item('d2').hasAttribute('aria-expanded')).toBe(false);
    expect(item('x').getAttribute('aria-selected')).toBe('true');
    expect(item('x').getAttribute('aria-level')).toBe('3');
    expect(item('d1').getAttribute('aria-posinset')).toBe('2');
    expect(item('d1').getAttribute('aria-setsize')).toBe('4');
    // Roving tabindex: the current unit is the one item in the tab order.
    expect([...root.querySelectorAll('[role="treeitem"][tabindex="0"]')].map((li) => li.id)).toEqual(['unit-x']);

    const other = await mount('c1');
    expect(other.ids()).toEqual(['p', 'd2', 'd1', 'c1', 'c2']);
    expect(other.item('d1').getAttribute('aria-expanded')).toBe('false');
  });

  it('moves with Up/Down/Home/End, opens and closes with Right/Left, chooses with Enter', async () => {
    const { ids, item, focused, press, picked } = await mount('c1');
    item('c1').focus();
    await press('ArrowUp');
    expect(focused()).toBe('d1');
    await press('ArrowRight'); // opens the branch, focus stays
    expect(item('d1').getAttribute('aria-expanded')).toBe('true');
    expect(ids()).toContain('x');
    expect(focused()).toBe('d1');
    await press('ArrowRight'); // to the first child
    expect(focused()).toBe('x');
    await press('ArrowRight'); // a leaf: nothing
    expect(focused()).toBe('x');
    await press('ArrowLeft'); // a leaf: to the parent
    expect(focused()).toBe('d1');
    await press('ArrowLeft'); // closes
    expect(item('d1').getAttribute('aria-expanded')).toBe('false');
    expect(ids()).not.toContain('x');
    await press('ArrowLeft'); // to the parent
    expect(focused()).toBe('p');
    await press('End');
    expect(focused()).toBe('c2');
    await press('Home');
    expect(focused()).toBe('p');
    await press('ArrowLeft'); // closes the root
    expect(ids()).toEqual(['p']);
    await press('ArrowDown'); // nothing below
    expect(focused()).toBe('p');
    await press('ArrowRight');
    await press('ArrowDown');
    expect(focused()).toBe('d2');
    expect(item('d2').tabIndex).toBe(0);
    expect(item('p').tabIndex).toBe(-1);
    await press('Enter');
    expect(picked).toEqual([units.find((u) => u.id === 'd2')!.slug]);
  });

  it('jumps to a unit by typing the first letters of its name (folded)', async () => {
    const { item, focused, press } = await mount('c1');
    item('p').focus();
    await press('p');
    expect(focused()).toBe('c2'); // Phường Đông Hà
    await press('x'); // "px" matches nothing: starts again from "x"
    expect(focused()).toBe('c1'); // Xã Đắk Lắk
    await press('Home');
    await press('s');
    await press('o');
    await press(' ');
    expect(focused()).toBe('d2'); // Sở Nội vụ
    await press('t');
    expect(focused()).toBe('d1'); // "so t": Sở Tài chính
  });

  it('opens the ancestors of the matches while searching, and leaves archived units out', async () => {
    const { switcher, root, ids, item } = await mount('c1', [...units, archived]);
    expect(ids()).not.toContain('z');
    expect(root.textContent).not.toContain('Xã Cũ');
    const input = root.querySelector<HTMLInputElement>('#tenant-search')!;
    const search = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await switcher.updateComplete;
    };
    await search('ke hoach');
    expect(ids()).toEqual(['p', 'd1', 'x']);
    expect(item('d1').getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe('unit-x');
    expect(item('x').querySelector('mark')!.textContent).toBe('Phòng Kế hoạch');
    await search('quang tri');
    expect(ids()).toEqual(['p']);
    expect(item('p').querySelector('mark')!.textContent).toBe('Tỉnh Quảng Trị');
    await search('sap nhap');
    expect(ids()).toEqual([]);
    expect(root.querySelector('[role="status"]')).not.toBeNull();
    // Back to browsing: the branches the search went through stay open for the last active unit.
    await search('ke hoach');
    await search('');
    expect(ids()).toEqual(['p', 'd2', 'd1', 'x', 'c1', 'c2']);
  });

  it('opens and closes a branch by clicking its arrow, and chooses a unit by clicking its name', async () => {
    const { root, ids, item, picked } = await mount('c1');
    item('d1').querySelector<HTMLElement>('.toggle')!.click();
    await (root.host as CongTenantSwitcher).updateComplete;
    expect(ids()).toContain('x');
    expect(picked).toEqual([]);
    item('x').click();
    expect(picked).toEqual([units.find((u) => u.id === 'x')!.slug]);
  });
});

describe('<cong-tenant-switcher> accessibility', () => {
  afterEach(() => document.body.replaceChildren());

  it('passes axe (WCAG 2.1 AA) browsing and searching', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const run = async (context: Element) =>
      (await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    const switcher = document.createElement('cong-tenant-switcher') as CongTenantSwitcher;
    switcher.tenants = units;
    switcher.current = units[5]!.slug;
    switcher.recent = [units[0]!.slug];
    document.body.append(switcher);
    switcher.open = true;
    await switcher.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await run(switcher)).toEqual([]);
    const input = switcher.shadowRoot!.querySelector<HTMLInputElement>('#tenant-search')!;
    input.value = 'ke hoach';
    input.dispatchEvent(new Event('input'));
    await switcher.updateComplete;
    expect(await run(switcher)).toEqual([]);
  });
});
