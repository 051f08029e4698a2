import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../testing/axe-violations.js';
import type { QaAsk } from './qa-ask.js';
import './qa-ask.js';

// GET /api/qa/public/form in its shape (test/questions.integration.test.ts), with hostile text.
const FORM = {
  fields: [
    { code: 'dat-dai', name: 'Đất đai', nameEn: 'Land' },
    { code: 'thue', name: '<img src=x onerror="window.__pwned=1">Thuế', nameEn: 'Tax' },
  ],
  communes: [],
  consent: { version: '2026-11', vi: 'Thông tin cá nhân chỉ dùng để trả lời câu hỏi <b>này</b>.', en: 'Personal data is used only to answer this question.' },
  formToken: '1700000000000.abc',
  minFillSeconds: 5,
  limits: { titleMaxLength: 200, contentMaxLength: 5000, contentMinLength: 20, attachmentsMaxCount: 2, attachmentMaxBytes: 2048 },
};

type Call = { url: string; init: RequestInit | undefined };

/** Answers the form descriptor on GET and `post` (status, body) on POST. */
function stubFetch(post: { status: number; body: unknown } = { status: 202, body: { id: 'q-1', status: 'unverified', verificationHours: 48, attachToken: 'x' } }) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    const answer = init?.method === 'POST' ? post : { status: 200, body: FORM };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

