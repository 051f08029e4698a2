import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { DownloadOptions } from '../shared/download-file.js';
import { dispositionFileName } from '../shared/download-file.js';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { PROVINCE } from '../testing/gazette-fixtures.js';
import type { AnnualReportView } from './annual-report-page.element.js';
import './annual-report-page.js';

// The report route is GET /api/gazette/reports/annual?year=&from=&to=&format=json|docx|xlsx|pdf; its
// JSON is stubbed here in the agreed shape ({ year, from, to, totals, tables: [{ id, title, columns, rows }] }).

function mount(api: ApiClient, permissions = ['gazette.receive']): HTMLElementTagNameMap['gazette-annual-report'] {
  const element = document.createElement('gazette-annual-report');
  Object.assign(element, { api, user: { id: 'tiep-nhan', username: 'tiep.nhan', displayName: null, permissions }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const report: AnnualReportView = {
  year: 2025,
  from: '2025-01-01',
  to: '2025-12-31',
  basis: { citation: 'Thông tư số 02/2025/TT-VPCP', dueDate: '2026-01-15' },
  totals: { received: 120, published: 110, publishedOnTime: 104, publishedLate: 6, issues: 48, corrections: 3, issuePages: 1520 },
  tables: [
    {
      id: 'by-issuer',
      title: { vi: 'Văn bản theo cơ quan ban hành', en: 'Documents by issuer' },
      columns: [
        { key: 'issuer', label: { vi: 'Cơ quan ban hành', en: 'Issuer' } },
        { key: 'received', label: { vi: 'Tiếp nhận', en: 'Received' } },
        { key: 'late', label: { vi: 'Đăng chậm', en: 'Late' } },
      ],
      rows: [
        { issuer: 'Hội đồng nhân dân tỉnh', received: 40, late: 1 },
        { issuer: 'Ủy ban nhân dân tỉnh', received: 1080, late: 5 },
      ],
    },
    { id: 'corrections', title: { vi: 'Đính chính theo nguyên nhân', en: 'Corrections by cause' }, columns: [{ key: 'cause', label: { vi: 'Nguyên nhân', en: 'Cause' } }, { key: 'count', label: { vi: 'Số lượng', en: 'Count' } }], rows: [] },
  ],
};

describe('<gazette-annual-report>', () => {
  it('shows the previous year\'s report: period, basis, key figures and every table the server sends', async () => {
    const api = routedApi({ 'GET /api/gazette/reports/annual': () => report });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toMatchObject({ method: 'GET', path: '/api/gazette/reports/annual', query: { format: 'json' } });
    expect(root.querySelector<HTMLInputElement>('#r-year')!.value).toBe(String(api.calls[0]!.query!['year']));
    expect(root.textContent).toContain('Kỳ báo cáo: từ 01/01/2025 đến 31/12/2025');
    expect(root.textContent).toContain('Thông tư số 02/2025/TT-VPCP');
    expect(root.textContent).toContain('15/01/2026');
    const headline = [...root.querySelectorAll('table.headline tbody tr')].map((r) => [...r.children].map((c) => c.textContent).join(' '));
    expect(headline).toEqual(['Văn bản tiếp nhận 120', 'Văn bản đã đăng Công báo 110', 'Đăng đúng thời hạn 104', 'Đăng chậm 6', 'Số Công báo đã phát hành 48', 'Văn bản đính chính 3']);
    const byIssuer = root.querySelector('table[data-table=by-issuer]')!;
    expect(byIssuer.querySelector('caption')!.textContent).toBe('Văn bản theo cơ quan ban hành');
    expect([...byIssuer.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Cơ quan ban hành', 'Tiếp nhận', 'Đăng chậm']);
    expect([...byIssuer.querySelectorAll('tbody tr')][1]!.textContent).toContain('1.080');
    expect(root.querySelector('table[data-table=corrections] tbody')!.textContent).toContain('Không có số liệu.');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('asks for a chosen year and period, and downloads DOCX, XLSX and PDF of the same period', async () => {
    const api = routedApi({ 'GET /api/gazette/reports/annual': (call) => ({ ...report, year: Number(call.query!['year']), from: '2026-01-01', to: '2026-06-30' }) });
    const element = mount(api);
    const downloads: { path: string; options: DownloadOptions }[] = [];
    element.download = async (path, options) => {
      downloads.push({ path, options });
    };
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLInputElement>('#r-year')!.value = '2026';
    root.querySelector<HTMLInputElement>('#r-from')!.value = '2026-01-01';
    root.querySelector<HTMLInputElement>('#r-to')!.value = '2026-06-30';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/gazette/reports/annual', query: { year: 2026, from: '2026-01-01', to: '2026-06-30', format: 'json' } });
    for (const label of ['DOCX', 'XLSX', 'PDF']) root.querySelector<HTMLButtonElement>(`button[aria-label="Tải báo cáo năm 2026 dạng ${label}"]`)!.click();
    await settle(element);
    expect(downloads).toEqual(['docx', 'xlsx', 'pdf'].map((format) => ({ path: '/api/gazette/reports/annual', options: { tenant: PROVINCE.id, query: { year: 2026, from: '2026-01-01', to: '2026-06-30', format }, fileName: `bao-cao-cong-bao-2026.${format}` } })));
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã tải báo cáo dạng PDF');
  });

  it('checks the period at its fields, and shows the server\'s refusal beside the field it names', async () => {
    const api = routedApi({
      'GET /api/gazette/reports/annual': (call) => {
        if (call.query!['from'] === '2024-02-01') throw new ApiError(400, 'CONG_ERR_VALIDATION', 'querystring/from must be within the year', [{ in: 'query', pointer: '/from', message: 'must be within the year' }]);
        return report;
      },
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const form = root.querySelector<HTMLFormElement>('form')!;
    root.querySelector<HTMLInputElement>('#r-year')!.value = '1999';
    root.querySelector<HTMLInputElement>('#r-from')!.value = '2025-03-01';
    root.querySelector<HTMLInputElement>('#r-to')!.value = '2025-02-01';
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#r-year-error')!.textContent).toBe('Năm từ 2000 đến 2999');
    expect(root.querySelector('#r-to-error')!.textContent).toBe('Ngày kết thúc phải sau ngày bắt đầu');
    expect(root.activeElement?.id).toBe('r-year');
    expect(api.calls).toHaveLength(1);

    root.querySelector<HTMLInputElement>('#r-year')!.value = '2025';
    root.querySelector<HTMLInputElement>('#r-from')!.value = '2024-02-01';
    root.querySelector<HTMLInputElement>('#r-to')!.value = '';
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#r-from-error')!.textContent).toBe('must be within the year');
    expect(root.querySelector('#r-from')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement?.id).toBe('r-from');
  });

  it('says when the period has no figures, and when the report cannot be made', async () => {
    let fail = false;
    const api = routedApi({
      'GET /api/gazette/reports/annual': () => {
        if (fail) throw new ApiError(503, 'CONG_ERR_SERVICE_UNAVAILABLE', 'Không kết nối được máy chủ');
        return { year: 2025, from: '2025-01-01', to: '2025-12-31', totals: {}, tables: [] };
      },
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Không có số liệu trong kỳ này.');
    expect(root.querySelector('table.headline')).toBeNull();
    fail = true;
    clickButton(root, 'Xem báo cáo');
    await settle(element);
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Không kết nối được máy chủ');
  });

  it('is closed without the receive permission', async () => {
    const element = mount(routedApi({}), ['gazette.compose']);
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Bạn cần quyền “Tiếp nhận, vào sổ văn bản gửi đăng”');
  });
});

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name', () => {
    expect(dispositionFileName('attachment; filename="bao-cao-2025.docx"; filename*=UTF-8\'\'B%C3%A1o%20c%C3%A1o%202025.docx')).toBe('Báo cáo 2025.docx');
    expect(dispositionFileName('attachment; filename="bao-cao-2025.pdf"')).toBe('bao-cao-2025.pdf');
    expect(dispositionFileName(null)).toBeUndefined();
  });
});
