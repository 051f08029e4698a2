import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { preview, templateItems, templateView } from '../testing/feedback-fixtures.js';
import { axeViolations, clickButton, routedApi, settle, type Call } from '../testing/admin-test-support.js';
import { PROVINCE } from '../testing/qa-fixtures.js';
import type { MailTemplateItem } from '../shared/qa-api.js';
import './mail-templates.js';

function mount(api: ApiClient, permissions = ['qa.templates.manage']): HTMLElementTagNameMap['qa-mail-templates'] {
  const element = document.createElement('qa-mail-templates');
  Object.assign(element, { api, user: { id: 'bbt', username: 'bbt', displayName: null, permissions }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

function base(extra: Record<string, (call: Call) => unknown> = {}, items: () => MailTemplateItem[] = () => templateItems) {
  return routedApi({ 'GET /api/qa/templates': () => ({ items: items() }), 'GET /api/qa/templates/question-verification': () => templateView(), ...extra });
}

async function openVerification(extra: Record<string, (call: Call) => unknown> = {}) {
  const api = base(extra);
  const element = mount(api);
  await settle(element);
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>('tr[data-template="question-verification"] button')!.click();
  await settle(element);
  return { api, element, root };
}

const value = (root: ShadowRoot, id: string) => root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;

describe('<qa-mail-templates>', () => {
  it('lists the templates, edited or default; says so when it fails and without the permission', async () => {
    const api = base();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toEqual({ method: 'GET', path: '/api/qa/templates' });
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-template'))).toEqual(['question-verification', 'answer-sent']);
    expect(rows[0]!.textContent).toContain('Thư xác nhận câu hỏi (liên kết xác nhận e-mail)');
    expect(rows[0]!.textContent).toContain('Mặc định');
    expect(rows[1]!.textContent).toContain('Đã sửa');
    expect(await axeViolations(element)).toEqual([]);

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Không có mẫu thư nào.');
    // An agency (not the province): the server finds nothing.
    const failing = mount(base({ 'GET /api/qa/templates': () => { throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'E-mail templates are kept by the province’s editorial board'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('E-mail templates are kept by the province’s editorial board');
    const denied = mount(routedApi({}), ['qa.questions.triage']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Sửa mẫu thư điện tử của hỏi đáp”');
  });

  it('edits one: the declared keys insert at the cursor, the preview is the API’s, saving sends the three parts', async () => {
    const { api, element, root } = await openVerification({
      'POST /api/qa/templates/question-verification/preview': () => preview,
      'PUT /api/qa/templates/question-verification': (call) => templateView({ ...(call.body as object), overridden: true, updatedBy: 'bbt', updatedAt: '2026-11-28T03:00:00.000Z' }),
    });
    expect(root.activeElement?.textContent).toBe('Thư xác nhận câu hỏi (liên kết xác nhận e-mail)');
    expect(value(root, 't-subject').value).toBe('Xác nhận câu hỏi gửi Cổng thông tin điện tử / Confirm your question');
    expect(root.textContent).toContain('Đang dùng mẫu mặc định.');
    expect([...root.querySelectorAll<HTMLButtonElement>('button[data-key]')].map((b) => b.textContent?.trim())).toEqual(['{{title}}', '{{link}}', '{{hours}}', '{{province}}']);
    expect(await axeViolations(element)).toEqual([]);

    // Into the part focused last, where the cursor is.
    const subject = value(root, 't-subject');
    subject.value = 'Xác nhận câu hỏi: ';
    subject.focus();
    subject.setSelectionRange(subject.value.length, subject.value.length);
    root.querySelector<HTMLButtonElement>('button[data-key="title"]')!.click();
    await settle(element);
    expect(subject.value).toBe('Xác nhận câu hỏi: {{title}}');
    expect(element.announcement).toBe('Đã chèn {{title}}');
    const english = value(root, 't-bodyEn');
    english.focus();
    english.setSelectionRange(0, 0);
    root.querySelector<HTMLButtonElement>('button[data-key="province"]')!.click();
    expect(english.value).toBe('{{province}}The link expires after {{hours}} hours.');

    clickButton(root, 'Xem trước với dữ liệu mẫu');
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/preview'))!.body).toEqual({
      subject: 'Xác nhận câu hỏi: {{title}}',
      bodyVi: templateView().bodyVi,
      bodyEn: '{{province}}The link expires after {{hours}} hours.',
    });
    expect(root.querySelector('[data-preview=subject]')!.textContent).toBe(preview.subject);
    expect(root.querySelector('[data-preview=text]')!.textContent).toBe(preview.text);
    // Previewing saves nothing, and keeps what is typed.
    expect(subject.value).toBe('Xác nhận câu hỏi: {{title}}');
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      subject: 'Xác nhận câu hỏi: {{title}}',
      bodyVi: templateView().bodyVi,
      bodyEn: '{{province}}The link expires after {{hours}} hours.',
    });
    expect(element.announcement).toBe('Đã lưu mẫu thư');
    expect(root.textContent).toContain('Đang dùng nội dung tỉnh đã sửa');
  });

  it('puts a blank part and an unknown key (the server’s 400) beside their fields', async () => {
    const { api, element, root } = await openVerification({
      'PUT /api/qa/templates/question-verification': () => {
        throw new ApiError(400, 'QA_ERR_TEMPLATE_PLACEHOLDER', 'The template uses {{name}}', [{ in: 'body', pointer: '/bodyVi', message: 'uses {{name}}; the placeholders of question-verification are {{title}}, {{link}}, {{hours}}, {{province}}', keyword: 'enum' }]);
      },
    });
    value(root, 't-bodyEn').value = '   ';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#t-bodyEn-error')!.textContent).toBe('Không được để trống');
    expect(root.activeElement?.id).toBe('t-bodyEn');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    value(root, 't-bodyEn').value = 'Hello';
    value(root, 't-bodyVi').value = 'Chào {{name}}';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#t-bodyEn-error')).toBeNull();
    expect(root.querySelector('#t-bodyVi-error')!.textContent).toContain('uses {{name}}');
    expect(value(root, 't-bodyVi').getAttribute('aria-invalid')).toBe('true');
    expect(value(root, 't-bodyVi').getAttribute('aria-describedby')).toBe('t-bodyVi-error');
    expect(root.activeElement?.id).toBe('t-bodyVi');
    expect(root.querySelector('[role=alert]')).toBeNull();
    // What was typed stays.
    expect(value(root, 't-bodyVi').value).toBe('Chào {{name}}');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('restores the default of an edited template after a confirmation', async () => {
    const edited = templateView({ subject: 'Mẫu của tỉnh', overridden: true, updatedBy: 'bbt', updatedAt: '2026-11-25T03:00:00.000Z' });
    const { api, element, root } = await openVerification({
      'GET /api/qa/templates/question-verification': () => edited,
      'DELETE /api/qa/templates/question-verification': () => templateView(),
    });
    expect(value(root, 't-subject').value).toBe('Mẫu của tỉnh');
    clickButton(root, 'Khôi phục mẫu mặc định');
    await settle(element);
    expect(root.textContent).toContain('Bỏ nội dung đã sửa và dùng lại mẫu mặc định?');
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(await axeViolations(element)).toEqual([]);
    clickButton(root, 'Huỷ');
    await settle(element);
    expect(root.textContent).not.toContain('Bỏ nội dung đã sửa');
    clickButton(root, 'Khôi phục mẫu mặc định');
    await settle(element);
    clickButton(root, 'Khôi phục');
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/qa/templates/question-verification']);
    expect(value(root, 't-subject').value).toBe(templateView().subject);
    expect(element.announcement).toBe('Đã khôi phục mẫu mặc định');
    // The default in use: nothing left to restore.
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Khôi phục mẫu mặc định');
  });
});
