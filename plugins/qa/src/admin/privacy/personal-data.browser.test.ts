import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { erasureEntry } from '../testing/feedback-fixtures.js';
import { axeViolations, clickButton, routedApi, settle, type Call } from '../testing/admin-test-support.js';
import { PROVINCE, TNMT } from '../testing/qa-fixtures.js';
import './personal-data.js';

const PROVINCE_TENANT = { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' };

function mount(api: ApiClient, permissions = ['qa.privacy.manage', 'core.audit.read'], tenant: object = PROVINCE_TENANT): HTMLElementTagNameMap['qa-personal-data'] {
  const element = document.createElement('qa-personal-data');
  Object.assign(element, { api, user: { id: 'bbt', username: 'bbt', displayName: null, permissions }, tenant });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const record = [erasureEntry(), erasureEntry({ id: 'a-2', objectId: 'q-2', actorId: 'public', at: '2026-11-27T01:00:00.000Z', after: { reason: 'request', published: true } })];
const recordQuery = { action: 'qa.question.erase-personal-data', limit: 50 };

function base(extra: Record<string, (call: Call) => unknown> = {}, entries: () => unknown[] = () => record) {
  return routedApi({ 'GET /api/core/audit': () => ({ items: entries(), nextCursor: null }), ...extra });
}

describe('<qa-personal-data>', () => {
  it('shows the erasure record from the audit log; says so when it is empty, without the audit permission and without the permission', async () => {
    const api = base();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls).toEqual([{ method: 'GET', path: '/api/core/audit', query: recordQuery }]);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-erasure'))).toEqual(['q-1', 'q-2']);
    expect(rows[0]!.textContent).toContain('Hết thời hạn lưu trữ');
    expect(rows[1]!.textContent).toContain('Người hỏi yêu cầu');
    expect(rows[1]!.querySelectorAll('td')[3]!.textContent).toBe('Có');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/hoi-dap/xoa-du-lieu');
    expect(await axeViolations(element)).toEqual([]);

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Chưa xoá dữ liệu cá nhân của câu hỏi nào.');
    // Without the audit permission the record is not asked for; the retention can still be run.
    const noAudit = routedApi({});
    const withoutAudit = mount(noAudit, ['qa.privacy.manage']);
    await settle(withoutAudit);
    expect(noAudit.calls).toEqual([]);
    expect(withoutAudit.shadowRoot!.textContent).toContain('Cần thêm quyền xem nhật ký thao tác');
    expect(withoutAudit.shadowRoot!.querySelector('#p-run')).not.toBeNull();
    // An agency: the retention is the province board's.
    const agency = mount(routedApi({}), undefined, { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' });
    await settle(agency);
    expect(agency.shadowRoot!.textContent).toContain('Thời hạn lưu trữ do Ban biên tập của tỉnh áp dụng');
    expect(agency.shadowRoot!.querySelector('#p-run')).toBeNull();
    const denied = mount(routedApi({}), ['core.audit.read']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Áp dụng thời hạn lưu trữ dữ liệu cá nhân của hỏi đáp”');
  });

  it('runs the retention period only after a confirmation, then shows what it erased and the record again', async () => {
    let runs = 0;
    const api = base({ 'POST /api/qa/privacy/retention/run': () => ({ erased: runs++ === 0 ? 3 : 0, retentionYears: 5 }) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Áp dụng thời hạn lưu trữ');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(root.textContent).toContain('Xoá vĩnh viễn dữ liệu cá nhân của các câu hỏi đã quá thời hạn lưu trữ?');
    expect(root.activeElement?.id).toBe('p-confirm-run');
    expect(await axeViolations(element)).toEqual([]);
    clickButton(root, 'Huỷ');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    clickButton(root, 'Áp dụng thời hạn lưu trữ');
    await settle(element);
    clickButton(root, 'Xoá dữ liệu');
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: '/api/qa/privacy/retention/run', body: undefined }]);
    expect(root.querySelector('[data-result]')!.textContent).toBe('Đã xoá dữ liệu cá nhân của 3 câu hỏi (thời hạn lưu trữ 5 năm).');
    expect(element.announcement).toBe('Đã xoá dữ liệu cá nhân của 3 câu hỏi (thời hạn lưu trữ 5 năm).');
    expect(api.calls.filter((c) => c.path === '/api/core/audit')).toHaveLength(2);
    expect(root.activeElement?.id).toBe('p-run');
  });

  it('shows the server’s refusal and pages the record', async () => {
    const api = base({
      'GET /api/core/audit': (call) => (call.query?.['cursor'] ? { items: [erasureEntry({ id: 'a-3', objectId: 'q-3' })], nextCursor: null } : { items: record, nextCursor: 'c-1' }),
      'POST /api/qa/privacy/retention/run': () => { throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'The retention period is applied by the province’s editorial board'); },
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Xem thêm');
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/core/audit', query: { ...recordQuery, cursor: 'c-1' } });
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-erasure'))).toEqual(['q-1', 'q-2', 'q-3']);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).not.toContain('Xem thêm');
    clickButton(root, 'Áp dụng thời hạn lưu trữ');
    await settle(element);
    clickButton(root, 'Xoá dữ liệu');
    await settle(element);
    expect(root.querySelector('[role=alert]')!.textContent).toBe('The retention period is applied by the province’s editorial board');
    expect(root.querySelector('[data-result]')).toBeNull();
  });
});
