import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './hello-greetings.js';

const hostile = {
  id: '6f1c8a52-6d0e-4d8e-9d55-2f0c1f9a7b10',
  name: '<img src=x onerror="window.__pwned = true">',
  message: '<script>window.__pwned = true</script><b>đậm</b>',
  language: 'vi',
  createdAt: '2026-11-29T02:30:00.000Z',
};
const english = { id: '0b7a2c1e-4d3f-4a6b-8c9d-1e2f3a4b5c6d', name: 'Lê Văn Tám', message: 'Hello', language: 'en', createdAt: '2026-11-29T01:00:00.000Z' };

/** Stubs fetch with one JSON answer and records the calls. */
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
  const element = document.createElement('cong-hello-greetings');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

describe('<cong-hello-greetings>', () => {
  // Without its own `lang`, the widget speaks the page's (nearest `lang` ancestor), else Vietnamese.
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('fetches the unit\'s public route anonymously and renders API text as text, never as HTML', async () => {
    const calls = stubFetch({ items: [hostile, english], signature: '<i>Sở Tài chính</i>' });
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example/ignored/path', limit: '2' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://portal.example/t/so-tai-chinh/hello/greetings/latest?limit=2');
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });

    const root = element.shadowRoot!;
    expect(root.querySelector('img, script, b, i')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('[part=name]')!.textContent).toBe(hostile.name);
    expect(items[0]!.querySelector('[part=message]')!.textContent).toBe(hostile.message);
    expect(root.querySelector('[part=signature]')!.textContent).toBe('— <i>Sở Tài chính</i>');
  });

  it('has list semantics, per-item language, a labelled region, Vietnamese by default and English on lang="en"', async () => {
    stubFetch({ items: [hostile, english], signature: null });
    const vietnamese = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    const root = vietnamese.shadowRoot!;
    expect(root.querySelector('ul')!.getAttribute('role')).toBe('list');
    expect([...root.querySelectorAll('li')].map((li) => li.lang)).toEqual(['vi', 'en']);
    expect(root.querySelector('section')!.getAttribute('aria-labelledby')).toBe('title');
    expect(root.querySelector('section')!.lang).toBe('vi');
    expect(root.querySelector('h2')!.textContent).toBe('Lời chào mới nhất');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe(hostile.createdAt);
    expect(root.querySelector('[part=signature]')).toBeNull();
    for (const part of ['container', 'title', 'list', 'item', 'name', 'message', 'time']) expect(root.querySelector(`[part~=${part}]`), part).not.toBeNull();

    const en = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example', lang: 'en', heading: 'News & greetings' });
    expect(en.shadowRoot!.querySelector('section')!.lang).toBe('en');
    expect(en.shadowRoot!.querySelector('h2')!.textContent).toBe('News & greetings');
    document.documentElement.lang = 'en-GB';
    const inherited = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(inherited.shadowRoot!.querySelector('h2')!.textContent).toBe('Latest greetings');
  });

  it('says so when there is nothing, when the server refuses, and refetches when the unit changes', async () => {
    const calls = stubFetch({ items: [], signature: null });
    const element = await mount({ tenant: 'so-tai-chinh', server: 'https://portal.example' });
    expect(element.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Chưa có lời chào nào.');
    element.setAttribute('tenant', 'so-y-te');
    await settle(element);
    expect(calls.map((c) => c.url)).toEqual([
      'https://portal.example/t/so-tai-chinh/hello/greetings/latest?limit=5',
      'https://portal.example/t/so-y-te/hello/greetings/latest?limit=5',
    ]);

    vi.unstubAllGlobals();
    stubFetch({ code: 'CONG_ERR_NOT_FOUND' }, 404);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = await mount({ tenant: 'khong-co', server: 'https://portal.example', lang: 'en' });
    expect(failing.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Could not load the greetings.');
    expect(failing.shadowRoot!.querySelector('ul')).toBeNull();
    warn.mockRestore();
  });

  it('can be themed from the page through custom properties', async () => {
    stubFetch({ items: [english], signature: null });
    const style = document.createElement('style');
    style.textContent = 'cong-hello-greetings { --cong-hello-accent: rgb(0, 128, 0); }';
    document.head.append(style);
    const element = await mount({ server: 'https://portal.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('h2')!).color).toBe('rgb(0, 128, 0)');
    style.remove();
  });
});
