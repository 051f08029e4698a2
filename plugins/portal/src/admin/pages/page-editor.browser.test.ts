import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { LAO, routedApi, settle, siteLanguages } from '../testing/fake-api.js';
import type { PageEditor } from './page-editor.element.js';
import type { Page } from './pages-types.js';
import './page-editor.js';

const manager: AdminUser = { id: 'u9', username: 'quan.tri', displayName: null, permissions: ['portal.pages.write'] };
const at = '2026-11-20T08:00:00.000Z';
const ID = '0b7c4d1e-1a2b-4c3d-8e9f-0000000000a1';
const page = (extra: Partial<Page> = {}): Page => ({
  id: ID, parentId: null, order: 0, slug: 'gioi-thieu', title: 'Giới thiệu', summary: '', body: '<p>Nội dung</p>', status: 'draft',
  authorId: 'u9', submittedBy: null, approverId: null, remarks: null, publishedAt: null, revision: 2, createdAt: at, updatedAt: at,
  translations: {}, enStale: false, ...extra,
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-page-editor>', () => {
  it('offers a translation in English and in each configured language, and sends the fields typed in each', async () => {
    document.documentElement.lang = 'vi';
    const api = routedApi({
      'GET /api/portal/languages': () => ({ items: siteLanguages(LAO) }),
      'GET /api/portal/pages': () => ({ items: [] }),
      [`GET /api/portal/pages/${ID}`]: () => page({ translations: { en: { title: { value: 'About', stale: false } }, lo: { title: { value: 'ກ່ຽວກັບ', stale: true } } } }),
      [`GET /api/portal/pages/${ID}/revisions`]: () => ({ items: [] }),
      [`PATCH /api/portal/pages/${ID}`]: () => page({ revision: 3 }),
    });
    const editor = document.createElement('portal-page-editor') as PageEditor;
    Object.assign(editor, { api, user: manager, pageId: ID });
    document.body.append(editor);
    await settle(editor);
    const root = editor.shadowRoot!;
    expect([...root.querySelectorAll('fieldset[data-lang] legend')].map((l) => l.textContent)).toEqual(['Bản tiếng Anh', 'Bản tiếng Lào']);
    expect(root.querySelector<HTMLInputElement>('#field-loTitle')!.value).toBe('ກ່ຽວກັບ');
    expect(root.querySelector('label[for=field-loTitle] .flag')!.getAttribute('title')).toBe('Bản tiếng Lào đã cũ');
    expect(root.querySelector('label[for=field-enTitle] .flag')).toBeNull();
    expect(root.querySelector('fieldset[data-lang=lo]')!.getAttribute('lang')).toBe('lo');

    root.querySelector<HTMLTextAreaElement>('#field-loSummary')!.value = 'ສະຫຼຸບ';
    root.querySelector<HTMLInputElement>('#field-enTitle')!.value = '';
    root.querySelector('form')!.requestSubmit();
    await settle(editor);
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    // An emptied English title goes as '' (the server drops it); untouched empty fields stay out.
    expect((patch.body as { translations: unknown }).translations).toEqual({ en: { title: '' }, lo: { title: 'ກ່ຽວກັບ', summary: 'ສະຫຼຸບ' } });
  });
});
