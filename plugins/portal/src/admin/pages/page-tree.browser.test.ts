import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { routedApi, settle } from '../testing/fake-api.js';
import type { PageTree } from './page-tree.element.js';
import type { PageSummary } from './pages-types.js';
import './page-tree.js';

const manager: AdminUser = { id: 'u9', username: 'quan.tri', displayName: null, permissions: ['portal.pages.write'] };
const at = '2026-11-20T08:00:00.000Z';
const page = (id: string, title: string, parentId: string | null, extra: Partial<PageSummary> = {}): PageSummary => ({
  id, parentId, order: 0, slug: id, title, status: 'published', publishedAt: at, updatedAt: at, hasEnglish: true, enStale: false, ...extra,
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-page-tree>', () => {
  it('shows the tree as nested lists with statuses and translation flags, and filters', async () => {
    document.documentElement.lang = 'vi';
    const api = routedApi({
      'GET /api/portal/pages': () => ({
        items: [page('gioi-thieu', 'Giới thiệu', null), page('lich-su', 'Lịch sử', 'gioi-thieu', { enStale: true }), page('lien-he', 'Liên hệ', null, { status: 'draft', hasEnglish: false })],
      }),
    });
    const tree = document.createElement('portal-page-tree') as PageTree;
    Object.assign(tree, { api, user: manager });
    document.body.append(tree);
    await settle(tree);
    const root = tree.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).toBe('Trang tĩnh');
    const nav = root.querySelector('nav[aria-label="Cây trang của đơn vị"]')!;
    const nested = nav.querySelector('ul.tree > li > ul > li')!;
    expect(nested.querySelector('a')!.textContent).toBe('Lịch sử');
    expect(nested.textContent).toContain('Bản dịch cũ');
    expect(nav.textContent).toContain('Chưa dịch');
    expect(nav.querySelector('a')!.getAttribute('href')).toBe('/admin/portal/trang/gioi-thieu');

    root.querySelector<HTMLSelectElement>('select[name=status]')!.value = 'draft';
    root.querySelector<HTMLInputElement>('input[name=text]')!.value = 'lien he';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(tree);
    expect(api.calls.at(-1)!.query).toEqual({ status: 'draft', text: 'lien he' });
  });
});
