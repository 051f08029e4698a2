import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { TNMT } from '../testing/qa-fixtures.js';
import './answer-settings.js';

function mount(api: ApiClient, permissions = ['qa.answers.approve']): HTMLElementTagNameMap['qa-answer-settings'] {
  const element = document.createElement('qa-answer-settings');
  Object.assign(element, { api, user: { id: 'lanh-dao', username: 'lanh.dao', displayName: null, permissions }, tenant: { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<qa-answer-settings>', () => {
  it('shows whether the unit requires approval and saves the change', async () => {
    const api = routedApi({ 'GET /api/qa/answer-settings': () => ({ requireApproval: false }), 'PUT /api/qa/answer-settings': (call) => call.body });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const box = root.querySelector<HTMLInputElement>('input[name=requireApproval]')!;
    expect(box.checked).toBe(false);
    expect(await axeViolations(element)).toEqual([]);
    box.click();
    clickButton(root, 'Lưu cài đặt');
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/qa/answer-settings', body: { requireApproval: true } });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu cài đặt trả lời');
  });

  it('says why when the settings cannot be read, and without the permission', async () => {
    const failing = mount(routedApi({ 'GET /api/qa/answer-settings': () => { throw new ApiError(503, 'CONG_ERR_PLUGIN_FAILED', 'The plugin qa is not running'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('The plugin qa is not running');
    const denied = mount(routedApi({}), ['qa.questions.answer']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Ký duyệt trả lời trước khi gửi”');
  });
});
