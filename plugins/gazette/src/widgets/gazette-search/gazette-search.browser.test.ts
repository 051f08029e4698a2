import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchQuery } from './gazette-search.element.js';
import { axeViolations } from '../testing/axe-violations.js';
import './gazette-search.js';

// Answers in the shape of GET /api/gazette/v1/documents with the fields the widget asks for.
const decision = {
  id: 'd-41',
  number_symbol: '41/2026/QĐ-UBND',
  type_name: 'Quyết định',
  summary: 'Ban hành quy định về quản lý, vận hành Cổng thông tin điện tử tỉnh <b>Quảng Trị</b>',
  signed_on: '2026-03-12',
  html_url: 'https://cong.example/t/quang-tri/eli/quyet-dinh/2026/41-2026-qd-ubnd',
  issue: { id: 'i-12', year: 2026, number: '12', publication_date: '2026-03-20', url: 'https://cong.example/t/quang-tri/cong-bao/so/2026/12' },
};
const land = { ...decision, id: 'd-12', number_symbol: '12/2026/NQ-HĐND', type_name: 'Nghị quyết', summary: 'Quy định bảng giá đất', html_url: 'javascript:alert(1)' };

function stubFetch(answer: (url: string) => { body: unknown; status?: number }) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const { body, status = 200 } = answer(String(url));
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
  const element = document.createElement('cong-gazette-search');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

function fill(root: ShadowRoot, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!.value = value;
}

describe('<cong-gazette-search>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('has labelled controls and a polite live region, and asks for something to search', async () => {
    const calls = stubFetch(() => ({ body: {} }));
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    expect(calls).toHaveLength(0);
    for (const id of ['q', 'by', 'type']) expect(root.querySelector(`label[for=${id}]`), id).not.toBeNull();
    expect(root.querySelector('label[for=q]')!.textContent).toBe('Số, ký hiệu hoặc từ khóa');
    expect(root.querySelector('form')!.getAttribute('role')).toBe('search');
    const status = root.querySelector('[role=status]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(calls).toHaveLength(0);
    expect(status.textContent).toBe('Hãy nhập số, ký hiệu hoặc từ khóa, hoặc chọn loại văn bản.');
  });

  it('searches words with a type, announces the count and links each document and its issue', async () => {
    const calls = stubFetch(() => ({ body: { count: 14, count_is_exact: true, total_pages: 7, page: 1, per_page: 2, results: [decision, land] } }));
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example', count: '2' });
    const root = element.shadowRoot!;
    fill(root, { q: ' cổng thông tin ', type: 'quyet-dinh' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    const url = new URL(calls[0]!.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://cong.example/t/quang-tri/api/gazette/v1/documents');
    expect(url.searchParams.get('conditions[term]')).toBe('cổng thông tin');
    expect(url.searchParams.getAll('conditions[type][]')).toEqual(['quyet-dinh']);
    expect(url.searchParams.getAll('fields[]')).toEqual(['id', 'number_symbol', 'type_name', 'summary', 'signed_on', 'html_url', 'issue']);
    expect(url.searchParams.get('per_page')).toBe('2');
    expect(url.searchParams.get('conditions[number]')).toBeNull();
    expect(url.searchParams.get('order')).toBeNull();
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Tìm thấy 14 văn bản, hiển thị 2 văn bản đầu tiên.');
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    const link = items[0]!.querySelector<HTMLAnchorElement>('[part=link]')!;
    expect(link.textContent).toBe('Quyết định 41/2026/QĐ-UBND');
    expect(link.getAttribute('href')).toBe(decision.html_url);
    expect(items[0]!.querySelector('[part=summary]')!.textContent).toBe(decision.summary); // as text, never HTML
    expect(root.querySelector('b')).toBeNull();
    expect(items[0]!.querySelector('[part=meta]')!.textContent).toContain('12/03/2026');
    expect(items[0]!.querySelector<HTMLAnchorElement>('[part=meta] a')!.textContent).toBe('Công báo số 12/2026');
    expect(items[1]!.querySelector('a[part=link]')).toBeNull(); // javascript: is not a link
    expect(await axeViolations(element)).toEqual([]);
  });

  it('searches by number and symbol, and says when nothing matches or the search fails', async () => {
    let fail = false;
    const calls = stubFetch(() => (fail ? { body: { code: 'CONG_ERR_VALIDATION' }, status: 400 } : { body: { count: 0, results: [] } }));
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    fill(root, { q: '41/2026', by: 'number' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    const url = new URL(calls[0]!.url);
    expect(url.searchParams.get('conditions[number]')).toBe('41/2026');
    expect(url.searchParams.get('conditions[term]')).toBeNull();
    expect(url.searchParams.get('per_page')).toBe('10');
    expect(root.querySelector('[role=status]')!.textContent).toBe('Không tìm thấy văn bản nào.');
    fail = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Không tra cứu được. Xin thử lại sau.');
    warn.mockRestore();
  });

  it('speaks English on lang="en"', async () => {
    stubFetch(() => ({ body: { count: 1, results: [decision] } }));
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example', lang: 'en' });
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Search the gazette');
    expect(root.querySelector('label[for=type]')!.textContent).toBe('Document type');
    expect([...root.querySelectorAll('#type option')].map((o) => o.textContent)).toContain('Decision');
    fill(root, { q: 'portal' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('1 document found.');
    expect(root.querySelector('[part=meta] a')!.textContent).toBe('Gazette no. 12/2026');
  });

  it('is themable through --cong-gazette-* custom properties', async () => {
    stubFetch(() => ({ body: {} }));
    const style = document.createElement('style');
    style.textContent = 'cong-gazette-search { --cong-gazette-button: rgb(0, 0, 128); }';
    document.head.append(style);
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('button')!).backgroundColor).toBe('rgb(0, 0, 128)');
    style.remove();
  });
});

describe('searchQuery', () => {
  it('puts words in conditions[term] and a number in conditions[number], NFC-normalised', () => {
    expect(searchQuery('đất đai'.normalize('NFD'), 'words', '', 5)).toMatchObject({ 'conditions[term]': 'đất đai', per_page: '5' });
    expect(searchQuery('đất đai', 'words', '', 5)).not.toHaveProperty('order'); // relevance
    expect(searchQuery('41/2026', 'number', '', 5)).toMatchObject({ 'conditions[number]': '41/2026', order: 'newest' });
    expect(searchQuery('', 'number', 'chi-thi', 5)).not.toHaveProperty('conditions[number]');
    expect(searchQuery('', 'number', 'chi-thi', 5)['conditions[type][]']).toEqual(['chi-thi']);
  });
});
