import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './portal-latest.js';

const hostile = {
  id: 'a1',
  slug: 'x',
  title: '<img src=x onerror="window.__pwned = true">Tiêu đề',
  summary: '<script>window.__pwned = true</script>',
  category: null,
  publishedAt: '2026-11-29T02:30:00.000Z',
  url: 'https://portal.example/t/so-tai-chinh/tin/x',
};
const evilLink = { ...hostile, id: 'a2', title: 'Liên kết lạ', url: 'javascript:alert(1)' };

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
  const element = document.createElement('cong-portal-latest');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

describe('<cong-portal-latest>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('fetches the unit\'s public API anonymously and renders titles as text, links only http(s)', async () => {
    const calls = stubFetch({ items: [hostile, evilLink], total: 2, limit: 3, offset: 0 });
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example/x', category: 'tin-tuc', limit: '3', summaries: '' });
    expect(calls.map((c) => c.url)).toEqual(['https://portal.example/t/so-tai-chinh/api/portal/public/articles?limit=3&category=tin-tuc&lang=vi']);
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    const root = element.shadowRoot!;
    expect(root.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    const links = [...root.querySelectorAll('a')];
    expect(links).toHaveLength(1);
    expect(links[0]!.textContent).toBe(hostile.title);
    expect(links[0]!.getAttribute('href')).toBe(hostile.url);
    expect(root.querySelector('[part=summary]')!.textContent).toBe(hostile.summary);
    expect([...root.querySelectorAll('li')][1]!.querySelector('a')).toBeNull(); // javascript: is not a link
    for (const part of ['container', 'title', 'list', 'item', 'link', 'time']) expect(root.querySelector(`[part~=${part}]`), part).not.toBeNull();
    expect(root.querySelector('h2')!.textContent).toBe('Tin mới');
  });

  it('speaks English on lang="en", says when empty or failing', async () => {
    const calls = stubFetch({ items: [] });
    const en = await mount({ tenant: 'so-y-te', server: 'https://portal.example', lang: 'en' });
    expect(calls[0]!.url).toBe('https://portal.example/t/so-y-te/api/portal/public/articles?limit=5&lang=en');
    expect(en.shadowRoot!.querySelector('h2')!.textContent).toBe('Latest news');
    expect(en.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('No articles yet.');
    vi.unstubAllGlobals();
    stubFetch({ code: 'CONG_ERR_NOT_FOUND' }, 404);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = await mount({ tenant: 'khong-co', server: 'https://portal.example' });
    expect(failing.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Không tải được tin bài.');
    warn.mockRestore();
  });

  it('can be themed through --cong-portal-* custom properties', async () => {
    stubFetch({ items: [hostile] });
    const style = document.createElement('style');
    style.textContent = 'cong-portal-latest { --cong-portal-link: rgb(0, 128, 0); }';
    document.head.append(style);
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('a')!).color).toBe('rgb(0, 128, 0)');
    style.remove();
  });
});
