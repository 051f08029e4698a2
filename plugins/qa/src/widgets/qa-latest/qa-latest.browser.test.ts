import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../testing/axe-violations.js';
import './qa-latest.js';

// Answers in the shape of GET /api/qa/public/answers (test/answers.integration.test.ts).
const land = {
  slug: 'thu-tuc-cap-giay-chung-nhan-1a2b3c4d',
  title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu',
  question: '…',
  answer: '…',
  field: { code: 'dat-dai', name: 'Đất đai' },
  agency: 'Sở Nông nghiệp và Môi trường',
  askedAt: '2026-11-02T03:00:00.000Z',
  answeredAt: '2026-11-10T03:00:00.000Z',
  publishedAt: '2026-11-12T03:00:00.000Z',
};
const hostile = { ...land, slug: 'javascript:alert(1)', title: '<img src=x onerror="window.__pwned=1">', agency: '<b>x</b>' };

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
  const element = document.createElement('cong-qa-latest');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

describe('<cong-qa-latest>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('reads the latest published Q&A of a field anonymously and links each to its page', async () => {
    const calls = stubFetch({ items: [land, hostile], total: 2, limit: 3, offset: 0 });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example/ignored', field: 'dat-dai', count: '3' });
    expect(calls.map((c) => c.url)).toEqual(['https://cong.example/t/quang-tri/api/qa/public/answers?limit=3&field=dat-dai']);
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Hỏi đáp mới');
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    const link = items[0]!.querySelector('[part=link]')!;
    expect(link.textContent).toBe(land.title);
    expect(link.getAttribute('href')).toBe(`https://cong.example/t/quang-tri/hoi-dap/${land.slug}`);
    expect(items[0]!.querySelector('time')!.textContent).toContain('12/11/2026');
    expect(items[0]!.textContent).toContain('Đất đai');
    // Text stays text; a slug that is not a slug never becomes a link.
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(items[1]!.querySelector('a')).toBeNull();
    expect(items[1]!.textContent).toContain('<img src=x');
    expect(root.querySelector('[part=more]')!.getAttribute('href')).toBe('https://cong.example/t/quang-tri/hoi-dap?linh-vuc=dat-dai');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('speaks English on lang="en", and says when empty or failing', async () => {
    const calls = stubFetch({ items: [], total: 0, limit: 5, offset: 0 });
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    document.body.append(wrapper);
    const en = document.createElement('cong-qa-latest');
    en.setAttribute('unit', 'so-tu-phap');
    en.setAttribute('server', 'https://cong.example');
    en.setAttribute('field', '"><script>');
    wrapper.append(en);
    await settle(en);
    // A field code that is not one is left out.
    expect(calls[0]!.url).toBe('https://cong.example/t/so-tu-phap/api/qa/public/answers?limit=5');
    expect(en.shadowRoot!.querySelector('h2')!.textContent).toBe('Latest questions and answers');
    expect(en.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('No published questions yet.');
    vi.unstubAllGlobals();
    stubFetch({ code: 'CONG_ERR_NOT_FOUND' }, 404);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = await mount({ tenant: 'khong-co', server: 'https://cong.example', count: '500' });
    expect(failing.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Không tải được danh sách hỏi đáp.');
    expect(failing.dataUrl).toBe('https://cong.example/t/khong-co/api/qa/public/answers?limit=20');
    warn.mockRestore();
  });

  it('refuses a server that is not http(s) and a unit that is not a slug: nothing is fetched', async () => {
    const calls = stubFetch({ items: [land] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad = await mount({ tenant: 'quang-tri', server: 'javascript:alert(1)' });
    const odd = await mount({ tenant: '../admin', server: 'https://cong.example' });
    expect(calls).toEqual([]);
    expect(bad.dataUrl).toBeUndefined();
    expect(odd.dataUrl).toBeUndefined();
    expect(bad.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Không tải được danh sách hỏi đáp.');
    warn.mockRestore();
  });

  it('can be themed through --cong-qa-* custom properties, without leaking styles to the page', async () => {
    stubFetch({ items: [land] });
    const style = document.createElement('style');
    style.textContent = 'cong-qa-latest { --cong-qa-link: rgb(0, 128, 0); }';
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
