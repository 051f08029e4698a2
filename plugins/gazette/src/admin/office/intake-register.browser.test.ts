import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '@cong/sdk/admin';
import type { SubmissionDetail } from '../shared/gazette-api.js';
import { axeViolations, routedApi, routedUploader, settle, settleAll } from '../testing/admin-test-support.js';
import { detail, documentTypes, file, page, PROVINCE, TU_PHAP, VAN_PHONG } from '../testing/gazette-fixtures.js';
import { vietnamInstant } from './intake-register.element.js';
import './intake-register.js';

function mount(api: ApiClient): HTMLElementTagNameMap['gazette-intake-register'] {
  const element = document.createElement('gazette-intake-register');
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

describe('<gazette-intake-register>', () => {
  it('registers a sent document and announces its register number; filters by status, issuer and year', async () => {
    const sent = detail({ issuer: VAN_PHONG, status: 'sent', sentAt: '2026-11-21T02:00:00.000Z', files: [file('original'), file('electronic')] });
    const other = detail({ issuer: TU_PHAP, numberSymbol: '07/2026/QĐ-UBND', status: 'registered', register: { year: 2026, number: 56, label: '56/2026', registeredAt: '2026-11-20T03:00:00.000Z', registeredBy: 'tiep-nhan' } });
    let current: SubmissionDetail = sent;
    const api = routedApi({
      'GET /api/gazette/intake': (call) => page(call.query?.['issuerUnitId'] === TU_PHAP.id ? [other] : [current, other]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`POST /api/gazette/intake/${sent.id}/register`]: () => (current = { ...sent, status: 'registered', register: { year: 2026, number: 57, label: '57/2026', registeredAt: '2026-11-21T03:00:00.000Z', registeredBy: 'tiep-nhan' } }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const register = root.querySelector<HTMLButtonElement>('button[aria-label="Vào sổ văn bản 41/2026/QĐ-UBND"]')!;
    register.click();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: `/api/gazette/intake/${sent.id}/register`, body: {} });
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã vào sổ, số đăng ký 57/2026');
    expect(root.querySelector('tbody tr td')!.textContent).toBe('57/2026');
    expect(await axeViolations(element)).toEqual([]);

    const issuers = [...root.querySelectorAll('#r-issuer option')].map((o) => o.textContent);
    expect(issuers).toEqual(['Mọi đơn vị', 'Văn phòng UBND tỉnh', 'Sở Tư pháp']);
    root.querySelector<HTMLSelectElement>('#r-issuer')!.value = TU_PHAP.id;
    root.querySelector<HTMLSelectElement>('#r-status')!.value = 'registered';
    root.querySelector<HTMLInputElement>('#r-year')!.value = '2026';
    root.querySelector<HTMLFormElement>('form[role="search"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ path: '/api/gazette/intake', query: { status: 'registered', issuerUnitId: TU_PHAP.id, registerYear: '2026', limit: 20, offset: 0 } });
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('enters a document on the issuer\'s behalf, takes both files, and registers it with the time it arrived', async () => {
    const entered = detail({ issuer: TU_PHAP, origin: 'office', sourceChannel: 'post', status: 'draft', deadlines: { send: null, publish: null } });
    const withFiles: SubmissionDetail = { ...entered, files: [file('original'), file('electronic')] };
    const api = routedApi({
      'GET /api/gazette/intake': () => page([]),
      'GET /api/gazette/document-types': () => documentTypes,
      'POST /api/gazette/intake': () => entered,
      [`POST /api/gazette/intake/${entered.id}/register`]: () => ({ ...withFiles, status: 'registered', register: { year: 2026, number: 58, label: '58/2026', registeredAt: '2026-11-21T03:00:00.000Z', registeredBy: 'tiep-nhan' } }),
    });
    const uploader = routedUploader(() => withFiles);
    const element = mount(api);
    element.upload = uploader;
    await settle(element);
    const root = element.shadowRoot!;
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Nhập văn bản thay đơn vị ban hành')!.click();
    await settle(element);
    const form = root.querySelector<HTMLFormElement>('form[aria-label="Nhập văn bản thay đơn vị ban hành"]')!;
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#ob-issuer-error')!.textContent).toBe('Hãy nhập đơn vị ban hành');
    expect(root.activeElement).toBe(root.querySelector('#ob-issuer'));
    const set = (selector: string, value: string) => ((root.querySelector(selector) as HTMLInputElement).value = value);
    set('#ob-issuer', TU_PHAP.slug);
    set('#ob-channel', 'post');
    set('#ob-documentType', 'quyet-dinh');
    set('#ob-numberSymbol', '07/2026/QĐ-UBND');
    set('#ob-summary', 'Bãi bỏ Quyết định số 15/2020/QĐ-UBND');
    set('#ob-issuingAgency', 'Ủy ban nhân dân tỉnh Quảng Trị');
    set('#ob-signer', 'Lê Thị Cúc');
    set('#ob-signedOn', '2026-11-18');
    form.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/gazette/intake',
      body: { issuerUnitId: 'so-tu-phap', sourceChannel: 'post', documentType: 'quyet-dinh', numberSymbol: '07/2026/QĐ-UBND', summary: 'Bãi bỏ Quyết định số 15/2020/QĐ-UBND', issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị', signer: 'Lê Thị Cúc', signedOn: '2026-11-18', effectiveOn: null, inForceOnSigning: false, legalNormative: true, field: null, submitterEmail: null, note: null },
    });
    await settleAll(element);
    const upload = root.querySelector('gazette-file-upload[file-role="original"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF'], 'qd-07.pdf', { type: 'application/pdf' }));
    upload.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!.files = transfer.files;
    upload.shadowRoot!.querySelector('form')!.requestSubmit();
    await settleAll(element);
    expect(uploader.calls[0]!.path).toBe(`/api/gazette/intake/${entered.id}/original`);
    (root.querySelector('#received-at') as HTMLInputElement).value = '2026-11-19T14:30';
    root.querySelector<HTMLFormElement>('form[aria-label="Vào sổ"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST').at(-1)).toEqual({ method: 'POST', path: `/api/gazette/intake/${entered.id}/register`, body: { receivedAt: '2026-11-19T07:30:00.000Z' } });
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã vào sổ, số đăng ký 58/2026');
  });

  it('reads a datetime-local value as Vietnam time', () => {
    expect(vietnamInstant('2026-01-01T00:00')).toBe('2025-12-31T17:00:00.000Z');
    expect(vietnamInstant('hôm qua')).toBeUndefined();
  });
});
