import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../testing/axe-violations.js';
import './gazette-latest.js';

// Answers in the shape of GET /api/gazette/v1/issues (test/public-api-issues.integration.test.ts).
const issue13 = {
  id: 'i-13',
  year: 2026,
  number_from: 13,
  number_to: 14,
  publication_date: '2026-03-27',
  page_count: 48,
  sha256: 'ab'.repeat(32),
  pdf_url: 'https://cong.example/t/quang-tri/api/gazette/issues/i-13/pdf',
  url: 'https://cong.example/t/quang-tri/cong-bao/so/2026/13',
};
const issue12 = { ...issue13, id: 'i-12', number_from: 12, number_to: 12, publication_date: '2026-03-20', page_count: 36, pdf_url: 'javascript:alert(1)', url: 'https://cong.example/t/quang-tri/cong-bao/so/2026/12' };

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
  const element = document.createElement('cong-gazette-latest');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

describe('<cong-gazette-latest>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('reads the unit\'s latest issues anonymously and links each to its page and its PDF', async () => {
    const calls = stubFetch({ count: 2, page: 1, per_page: 3, results: [issue13, { ...issue12, number_from: '<img src=x onerror="window.__pwned=1">' }] });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example/ignored/path', count: '3' });
    expect(calls.map((c) => c.url)).toEqual(['https://cong.example/t/quang-tri/api/gazette/v1/issues?per_page=3']);
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Công báo mới phát hành');
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.querySelector('[part=link]')!.textContent).toBe('Số 13 + 14/2026');
    expect(first.querySelector('[part=link]')!.getAttribute('href')).toBe(issue13.url);
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-27');
    expect(first.querySelector('time')!.textContent).toContain('27/03/2026');
    expect(first.textContent).toContain('48 trang');
    const pdf = first.querySelector('[part=pdf]')!;
    expect(pdf.getAttribute('href')).toBe(issue13.pdf_url);
    expect(pdf.getAttribute('aria-label')).toBe('Tải tệp PDF Số 13 + 14/2026');
    // Text stays text; a javascript: URL never becomes a link.
    expect(root.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(items[1]!.querySelector('[part=pdf]')).toBeNull();
    expect(root.querySelector<HTMLAnchorElement>('[part=more]')!.getAttribute('href')).toBe('https://cong.example/t/quang-tri/cong-bao/so');
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('2 số Công báo mới nhất');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('speaks English on lang="en" (its own or the page\'s), and says when empty or failing', async () => {
    const calls = stubFetch({ count: 0, page: 1, per_page: 5, results: [] });
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    document.body.append(wrapper);
    const en = document.createElement('cong-gazette-latest');
    en.setAttribute('unit', 'so-tu-phap');
    en.setAttribute('server', 'https://cong.example');
    wrapper.append(en);
    await settle(en);
    expect(calls[0]!.url).toBe('https://cong.example/t/so-tu-phap/api/gazette/v1/issues?per_page=5');
    expect(en.shadowRoot!.querySelector('h2')!.textContent).toBe('Latest gazette issues');
    expect(en.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('No gazette issues yet.');
    vi.unstubAllGlobals();
    stubFetch({ code: 'GAZETTE_ERR_PUBLIC_NO_UNIT' }, 404);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = await mount({ tenant: 'khong-co', server: 'https://cong.example', count: '500' });
    expect(failing.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Không tải được danh sách số Công báo.');
    expect(failing.dataUrl).toBe('https://cong.example/t/khong-co/api/gazette/v1/issues?per_page=20');
    warn.mockRestore();
  });

  it('can be themed through --cong-gazette-* custom properties, without leaking styles to the page', async () => {
    stubFetch({ count: 1, page: 1, per_page: 5, results: [issue13] });
    const style = document.createElement('style');
    style.textContent = 'cong-gazette-latest { --cong-gazette-link: rgb(0, 128, 0); }';
    document.head.append(style);
    const outside = document.createElement('a');
    outside.href = 'https://example.org/';
    document.body.append(outside);
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('a')!).color).toBe('rgb(0, 128, 0)');
    expect(getComputedStyle(outside).color).not.toBe('rgb(0, 128, 0)');
    style.remove();
  });
});
