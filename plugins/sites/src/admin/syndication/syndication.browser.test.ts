import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminUser, ApiClient } from '@cong/sdk/admin';
import type { BroadcastDetail, Page, Proposal, ProposalDetail, PublishedArticle } from './syndication-types.js';
import './proposals.js';
import './syndication-queue.js';
import './broadcasts.js';
import { routedApi, settle } from '../testing/admin-test-support.js';

const page = <T>(items: T[]): Page<T> => ({ items, total: items.length, limit: 20, offset: 0 });
const unit = { id: 'u-stc', slug: 'so-tai-chinh', name: 'Sở Tài chính' };
const province = { id: 'u-tinh', slug: 'quang-tri', name: 'Tỉnh Quảng Trị' };
const article: PublishedArticle = { id: 'a1', slug: 'du-toan-2027', title: 'Công khai dự toán 2027', summary: '', publishedAt: '2026-11-20T08:00:00Z', url: 'https://so-tai-chinh.localhost/tin/du-toan-2027', proposal: null, broadcast: null };
const proposal = (overrides: Partial<ProposalDetail> = {}): ProposalDetail => ({
  id: 'p1',
  unit,
  province,
  articleId: 'a1',
  article: { id: 'a1', title: 'Công khai dự toán 2027', slug: 'du-toan-2027', status: 'published', url: article.url },
  status: 'proposed',
  note: null,
  reason: null,
  categoryId: null,
  provincePath: null,
  proposedBy: 'bien-tap',
  proposedAt: '2026-11-20T08:00:00Z',
  decidedBy: null,
  decidedAt: null,
  updatedAt: '2026-11-20T08:00:00Z',
  history: [{ action: 'propose', actorId: 'bien-tap', unitId: 'u-stc', remark: null, at: '2026-11-20T08:00:00Z' }],
  ...overrides,
});
const user = (permissions: string[]): AdminUser => ({ id: 'u1', username: 'bien.tap', displayName: null, permissions });

