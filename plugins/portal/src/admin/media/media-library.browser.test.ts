import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type AdminUser } from '@cong/sdk/admin';
import { routedApi, settle } from '../testing/fake-api.js';
import type { MediaLibrary } from './media-library.element.js';
import type { MediaPicker } from './media-picker.element.js';
import type { MediaItem } from './media-types.js';
import './media-library.js';
import './media-picker.js';

const tenant = { id: 'so-tai-chinh', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: null, kind: 'department' };
const mediaEditor: AdminUser = { id: 'u5', username: 'tu.lieu', displayName: null, permissions: ['portal.media.write'] };

function item(overrides: Partial<MediaItem> = {}): MediaItem {
  const id = overrides.id ?? '0b7c4d1e-1a2b-4c3d-8e9f-00000000e001';
  return {
    id,
    kind: 'image',
    originalName: 'hoi-nghi.jpg',
    contentType: 'image/jpeg',
    size: 240_000,
    sha256: 'a'.repeat(64),
    title: { vi: 'Hội nghị tổng kết', en: null },
    alt: { vi: null, en: null },
    caption: { vi: null, en: null },
    credit: null,
    document: null,
    width: 1500,
    height: 1000,
    needsAlt: true,
    url: `/media/${id}/goc`,
    variants: [{ name: 'w320.webp', url: `/media/${id}/w320.webp`, contentType: 'image/webp', width: 320, height: 213, size: 9000 }],
    createdBy: 'u5',
    createdAt: '2026-11-20T08:00:00Z',
    updatedAt: '2026-11-20T08:00:00Z',
    ...overrides,
  };
}

