import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './procurement-notices.js';

const tender = {
  id: '3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  slug: 'goi-thau-so-5',
  kind: 'tender',
  name: '<img src=x onerror="window.__pwned = true">Gói thầu số 5',
  objective: 'Xây dựng cầu',
  field: 'Giao thông',
  projectGroup: null,
  startOn: null,
  endOn: null,
  budgetVnd: 98_500_000_000,
  funding: 'state-budget',
  donor: null,
  status: 'open',
  closesAt: '2026-12-15T02:00:00.000Z',
  result: null,
  publishedAt: '2026-11-29T01:00:00.000Z',
  updatedAt: '2026-11-29T01:00:00.000Z',
};

function stubFetch(body: unknown, status = 200) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const settle = async (element: HTMLElement & { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

async function mount(attributes: Record<string, string>) {
  const element = document.createElement('cong-procurement-notices');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

// Without its own `lang`, the widget speaks the page's (nearest `lang` ancestor), else Vietnamese.
beforeEach(() => document.documentElement.removeAttribute('lang'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('<cong-procurement-notices>', () => {
  it('reads the unit\'s public JSON without cookies and links each notice to its page, as text', async () => {
    const calls = stubFetch({ items: [tender], total: 1, limit: 3, offset: 0 });
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://quangtri.gov.vn', kind: 'tender', limit: '3' });
    expect(calls[0]!.url).toBe('https://quangtri.gov.vn/t/so-tai-chinh/procurement/notices?limit=3&kind=tender');
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    const root = element.shadowRoot!;
    const link = root.querySelector<HTMLAnchorElement>('a[part=link]')!;
    expect(link.href).toBe('https://quangtri.gov.vn/t/so-tai-chinh/mua-sam-cong/goi-thau-so-5');
    expect(link.textContent).toContain('<img src=x');
    expect(root.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(root.textContent).toContain('Thông báo mời thầu · Đang mời thầu');
  });

  it('speaks English when asked, and says so when the server fails', async () => {
    stubFetch({ type: 'about:blank' }, 503);
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://quangtri.gov.vn', lang: 'en' });
    expect(element.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Could not load the list.');
    expect(element.shadowRoot!.querySelector('h2')!.textContent).toBe('Public investment and procurement');
  });

  it('refuses a server that is not http(s)', async () => {
    const calls = stubFetch({ items: [] });
    const element = await mount({ server: 'javascript:alert(1)' });
    expect(calls).toEqual([]);
    expect(element.shadowRoot!.textContent).toContain('Không tải được danh sách.');
  });
});
