import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@cong/sdk/admin';
import './settings-form.js';
import type { ConfigSchema, SettingsForm } from './settings-form.js';
import { settle, useVietnamese } from '../testing/fake-api.js';

const schema: ConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['siteName', 'port'],
  properties: {
    siteName: { type: 'string', maxLength: 20, 'x-cong-label': { vi: 'Tên cổng', en: 'Portal name' }, 'x-cong-description': { vi: 'Hiện ở đầu trang', en: 'Shown on top' } },
    contact: { type: 'string', format: 'email', title: 'Thư liên hệ' },
    homepage: { type: 'string', format: 'uri' },
    code: { type: 'string', pattern: '^[A-Z]{2}$' },
    theme: { type: 'string', enum: ['sang', 'toi'] },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    published: { type: 'boolean', default: true },
    tags: { type: 'array', items: { type: 'string', maxLength: 5 } },
    smtp: {
      type: 'object',
      title: 'Máy chủ thư',
      required: ['host'],
      properties: { host: { type: 'string' }, tls: { type: 'boolean' } },
    },
    apiKey: { type: 'string', 'x-cong-secret': true, title: 'Khóa API' },
    token: { type: 'string', writeOnly: true, title: 'Mã truy cập' },
  },
};

function mount(values: Record<string, unknown> = {}, secretsSet: string[] = []) {
  const form = document.createElement('cong-settings-form') as SettingsForm;
  const saved: Record<string, unknown>[] = [];
  form.schema = schema;
  form.values = values;
  form.secretsSet = secretsSet;
  form.save = async (v) => void saved.push(v);
  document.body.append(form);
  return { form, saved, root: () => form.shadowRoot! };
}

const input = (root: ShadowRoot, pointer: string) => root.querySelector<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(`[name="${pointer}"]`)!;
function type(root: ShadowRoot, pointer: string, value: string) {
  const el = input(root, pointer);
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}
const describedText = (root: ShadowRoot, el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root.getElementById(id)!.textContent!.trim());