const pdf = item({
  id: '0b7c4d1e-1a2b-4c3d-8e9f-00000000e002',
  kind: 'pdf',
  originalName: 'QĐ 12.pdf',
  contentType: 'application/pdf',
  title: { vi: null, en: null },
  needsAlt: false,
  width: null,
  height: null,
  variants: [],
  document: { title: 'Quyết định phê duyệt dự toán', number: '12/2026/QĐ-UBND', issuer: 'UBND tỉnh', date: '2026-11-20', description: null },
});

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<portal-media-library>', () => {
  it('shows the items with thumbnails under the unit, flags missing alt text, and explains a refused delete', async () => {
    document.documentElement.lang = 'vi';
    const photo = item();
    const api = routedApi({
      'GET /api/portal/media': () => ({ items: [photo, pdf], total: 2, limit: 24, offset: 0 }),
      [`DELETE /api/portal/media/${pdf.id}`]: () => {
        throw new ApiError(409, 'PORTAL_ERR_MEDIA_IN_USE', 'Media item is used in 2 article(s): take it out of them first');
      },
      [`PATCH /api/portal/media/${photo.id}`]: (call) => ({ ...photo, alt: { vi: 'Lãnh đạo phát biểu', en: null }, needsAlt: false, ...(call.body as object) }),
    });
    const library = document.createElement('portal-media-library') as MediaLibrary;
    Object.assign(library, { api, user: mediaEditor, tenant });
    document.body.append(library);
    await settle(library);
    const root = library.shadowRoot!;

    expect(root.querySelector('h1')!.textContent).toBe('Thư viện tư liệu');
    const cards = [...root.querySelectorAll('ul.grid button')];
    expect(cards.map((c) => c.querySelector('.name')!.textContent)).toEqual(['Hội nghị tổng kết', 'Quyết định phê duyệt dự toán']);
    expect(cards[0]!.querySelector('img')!.getAttribute('src')).toBe(`/t/so-tai-chinh/media/${photo.id}/w320.webp`);
    expect(cards[0]!.textContent).toContain('Thiếu văn bản thay thế');
    expect(cards[1]!.textContent).not.toContain('Thiếu văn bản thay thế');

    (cards[0] as HTMLButtonElement).click();
    await settle(library);
    const altField = root.querySelector<HTMLInputElement>('input[name=altVi]')!;
    expect(altField.required).toBe(true);
    expect(root.querySelector('section.details')!.textContent).toContain('chưa dùng được trong tin bài');
    altField.value = 'Lãnh đạo phát biểu';
    root.querySelector<HTMLFormElement>('section.details form')!.requestSubmit();
    await settle(library);
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toMatchObject({ alt: { vi: 'Lãnh đạo phát biểu', en: null }, title: { vi: 'Hội nghị tổng kết', en: null } });

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    (root.querySelectorAll('ul.grid button')[1] as HTMLButtonElement).click();
    await settle(library);
    expect(root.querySelector<HTMLInputElement>('input[name=documentNumber]')!.value).toBe('12/2026/QĐ-UBND');
    root.querySelector<HTMLButtonElement>('button.danger')!.click();
    await settle(library);
    const alert = root.querySelector('[role=alert]')!.textContent!;
    expect(alert).toContain('Không xoá được “QĐ 12.pdf”');
    expect(alert).toContain('gỡ ảnh hoặc liên kết');
  });

  it('lists in a table with header cells when asked', async () => {
    const api = routedApi({ 'GET /api/portal/media': () => ({ items: [pdf], total: 1, limit: 24, offset: 0 }) });
    const library = document.createElement('portal-media-library') as MediaLibrary;
    Object.assign(library, { api, user: mediaEditor, tenant });
    document.body.append(library);
    await settle(library);
    [...library.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')].find((b) => b.textContent === 'Danh sách')!.click();
    await settle(library);
    expect([...library.shadowRoot!.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(library.shadowRoot!.querySelector('tbody th[scope=row]')!.textContent).toContain('Quyết định phê duyệt dự toán');
  });
});

describe('<portal-media-picker>', () => {
  it('asks for alt text before handing out an image that has none, and resolves with the saved item', async () => {
    const photo = item();
    const described = { ...photo, alt: { vi: 'Cầu Hiền Lương', en: null }, needsAlt: false };
    const api = routedApi({
      'GET /api/portal/media': () => ({ items: [photo], total: 1, limit: 24, offset: 0 }),
      [`PATCH /api/portal/media/${photo.id}`]: () => described,
    });
    const picker = document.createElement('portal-media-picker') as MediaPicker;
    Object.assign(picker, { api, user: mediaEditor, tenant });
    document.body.append(picker);
    await settle(picker);
    const picked: MediaItem[] = [];
    picker.addEventListener('portal-media-picked', (e) => void picked.push((e as CustomEvent<{ item: MediaItem }>).detail.item));

    const chosen = picker.pick({ kind: 'image' });
    await settle(picker);
    expect(api.calls[0]!.query).toMatchObject({ kind: 'image' });
    expect(picker.shadowRoot!.querySelector('dialog')!.open).toBe(true);
    picker.shadowRoot!.querySelector<HTMLButtonElement>('ul button')!.click();
    await settle(picker);
    const alt = picker.shadowRoot!.querySelector<HTMLInputElement>('input[name=altVi]')!;
    expect(picker.shadowRoot!.activeElement).toBe(alt);
    alt.value = 'Cầu Hiền Lương';
    picker.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    expect(await chosen).toEqual(described);
    expect(api.calls.at(-1)).toMatchObject({ method: 'PATCH', body: { alt: { vi: 'Cầu Hiền Lương', en: null } } });
    expect(picked).toEqual([described]);
    expect(picker.shadowRoot!.querySelector('dialog')!.open).toBe(false);
  });

  it('resolves undefined when cancelled', async () => {
    const api = routedApi({ 'GET /api/portal/media': () => ({ items: [pdf], total: 1, limit: 24, offset: 0 }) });
    const picker = document.createElement('portal-media-picker') as MediaPicker;
    Object.assign(picker, { api, user: mediaEditor, tenant });
    document.body.append(picker);
    await settle(picker);
    const chosen = picker.pick();
    await settle(picker);
    picker.shadowRoot!.querySelector<HTMLButtonElement>('header button')!.click();
    expect(await chosen).toBeUndefined();
  });
});
