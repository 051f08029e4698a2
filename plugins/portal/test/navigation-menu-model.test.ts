import { describe, expect, it } from 'vitest';
import { apply, blankItem, countItems, fromMenu, toBody, type DraftItem } from '../src/admin/pages/menu-model.js';
import { hrefOf, isHttpsUrl, isSitePath } from '../src/navigation/menu-target.js';

const item = (labelVi: string, children: DraftItem[] = []): DraftItem => ({ ...blankItem(), labelVi, kind: 'legal', children });
const labels = (items: readonly DraftItem[]) => items.map((i) => (i.children.length > 0 ? `${i.labelVi}[${i.children.map((c) => c.labelVi).join(',')}]` : i.labelVi)).join(' ');

describe('the menu editor\'s operations (keyboard buttons)', () => {
  const menu = () => [item('A'), item('B', [item('B1'), item('B2')]), item('C')];

  it('moves an item up and down among its siblings, and not past the ends', () => {
    const m = menu();
    expect(labels(apply(m, m[2]!.key, 'up')!)).toBe('A C B[B1,B2]');
    expect(labels(apply(m, m[0]!.key, 'down')!)).toBe('B[B1,B2] A C');
    expect(apply(m, m[0]!.key, 'up')).toBeUndefined();
    expect(apply(m, m[2]!.key, 'down')).toBeUndefined();
    expect(labels(apply(m, m[1]!.children[1]!.key, 'up')!)).toBe('A B[B2,B1] C');
    expect(labels(m)).toBe('A B[B1,B2] C'); // the original is untouched
  });

  it('indents into the submenu of the item above and outdents after the parent; never a third level', () => {
    const m = menu();
    expect(labels(apply(m, m[2]!.key, 'in')!)).toBe('A B[B1,B2,C]');
    expect(labels(apply(m, m[1]!.children[0]!.key, 'out')!)).toBe('A B[B2] B1 C');
    expect(apply(m, m[0]!.key, 'in')).toBeUndefined(); // nothing above
    expect(apply(m, m[1]!.key, 'in')).toBeUndefined(); // B has a submenu: it would make three levels
    expect(apply(m, m[0]!.key, 'out')).toBeUndefined(); // already at the top
    expect(labels(apply(m, m[1]!.key, 'remove')!)).toBe('A C');
    expect(countItems(m)).toBe(5);
  });

  it('round-trips the API shape: empty English labels become null, the legal list has no value', () => {
    const drafts = fromMenu([
      { id: '1', label: { vi: 'Giới thiệu', en: null }, target: { kind: 'page', value: 'gioi-thieu' }, newTab: false, href: '/trang/gioi-thieu', children: [{ id: '2', label: { vi: 'Văn bản', en: 'Documents' }, target: { kind: 'legal', value: '' }, newTab: true, href: '/van-ban', children: [] }] },
    ]);
    expect(toBody(drafts)).toEqual({
      items: [{ label: { vi: 'Giới thiệu', en: null }, target: { kind: 'page', value: 'gioi-thieu' }, newTab: false, children: [{ label: { vi: 'Văn bản', en: 'Documents' }, target: { kind: 'legal' }, newTab: true }] }],
    });
  });
});

describe('menu targets', () => {
  it('leads each kind to its language-neutral path or external URL', () => {
    expect(hrefOf({ kind: 'category', value: 'tin-tuc' })).toEqual({ internal: true, path: '/chuyen-muc/tin-tuc' });
    expect(hrefOf({ kind: 'page', value: 'gioi-thieu' })).toEqual({ internal: true, path: '/trang/gioi-thieu' });
    expect(hrefOf({ kind: 'article', value: 'abc' })).toEqual({ internal: true, path: '/tin/abc' });
    expect(hrefOf({ kind: 'legal', value: '' })).toEqual({ internal: true, path: '/van-ban' });
    expect(hrefOf({ kind: 'url', value: 'https://dichvucong.gov.vn' })).toEqual({ internal: false, url: 'https://dichvucong.gov.vn' });
  });

  it('accepts only site paths and https URLs', () => {
    for (const ok of ['/', '/lien-he', '/van-ban?loai=luat', '/trang/a#muc-1']) expect(isSitePath(ok), ok).toBe(true);
    for (const bad of ['lien-he', '//evil.example', '/\\evil.example', '/en/trang/a', '/en', '/a b', 'javascript:alert(1)', '/a\u0000']) expect(isSitePath(bad), bad).toBe(false);
    for (const ok of ['https://dichvucong.gov.vn', 'https://a.vn/x?y=1']) expect(isHttpsUrl(ok), ok).toBe(true);
    for (const bad of ['http://a.vn', 'javascript:alert(1)', 'https://', 'https://a .vn', '//a.vn', 'HTTPS:alert(1)']) expect(isHttpsUrl(bad), bad).toBe(false);
  });
});
