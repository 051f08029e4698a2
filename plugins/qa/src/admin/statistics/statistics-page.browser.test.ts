import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient, type DownloadOptions } from '@cong/sdk/admin';
import { axeViolations, clickButton, routedApi, settle, type Call } from '../testing/admin-test-support.js';
import { PROVINCE, statistics, TNMT, TU_PHAP } from '../testing/qa-fixtures.js';
import './statistics-page.js';

type Unit = { id: string; slug: string; name: string; kind: string };
const province: Unit = { ...PROVINCE, kind: 'province' };
const agency: Unit = { ...TNMT, kind: 'department' };

function mount(api: ApiClient, permissions = ['qa.statistics.read', 'qa.questions.triage'], unit = province): HTMLElementTagNameMap['qa-statistics'] {
  const element = document.createElement('qa-statistics');
  Object.assign(element, { api, user: { id: 'bien-tap', username: 'bien.tap', displayName: null, permissions }, tenant: { id: unit.id, slug: unit.slug, nameVi: unit.name, nameEn: null, kind: unit.kind } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<qa-statistics>', () => {
  it('shows each agency’s figures for the period, the totals, the board’s triage and the public dashboard’s link', async () => {
    const api = routedApi({ 'GET /api/qa/statistics': () => statistics() });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toEqual({ method: 'GET', path: '/api/qa/statistics' });
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows[0]).toEqual([TNMT.name, '20', '17', '1', '1', '2', '94%', '6', '4,25/5 (12 lượt)']);
    expect(rows[1]).toEqual([TU_PHAP.name, '15', '10', '2', '1', '3', '83%', '8', 'Chưa có']);
    expect(root.querySelector('tfoot')!.textContent).toContain('Tổng cộng');
    expect(root.querySelector('tfoot')!.textContent).toContain('90%');
    expect(root.textContent).toContain('Tiếp nhận 40, đã chuyển 35, không thuộc thẩm quyền 3');
    expect(root.querySelector('caption')!.textContent).toBe('Kỳ thống kê: 01/01/2026 – 29/11/2026');
    expect(root.querySelector<HTMLAnchorElement>('a')!.getAttribute('href')).toBe('/hoi-dap/thong-ke?tu-ngay=2026-01-01&den-ngay=2026-11-29');
    expect(root.querySelector<HTMLInputElement>('#s-from')!.value).toBe('2026-01-01');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('asks for another period; the server’s refusal of a date is shown beside it, and a reversed period is stopped here', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'query /to must be at most 1830 days after from', [{ in: 'query', pointer: '/to', message: 'must be at most 1830 days after from' }]);
    };
    const api = routedApi({ 'GET /api/qa/statistics': (call) => (call.query ? answer(call) : statistics()) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const from = root.querySelector<HTMLInputElement>('#s-from')!;
    const to = root.querySelector<HTMLInputElement>('#s-to')!;
    from.value = '2020-01-01';
    to.value = '2026-11-29';
    clickButton(root, 'Xem thống kê');
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/qa/statistics', query: { from: '2020-01-01', to: '2026-11-29' } });
    expect(root.querySelector('#s-to-error')!.textContent).toBe('must be at most 1830 days after from');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('[role=alert]')).toBeNull();

    const calls = api.calls.length;
    from.value = '2026-06-01';
    to.value = '2026-05-01';
    clickButton(root, 'Xem thống kê');
    await settle(element);
    expect(root.querySelector('#s-to-error')!.textContent).toBe('Ngày kết thúc phải từ ngày bắt đầu trở đi');
    expect(api.calls).toHaveLength(calls);

    answer = () => statistics({ period: { from: '2026-06-01', to: '2026-06-30' }, agencies: [] });
    to.value = '2026-06-30';
    clickButton(root, 'Xem thống kê');
    await settle(element);
    expect(api.calls.at(-1)!.query).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(root.textContent).toContain('Chưa có câu hỏi nào được chuyển đến cơ quan trong kỳ này.');
    expect(root.querySelector('#s-to-error')).toBeNull();
  });

  it('lists the figures by field or commune when asked, and downloads the table shown as CSV', async () => {
    const figures = (c: ReturnType<typeof statistics>['agencies'][number]) => {
      const { agency: _agency, ...rest } = c;
      return rest;
    };
    const [tnmt, tuPhap] = statistics().agencies;
    const byCommune = statistics({
      agencies: [],
      groupBy: 'commune',
      groups: [
        { group: { id: 'u-dong-ha', name: 'Phường Đông Hà', nameEn: null }, ...figures(tnmt!) },
        { group: { id: null, name: null, nameEn: null }, ...figures(tuPhap!) },
      ],
    });
    const api = routedApi({ 'GET /api/qa/statistics': (call) => (call.query?.['groupBy'] === 'commune' ? byCommune : statistics()) });
    const downloads: { path: string; options: DownloadOptions }[] = [];
    const element = mount(api);
    Object.assign(element, { download: async (path: string, options: DownloadOptions) => void downloads.push({ path, options }) });
    await settle(element);
    const root = element.shadowRoot!;
    // Per agency first (nothing sent: the server's defaults); its CSV likewise, for the period shown.
    clickButton(root, 'Tải bảng (CSV)');
    await settle(element);
    expect(downloads.at(-1)).toEqual({ path: '/api/qa/statistics.csv', options: { fileName: 'thong-ke-hoi-dap-agency-2026-01-01-2026-11-29.csv', query: { from: '2026-01-01', to: '2026-11-29' }, tenant: PROVINCE.id } });

    const select = root.querySelector<HTMLSelectElement>('#s-group')!;
    expect(root.querySelector('label[for=s-group]')!.textContent).toContain('Thống kê theo');
    select.value = 'commune';
    clickButton(root, 'Xem thống kê');
    await settle(element);
    // The dates shown are sent with it (the form holds the period of the figures).
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/qa/statistics', query: { from: '2026-01-01', to: '2026-11-29', groupBy: 'commune' } });
    expect(root.querySelector('thead th')!.textContent).toBe('Xã, phường');
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows).toEqual([
      ['Phường Đông Hà', '20', '17', '1', '1', '2', '94%', '6', '4,25/5 (12 lượt)'],
      ['Không ghi xã, phường', '15', '10', '2', '1', '3', '83%', '8', 'Chưa có'],
    ]);
    expect(root.querySelector('tfoot')!.textContent).toContain('90%');
    clickButton(root, 'Tải bảng (CSV)');
    await settle(element);
    expect(downloads.at(-1)).toEqual({ path: '/api/qa/statistics.csv', options: { fileName: 'thong-ke-hoi-dap-commune-2026-01-01-2026-11-29.csv', query: { from: '2026-01-01', to: '2026-11-29', groupBy: 'commune' }, tenant: PROVINCE.id } });
    expect(await axeViolations(element)).toEqual([]);

    // A refused download is said, not swallowed.
    Object.assign(element, { download: async () => { throw new ApiError(403, 'CONG_ERR_FORBIDDEN', 'Missing permission qa.statistics.read'); } });
    clickButton(root, 'Tải bảng (CSV)');
    await settle(element);
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Missing permission qa.statistics.read');
  });

  it('lets the board run the deadline sweep now, and reads the figures again', async () => {
    const api = routedApi({ 'GET /api/qa/statistics': () => statistics(), 'POST /api/qa/deadlines/sweep': () => ({ computed: 12, reminders: 2, escalations: 1 }) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Kiểm tra thời hạn ngay');
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: '/api/qa/deadlines/sweep', body: undefined }]);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã kiểm tra 12 câu hỏi: 2 nhắc hạn, 1 báo quá hạn');
    expect(api.calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('shows an agency its own figures without the sweep; says why without the permission or when the call fails', async () => {
    const own = mount(routedApi({ 'GET /api/qa/statistics': () => statistics({ board: null, agencies: [statistics().agencies[0]!] }) }), ['qa.statistics.read', 'qa.questions.answer'], agency);
    await settle(own);
    expect(own.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(1);
    expect([...own.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim())).toEqual(['Xem thống kê', 'Tải bảng (CSV)']);
    expect(own.shadowRoot!.textContent).not.toContain('Ban biên tập tiếp nhận');
    // Triage held in an agency does not make it the board.
    const notBoard = mount(routedApi({ 'GET /api/qa/statistics': () => statistics({ board: null }) }), ['qa.statistics.read', 'qa.questions.triage'], agency);
    await settle(notBoard);
    expect(notBoard.shadowRoot!.textContent).not.toContain('Kiểm tra thời hạn ngay');

    const failing = mount(routedApi({ 'GET /api/qa/statistics': () => { throw new ApiError(503, 'CONG_ERR_PLUGIN_FAILED', 'The plugin qa is not running'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('The plugin qa is not running');
    const denied = mount(routedApi({}), ['qa.questions.answer']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Xem thống kê hỏi đáp”');
    expect(await axeViolations(denied)).toEqual([]);
  });
});