describe('<cong-settings-form>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('generates a control for each kind of field, labelled from the schema', async () => {
    const { form, root } = mount({ siteName: 'Cổng Quảng Trị', port: 25, tags: ['a', 'b'], smtp: { host: 'mail.gov.vn' }, published: false }, ['apiKey']);
    await settle(form);
    const r = root();
    const labelOf = (pointer: string) => r.querySelector(`label[for="${input(r, pointer).id}"]`)!.textContent!.trim();
    expect(labelOf('/siteName')).toBe('Tên cổng *');
    expect(describedText(r, input(r, '/siteName'))).toEqual(['Hiện ở đầu trang']);
    expect(input(r, '/siteName').value).toBe('Cổng Quảng Trị');
    expect(input(r, '/siteName').maxLength).toBe(20);
    expect(input(r, '/contact').type).toBe('email');
    expect(labelOf('/contact')).toBe('Thư liên hệ');
    expect(input(r, '/homepage').type).toBe('url');
    expect(input(r, '/theme').tagName).toBe('SELECT');
    expect([...input(r, '/theme').options].map((o) => o.value)).toEqual(['', 'sang', 'toi']);
    expect(input(r, '/port').type).toBe('number');
    expect([input(r, '/port').min, input(r, '/port').max, input(r, '/port').value]).toEqual(['1', '65535', '25']);
    expect(input(r, '/ratio').step).toBe('any');
    expect(input(r, '/published').getAttribute('role')).toBe('switch');
    expect(input(r, '/published').checked).toBe(false);
    expect(input(r, '/tags').tagName).toBe('TEXTAREA');
    expect(input(r, '/tags').value).toBe('a\nb');
    expect(r.querySelector('fieldset legend')!.textContent).toBe('Máy chủ thư');
    expect(input(r, '/smtp/host').value).toBe('mail.gov.vn');
    // Secrets: never filled in, "set" when the server says so, write-only too.
    expect(input(r, '/apiKey').type).toBe('password');
    expect(input(r, '/apiKey').value).toBe('');
    expect(describedText(r, input(r, '/apiKey'))).toEqual(['Đã đặt. Để trống nếu muốn giữ giá trị hiện tại.']);
    expect(input(r, '/token').type).toBe('password');
    expect(describedText(r, input(r, '/token'))).toEqual(['Chưa đặt.']);
    expect(r.querySelector('[name="/token#clear"]')).toBeNull();
  });

  it('checks required fields, ranges, lengths, formats and patterns before sending', async () => {
    const { form, saved, root } = mount();
    await settle(form);
    const r = root();
    type(r, '/port', '70000');
    type(r, '/ratio', '0.5');
    type(r, '/contact', 'khong-phai-thu');
    type(r, '/homepage', 'trang-chu');
    type(r, '/code', 'qt');
    type(r, '/tags', 'ngan\nqua-dai');
    type(r, '/smtp/tls', '');
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(saved).toEqual([]);
    const error = (pointer: string) => {
      const el = input(r, pointer);
      return el.getAttribute('aria-invalid') === 'true' ? describedText(r, el).at(-1) : undefined;
    };
    expect(r.querySelector('[role=alert]')!.textContent).toBe('Một số trường cần được sửa lại.');
    expect(error('/siteName')).toBe('Trường này là bắt buộc.');
    expect(error('/port')).toBe('Nhập số không lớn hơn 65535.');
    expect(error('/ratio')).toBeUndefined();
    expect(error('/contact')).toBe('Nhập địa chỉ thư điện tử, ví dụ ten@example.gov.vn.');
    expect(error('/homepage')).toBe('Nhập địa chỉ đầy đủ, bắt đầu bằng https://.');
    expect(error('/code')).toBe('Giá trị không đúng định dạng quy định.');
    expect(error('/tags')).toBe('Dòng 2: Nhập tối đa 5 ký tự.');
    // The optional group is not sent, so its required field is not asked for.
    expect(error('/smtp/host')).toBeUndefined();
    expect(r.activeElement).toBe(input(r, '/siteName'));

    type(r, '/siteName', 'Một tên rất rất dài quá mức');
    type(r, '/port', '0');
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(error('/siteName')).toBe('Nhập tối đa 20 ký tự.');
    expect(error('/port')).toBe('Nhập số không nhỏ hơn 1.');
    type(r, '/port', '2.5');
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(error('/port')).toBe('Nhập số nguyên.');
  });

  it('sends typed values, leaves blanks out, keeps a blank secret and clears one explicitly', async () => {
    const { form, saved, root } = mount({ siteName: 'Cổng', port: 25, published: true }, ['apiKey', 'token']);
    await settle(form);
    const r = root();
    type(r, '/port', '587');
    type(r, '/theme', 'toi');
    type(r, '/tags', ' a \n\n b ');
    type(r, '/smtp/host', 'smtp.quangtri.gov.vn');
    type(r, '/apiKey', 'khoa-moi');
    const clear = r.querySelector<HTMLInputElement>('[name="/token#clear"]')!;
    clear.click();
    await settle(form);
    expect(input(r, '/token').disabled).toBe(true);
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(saved).toEqual([
      { siteName: 'Cổng', theme: 'toi', port: 587, published: true, tags: ['a', 'b'], smtp: { host: 'smtp.quangtri.gov.vn' }, apiKey: 'khoa-moi', token: null },
    ]);

    // A secret left blank is left out: the server keeps it.
    form.values = { siteName: 'Cổng', port: 587 };
    await settle(form);
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(saved.at(-1)).toEqual({ siteName: 'Cổng', port: 587 });
  });

  it('shows the server issues next to their fields', async () => {
    const { form, root } = mount({ siteName: 'Cổng', port: 25 });
    form.save = async () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', '/values/port must be <= 1024', [
        { in: 'body', pointer: '/values/port', message: 'must be <= 1024', keyword: 'maximum' },
        { in: 'body', pointer: '/values/smtp/host', message: 'is required', keyword: 'required' },
        { in: 'body', pointer: '/values/tags/1', message: 'must NOT have more than 5 characters', keyword: 'maxLength' },
      ]);
    };
    await settle(form);
    const r = root();
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    const port = input(r, '/port');
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(r, port)).toEqual(['must be <= 1024']);
    expect(describedText(r, input(r, '/smtp/host'))).toEqual(['Trường này là bắt buộc.']);
    expect(describedText(r, input(r, '/tags')).at(-1)).toBe('must NOT have more than 5 characters');
    expect(r.querySelector('[role=alert]')).toBeNull();
    // Editing the field clears its error.
    type(r, '/port', '587');
    await settle(form);
    expect(port.getAttribute('aria-invalid')).toBe('false');
    expect(port.hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows a file-only field read-only with the file\'s value and a note, and never sends it', async () => {
    const form = document.createElement('cong-settings-form') as SettingsForm;
    const saved: Record<string, unknown>[] = [];
    form.schema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        title: { type: 'string', 'x-cong-label': { vi: 'Tiêu đề', en: 'Title' } },
        languages: { type: 'array', items: { type: 'object' }, 'x-cong-file-only': true, 'x-cong-label': { vi: 'Ngôn ngữ bổ sung', en: 'More languages' } },
        edition: { type: 'string', 'x-cong-file-only': true, default: 'tỉnh' },
      },
    };
    form.values = { title: 'Cổng' };
    form.fileValues = { languages: [{ code: 'lo', name: 'ພາສາລາວ' }] };
    form.save = async (v) => void saved.push(v);
    document.body.append(form);
    await settle(form);
    const r = form.shadowRoot!;
    const languages = r.querySelector<HTMLOutputElement>('#field-languages')!;
    expect(languages.tagName).toBe('OUTPUT');
    expect(JSON.parse(languages.textContent!)).toEqual([{ code: 'lo', name: 'ພາສາລາວ' }]);
    expect(r.getElementById(languages.getAttribute('aria-labelledby')!)!.textContent).toBe('Ngôn ngữ bổ sung');
    expect(describedText(r, languages)).toEqual(['Đặt trong cong.config.json; có hiệu lực khi khởi động lại.']);
    expect(r.querySelector('#field-edition')!.textContent).toBe('tỉnh'); // not in the file: the default
    expect(r.querySelector('[name="/languages"]')).toBeNull(); // no control to change it
    r.querySelector('form')!.requestSubmit();
    await settle(form);
    expect(saved).toEqual([{ title: 'Cổng' }]);
  });
});