const settle = async (element: HTMLElement & { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
};

async function mount(attributes: Record<string, string>): Promise<QaAsk> {
  const element = document.createElement('cong-qa-ask');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

function fill(element: QaAsk, values: Record<string, string>) {
  const root = element.shadowRoot!;
  for (const [name, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name=${name}]`)!;
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function submit(element: QaAsk) {
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settle(element);
}

const GOOD = { name: 'Nguyễn Thị Lan', email: 'lan@example.vn', field: 'dat-dai', title: 'Cấp giấy chứng nhận lần đầu', content: 'Gia đình tôi sử dụng đất ổn định từ năm 1990, xin hỏi hồ sơ gồm những gì?' };

describe('<cong-qa-ask>', () => {
  beforeEach(() => document.documentElement.removeAttribute('lang'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('loads the form, posts the question as JSON with the form token, and says to check the e-mail', async () => {
    const calls = stubFetch();
    const element = await mount({ tenant: 'so-tu-phap', server: 'https://cong.example/x' });
    expect(calls[0]!.url).toBe('https://cong.example/t/so-tu-phap/api/qa/public/form');
    expect(calls[0]!.init).toMatchObject({ mode: 'cors', credentials: 'omit' });
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Gửi câu hỏi');
    // Text from the server stays text.
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.consent b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(root.textContent).toContain('<img src=x');
    expect(await axeViolations(element)).toEqual([]);

    const asked: string[] = [];
    document.addEventListener('cong-qa-asked', (e) => asked.push(e.detail.id), { once: true });
    fill(element, GOOD);
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    const post = calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).toBe('https://cong.example/t/so-tu-phap/api/qa/public/questions');
    expect(post.init).toMatchObject({ mode: 'cors', credentials: 'omit', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(post.init!.body))).toEqual({ ...GOOD, consentProcessing: true, consentPublish: false, website: '', formToken: FORM.formToken });
    expect(asked).toEqual(['q-1']);
    const result = root.querySelector('[part=result]')!;
    expect(result.getAttribute('role')).toBe('status');
    expect(result.textContent).toContain('Vui lòng kiểm tra e-mail');
    expect(result.textContent).toContain('48 giờ');
    // The question form is gone; the files' form takes its place.
    expect(root.querySelector('form:not(.files)')).toBeNull();
    expect(root.querySelector('form.files')).not.toBeNull();
    expect(await axeViolations(element)).toEqual([]);
  });

  it('names the missing fields itself, and the fields the server refuses', async () => {
    const calls = stubFetch({ status: 400, body: { code: 'CONG_ERR_VALIDATION', errors: [{ in: 'body', pointer: '/email', message: 'must match format "email"' }] } });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    await submit(element);
    // Nothing sent: every required field is named, with aria-invalid and its message.
    expect(calls.filter((c) => c.init?.method === 'POST')).toEqual([]);
    for (const name of ['name', 'email', 'field', 'title', 'content', 'consentProcessing']) {
      expect(root.querySelector(`#f-${name}`)!.getAttribute('aria-invalid'), name).toBe('true');
      expect(root.querySelector(`#f-${name}`)!.getAttribute('aria-describedby'), name).toBe(`e-${name}`);
    }
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Câu hỏi chưa được gửi');
    expect(await axeViolations(element)).toEqual([]);

    fill(element, { ...GOOD, email: 'lan@example.vn' });
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    expect(calls.filter((c) => c.init?.method === 'POST')).toHaveLength(1);
    expect(root.querySelector('#f-email')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#f-name')!.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('#e-email')!.textContent).toBe('Chưa hợp lệ');
  });

  it('speaks English on lang="en", tells a form sent too fast, and reloads an expired one', async () => {
    const calls = stubFetch({ status: 400, body: { code: 'QA_ERR_FORM_EXPIRED', errors: [{ pointer: '/formToken' }] } });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example', lang: 'en' });
    const root = element.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).toBe('Ask a question');
    expect(root.querySelector('section')!.getAttribute('lang')).toBe('en');
    expect(root.querySelector('option[value=dat-dai]')!.textContent).toBe('Land');
    fill(element, GOOD);
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    expect(root.querySelector('[role=alert]')!.textContent).toContain('reloaded');
    expect(calls.filter((c) => !c.init?.method || c.init.method === 'GET')).toHaveLength(2);
  });

  it('attaches files after sending, one by one, with the token the server answered, and tells each refusal', async () => {
    const calls: Call[] = [];
    const uploads: { status: number; body: unknown }[] = [
      { status: 200, body: { attachments: [{ id: 'f1', name: 'don.pdf', contentType: 'application/pdf', size: 900 }], remaining: 1 } },
      { status: 415, body: { code: 'CONG_ERR_FILE_TYPE', errors: [{ pointer: '/file' }] } },
      { status: 409, body: { code: 'QA_ERR_ATTACHMENT_LIMIT', errors: [{ pointer: '/file' }] } },
    ];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      const answer = String(url).endsWith('/questions/attachments')
        ? uploads.shift()!
        : init?.method === 'POST'
          ? { status: 202, body: { id: 'q-1', status: 'unverified', verificationHours: 48, attachToken: 'q-1.token' } }
          : { status: 200, body: FORM };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    fill(element, GOOD);
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    const choose = (name: string, bytes: number) => {
      const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
      input.files = transfer.files;
    };
    const attach = async () => {
      root.querySelector<HTMLButtonElement>('form.files button[type=submit]')!.click();
      await settle(element);
    };
    expect(root.querySelector('form.files')!.textContent).toContain('tối đa 2 tệp');
    expect(await axeViolations(element)).toEqual([]);

    // Too large for the limit the form named: refused here, nothing sent.
    choose('lon.pdf', 4096);
    await attach();
    expect(root.querySelector('#file-status')!.textContent).toBe('Tệp quá lớn: tối đa 2 KB.');
    expect(calls.filter((c) => c.url.endsWith('/questions/attachments'))).toEqual([]);

    choose('don.pdf', 900);
    await attach();
    const upload = calls.find((c) => c.url.endsWith('/questions/attachments'))!;
    expect(upload.url).toBe('https://cong.example/t/quang-tri/api/qa/public/questions/attachments');
    expect(upload.init).toMatchObject({ method: 'POST', mode: 'cors', credentials: 'omit' });
    const sent = upload.init!.body as FormData;
    expect(sent.get('attachToken')).toBe('q-1.token');
    expect((sent.get('file') as File).name).toBe('don.pdf');
    expect(root.querySelector('form.files li')!.textContent).toBe('don.pdf (1 KB)');
    expect(root.querySelector('#file-status')!.textContent).toBe('Đã đính kèm don.pdf.');

    choose('trang.pdf', 100);
    await attach();
    expect(root.querySelector('#file-status')!.textContent).toBe('Loại tệp này không được nhận: chỉ nhận PDF, JPEG, PNG, DOCX.');
    choose('thua.pdf', 100);
    await attach();
    expect(root.querySelector('#file-status')!.textContent).toBe('Đã đủ số tệp tối đa.');
    expect(root.querySelector('input[type=file]')).toBeNull();
  });

  it('solves the proof-of-work the form asks for before posting, saying it is checking meanwhile', async () => {
    const challenge = '8.1800000000000.AAAAAAAAAAAAAAAAAAAAAA.' + 'B'.repeat(43);
    const calls: Call[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      const answer = init?.method === 'POST' ? { status: 202, body: { id: 'q-2', status: 'unverified', verificationHours: 48, attachToken: 'x' } } : { status: 200, body: { ...FORM, proof: { challenge, bits: 8, expiresAt: '2027-01-15T08:00:00.000Z' } } };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    });
    // Web Crypto held back until the test lets it go, to see the widget while it is checking.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      await gate;
      return digest(algorithm, data);
    });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    fill(element, GOOD);
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    const button = root.querySelector<HTMLButtonElement>('form button[type=submit]')!;
    expect(button.textContent).toBe('Đang kiểm tra…');
    expect(button.disabled).toBe(true);
    expect(calls.filter((c) => c.init?.method === 'POST')).toEqual([]);

    release();
    await vi.waitUntil(() => calls.some((c) => c.init?.method === 'POST'));
    await settle(element);
    const sent = JSON.parse(String(calls.find((c) => c.init?.method === 'POST')!.init!.body));
    expect(sent.proof).toMatch(new RegExp(`^${challenge.replace(/\./g, '\\.')}:\\d+$`));
    // What the server checks: SHA-256 of the whole solution starts with 8 zero bits.
    const hash = new Uint8Array(await digest('SHA-256', new TextEncoder().encode(sent.proof)));
    expect(hash[0]).toBe(0);
    expect(root.querySelector('[part=result]')!.textContent).toContain('Vui lòng kiểm tra e-mail');
    spy.mockRestore();
  });

  it('reloads the form when the server refuses the proof-of-work, and says to send again', async () => {
    const calls = stubFetch({ status: 400, body: { code: 'QA_ERR_PROOF_INVALID', errors: [{ pointer: '/proof' }] } });
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    const root = element.shadowRoot!;
    fill(element, GOOD);
    root.querySelector<HTMLInputElement>('[name=consentProcessing]')!.checked = true;
    await submit(element);
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Biểu mẫu cần được kiểm tra lại nên vừa được tải lại. Vui lòng gửi lại.');
    expect(calls.filter((c) => !c.init?.method || c.init.method === 'GET')).toHaveLength(2);
  });

  it('refuses a server that is not http(s) and a unit that is not a slug: nothing is fetched', async () => {
    const calls = stubFetch();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad = await mount({ tenant: 'quang-tri', server: 'javascript:alert(1)' });
    const odd = await mount({ tenant: 'Quảng Trị', server: 'https://cong.example' });
    expect(calls).toEqual([]);
    expect(bad.formUrl).toBeUndefined();
    expect(odd.formUrl).toBeUndefined();
    expect(bad.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('Không tải được biểu mẫu. Xin thử lại sau.');
    warn.mockRestore();
  });

  it('can be themed through --cong-qa-* custom properties', async () => {
    stubFetch();
    const style = document.createElement('style');
    style.textContent = 'cong-qa-ask { --cong-qa-accent: rgb(0, 128, 0); }';
    document.head.append(style);
    const element = await mount({ tenant: 'quang-tri', server: 'https://cong.example' });
    expect(getComputedStyle(element.shadowRoot!.querySelector('button')!).backgroundColor).toBe('rgb(0, 128, 0)');
    style.remove();
  });
});
