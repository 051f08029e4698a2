import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { routedApi, settle, type Call } from '../testing/fake-api.js';
import type { MenuEditor } from './menu-editor.element.js';
import type { Menu } from './pages-types.js';
import './menu-editor.js';

const manager: AdminUser = { id: 'u9', username: 'quan.tri', displayName: null, permissions: ['portal.pages.write'] };

function menu(): Menu {
  const leaf = (id: string, vi: string, value: string) => ({ id, label: { vi, en: null }, target: { kind: 'page' as const, value }, newTab: false, href: `/trang/${value}`, children: [] });
  return { location: 'main', updatedAt: null, updatedBy: null, items: [leaf('1', 'Giới thiệu', 'gioi-thieu'), leaf('2', 'Tin tức', 'tin-tuc'), leaf('3', 'Liên hệ', 'lien-he')] };
}

afterEach(() => {
  document.body.replaceChildren();
});

async function mount(put: (call: Call) => unknown = () => menu()) {
  document.documentElement.lang = 'vi';
  const api = routedApi({ 'GET /api/portal/menus/main': () => menu(), 'PUT /api/portal/menus/main': put });
  const editor = document.createElement('portal-menu-editor') as MenuEditor;
  Object.assign(editor, { api, user: manager });
  document.body.append(editor);
  await settle(editor);
  return { editor, api, root: editor.shadowRoot! };
}

const legends = (root: ShadowRoot) => [...root.querySelectorAll('legend')].map((l) => l.textContent!.trim());

describe('<portal-menu-editor>', () => {
  it('reorders with labelled buttons, keeps focus on the moved item and says where it went', async () => {
    const { editor, root } = await mount();
    expect(legends(root)).toEqual(['Mục 1 — Giới thiệu', 'Mục 2 — Tin tức', 'Mục 3 — Liên hệ']);
    const up = root.querySelector<HTMLButtonElement>('button[aria-label="Đưa “Liên hệ” lên"]')!;
    up.focus();
    up.click();
    await settle(editor);
    expect(legends(root)).toEqual(['Mục 1 — Giới thiệu', 'Mục 2 — Liên hệ', 'Mục 3 — Tin tức']);
    expect(root.activeElement?.getAttribute('aria-label')).toBe('Đưa “Liên hệ” lên');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã chuyển “Liên hệ” tới vị trí 2');

    root.querySelector<HTMLButtonElement>('button[aria-label="Đưa “Liên hệ” vào mục con của mục trên"]')!.click();
    await settle(editor);
    expect(legends(root)).toEqual(['Mục 1 — Giới thiệu', 'Mục 1.1 — Liên hệ', 'Mục 2 — Tin tức']);
    // A sub-item cannot go one level deeper: it offers "out", not "in".
    expect(root.querySelector('button[aria-label="Đưa “Liên hệ” vào mục con của mục trên"]')).toBeNull();
    expect(root.querySelector('button[aria-label="Đưa “Liên hệ” ra cấp trên"]')).not.toBeNull();
    expect(root.querySelector<HTMLButtonElement>('button[aria-label="Đưa “Giới thiệu” lên"]')!.disabled).toBe(true);
  });

  it('saves the whole menu and shows the server\'s errors beside the item they name', async () => {
    const { editor, api, root } = await mount(() => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /items/1/target/value no page of this unit has this slug', [{ in: 'body', pointer: '/items/1/target/value', message: 'no page of this unit has this slug' }]);
    });
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(editor);
    expect(api.calls.at(-1)!.body).toEqual({
      items: [
        { label: { vi: 'Giới thiệu', en: null }, target: { kind: 'page', value: 'gioi-thieu' }, newTab: false, children: [] },
        { label: { vi: 'Tin tức', en: null }, target: { kind: 'page', value: 'tin-tuc' }, newTab: false, children: [] },
        { label: { vi: 'Liên hệ', en: null }, target: { kind: 'page', value: 'lien-he' }, newTab: false, children: [] },
      ],
    });
    const second = root.querySelectorAll('li[data-key]')[1]!;
    expect(second.querySelector('.field-error')!.textContent).toBe('no page of this unit has this slug');
    expect(second.querySelector('input[aria-invalid=true]')).not.toBeNull();
  });
});