function mount<K extends 'sites-proposals' | 'sites-syndication-queue' | 'sites-broadcasts'>(tag: K, api: ApiClient, permissions: string[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, { api, user: user(permissions), tenant: { id: 'u-stc', slug: 'so-tai-chinh', name: 'Sở Tài chính' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<sites-proposals>', () => {
  it('proposes a published article with a note and shows the proposal and its history', async () => {
    const api = routedApi({
      'GET /api/sites/published-articles': () => page([article]),
      'GET /api/sites/syndication/proposals': () => page<Proposal>([]),
      'POST /api/sites/syndication/proposals': (call) => proposal({ note: (call.body as { note: string }).note }),
    });
    const element = mount('sites-proposals', api, ['sites.syndication.propose']);
    await settle(element);
    const root = element.shadowRoot!;
    const propose = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Đề xuất lên Cổng tỉnh');
    propose!.click();
    await settle(element);
    root.querySelector('textarea')!.value = 'Đăng mục Tin sở, ngành';
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/sites/syndication/proposals', body: { articleId: 'a1', note: 'Đăng mục Tin sở, ngành' } });
    expect(root.textContent).toContain('Chờ duyệt');
    expect(root.textContent).toContain('Đăng mục Tin sở, ngành');
    expect(root.querySelector('table tbody')!.textContent).toContain('Đề xuất');
  });

  it('shows the province\'s reason for a rejection', async () => {
    const rejected = proposal({ status: 'rejected', reason: 'Tin nội bộ' });
    const api = routedApi({
      'GET /api/sites/published-articles': () => page<PublishedArticle>([]),
      'GET /api/sites/syndication/proposals': () => page<Proposal>([rejected]),
      'GET /api/sites/syndication/proposals/p1': () => rejected,
    });
    const element = mount('sites-proposals', api, ['sites.syndication.propose']);
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Bị từ chối');
    expect(element.shadowRoot!.textContent).toContain('Tin nội bộ');
  });
});

describe('<sites-syndication-queue>', () => {
  it('accepts into the chosen category, and refuses a rejection without a reason', async () => {
    const api = routedApi({
      'GET /api/sites/syndication/queue': () => page<Proposal>([proposal()]),
      'GET /api/sites/syndication/categories': () => ({ items: [{ id: 'c1', slug: 'tin-so-nganh', name: 'Tin sở, ngành', parentId: null }] }),
      'GET /api/sites/syndication/queue/p1': () => proposal(),
      'POST /api/sites/syndication/queue/p1/accept': () => proposal({ status: 'accepted', categoryId: 'c1', provincePath: '/tin-lien-ket/l1' }),
    });
    const element = mount('sites-syndication-queue', api, ['sites.syndication.review']);
    await settle(element);
    expect(api.calls[0]).toMatchObject({ path: '/api/sites/syndication/queue', query: { status: 'proposed' } });
    const root = element.shadowRoot!;
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle(element);
    const [acceptForm, rejectForm] = [...root.querySelectorAll('form')];
    // Past the browser's own check of the required field: the element checks again.
    rejectForm!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settle(element);
    expect(root.querySelector('.field-error')!.textContent).toBe('Hãy ghi lý do');
    expect(api.calls.some((c) => c.path.endsWith('/reject'))).toBe(false);
    (acceptForm!.querySelector('select') as HTMLSelectElement).value = 'c1';
    acceptForm!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/accept'))!.body).toEqual({ categoryId: 'c1' });
    expect(root.textContent).toContain('Đã tiếp nhận');
    expect(root.querySelector('a[href="/t/quang-tri/tin-lien-ket/l1"]')).not.toBeNull();
  });
});

describe('<sites-broadcasts>', () => {
  it('sends an article to a chosen branch and ends it', async () => {
    const detail: BroadcastDetail = {
      id: 'b1',
      sender: province,
      articleId: 'a1',
      article: { id: 'a1', title: 'Thông báo nghỉ Tết', slug: 'nghi-tet', status: 'published', url: 'https://localhost/tin/nghi-tet' },
      scope: 'subtree',
      root: unit,
      status: 'active',
      note: null,
      targetCount: 2,
      createdBy: 'van-phong',
      createdAt: '2026-11-20T08:00:00Z',
      endedBy: null,
      endedAt: null,
      endCause: null,
      endReason: null,
      targets: [{ unit, path: '/tin-lien-ket/l1', removedAt: null }, { unit: { id: 'u-pns', slug: 'phong-ngan-sach', name: 'Phòng Ngân sách' }, path: '/tin-lien-ket/l2', removedAt: null }],
    };
    const api = routedApi({
      'GET /api/sites/broadcasts': () => page([]),
      'GET /api/sites/published-articles': () => page([{ ...article, id: 'a1', title: 'Thông báo nghỉ Tết' }]),
      'GET /api/sites/broadcasts/units': () => ({ items: [{ ...unit, parentId: 'u-tinh' }, { id: 'u-pns', slug: 'phong-ngan-sach', name: 'Phòng Ngân sách', parentId: 'u-stc' }] }),
      'POST /api/sites/broadcasts': () => detail,
      'POST /api/sites/broadcasts/b1/end': () => ({ ...detail, status: 'ended', endCause: 'sender', targets: detail.targets.map((x) => ({ ...x, removedAt: '2026-11-21T08:00:00Z' })) }),
    });
    const element = mount('sites-broadcasts', api, ['sites.broadcast.publish']);
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('input[value="subtree"]') as HTMLInputElement).click();
    await settle(element);
    const options = [...root.querySelectorAll('select[name="rootId"] option')].map((o) => o.textContent);
    expect(options).toEqual(['Sở Tài chính', '\u00a0\u00a0Phòng Ngân sách']);
    root.querySelector('form.stack')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ articleId: 'a1', scope: 'subtree', rootId: 'u-stc' });
    expect(root.textContent).toContain('Các trang nhận (2)');
    expect(root.querySelector('a[href="/t/phong-ngan-sach/tin-lien-ket/l2"]')).not.toBeNull();
    root.querySelector('form.stack')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await settle(element);
    expect(api.calls.at(-4)).toMatchObject({ method: 'POST', path: '/api/sites/broadcasts/b1/end' });
    expect(root.textContent).toContain('Đã kết thúc');
  });
});
