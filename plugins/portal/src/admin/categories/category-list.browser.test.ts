import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { approver, categoryTree, LAO, routedApi, settle, siteLanguages, writer, type Handler } from '../testing/fake-api.js';
import type { Category } from '../types.js';
import type { CategoryList } from './category-list.element.js';
import { buildTree, flatten, reorder, slugFromName } from './category-tree.js';
import './category-list.js';

const NEWS = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c1';
const NOTICES = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c2';
const IN_PROVINCE = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c3';
const IN_COUNTRY = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c4';

async function mount(options: { user?: AdminUser; routes?: Record<string, Handler>; lang?: string } = {}) {
  document.documentElement.lang = options.lang ?? 'vi';
  let stored: Category[] = categoryTree();
  const api = routedApi({
    'GET /api/portal/languages': () => ({ items: siteLanguages() }),
    'GET /api/portal/categories': () => ({ items: stored }),
    'POST /api/portal/categories': (call) => {
      const created = { id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000c9', order: 0, ...(call.body as object) } as Category;
      stored = [...stored, created];
      return created;
    },
    ...Object.fromEntries(
      stored.map((c) => [
        `PATCH /api/portal/categories/${c.id}`,
        ((call) => {
          stored = stored.map((x) => (x.id === c.id ? { ...x, ...(call.body as object) } : x));
          return stored.find((x) => x.id === c.id);
        }) satisfies Handler,
      ]),
    ),
    ...options.routes,
  });
  const list = document.createElement('portal-category-list') as CategoryList;
  Object.assign(list, { api, user: options.user ?? writer });
  document.body.append(list);
  await settle(list);
  return { list, api, root: list.shadowRoot! };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('category tree helpers', () => {
  it('orders siblings, nests children, proposes slugs and renumbers a move', () => {
    const tree = buildTree(categoryTree());
    expect(flatten(tree).map((n) => `${n.depth}:${n.category.slug}`)).toEqual(['0:tin-tuc', '1:trong-tinh', '1:trong-nuoc', '0:thong-bao']);
    expect(slugFromName('Đời sống – Xã hội')).toBe('doi-song-xa-hoi');
    expect(reorder(categoryTree(), IN_COUNTRY, -1)).toEqual([{ id: IN_COUNTRY, order: 0 }, { id: IN_PROVINCE, order: 10 }]);
    expect(reorder(categoryTree(), IN_PROVINCE, -1)).toEqual([]);
  });
});

describe('<portal-category-list>', () => {
  it('shows the tree in order, subcategories nested under their parent', async () => {
    const { root } = await mount();
    expect(root.querySelector('h1')!.textContent).toBe('Chuyên mục');
    const top = [...root.querySelectorAll('ul.tree > li')].map((li) => li.querySelector('.name')!.textContent);
    expect(top).toEqual(['Tin tức', 'Thông báo']);
    const nested = [...root.querySelectorAll(`li[data-id="${NEWS}"] > ul > li .name`)].map((n) => n.textContent);
    expect(nested).toEqual(['Trong tỉnh', 'Trong nước']);
    expect(root.querySelector(`button[aria-label="Chuyển “Trong tỉnh” lên trên"]`)!.hasAttribute('disabled')).toBe(true);
  });

  it('creates a subcategory with both names, the slug proposed from the Vietnamese name', async () => {
    const { list, api, root } = await mount();
    root.querySelector<HTMLButtonElement>(`button[aria-label="Thêm chuyên mục con của “Tin tức”"]`)!.click();
    await settle(list);
    expect(root.querySelector('#category-form-heading')!.textContent).toBe('Thêm chuyên mục con của “Tin tức”');
    const nameVi = root.querySelector<HTMLInputElement>('#field-nameVi')!;
    nameVi.value = 'Quốc tế – Đối ngoại';
    nameVi.dispatchEvent(new InputEvent('input'));
    expect(root.querySelector<HTMLInputElement>('#field-slug')!.value).toBe('quoc-te-doi-ngoai');
    root.querySelector<HTMLInputElement>('#field-nameEn')!.value = 'World';
    root.querySelector('form')!.requestSubmit();
    await settle(list);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ name: { vi: 'Quốc tế – Đối ngoại', en: 'World' }, slug: 'quoc-te-doi-ngoai', parentId: NEWS });
    expect(root.querySelector('form')).toBeNull();
    expect(root.textContent).toContain('Quốc tế – Đối ngoại');
  });

  it('renames, changes the slug, moves under another parent; the parent list leaves out the category and its descendants', async () => {
    const { list, api, root } = await mount();
    root.querySelector<HTMLButtonElement>(`button[aria-label="Sửa “Tin tức”"]`)!.click();
    await settle(list);
    const parents = [...root.querySelectorAll('#field-parentId option')].map((o) => o.getAttribute('value'));
    expect(parents).toEqual(['', NOTICES]);
    root.querySelector<HTMLInputElement>('#field-nameVi')!.value = 'Tin tức - Sự kiện';
    root.querySelector<HTMLInputElement>('#field-nameEn')!.value = '';
    root.querySelector<HTMLInputElement>('#field-slug')!.value = 'tin-tuc-su-kien';
    root.querySelector<HTMLSelectElement>('#field-parentId')!.value = NOTICES;
    root.querySelector<HTMLInputElement>('#field-order')!.value = '5';
    root.querySelector('form')!.requestSubmit();
    await settle(list);
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe(`/api/portal/categories/${NEWS}`);
    expect(patch.body).toEqual({ name: { vi: 'Tin tức - Sự kiện', en: null }, slug: 'tin-tuc-su-kien', parentId: NOTICES, order: 5 });
  });

  it('moves a category down among its siblings by renumbering them', async () => {
    const { list, api, root } = await mount();
    root.querySelector<HTMLButtonElement>(`button[aria-label="Chuyển “Trong tỉnh” xuống dưới"]`)!.click();
    await settle(list);
    const patches = api.calls.filter((c) => c.method === 'PATCH').map((c) => [c.path.split('/').pop(), c.body]);
    expect(patches).toEqual([[IN_COUNTRY, { order: 0 }], [IN_PROVINCE, { order: 10 }]]);
    const nested = [...root.querySelectorAll(`li[data-id="${NEWS}"] > ul > li .name`)].map((n) => n.textContent);
    expect(nested).toEqual(['Trong nước', 'Trong tỉnh']);
  });

  it('shows a taken slug beside the slug field', async () => {
    const taken = new ApiError(409, 'PORTAL_ERR_SLUG_TAKEN', 'The unit already has a category with slug thong-bao', [
      { in: 'body', pointer: '/slug', message: 'is already used in this unit', keyword: 'unique' },
    ]);
    const { list, root } = await mount({ routes: { 'POST /api/portal/categories': () => { throw taken; } } });
    root.querySelector<HTMLButtonElement>('header button')!.click();
    await settle(list);
    root.querySelector<HTMLInputElement>('#field-nameVi')!.value = 'Thông báo';
    root.querySelector<HTMLInputElement>('#field-slug')!.value = 'thong-bao';
    root.querySelector('form')!.requestSubmit();
    await settle(list);
    const slug = root.querySelector<HTMLInputElement>('#field-slug')!;
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(slug.getAttribute('aria-describedby')).toContain('slug-error');
    expect(root.querySelector('#slug-error')!.textContent).toBe('is already used in this unit');
  });

  it('explains a 409 "category in use" when deleting, and deletes after a confirmation', async () => {
    const inUse = new ApiError(409, 'PORTAL_ERR_CATEGORY_IN_USE', 'Category tin-tuc still has 2 articles or subcategories');
    const { list, api, root } = await mount({
      routes: {
        [`DELETE /api/portal/categories/${NEWS}`]: () => { throw inUse; },
        [`DELETE /api/portal/categories/${NOTICES}`]: () => undefined,
      },
    });
    const asked: string[] = [];
    list.confirm = (message) => (asked.push(message), true);
    root.querySelector<HTMLButtonElement>(`button[aria-label="Xóa “Tin tức”"]`)!.click();
    await settle(list);
    expect(asked).toEqual(['Xóa chuyên mục “Tin tức”? Việc này không hoàn tác được.']);
    const alert = root.querySelector('[role=alert]')!.textContent!;
    expect(alert).toContain('Không xóa được “Tin tức”');
    expect(alert).toContain('2 chuyên mục con');
    expect(alert).toContain('Hãy chuyển các tin bài và chuyên mục con sang chuyên mục khác');

    list.confirm = () => false;
    root.querySelector<HTMLButtonElement>(`button[aria-label="Xóa “Thông báo”"]`)!.click();
    await settle(list);
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path.endsWith(NOTICES))).toBe(false);
    list.confirm = () => true;
    root.querySelector<HTMLButtonElement>(`button[aria-label="Xóa “Thông báo”"]`)!.click();
    await settle(list);
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path.endsWith(NOTICES))).toBe(true);
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('offers a name in each configured language, and sends every name', async () => {
    const { list, api, root } = await mount({
      routes: {
        'GET /api/portal/languages': () => ({ items: siteLanguages(LAO) }),
        'GET /api/portal/categories': () => ({ items: categoryTree().map((c) => (c.id === NEWS ? { ...c, name: { ...c.name, lo: 'ຂ່າວ' } } : c)) }),
      },
    });
    expect(root.querySelector(`li[data-id="${NEWS}"] .meta[lang=lo]`)!.textContent).toBe('(ຂ່າວ)');
    root.querySelector<HTMLButtonElement>(`button[aria-label="Sửa “Tin tức”"]`)!.click();
    await settle(list);
    const lao = root.querySelector<HTMLInputElement>('#field-nameLo')!;
    expect([lao.value, lao.lang, root.querySelector('label[for=field-nameLo]')!.textContent]).toEqual(['ຂ່າວ', 'lo', 'Tên tiếng Lào (để trống: dùng tên tiếng Việt)']);
    expect(root.querySelector('label[for=field-nameEn]')!.textContent).toBe('Tên tiếng Anh (để trống: dùng tên tiếng Việt)');
    lao.value = 'ຂ່າວສານ';
    root.querySelector<HTMLInputElement>('#field-nameEn')!.value = '';
    root.querySelector('form')!.requestSubmit();
    await settle(list);
    expect((api.calls.find((c) => c.method === 'PATCH')!.body as { name: unknown }).name).toEqual({ vi: 'Tin tức', en: null, lo: 'ຂ່າວສານ' });
  });

  it('is read-only without portal.content.write, and speaks English when the page does', async () => {
    const onlyApprove = { ...approver, permissions: ['portal.content.approve'] };
    const { root } = await mount({ user: onlyApprove, lang: 'en' });
    expect(root.querySelector('h1')!.textContent).toBe('Categories');
    expect(root.querySelector('button')).toBeNull();
    expect(root.textContent).toContain('You need the “Write content” permission');
  });

  it('passes axe (WCAG 2.1 AA) with the form open', async () => {
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const { list, root } = await mount();
    root.querySelector<HTMLButtonElement>(`button[aria-label="Sửa “Trong tỉnh”"]`)!.click();
    await settle(list);
    const result = await axe.run(list, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
