import { afterEach, describe, expect, it } from 'vitest';
import { article, fakeApi, settle, writer } from '../testing/fake-api.js';
import type { ArticleList } from './article-list.element.js';
import './article-list.js';

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(api = fakeApi()) {
  document.documentElement.lang = 'vi';
  const list = document.createElement('portal-article-list') as ArticleList;
  Object.assign(list, { api, user: writer });
  const paths: string[] = [];
  list.addEventListener('cong-navigate', (e) => void paths.push((e as CustomEvent<{ path: string }>).detail.path));
  document.body.append(list);
  await settle(list);
  return { list, api, paths, root: list.shadowRoot! };
}

describe('<portal-article-list>', () => {
  it('lists the articles with Vietnamese statuses and filters by status, category and folded text', async () => {
    const { list, api, root } = await mount();
    expect(root.querySelector('h1')!.textContent).toBe('Tin bài');
    expect(root.querySelector('tbody')!.textContent).toContain('Lễ hội mùa xuân');
    expect(root.querySelector('tbody')!.textContent).toContain('Nháp');
    const statuses = [...root.querySelectorAll('select[name=status] option')].map((o) => o.textContent);
    expect(statuses).toEqual(['Mọi trạng thái', 'Nháp', 'Chờ duyệt', 'Đã lên lịch', 'Đã xuất bản', 'Lưu trữ']);
    expect(root.querySelector('select[name=categoryId]')!.textContent).toContain('Tin tức');

    root.querySelector<HTMLSelectElement>('select[name=status]')!.value = 'in_review';
    root.querySelector<HTMLSelectElement>('select[name=categoryId]')!.value = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1';
    root.querySelector<HTMLInputElement>('input[name=text]')!.value = 'le hoi';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(list);
    expect(api.calls.filter((c) => c.path === '/api/portal/articles').at(-1)!.query).toEqual({
      limit: 20,
      offset: 0,
      status: 'in_review',
      categoryId: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1',
      text: 'le hoi',
    });
  });

  it('opens an article and "Viết tin mới" in the editor, asking the shell to put it in the address', async () => {
    const { list, root, paths } = await mount();
    const link = root.querySelector<HTMLAnchorElement>('tbody a')!;
    expect(link.getAttribute('href')).toBe(`/admin/portal/articles/${article().id}`);
    link.click();
    await settle(list);
    await customElements.whenDefined('portal-article-editor');
    await settle(list);
    expect(paths).toEqual([`/portal/articles/${article().id}`]);
    const editor = root.querySelector('portal-article-editor')!;
    expect(editor.articleId).toBe(article().id);

    root.querySelector<HTMLAnchorElement>('a[href="/admin/portal"]')!.click();
    await settle(list);
    root.querySelector<HTMLButtonElement>('header button')!.click();
    await settle(list);
    expect(paths.slice(1)).toEqual(['/portal', '/portal/new']);
    expect(root.querySelector('portal-article-editor')!.articleId).toBeUndefined();
  });

  it('follows the address the shell changes: a reload of an article, its nav link back to the list, Back', async () => {
    const original = location.pathname + location.search;
    try {
      history.pushState(null, '', `/admin/portal/articles/${article().id}`);
      const { list, root } = await mount();
      await customElements.whenDefined('portal-article-editor');
      await settle(list);
      expect(root.querySelector('portal-article-editor')!.articleId).toBe(article().id);

      // The shell's nav link: it pushes the address and keeps the element.
      history.pushState(null, '', '/admin/portal');
      document.body.click();
      await settle(list);
      expect(root.querySelector('portal-article-editor')).toBeNull();
      expect(root.querySelector('h1')!.textContent).toBe('Tin bài');

      history.back();
      await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      await settle(list);
      expect(root.querySelector('portal-article-editor')).not.toBeNull();
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('passes axe (WCAG 2.1 AA) on the list and its filters', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { list } = await mount();
    const result = await axe.run(list, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
