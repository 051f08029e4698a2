import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@cong/sdk/admin';
import type { Royalty } from '../../royalties/royalties.schema.js';
import { routedApi, settle } from '../testing/fake-api.js';
import './royalties-page.js';

afterEach(() => {
  document.body.replaceChildren();
});

const entry = (overrides: Partial<Royalty> = {}): Royalty => ({
  id: '0b7c4d1e-1a2b-4c3d-8e9f-0000000000r1',
  subject: { kind: 'article', id: 'a1', title: 'Hội nghị tổng kết', publishedAt: '2026-11-20T08:00:00Z' },
  period: '2026-11',
  recipient: { name: 'Nguyễn Văn An', userId: null },
  role: 'author',
  genre: 'bai-viet',
  coefficient: 12.5,
  unitValueVnd: 100_000,
  amountVnd: 1_250_000,
  status: 'proposed',
  note: null,
  createdBy: 'u1',
  approvedBy: null,
  approvedAt: null,
  paidAt: null,
  createdAt: '2026-11-21T08:00:00Z',
  updatedAt: '2026-11-21T08:00:00Z',
  ...overrides,
});

const summary = (overrides: Record<string, unknown> = {}) => ({
  period: '2026-11',
  unitValueVnd: 100_000,
  recipients: [{ name: 'Nguyễn Văn An', userId: null, items: 1, proposedVnd: 1_250_000, approvedVnd: 0, paidVnd: 0 }],
  totalVnd: 1_250_000,
  unrecorded: [{ id: 'a2', title: 'Tin chưa tính', publishedAt: '2026-11-22T08:00:00Z' }],
  ...overrides,
});

async function mount(routes: Parameters<typeof routedApi>[0]) {
  document.documentElement.lang = 'vi';
  const api = routedApi(routes);
  const element = document.createElement('portal-royalties-page');
  Object.assign(element, { api, tenant: { id: 't1', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: null, kind: 'department' } });
  document.body.append(element);
  await settle(element);
  return { api, element, root: element.shadowRoot! };
}

describe('<portal-royalties-page>', () => {
  it('shows the period\'s totals by recipient, the articles without a royalty and the CSV link of the unit', async () => {
    const { api, root } = await mount({ 'GET /api/portal/royalties/summary': () => summary(), 'GET /api/portal/royalties': () => ({ items: [entry()], total: 1, limit: 200, offset: 0 }) });
    expect(api.calls[0]!.query).toEqual({ period: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7) });
    expect(root.querySelector('caption')!.textContent).toBe('Theo người nhận');
    expect(root.querySelector('tbody th[scope=row]')!.textContent).toBe('Nguyễn Văn An');
    expect(root.textContent).toContain('1.250.000 đ');
    expect(root.textContent).toContain('Tin chưa tính');
    expect(root.querySelector('a[download]')!.getAttribute('href')).toMatch(/^\/t\/so-tai-chinh\/api\/portal\/royalties\.csv\?period=\d{4}-\d{2}$/);
  });

  it('records a royalty for an unrecorded article with a decimal comma, and shows a field error beside the field', async () => {
    let attempts = 0;
    const { api, element, root } = await mount({
      'GET /api/portal/royalties/summary': () => summary(),
      'GET /api/portal/royalties': () => ({ items: [], total: 0, limit: 200, offset: 0 }),
      'POST /api/portal/royalties': () => {
        if (attempts++ === 0) throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body/coefficient must be > 0', [{ in: 'body', pointer: '/coefficient', message: 'must be > 0', keyword: 'exclusiveMinimum' }]);
        return entry({ subject: { kind: 'article', id: 'a2', title: 'Tin chưa tính', publishedAt: '2026-11-22T08:00:00Z' } });
      },
    });
    root.querySelector<HTMLButtonElement>('button[aria-label="Ghi nhuận bút cho “Tin chưa tính”"]')!.click();
    await settle(element);
    const form = root.querySelector<HTMLFormElement>('form.record')!;
    form.querySelector<HTMLInputElement>('input[name=recipient]')!.value = 'Trần Thị Bình';
    form.querySelector<HTMLSelectElement>('select[name=role]')!.value = 'photographer';
    form.querySelector<HTMLSelectElement>('select[name=genre]')!.value = 'anh';
    form.querySelector<HTMLInputElement>('input[name=coefficient]')!.value = '0';
    form.requestSubmit();
    await settle(element);
    const coefficient = root.querySelector<HTMLInputElement>('input[name=coefficient]')!;
    expect(coefficient.getAttribute('aria-invalid')).toBe('true');
    expect(root.getElementById(coefficient.getAttribute('aria-describedby')!)!.textContent).toBe('must be > 0');

    coefficient.value = '1,5';
    root.querySelector<HTMLFormElement>('form.record')!.requestSubmit();
    await settle(element);
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts[1]!.body).toEqual({ articleId: 'a2', recipient: { name: 'Trần Thị Bình' }, role: 'photographer', genre: 'anh', coefficient: 1.5 });
    expect(root.querySelector('form.record')).toBeNull();
  });

  it('offers the next step of each entry and explains a refusal to approve one\'s own royalty', async () => {
    const { api, element, root } = await mount({
      'GET /api/portal/royalties/summary': () => summary({ unrecorded: [] }),
      'GET /api/portal/royalties': () => ({ items: [entry(), entry({ id: 'r2', status: 'approved' }), entry({ id: 'r3', status: 'paid' })], total: 3, limit: 200, offset: 0 }),
      'POST /api/portal/royalties/0b7c4d1e-1a2b-4c3d-8e9f-0000000000r1/approve': () => {
        throw new ApiError(403, 'PORTAL_ERR_ROYALTY_OWN', 'Nobody approves or pays a royalty they recorded or receive');
      },
    });
    expect(root.textContent).toContain('Mọi tin bài đăng trong kỳ đã được ghi nhuận bút.');
    const rows = [...root.querySelectorAll('section[aria-labelledby=entries-heading] tbody tr')];
    expect(rows.map((r) => [...r.querySelectorAll('button')].map((b) => b.textContent))).toEqual([['Duyệt', 'Xóa'], ['Đã chi trả'], []]);
    rows[0]!.querySelector('button')!.click();
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/portal/royalties/0b7c4d1e-1a2b-4c3d-8e9f-0000000000r1/approve' });
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Không ai tự duyệt hoặc tự chi khoản mình ghi hoặc mình nhận.');
  });

  it('asks for the unit value before anything can be recorded', async () => {
    const { root } = await mount({ 'GET /api/portal/royalties/summary': () => summary({ unitValueVnd: null }), 'GET /api/portal/royalties': () => ({ items: [], total: 0, limit: 200, offset: 0 }) });
    expect(root.querySelector('.notice')!.textContent).toContain('Cài đặt → Cổng thông tin');
    expect(root.querySelector<HTMLButtonElement>('section[aria-labelledby=unrecorded-heading] button')!.disabled).toBe(true);
  });
});
