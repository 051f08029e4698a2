import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { routedApi, settle } from '../testing/fake-api.js';
import type { SubmissionDetail } from './submission-types.js';
import './inbox.js';

const ID = '0b7c4d1e-1a2b-4c3d-8e9f-00000000a001';
const board: AdminUser = { id: 'u9', username: 'ban.bien.tap', displayName: null, permissions: ['portal.submissions.handle', 'portal.content.write'] };

function submission(overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    id: ID,
    sender: { id: 't-stc', slug: 'so-tai-chinh', name: 'Sở Tài chính' },
    receiver: { id: 't-qt', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' },
    title: 'Công khai dự toán ngân sách 2027',
    summary: 'Tóm tắt',
    body: '<p>Nội dung <strong>chính</strong></p>',
    categorySlug: null,
    byline: null,
    contact: { name: 'Trần Thị Bình', phone: null, email: null },
    attachments: [{ url: '/files/du-toan.pdf', title: 'Dự toán' }],
    requestId: null,
    status: 'submitted',
    remarks: null,
    articleId: null,
    revision: 1,
    createdBy: 'u1',
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T08:00:00.000Z',
    submittedAt: '2026-11-20T08:00:00.000Z',
    handledBy: null,
    handledAt: null,
    history: [{ action: 'submit', actorId: 'u1', unitId: 't-stc', remark: null, revision: 1, at: '2026-11-20T08:00:00.000Z' }],
    ...overrides,
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-inbox>', () => {
  it('lists what waits, shows the body in a sandboxed frame, and returns only with a reason', async () => {
    document.documentElement.lang = 'vi';
    const { history: _h, ...listed } = submission();
    const api = routedApi({
      'GET /api/portal/inbox': () => ({ items: [listed], total: 1, limit: 20, offset: 0 }),
      [`GET /api/portal/inbox/${ID}`]: () => submission(),
      [`POST /api/portal/inbox/${ID}/return`]: (call) => submission({ status: 'returned', remarks: (call.body as { reason: string }).reason }),
    });
    const element = document.createElement('portal-inbox');
    Object.assign(element, { api, user: board });
    document.body.append(element);
    await settle(element);
    expect(api.calls[0]!.query).toMatchObject({ status: 'submitted', limit: 20, offset: 0 });
    const root = element.shadowRoot!;
    expect([...root.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).toEqual(['Tiêu đề', 'Đơn vị gửi', 'Trạng thái', 'Ngày gửi']);

    (root.querySelector('tbody a') as HTMLAnchorElement).click();
    await settle(element);
    const frame = root.querySelector('iframe.preview') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<p>Nội dung <strong>chính</strong></p>');
    expect(root.textContent).toContain('Sở Tài chính');

    const forms = root.querySelectorAll('form');
    const returnForm = forms[forms.length - 1] as HTMLFormElement;
    returnForm.requestSubmit();
    await settle(element);
    expect(root.querySelector('#reason-error')!.textContent).toBe('Hãy ghi lý do trả lại');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    (returnForm.querySelector('textarea') as HTMLTextAreaElement).value = 'Bổ sung số liệu';
    returnForm.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: `/api/portal/inbox/${ID}/return`, body: { reason: 'Bổ sung số liệu' } });
    expect(root.textContent).toContain('Bị trả lại');
  });

  it('offers no accept button to a handler who cannot write content', async () => {
    document.documentElement.lang = 'vi';
    const { history: _h, ...listed } = submission();
    const api = routedApi({
      'GET /api/portal/inbox': () => ({ items: [listed], total: 1, limit: 20, offset: 0 }),
      [`GET /api/portal/inbox/${ID}`]: () => submission(),
    });
    const element = document.createElement('portal-inbox');
    Object.assign(element, { api, user: { ...board, permissions: ['portal.submissions.handle'] } });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody a') as HTMLAnchorElement).click();
    await settle(element);
    const buttons = [...root.querySelectorAll('button[type="submit"]')].map((b) => b.textContent);
    expect(buttons).toEqual(['Trả lại']);
  });
});
