import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUser } from '@cong/sdk/admin';
import { fakeApi, settle, writer } from '../testing/fake-api.js';
import type { ComplianceReport, Deadline, DeadlinePage, SectionCompliance } from './mandated-types.js';
import './compliance-page.js';
import './deadlines-widget.js';

afterEach(() => {
  document.body.replaceChildren();
});

const manager: AdminUser = { id: 'u3', username: 'thu.ky', displayName: null, permissions: ['portal.compliance.manage'] };

function section(overrides: Partial<SectionCompliance>): SectionCompliance {
  return {
    code: 'POR-07', name: { vi: 'Tin tức, sự kiện', en: 'News and events' }, basis: 'NĐ 43/2011/NĐ-CP Điều 10(1)(b)', source: 'category', status: 'ok',
    itemCount: 3, lastUpdate: '2026-11-20T08:00:00Z', staleAfterDays: 30, englishStale: 0, notApplicableReason: null, linkUrl: null, sitePath: '/chuyen-muc/tin-tuc-su-kien', note: null,
    ...overrides,
  };
}

function deadline(overrides: Partial<Deadline>): Deadline {
  return {
    id: 'd1', subject: { type: 'text', id: null, title: 'Báo cáo thống kê quý III' }, kind: 'statistics', rule: { name: 'portal.publishDeadline.statistics', version: 'v1', days: 10 },
    originDate: '2026-10-01', dueDate: '2026-10-15', metAt: null, status: 'overdue',
    ...overrides,
  };
}

const report: ComplianceReport = {
  unit: { id: 't1', slug: 'so-tai-chinh', name: { vi: 'Sở Tài chính', en: 'Department of Finance' } },
  summary: { ok: 1, empty: 1, stale: 0, 'english-missing': 0, 'not-applicable': 1, total: 3 },
  items: [
    section({}),
    section({ code: 'POR-15', name: { vi: 'Công báo điện tử', en: 'Electronic official gazette' }, source: 'link', status: 'empty', itemCount: 0, lastUpdate: null, staleAfterDays: null }),
    section({ code: 'POR-02', name: { vi: 'Điều ước quốc tế', en: 'Treaties' }, status: 'not-applicable', notApplicableReason: 'Không ký kết' }),
  ],
};
const page = (items: Deadline[]): DeadlinePage => ({ items, total: items.length, limit: 20, offset: 0, today: '2026-11-28' });

describe('<portal-compliance-page>', () => {
  it('shows each section with its status badge, filters to problems and saves a link address and a not-applicable reason', async () => {
    document.documentElement.lang = 'vi';
    const api = fakeApi(undefined, {
      'GET /api/portal/compliance': () => report,
      'GET /api/portal/deadlines': () => page([deadline({})]),
      'PATCH /api/portal/mandated-sections/POR-15': () => report.items[1],
      'PATCH /api/portal/mandated-sections/POR-07': () => report.items[0],
    });
    const element = document.createElement('portal-compliance-page');
    Object.assign(element, { api, user: manager });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => r.querySelector('th')?.textContent);
    expect(rows.slice(0, 3)).toEqual(['POR-07', 'POR-15', 'POR-02']);
    expect([...root.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual(['Đạt', 'Chưa có', 'Không áp dụng', 'Quá hạn']);
    expect(root.textContent).toContain('1/3 mục đạt');
    expect(root.textContent).toContain('Không ký kết');

    const problems = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    problems.checked = true;
    problems.dispatchEvent(new Event('change'));
    await settle(element);
    expect([...root.querySelectorAll('table')[0]!.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['POR-15']);
    problems.checked = false;
    problems.dispatchEvent(new Event('change'));
    await settle(element);

    const link = root.querySelector<HTMLFormElement>('form.inline')!;
    link.querySelector<HTMLInputElement>('input[name="url"]')!.value = 'https://congbao.quangtri.gov.vn';
    link.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PATCH')).toEqual({ method: 'PATCH', path: '/api/portal/mandated-sections/POR-15', body: { linkUrl: 'https://congbao.quangtri.gov.vn' } });

    const mark = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Đánh dấu không áp dụng')!;
    mark.click();
    await settle(element);
    const form = [...root.querySelectorAll<HTMLFormElement>('form.inline')].find((f) => f.querySelector('textarea'))!;
    form.querySelector('textarea')!.value = 'Không có chuyên mục này';
    form.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'PATCH').at(-1)).toEqual({ method: 'PATCH', path: '/api/portal/mandated-sections/POR-07', body: { notApplicable: true, reason: 'Không có chuyên mục này' } });
  });

  it('hides the controls that write from an editor who only reads', async () => {
    const api = fakeApi(undefined, { 'GET /api/portal/compliance': () => report, 'GET /api/portal/deadlines': () => page([deadline({})]) });
    const element = document.createElement('portal-compliance-page');
    Object.assign(element, { api, user: writer });
    document.body.append(element);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelectorAll('tbody tr').length).toBeGreaterThan(0);
    expect(root.querySelectorAll('button, form').length).toBe(0);
  });
});

describe('<portal-deadlines-widget>', () => {
  it('lists overdue items and those due within a week', async () => {
    document.documentElement.lang = 'en';
    const api = fakeApi(undefined, {
      'GET /api/portal/deadlines': (call) =>
        call.query?.overdue ? page([deadline({})]) : page([deadline({ id: 'd2', subject: { type: 'text', id: null, title: 'Annual plan' }, dueDate: '2026-12-02', status: 'pending' })]),
    });
    const element = document.createElement('portal-deadlines-widget');
    Object.assign(element, { api, user: writer });
    document.body.append(element);
    await settle(element);
    expect(api.calls.map((c) => c.query)).toEqual([{ overdue: true, limit: 5 }, { status: 'pending', dueBefore: '2026-12-05', limit: 5 }]);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('1 items overdue for publication');
    expect(root.textContent).toContain('Báo cáo thống kê quý III');
    expect(root.textContent).toContain('Annual plan');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('/admin/portal/thong-tin-bat-buoc');
    document.documentElement.lang = 'vi';
  });

  it('shows nothing and asks nothing for an account without a reading permission', async () => {
    const api = fakeApi();
    const element = document.createElement('portal-deadlines-widget');
    Object.assign(element, { api, user: { id: 'u9', username: 'khach', displayName: null, permissions: [] } });
    document.body.append(element);
    await settle(element);
    expect(api.calls).toEqual([]);
    expect(element.hidden).toBe(true);
  });
});
