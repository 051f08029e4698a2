import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminUser, ApiClient } from '@cong/sdk/admin';
import { compareTexts } from '../../comparison/word-diff.js';
import type { SubmissionDetail } from '../shared/gazette-api.js';
import { axeViolations, clickButton, routedApi, routedUploader, settle, settleAll } from '../testing/admin-test-support.js';
import { detail, documentTypes, file, page, round, submission, VAN_PHONG } from '../testing/gazette-fixtures.js';
import './submissions-page.js';
import './contact-page.js';

const user = (permissions: string[]): AdminUser => ({ id: 'van-thu', username: 'van.thu', displayName: null, permissions });

function mount<K extends 'gazette-submissions' | 'gazette-contact'>(tag: K, api: ApiClient, permissions = ['gazette.submit']): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, { api, user: user(permissions), tenant: { id: VAN_PHONG.id, slug: VAN_PHONG.slug, nameVi: VAN_PHONG.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

function fill(root: ParentNode, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)!;
    control.value = value;
  }
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<gazette-submissions>', () => {
  it('lists the unit\'s submissions with status, deadlines and flags', async () => {
    const flagged = submission({ status: 'sent', sentAt: '2026-11-21T02:00:00.000Z', flags: [{ code: 'marker-missing', message: { vi: 'Bản điện tử thiếu dòng “Công báo”', en: 'No “Công báo” marker' } }], deadlines: { send: { due: '2026-11-24', rule: 'gazette.sendDeadline@1', metOn: '2026-11-21', state: 'met' }, publish: { due: '2026-11-26', rule: 'gazette.publishDeadline@1', metOn: null, state: 'overdue' } } });
    const api = routedApi({ 'GET /api/gazette/submissions': () => page([flagged]), 'GET /api/gazette/document-types': () => documentTypes });
    const element = mount('gazette-submissions', api);
    await settle(element);
    const row = element.shadowRoot!.querySelector('tbody tr')!;
    expect(row.textContent).toContain('41/2026/QĐ-UBND');
    expect(row.textContent).toContain('Quyết định');
    expect(row.textContent).toContain('Đã gửi');
    expect(row.textContent).toContain('Hạn đăng: 26/11/2026 Quá hạn');
    expect(row.querySelector('[title]')!.getAttribute('title')).toBe('Bản điện tử thiếu dòng “Công báo”');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('checks the draft form at each field, then posts exactly the attributes entered', async () => {
    const created = detail();
    const api = routedApi({
      'GET /api/gazette/submissions': () => page([]),
      'GET /api/gazette/document-types': () => documentTypes,
      'POST /api/gazette/submissions': () => created,
    });
    const element = mount('gazette-submissions', api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Nhập văn bản mới');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Nhập văn bản gửi đăng');

    const form = root.querySelector('form')!;
    form.requestSubmit();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Có 6 thông tin cần sửa');
    const documentType = root.querySelector('#sub-documentType')!;
    expect(documentType.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(documentType);
    expect(root.querySelector(`#${documentType.getAttribute('aria-describedby')}`)!.textContent).toBe('Hãy chọn loại văn bản');

    fill(root, {
      documentType: 'quyet-dinh',
      numberSymbol: '41-2026-QĐ-UBND',
      summary: '  Quy định mức thu phí thẩm định hồ sơ cấp phép xây dựng ',
      issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị',
      signer: 'Nguyễn Văn An',
      signedOn: '2026-11-20',
      effectiveOn: '2026-11-19',
      submitterEmail: 'van-thu@quangtri',
    });
    form.requestSubmit();
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(root.querySelector('#sub-numberSymbol-error')!.textContent).toContain('số/năm/ký hiệu');
    expect(root.querySelector('#sub-numberSymbol')!.getAttribute('aria-describedby')).toBe('sub-numberSymbol-hint sub-numberSymbol-error');
    expect(root.querySelector('#sub-effectiveOn-error')!.textContent).toBe('Ngày có hiệu lực không thể trước ngày ký');
    expect(root.querySelector('#sub-submitterEmail-error')!.textContent).toBe('Địa chỉ thư điện tử không hợp lệ');
    expect(root.activeElement).toBe(root.querySelector('#sub-numberSymbol'));

    fill(root, { numberSymbol: '41 / 2026 / QĐ-UBND', effectiveOn: '2026-12-01', submitterEmail: 'van-thu@quangtri.gov.vn', field: 'Tài chính' });
    root.querySelector<HTMLInputElement>('input[name="inForceOnSigning"]')!.checked = true;
    form.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/gazette/submissions',
        body: {
          documentType: 'quyet-dinh',
          numberSymbol: '41/2026/QĐ-UBND',
          summary: 'Quy định mức thu phí thẩm định hồ sơ cấp phép xây dựng',
          issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị',
          signer: 'Nguyễn Văn An',
          signedOn: '2026-11-20',
          effectiveOn: '2026-12-01',
          inForceOnSigning: true,
          legalNormative: true,
          field: 'Tài chính',
          submitterEmail: 'van-thu@quangtri.gov.vn',
          note: null,
        },
      },
    ]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Đã lưu bản nháp');
    expect(root.querySelector('h2')!.textContent).toBe('Bản nháp 41/2026/QĐ-UBND');
  });

  it('shows the server\'s refusal of a field beside it', async () => {
    const { ApiError } = await import('@cong/sdk/admin');
    const api = routedApi({
      'GET /api/gazette/submissions': () => page([]),
      'GET /api/gazette/document-types': () => documentTypes,
      'POST /api/gazette/submissions': () => {
        throw new ApiError(409, 'GAZETTE_ERR_DUPLICATE', 'Số, ký hiệu đã có', [{ in: 'body', pointer: '/numberSymbol', message: 'Văn bản 41/2026/QĐ-UBND đã được gửi' }]);
      },
    });
    const element = mount('gazette-submissions', api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Nhập văn bản mới');
    await settle(element);
    fill(root, { documentType: 'quyet-dinh', numberSymbol: '41/2026/QĐ-UBND', summary: 'Trích yếu', issuingAgency: 'UBND tỉnh', signer: 'Nguyễn Văn An', signedOn: '2026-11-20' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#sub-numberSymbol-error')!.textContent).toBe('Văn bản 41/2026/QĐ-UBND đã được gửi');
  });

  it('uploads both files with progress, shows the server\'s flags, and sends the draft', async () => {
    const draft = detail();
    const withOriginal = { ...draft, files: [file('original')] };
    const flags = [{ code: 'electronic-not-editable', message: { vi: 'Bản điện tử không sửa được (ảnh chụp)', en: 'The electronic copy is not editable' } }];
    const withBoth: SubmissionDetail = { ...draft, files: [file('original'), file('electronic')], flags };
    const sent: SubmissionDetail = { ...withBoth, status: 'sent', sentAt: '2026-11-21T02:00:00.000Z', sentBy: 'van-thu' };
    const api = routedApi({
      'GET /api/gazette/submissions': () => page([submission({ id: draft.id })]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/submissions/${draft.id}`]: () => draft,
      [`POST /api/gazette/submissions/${draft.id}/send`]: () => sent,
    });
    const progressSeen: (string | null)[] = [];
    const uploader = routedUploader((call) => {
      // Answered while the element still shows the half-way progress the uploader reported.
      const upload = element.shadowRoot!.querySelector(`gazette-file-upload[file-role="${call.path.endsWith('/original') ? 'original' : 'electronic'}"]`)!;
      const bar = upload.shadowRoot!.querySelector('progress');
      progressSeen.push(bar ? `${bar.getAttribute('aria-label')} ${bar.value}` : null);
      return call.path.endsWith('/original') ? withOriginal : withBoth;
    });
    const element = mount('gazette-submissions', api);
    element.upload = uploader;
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settleAll(element);
    const send = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Gửi đến cơ quan Công báo')!;
    expect(send.disabled).toBe(true);
    expect(root.querySelector(`#${send.getAttribute('aria-describedby')}`)!.textContent).toContain('Cần tải lên cả bản gốc và bản điện tử');

    const [original, electronic] = [...root.querySelectorAll('gazette-file-upload')];
    const put = async (upload: Element, name: string, type: string) => {
      const input = upload.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array([37, 80, 68, 70])], name, { type }));
      input.files = transfer.files;
      upload.shadowRoot!.querySelector('form')!.requestSubmit();
      await settleAll(element);
    };
    expect(original!.shadowRoot!.querySelector('input')!.getAttribute('accept')).toBe('.pdf,application/pdf');
    await put(original!, '41-2026-QD-UBND.pdf', 'application/pdf');
    await put(electronic!, '41-2026-QD-UBND.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(uploader.calls.map((c) => [c.path, c.file.name, c.options.tenant])).toEqual([
      [`/api/gazette/submissions/${draft.id}/original`, '41-2026-QD-UBND.pdf', VAN_PHONG.id],
      [`/api/gazette/submissions/${draft.id}/electronic`, '41-2026-QD-UBND.docx', VAN_PHONG.id],
    ]);
    expect(progressSeen).toEqual(['Đang tải lên Bản gốc đã ký (PDF) 0.5', 'Đang tải lên Bản điện tử (DOCX/DOC) 0.5']);
    expect(original!.shadowRoot!.querySelector('progress')).toBeNull();
    const status = [...root.querySelectorAll('gazette-file-upload')][1]!.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Đã tải lên 41-2026-QD-UBND.docx');
    expect(status.textContent).toContain('Bản điện tử không sửa được (ảnh chụp)');
    expect(root.textContent).toContain('Bản điện tử không sửa được (ảnh chụp)');

    const ready = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Gửi đến cơ quan Công báo')!;
    expect(ready.disabled).toBe(false);
    ready.click();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: `/api/gazette/submissions/${draft.id}/send`, body: {} });
    expect(root.querySelector('h2')!.textContent).toContain('Đã gửi');
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã gửi văn bản đến cơ quan Công báo');
  });

  it('shows a returned round\'s discrepancies and takes the corrected copy', async () => {
    const original = 'Mức thu phí là 150.000 đồng cho mỗi hồ sơ.';
    const electronic = 'Mức thu phí là 15.000 đồng cho mỗi hồ sơ.';
    const comparison = compareTexts(original, electronic);
    const returnedDetail = detail({
      status: 'returned',
      round: 1,
      sentAt: '2026-11-21T02:00:00.000Z',
      files: [file('original'), file('electronic')],
      rounds: [{ round: 1, status: 'returned', identical: false, similarity: comparison.similarity, discrepancyCount: 2, openedAt: '2026-11-22T02:00:00.000Z', decidedAt: '2026-11-22T03:00:00.000Z', notifiedAt: '2026-11-22T03:00:00.000Z' }],
    });
    const returnedRound = round({
      submissionId: returnedDetail.id,
      status: 'returned',
      segments: comparison.segments.map((s) => ({ op: s.op, text: s.text })),
      discrepancies: comparison.discrepancies.map((d) => ({ original: d.original, electronic: d.electronic, before: d.before, after: d.after })),
      reviewerNotes: ['Sai mức thu ở Điều 2'],
    });
    const api = routedApi({
      'GET /api/gazette/submissions': () => page([returnedDetail]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/submissions/${returnedDetail.id}`]: () => returnedDetail,
      [`GET /api/gazette/submissions/${returnedDetail.id}/rounds/1`]: () => returnedRound,
    });
    const corrected: SubmissionDetail = { ...returnedDetail, status: 'corrected', files: [file('original'), file('electronic', 2)] };
    const uploader = routedUploader(() => corrected);
    const element = mount('gazette-submissions', api);
    element.upload = uploader;
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settleAll(element);
    expect(root.querySelector('#returned-heading')!.textContent).toBe('Sai khác cần sửa (lần đối chiếu 1)');
    const item = root.querySelector('ol.discrepancies li')!;
    expect(item.querySelector('del')!.textContent).toContain('150.000');
    expect(item.querySelector('ins')!.textContent).toContain('15.000');
    expect(root.textContent).toContain('Sai mức thu ở Điều 2');
    const upload = root.querySelector('gazette-file-upload[file-role="electronic"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'ban-sua.docx'));
    upload.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!.files = transfer.files;
    upload.shadowRoot!.querySelector<HTMLInputElement>('input[name="remark"]')!.value = 'Sửa mức thu Điều 2';
    upload.shadowRoot!.querySelector('form')!.requestSubmit();
    await settleAll(element);
    expect(uploader.calls[0]).toMatchObject({ path: `/api/gazette/submissions/${returnedDetail.id}/electronic`, options: { remark: 'Sửa mức thu Điều 2' } });
    expect(root.querySelector('h2')!.textContent).toContain('Đã gửi bản sửa');
    expect(root.textContent).toContain('Đã nhận bản sửa; văn bản chờ đối chiếu lại.');
    expect(await axeViolations(element)).toEqual([]);
  });
});

describe('<gazette-contact>', () => {
  it('starts empty without a contact, checks the address, and puts the contact', async () => {
    const { ApiError } = await import('@cong/sdk/admin');
    const api = routedApi({
      'GET /api/gazette/contact': () => {
        throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'The unit has no gazette contact yet');
      },
      'PUT /api/gazette/contact': (call) => ({ ...(call.body as object), updatedBy: 'van-thu', updatedAt: '2026-11-29T02:00:00.000Z' }),
    });
    const element = mount('gazette-contact', api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.textContent).toContain('Đơn vị chưa có đầu mối Công báo.');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    fill(root, { name: 'Trần Thị Bình', email: 'congbao-vp', phone: '0233 3852 123' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#contact-email-error')!.textContent).toBe('Địa chỉ thư điện tử không hợp lệ');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
    fill(root, { email: 'congbao@vpubnd.quangtri.gov.vn' });
    root.querySelector('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'PUT', path: '/api/gazette/contact', body: { name: 'Trần Thị Bình', email: 'congbao@vpubnd.quangtri.gov.vn', phone: '0233 3852 123' } });
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã lưu đầu mối Công báo');
    expect(await axeViolations(element)).toEqual([]);
  });
});
