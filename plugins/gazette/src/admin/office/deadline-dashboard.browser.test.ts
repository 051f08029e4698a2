import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '@cong/sdk/admin';
import { axeViolations, routedApi, settle } from '../testing/admin-test-support.js';
import { dashboard, deadlineItem, PROVINCE, submission, TU_PHAP, VAN_PHONG } from '../testing/gazette-fixtures.js';
import './deadline-dashboard.js';

function mount(api: ApiClient): HTMLElementTagNameMap['gazette-deadlines'] {
  const element = document.createElement('gazette-deadlines');
  Object.assign(element, { api, user: { id: 'tiep-nhan', username: 'tiep.nhan', displayName: null, permissions: ['gazette.receive'] }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const items = [
  // Văn phòng UBND: one waiting on the office (sent late), one not sent yet, at risk.
  deadlineItem({ submission: submission({ issuer: VAN_PHONG, numberSymbol: '41/2026/QĐ-UBND', status: 'registered' }), due: '2026-11-26', workingDays: 2, cause: 'office', sentLate: true }),
  deadlineItem({ submission: submission({ issuer: VAN_PHONG, numberSymbol: '12/CT-UBND', documentType: 'chi-thi', status: 'draft' }), stage: 'send', due: '2026-12-01', state: 'at-risk', workingDays: 1, cause: 'issuer-not-sent' }),
  // Sở Tư pháp: returned, the correction not in.
  deadlineItem({ submission: submission({ issuer: TU_PHAP, numberSymbol: '07/2026/QĐ-UBND', status: 'returned' }), due: '2026-11-27', workingDays: 1, cause: 'issuer-correction' }),
];

describe('<gazette-deadlines>', () => {
  it('groups the documents by issuer, with counts and who each one waits on', async () => {
    const api = routedApi({ 'GET /api/gazette/deadlines': () => dashboard(items) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Tính đến ngày 30/11/2026');
    const groups = [...root.querySelectorAll('section.issuer-group')];
    // Issuers by Vietnamese name, as the server sorts them.
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).toEqual(['Sở Tư pháp', 'Văn phòng UBND tỉnh']);
    const [tuPhap, vanPhong] = groups as [HTMLElement, HTMLElement];
    expect(vanPhong.getAttribute('aria-labelledby')).toBe(vanPhong.querySelector('h3')!.id);
    expect(vanPhong.querySelector('p')!.textContent).toBe('1 sắp đến hạn, 1 quá hạn (0 do đơn vị ban hành, 1 do cơ quan Công báo)');
    expect(tuPhap.querySelector('p')!.textContent).toBe('0 sắp đến hạn, 1 quá hạn (1 do đơn vị ban hành, 0 do cơ quan Công báo)');
    const rows = [...vanPhong.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual(['41/2026/QĐ-UBND', '12/CT-UBND']);
    expect(rows[0]!.textContent).toContain('Quá hạn trễ 2 ngày làm việc');
    expect(rows[0]!.textContent).toContain('Cơ quan Công báo chưa đăng');
    expect(rows[0]!.textContent).toContain('Gửi trễ hạn');
    expect(rows[1]!.textContent).toContain('Gửi đăng');
    expect(rows[1]!.textContent).toContain('Sắp đến hạn còn 1 ngày làm việc');
    expect(rows[1]!.textContent).toContain('Đơn vị ban hành chưa gửi');
    expect(tuPhap.textContent).toContain('Đơn vị ban hành chưa gửi bản sửa');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('shows only overdue documents or one issuer on request, and asks the server for another window', async () => {
    const api = routedApi({ 'GET /api/gazette/deadlines': () => dashboard(items) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const form = root.querySelector('form')!;
    root.querySelector<HTMLSelectElement>('#d-state')!.value = 'overdue';
    form.requestSubmit();
    await settle(element);
    expect([...root.querySelectorAll('section.issuer-group tbody tr strong')].map((s) => s.textContent)).toEqual(['07/2026/QĐ-UBND', '41/2026/QĐ-UBND']);
    root.querySelector<HTMLSelectElement>('#d-state')!.value = '';
    root.querySelector<HTMLSelectElement>('#d-issuer')!.value = TU_PHAP.id;
    form.requestSubmit();
    await settle(element);
    expect([...root.querySelectorAll('section.issuer-group h3')].map((h) => h.textContent)).toEqual(['Sở Tư pháp']);
    expect(api.calls).toHaveLength(1);
    root.querySelector<HTMLInputElement>('#d-within')!.value = '5';
    form.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/gazette/deadlines', query: { withinWorkingDays: '5' } });
  });

  it('says so when nothing is due', async () => {
    const element = mount(routedApi({ 'GET /api/gazette/deadlines': () => dashboard([]) }));
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Không có văn bản sắp đến hạn hay quá hạn.');
  });
});
