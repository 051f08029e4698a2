import { afterEach, describe, expect, it } from 'vitest';
import type { AdminTenant, AdminUser } from '@cong/sdk/admin';
import { routedApi, settle } from '../testing/fake-api.js';
import type { InformationRequestDetail, UnitNode } from './submission-types.js';
import './information-requests.js';

const province: AdminTenant = { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: null, kind: 'province' };
const board: AdminUser = { id: 'u9', username: 'ban.bien.tap', displayName: null, permissions: ['portal.submissions.handle'] };
const unit = (id: string, nameVi: string, parentId: string | null): UnitNode => ({ id, slug: id, nameVi, nameEn: null, kind: 'department', parentId, status: 'active' });
const tree = [unit('t-qt', 'Tỉnh Quảng Trị', null), unit('t-syt', 'Sở Y tế', 't-qt'), unit('t-ttyt', 'Trung tâm Y tế', 't-syt'), unit('t-stc', 'Sở Tài chính', 't-qt')];
const REQUEST = '0b7c4d1e-1a2b-4c3d-8e9f-00000000b001';

function detail(body: Record<string, unknown>): InformationRequestDetail {
  return {
    id: REQUEST,
    requester: { id: 't-qt', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' },
    title: String(body['title']),
    message: String(body['message']),
    deadline: '2026-12-08',
    workingDays: 5,
    status: 'open',
    createdBy: 'u9',
    createdAt: '2026-12-01T01:00:00.000Z',
    closedAt: null,
    counts: { answered: 0, pending: 2, overdue: 1 },
    units: [
      { unit: { id: 't-syt', slug: 't-syt', name: 'Sở Y tế' }, state: 'pending', submissionIds: [], notifyEmails: ['vp@syt.gov.vn'], lastReminderOn: null },
      { unit: { id: 't-ttyt', slug: 't-ttyt', name: 'Trung tâm Y tế' }, state: 'overdue', submissionIds: [], notifyEmails: [], lastReminderOn: '2026-12-09' },
    ],
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-information-requests>', () => {
  it('picks units below the current one (and a whole subtree), previews the deadline and creates the request', async () => {
    document.documentElement.lang = 'vi';
    const api = routedApi({
      'GET /api/portal/information-requests': () => ({ items: [], total: 0, limit: 20, offset: 0 }),
      'GET /api/core/tenants': () => ({ items: tree, total: tree.length }),
      'GET /api/portal/information-requests/deadline': (call) => ({ from: '2026-12-01', workingDays: call.query!['workingDays'], deadline: '2026-12-08' }),
      'POST /api/portal/information-requests': (call) => detail(call.body as Record<string, unknown>),
    });
    const element = document.createElement('portal-information-requests');
    Object.assign(element, { api, user: board, tenant: province });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls.map((c) => c.path)).toEqual(['/api/portal/information-requests']); // no addressed side without submit

    (root.querySelector('header button.primary') as HTMLButtonElement).click();
    await settle(element);
    const names = [...root.querySelectorAll('.tree > li')].map((li) => li.textContent!.trim());
    expect(names).toEqual(['Sở Tài chính', 'Sở Y tế', 'Trung tâm Y tế']); // not the province itself

    const form = root.querySelector('form.stack') as HTMLFormElement;
    (form.querySelector('input[name="title"]') as HTMLInputElement).value = 'Báo cáo tiêm chủng';
    (form.querySelector('textarea[name="message"]') as HTMLTextAreaElement).value = 'Gửi số liệu tháng 11';
    const days = form.querySelector('input[name="workingDays"]') as HTMLInputElement;
    days.value = '5';
    days.dispatchEvent(new Event('input'));
    await settle(element);
    expect(root.querySelector('#deadline-preview')!.textContent).toBe('Hạn sẽ là ngày 08/12/2026');

    form.requestSubmit(); // nothing picked yet
    await settle(element);
    expect(root.textContent).toContain('Chọn ít nhất một đơn vị');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    const health = [...root.querySelectorAll('.tree > li')][1]!;
    const pick = health.querySelector('input[type="checkbox"]') as HTMLInputElement;
    pick.checked = true;
    pick.dispatchEvent(new Event('change'));
    await settle(element);
    const subtree = health.querySelectorAll('input[type="checkbox"]')[1] as HTMLInputElement;
    subtree.checked = true;
    subtree.dispatchEvent(new Event('change'));
    const emails = health.querySelector('input[type="text"]') as HTMLInputElement;
    emails.value = 'vp@syt.gov.vn, ld@syt.gov.vn';
    emails.dispatchEvent(new Event('change'));
    await settle(element);

    form.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      title: 'Báo cáo tiêm chủng',
      message: 'Gửi số liệu tháng 11',
      units: [{ id: 't-syt', notifyEmails: ['vp@syt.gov.vn', 'ld@syt.gov.vn'] }],
      subtrees: ['t-syt'],
      deadline: { workingDays: 5 },
    });
    // The created request, per unit, with a row header per unit.
    expect([...root.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent)).toEqual(['Sở Y tế', 'Trung tâm Y tế']);
    expect(root.textContent).toContain('0 đã cung cấp · 2 chưa đến hạn · 1 quá hạn');
    expect(root.textContent).toContain('09/12/2026');
  });
});
