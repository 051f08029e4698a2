import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Call } from '../testing/admin-test-support.js';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { page, PROVINCE, submission, TU_PHAP } from '../testing/gazette-fixtures.js';
import { correction } from '../testing/publication-fixtures.js';
import { candidates } from './corrections-page.element.js';
import './corrections-page.js';

function mount(api: ApiClient, permissions = ['gazette.compose']): HTMLElementTagNameMap['gazette-corrections'] {
  const element = document.createElement('gazette-corrections');
  Object.assign(element, { api, user: { id: 'bien-tap', username: 'bien.tap', displayName: null, permissions }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

// The register: a published decision, a passed resolution not yet published, the issuer's notice and
// the office's own notice (entered by the office in its own name), both passed.
const decision = submission({ numberSymbol: '41/2026/QĐ-UBND', status: 'published' });
const resolution = submission({ numberSymbol: '12/2026/NQ-HĐND', status: 'passed', documentType: 'nghi-quyet' });
const issuerNotice = submission({ numberSymbol: '07/ĐC-UBND', status: 'passed', documentType: 'van-ban-khac', summary: 'Đính chính Quyết định số 41/2026/QĐ-UBND' });
const officeNotice = submission({ numberSymbol: '02/ĐC-VPUB', status: 'registered', origin: 'office', issuer: { id: PROVINCE.id, slug: PROVINCE.slug, name: PROVINCE.name }, documentType: 'van-ban-khac', summary: 'Đính chính lỗi kỹ thuật' });
const withdrawn = submission({ numberSymbol: '09/2026/QĐ-UBND', status: 'withdrawn', issuer: TU_PHAP });

function register(extra: Record<string, (call: Call) => unknown> = {}, list = () => ({ items: [correction({ correctionSubmissionId: issuerNotice.id, correctedSubmissionId: decision.id })] })) {
  return routedApi({
    'GET /api/gazette/corrections': list,
    'GET /api/gazette/intake': (call) => ((call.query as { status?: string } | undefined)?.status === 'published' ? page([decision]) : page([decision, resolution, issuerNotice, officeNotice, withdrawn])),
    ...extra,
  });
}

describe('<gazette-corrections>', () => {
  it('lists corrections with the document each corrects, the case and where it is published', async () => {
    const published = correction({ numberSymbol: '03/ĐC-UBND', case: 'issuer-before', correctedSubmissionId: resolution.id, correctionDocumentId: 'd-3', due: null, issue: { id: 'i-12', label: 'Số 12', publicationDate: '2026-11-20' } });
    const pending = correction({ correctionSubmissionId: issuerNotice.id, correctedSubmissionId: decision.id });
    const api = register({}, () => ({ items: [pending, published] }));
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual(['07/ĐC-UBND', '03/ĐC-UBND']);
    expect(rows[0]!.textContent).toContain('41/2026/QĐ-UBND');
    expect(rows[0]!.textContent).toContain('Đơn vị ban hành đính chính văn bản đã đăng (GAZ-26)');
    expect(rows[0]!.textContent).toContain('Đăng ở số Công báo tiếp theo.');
    expect(rows[0]!.textContent).toContain('Chưa đăng');
    expect(rows[0]!.textContent).toContain('hạn đăng 04/12/2026');
    expect(rows[1]!.textContent).toContain('12/2026/NQ-HĐND');
    expect(rows[1]!.textContent).toContain('Đã đăng ở Số 12, ngày 20/11/2026');
    // Only a pending correction can be unlinked.
    expect(rows[0]!.querySelector('button')!.getAttribute('aria-label')).toBe('Hủy liên kết đính chính 07/ĐC-UBND');
    expect(rows[1]!.querySelector('button')).toBeNull();
    expect(await axeViolations(element)).toEqual([]);

    const filter = root.querySelector<HTMLSelectElement>('#c-filter')!;
    filter.value = 'pending';
    filter.dispatchEvent(new Event('change'));
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/gazette/corrections').at(-1)).toEqual({ method: 'GET', path: '/api/gazette/corrections', query: { pending: true } });
  });

  it('says so when there are none, and without the permission', async () => {
    const element = mount(register({}, () => ({ items: [] })));
    await settle(element);
    expect(element.shadowRoot!.textContent).toContain('Chưa có đính chính nào.');
    const denied = mount(routedApi({}), ['gazette.receive']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Biên tập số Công báo”');
  });

  it('records a correction of a published document: the fields are checked, the request names both documents and the cause', async () => {
    let answer: () => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body/reason must match pattern', [{ in: 'body', pointer: '/reason', message: 'must not be blank' }]);
    };
    const api = register({ 'POST /api/gazette/corrections': () => answer() });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Ghi nhận đính chính');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Ghi nhận đính chính');
    const form = root.querySelector<HTMLFormElement>('form')!;
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#c-corrected-error')!.textContent).toBe('Hãy chọn văn bản');
    expect(root.querySelector('#c-notice-error')!.textContent).toBe('Hãy chọn văn bản');
    expect(root.querySelector('#c-reason-error')!.textContent).toContain('ít nhất 3 ký tự');
    expect(root.activeElement?.id).toBe('c-corrected');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    // GAZ-26 (the default case): published documents to correct; notices not yet published.
    const corrected = root.querySelector<HTMLSelectElement>('#c-corrected')!;
    const notice = root.querySelector<HTMLSelectElement>('#c-notice')!;
    expect([...corrected.options].map((o) => o.value)).toEqual(['', decision.id]);
    expect([...notice.options].map((o) => o.value)).toEqual(['', resolution.id, issuerNotice.id, officeNotice.id]);
    corrected.value = decision.id;
    notice.value = issuerNotice.id;
    root.querySelector<HTMLTextAreaElement>('#c-reason')!.value = '   ';
    form.requestSubmit();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    root.querySelector<HTMLTextAreaElement>('#c-reason')!.value = 'Sửa ngày có hiệu lực tại Điều 2';
    form.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/api/gazette/corrections', body: { correctionSubmissionId: issuerNotice.id, correctedSubmissionId: decision.id, source: 'issuer', reason: 'Sửa ngày có hiệu lực tại Điều 2' } });
    // The server's field error, beside its field.
    expect(root.querySelector('#c-reason-error')!.textContent).toBe('must not be blank');
    expect(root.querySelector('#c-reason')!.getAttribute('aria-invalid')).toBe('true');

    // A refusal that is about the link, not a field: above the button.
    answer = () => {
      throw new ApiError(409, 'GAZETTE_ERR_CORRECTION_LINK', 'The correction cannot be linked: the correction notice 07/ĐC-UBND is already linked');
    };
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#correction-form-error')!.textContent).toContain('already linked');
    expect(root.activeElement?.id).toBe('correction-form-error');

    answer = () => correction({ numberSymbol: '07/ĐC-UBND' });
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã ghi nhận đính chính 07/ĐC-UBND');
    expect(root.querySelector('form')).toBeNull();
  });

  it('offers the right documents for each case, and sends the office\'s own correction as source "office"', async () => {
    const api = register({ 'POST /api/gazette/corrections': () => correction({ case: 'office', numberSymbol: '02/ĐC-VPUB' }) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Ghi nhận đính chính');
    await settle(element);
    const radio = (value: string) => root.querySelector<HTMLInputElement>(`input[name=case][value=${value}]`)!;
    radio('issuer-before').click();
    await settle(element);
    expect(root.textContent).toContain('Đăng cùng số Công báo với văn bản bị đính chính.');
    expect([...root.querySelector<HTMLSelectElement>('#c-corrected')!.options].map((o) => o.value)).toEqual(['', resolution.id, issuerNotice.id, officeNotice.id]);
    radio('office').click();
    await settle(element);
    expect([...root.querySelector<HTMLSelectElement>('#c-notice')!.options].map((o) => o.value)).toEqual(['', officeNotice.id]);
    root.querySelector<HTMLSelectElement>('#c-corrected')!.value = decision.id;
    root.querySelector<HTMLSelectElement>('#c-notice')!.value = officeNotice.id;
    root.querySelector<HTMLTextAreaElement>('#c-reason')!.value = 'Lỗi dàn trang tại trang 5';
    expect(await axeViolations(element)).toEqual([]);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ correctionSubmissionId: officeNotice.id, correctedSubmissionId: decision.id, source: 'office', reason: 'Lỗi dàn trang tại trang 5' });
  });

  it('unlinks a pending correction after confirmation', async () => {
    const pending = correction({ correctionSubmissionId: issuerNotice.id, correctedSubmissionId: decision.id });
    let items = [pending];
    const api = register({ [`DELETE /api/gazette/corrections/${pending.id}`]: () => { items = []; return undefined; } }, () => ({ items }));
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Hủy liên kết đính chính 07/ĐC-UBND"]')!.click();
    await settle(element);
    expect(root.textContent).toContain('Văn bản đính chính vẫn còn trong sổ tiếp nhận.');
    clickButton(root, 'Xác nhận hủy');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === `/api/gazette/corrections/${pending.id}`)).toBe(true);
    expect(root.textContent).toContain('Chưa có đính chính nào.');
  });
});

describe('candidates', () => {
  it('leaves out published and withdrawn notices, and other units\' notices for the office\'s own correction', () => {
    const open = [resolution, issuerNotice, officeNotice, withdrawn];
    expect(candidates('issuer-after', PROVINCE.id, open, [decision]).notices.map((s) => s.numberSymbol)).toEqual(['12/2026/NQ-HĐND', '07/ĐC-UBND', '02/ĐC-VPUB']);
    expect(candidates('office', PROVINCE.id, open, [decision]).notices.map((s) => s.numberSymbol)).toEqual(['02/ĐC-VPUB']);
    expect(candidates('issuer-before', PROVINCE.id, open, [decision]).corrected.map((s) => s.numberSymbol)).toEqual(['12/2026/NQ-HĐND', '07/ĐC-UBND', '02/ĐC-VPUB']);
    expect(candidates('office', PROVINCE.id, open, [decision]).corrected).toEqual([decision]);
  });
});
