import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { routedApi, settle } from '../testing/fake-api.js';
import type { AssignedRequest, SubmissionDetail } from './submission-types.js';
import './submission-list.js';

const ID = '0b7c4d1e-1a2b-4c3d-8e9f-00000000a002';
const REQUEST = '0b7c4d1e-1a2b-4c3d-8e9f-00000000b002';
const reporter: AdminUser = { id: 'u5', username: 'phong.vien', displayName: 'Trần Thị Bình', permissions: ['portal.submissions.submit'] };

const request: AssignedRequest = {
  id: REQUEST,
  requester: { id: 't-qt', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' },
  title: 'Giải ngân vốn đầu tư công',
  message: 'Gửi tin bài',
  deadline: '2026-12-08',
  status: 'open',
  state: 'pending',
  submissionIds: [],
  notifyEmails: [],
};

function sent(overrides: Partial<SubmissionDetail> = {}): SubmissionDetail {
  return {
    id: ID,
    sender: { id: 't-stc', slug: 'so-tai-chinh', name: 'Sở Tài chính' },
    receiver: { id: 't-qt', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' },
    title: 'Tiến độ giải ngân',
    summary: '',
    body: '<p>Nội dung</p>',
    categorySlug: null,
    byline: null,
    contact: { name: 'Trần Thị Bình', phone: null, email: null },
    attachments: [],
    requestId: REQUEST,
    status: 'submitted',
    remarks: null,
    articleId: null,
    revision: 1,
    createdBy: 'u5',
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    submittedAt: '2026-12-01T01:00:00.000Z',
    handledBy: null,
    handledAt: null,
    history: [{ action: 'submit', actorId: 'u5', unitId: 't-stc', remark: null, revision: 1, at: '2026-12-01T01:00:00.000Z' }],
    ...overrides,
  };
}

/** Waits for what the element does after a submit (it first loads the editor's module). */
async function until(element: { updateComplete: Promise<unknown> }, done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) await settle(element);
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-submission-list>', () => {
  it('sends a submission that answers a request, with its attachments, and shows field errors from the server', async () => {
    document.documentElement.lang = 'vi';
    let attempts = 0;
    const api = routedApi({
      'GET /api/portal/submissions': () => ({ items: [], total: 0, limit: 20, offset: 0 }),
      'GET /api/portal/information-requests/assigned': () => ({ items: [request], total: 1, limit: 100, offset: 0 }),
      'POST /api/portal/submissions': async () => {
        attempts++;
        if (attempts === 1) {
          const { ApiError } = await import('@cong/sdk/admin');
          throw new ApiError(400, 'CONG_ERR_VALIDATION', 'Invalid', [{ in: 'body', pointer: '/title', message: 'must not be blank' }]);
        }
        return sent();
      },
    });
    const element = document.createElement('portal-submission-list');
    Object.assign(element, { api, user: reporter });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Không có mục nào.');

    (root.querySelector('header button.primary') as HTMLButtonElement).click();
    await settle(element);
    const form = root.querySelector('form.stack') as HTMLFormElement;
    expect([...form.querySelectorAll('select[name="requestId"] option')].map((o) => o.textContent)).toEqual(['— Không trả lời yêu cầu nào —', 'Giải ngân vốn đầu tư công (Tỉnh Quảng Trị, 08/12/2026)']);
    expect((form.querySelector('input[name="contactName"]') as HTMLInputElement).value).toBe('Trần Thị Bình');
    (form.querySelector('select[name="requestId"]') as HTMLSelectElement).value = REQUEST;
    (form.querySelector('input[name="title"]') as HTMLInputElement).value = 'Tiến độ giải ngân';
    (form.querySelector('textarea[name="attachments"]') as HTMLTextAreaElement).value = '/files/bao-cao.pdf | Báo cáo\nhttps://stc.gov.vn/bang.xlsx';

    form.requestSubmit();
    await until(element, () => root.getElementById('err-title') !== null);
    expect(root.getElementById('err-title')!.textContent).toBe('must not be blank');

    form.requestSubmit();
    await until(element, () => root.querySelector('.actions button') !== null && !root.querySelector('form.stack'));
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts[1]!.body).toMatchObject({
      title: 'Tiến độ giải ngân',
      requestId: REQUEST,
      contact: { name: 'Trần Thị Bình', phone: null, email: null },
      attachments: [
        { url: '/files/bao-cao.pdf', title: 'Báo cáo' },
        { url: 'https://stc.gov.vn/bang.xlsx', title: 'https://stc.gov.vn/bang.xlsx' },
      ],
    });
    // The sent submission opens: a withdraw button, no edit (it was not returned).
    expect([...root.querySelectorAll('.actions button')].map((b) => b.textContent)).toEqual(['Rút tin bài']);
  });

  it('offers edit and resubmit for a returned submission, with the reason shown', async () => {
    document.documentElement.lang = 'vi';
    const returned = sent({ status: 'returned', remarks: 'Bổ sung số liệu' });
    const api = routedApi({
      'GET /api/portal/submissions': () => ({ items: [returned], total: 1, limit: 20, offset: 0 }),
      'GET /api/portal/information-requests/assigned': () => ({ items: [], total: 0, limit: 100, offset: 0 }),
      [`GET /api/portal/submissions/${ID}`]: () => returned,
      [`POST /api/portal/submissions/${ID}/resubmit`]: () => sent({ status: 'submitted', revision: 2 }),
    });
    const element = document.createElement('portal-submission-list');
    Object.assign(element, { api, user: reporter });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody a') as HTMLAnchorElement).click();
    await settle(element);
    expect(root.textContent).toContain('Bổ sung số liệu');
    expect([...root.querySelectorAll('.actions button')].map((b) => b.textContent!.trim())).toEqual(['Sửa tin bài bị trả lại', 'Gửi lại', 'Rút tin bài']);
    ([...root.querySelectorAll('.actions button')][1] as HTMLButtonElement).click();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST' && c.path === `/api/portal/submissions/${ID}/resubmit`)).toBe(true);
    expect(root.textContent).toContain('Đã gửi');
  });
});
