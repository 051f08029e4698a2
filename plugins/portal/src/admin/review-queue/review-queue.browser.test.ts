import { afterEach, describe, expect, it } from 'vitest';
import { approver, article, fakeApi, settle, writer } from '../testing/fake-api.js';
import './review-queue.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<portal-review-queue>', () => {
  it('counts the articles in review and links the latest to their editor', async () => {
    document.documentElement.lang = 'vi';
    const items = [article({ id: 'a1', title: 'Thông báo tuyển dụng', status: 'in_review' }), article({ id: 'a2', title: 'Lịch tiếp dân', status: 'in_review' })];
    const api = fakeApi(article(), { 'GET /api/portal/articles': () => ({ items, total: 7, limit: 5, offset: 0 }) });
    const element = document.createElement('portal-review-queue');
    Object.assign(element, { api, user: approver });
    document.body.append(element);
    await settle(element);
    expect(api.calls[0]!.query).toEqual({ status: 'in_review', limit: 5, sort: 'updatedAt', order: 'desc' });
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('7 tin bài chờ duyệt');
    const links = [...root.querySelectorAll('li a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Thông báo tuyển dụng', '/admin/portal/articles/a1'],
      ['Lịch tiếp dân', '/admin/portal/articles/a2'],
    ]);
    expect(root.querySelector('a[href="/admin/portal"]')!.textContent).toBe('Xem tất cả');
  });

  it('shows nothing and asks nothing for an account that cannot approve', async () => {
    const api = fakeApi();
    const element = document.createElement('portal-review-queue');
    Object.assign(element, { api, user: writer });
    document.body.append(element);
    await settle(element);
    expect(api.calls).toEqual([]);
    expect(element.hidden).toBe(true);
  });
});
