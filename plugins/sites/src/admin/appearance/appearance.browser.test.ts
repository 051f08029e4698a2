import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminUser, ApiClient } from '@cong/sdk/admin';
import type { Appearance, AppearanceView, Catalogue } from './appearance-types.js';
import './sites-theme.js';
import './sites-home.js';
import { axeViolations, routedApi, settle } from '../testing/admin-test-support.js';

const published: Appearance = { theme: 'xanh-la', branding: { primary: null, accent: null, logo: null, logoAlt: null }, home: null };
const view = (overrides: Partial<AppearanceView> = {}): AppearanceView => ({ published, draft: null, previewToken: null, fromTemplate: true, publishedAt: null, publishedBy: null, updatedAt: null, ...overrides });
const white = { onPrimary: '#ffffff', text: '#1f2328', background: '#ffffff', muted: '#57606a', accent: '#8a5a00' };
const catalogue: Catalogue = {
  themes: [
    { id: 'do-truyen-thong', label: { vi: 'Đỏ truyền thống', en: 'Traditional red' }, colours: { primary: '#9b1c1c', ...white } },
    { id: 'xanh-la', label: { vi: 'Xanh lá', en: 'Green' }, colours: { primary: '#1b5e20', ...white } },
  ],
  blocks: [
    { id: 'portal.latest-news', label: { vi: 'Tin mới', en: 'Latest news' }, settingsSchema: { properties: { count: { type: 'integer', minimum: 1, maximum: 20 }, category: { type: 'string' } } } },
    { id: 'sites.public-services', label: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' }, settingsSchema: { properties: { heading: { type: 'string' }, links: { type: 'array' } } } },
  ],
};
const user: AdminUser = { id: 'qt', username: 'quan.tri', displayName: null, permissions: ['sites.site.configure'] } as AdminUser;

function mount<K extends 'sites-theme' | 'sites-home'>(tag: K, api: ApiClient): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, { api, user, tenant: { id: 'u-dh', slug: 'dong-ha', nameVi: 'Phường Đông Hà', nameEn: null, kind: 'ward' } });
  document.body.append(element);
  return element;
}
const input = (root: ShadowRoot, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const button = (root: ShadowRoot, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<sites-theme>', () => {
  it('chooses a theme and colours, shows the contrast as typed, saves a draft with a preview link, publishes it', async () => {
    let current = view();
    const api = routedApi({
      'GET /api/sites/appearance': () => current,
      'GET /api/sites/appearance/catalogue': () => catalogue,
      'PUT /api/sites/appearance/draft': (call) => (current = view({ draft: call.body as Appearance, previewToken: 'tok-123' })),
      'POST /api/sites/appearance/publish': () => (current = view({ published: current.draft!, fromTemplate: false, publishedAt: '2026-11-29T02:00:00Z', publishedBy: 'qt' })),
    });
    const element = mount('sites-theme', api);
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value="do-truyen-thong"]')!.click();
    const primary = input(root, 'primary');
    primary.value = '#ffcc00';
    primary.dispatchEvent(new Event('input'));
    await settle(element);
    expect(root.querySelector('#tuong-phan-chinh')!.textContent).toContain('Không đạt chuẩn WCAG 2.1 AA');
    primary.value = '#0b4f8a';
    primary.dispatchEvent(new Event('input'));
    await settle(element);
    expect(root.querySelector('#tuong-phan-chinh')!.textContent).not.toContain('Không đạt');
    expect(await axeViolations(element)).toEqual([]);
    button(root, 'Lưu bản nháp').click();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ theme: 'do-truyen-thong', branding: { primary: '#0b4f8a', accent: null, logo: null, logoAlt: null }, home: null });
    expect(root.querySelector('a[target="_blank"]')!.getAttribute('href')).toBe('/t/dong-ha/?xem-truoc=tok-123');
    button(root, 'Xuất bản').click();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/sites/appearance/publish')).toBe(true);
    expect(root.textContent).toContain('Xuất bản lần cuối bởi qt');
  });
});

describe('<sites-theme> at the province', () => {
  it('shows the locked parts to a network admin and applies them to every site', async () => {
    const api = routedApi({
      'GET /api/sites/appearance': () => view(),
      'GET /api/sites/appearance/catalogue': () => catalogue,
      'GET /api/sites/appearance/network': () => ({ headerLine: '', footerNote: '' }),
      'PUT /api/sites/appearance/network': (call) => call.body,
    });
    const element = document.createElement('sites-theme');
    Object.assign(element, { api, user: { ...user, permissions: ['sites.site.configure', 'sites.network.manage'] }, tenant: { id: 'u-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: null, kind: 'province' } });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    input(root, 'headerLine').value = 'Ủy ban nhân dân tỉnh Quảng Trị';
    button(root, 'Áp dụng cho mọi trang').click();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ headerLine: 'Ủy ban nhân dân tỉnh Quảng Trị', footerNote: '' });
    expect(await axeViolations(element)).toEqual([]);
  });

  it('hides them from a unit\'s site admin', async () => {
    const element = mount('sites-theme', routedApi({ 'GET /api/sites/appearance': () => view(), 'GET /api/sites/appearance/catalogue': () => catalogue }));
    await settle(element);
    expect(element.shadowRoot!.textContent).not.toContain('Phần do Cổng tỉnh khóa');
  });
});

describe('<sites-home>', () => {
  it('adds blocks, edits settings, reorders with the keyboard-reachable buttons keeping focus, and saves the layout', async () => {
    let current = view();
    const api = routedApi({
      'GET /api/sites/appearance': () => current,
      'GET /api/sites/appearance/catalogue': () => catalogue,
      'PUT /api/sites/appearance/draft': (call) => (current = view({ draft: call.body as Appearance, previewToken: 'tok-9' })),
    });
    const element = mount('sites-home', api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('trang chủ mặc định');
    const select = root.querySelector<HTMLSelectElement>('select[name="block"]')!;
    select.value = 'portal.latest-news';
    button(root, 'Thêm').click();
    await settle(element);
    select.value = 'sites.public-services';
    button(root, 'Thêm').click();
    await settle(element);
    const links = root.querySelector<HTMLTextAreaElement>('textarea')!;
    links.value = 'Cổng Dịch vụ công quốc gia | https://dichvucong.gov.vn';
    links.dispatchEvent(new Event('change'));
    await settle(element);
    const up = root.querySelector<HTMLButtonElement>('button[aria-label="Chuyển “Dịch vụ công trực tuyến” lên"]')!;
    up.focus();
    up.click();
    await settle(element);
    expect([...root.querySelectorAll('ol.blocks > li strong')].map((s) => s.textContent)).toEqual(['Dịch vụ công trực tuyến', 'Tin mới']);
    expect(root.activeElement?.getAttribute('aria-label')).toBe('Chuyển “Dịch vụ công trực tuyến” xuống');
    expect(root.querySelector('[aria-live="polite"].sr-only')!.textContent).toContain('vị trí 1');
    expect(await axeViolations(element)).toEqual([]);
    button(root, 'Lưu bản nháp').click();
    await settle(element);
    expect((api.calls.find((c) => c.method === 'PUT')!.body as Appearance).home).toEqual([
      { block: 'sites.public-services', settings: { links: [{ title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' }] } },
      { block: 'portal.latest-news', settings: {} },
    ]);
  });
});
