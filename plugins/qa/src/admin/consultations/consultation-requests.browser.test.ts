import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { axeViolations, clickButton, routedApi, routedUploader, settle, type Call } from '../testing/admin-test-support.js';
import { consultationRequest, SO_TAI_CHINH, TNMT } from '../testing/qa-fixtures.js';
import type { ConsulteeView } from '../shared/qa-api.js';
import './consultation-requests.js';

function mount(api: ApiClient, permissions = ['qa.consultations.reply']): HTMLElementTagNameMap['qa-consultation-requests'] {
  const element = document.createElement('qa-consultation-requests');
  Object.assign(element, { api, user: { id: 'chuyen-vien-tc', username: 'cv.tc', displayName: null, permissions }, tenant: { id: SO_TAI_CHINH.id, slug: SO_TAI_CHINH.slug, nameVi: SO_TAI_CHINH.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const replied = (text: string | null, late = false): ConsulteeView => ({
  unit: SO_TAI_CHINH,
  builtIn: 'finance',
  deadlineOn: '2026-12-11',
  reply: { text, file: null, by: 'chuyen-vien-tc', at: '2026-12-09T02:00:00.000Z', late },
});

describe('<qa-consultation-requests>', () => {
  it('lists the drafts the unit is consulted on, with the drafting unit, the deadline and whether it replied', async () => {
    const element = mount(routedApi({ 'GET /api/qa/consultation-requests': () => ({ items: [consultationRequest(), consultationRequest({ consultationId: 'c-2', title: 'Dự thảo Nghị quyết về học phí', reply: replied('Thống nhất.', true).reply })] }) }));
    await settle(element);
    const sections = [...element.shadowRoot!.querySelectorAll('section[data-request]')];
    expect(sections[0]!.textContent).toContain(TNMT.name);
    expect(sections[0]!.textContent).toContain('11/12/2026');
    expect(sections[0]!.textContent).toContain('Chưa trả lời');
    expect(sections[1]!.textContent).toContain('Trả lời muộn');
    expect(sections[1]!.querySelector('textarea')!.value).toBe('Thống nhất.');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('sends the opinion’s text and the signed file; an empty reply is stopped here, the server’s refusal shown beside the field', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /text must NOT have more than 50000 characters', [{ in: 'body', pointer: '/text', message: 'must NOT have more than 50000 characters' }]);
    };
    const api = routedApi({ 'GET /api/qa/consultation-requests': () => ({ items: [consultationRequest()] }), 'PUT /api/qa/consultation-requests/c-1/reply': (call) => answer(call) });
    const uploader = routedUploader<ConsulteeView>(() => ({ ...replied('Thống nhất với dự thảo.'), reply: { ...replied('Thống nhất với dự thảo.').reply!, file: { id: 'f-1', name: 'cong-van.pdf', contentType: 'application/pdf', size: 4000 } } }));
    const element = mount(api);
    element.upload = uploader;
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Gửi ý kiến');
    await settle(element);
    expect(root.querySelector('#cr-text-c-1-error')!.textContent).toBe('Không được để trống');
    expect(root.activeElement?.id).toBe('cr-text-c-1');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);

    root.querySelector<HTMLTextAreaElement>('#cr-text-c-1')!.value = 'Thống nhất với dự thảo.';
    clickButton(root, 'Gửi ý kiến');
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/qa/consultation-requests/c-1/reply', body: { text: 'Thống nhất với dự thảo.' } });
    expect(root.querySelector('#cr-text-c-1-error')!.textContent).toBe('must NOT have more than 50000 characters');

    answer = () => replied('Thống nhất với dự thảo.');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'cong-van.pdf', { type: 'application/pdf' }));
    root.querySelector<HTMLInputElement>('#cr-file-c-1')!.files = transfer.files;
    clickButton(root, 'Gửi ý kiến');
    await settle(element);
    expect(uploader.calls.map((c) => [c.path, c.file.name, c.options.tenant])).toEqual([['/api/qa/consultation-requests/c-1/reply/file', 'cong-van.pdf', SO_TAI_CHINH.id]]);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã gửi ý kiến');
    expect(root.querySelector('section[data-request]')!.textContent).toContain('cong-van.pdf');
    expect(root.querySelector('#cr-text-c-1-error')).toBeNull();
  });

  it('says so when the unit is consulted on nothing, and without the permission', async () => {
    const empty = mount(routedApi({ 'GET /api/qa/consultation-requests': () => ({ items: [] }) }));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Đơn vị chưa được lấy ý kiến về dự thảo nào.');
    const denied = mount(routedApi({}), ['qa.consultations.manage']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Gửi ý kiến của đơn vị về dự thảo được lấy ý kiến”');
  });
});
