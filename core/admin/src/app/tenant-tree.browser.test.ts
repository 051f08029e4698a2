import { afterEach, describe, expect, it } from 'vitest';
import type { TenantRecord } from './session.js';
import { buildTenantTree, fold, readRecent, rememberTenant, visibleTenantRows } from './tenant-tree.js';
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
