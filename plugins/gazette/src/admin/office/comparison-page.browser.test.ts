import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminUser, ApiClient } from '@cong/sdk/admin';
import { compareTexts } from '../../comparison/word-diff.js';
import type { RoundDetail, SubmissionDetail } from '../shared/gazette-api.js';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { detail, documentTypes, file, page, PROVINCE, round } from '../testing/gazette-fixtures.js';
import './comparison-page.js';

// The round's segments and discrepancies come from the real word diff the server runs
// (comparison/word-diff.ts), mapped to the response as review/comparison.service.ts maps them.
const ORIGINAL = 'Điều 2. Mức thu phí thẩm định là 150.000 đồng cho mỗi hồ sơ cấp phép xây dựng.';
const ELECTRONIC = 'Điều 2. Mức thu phí thẩm định là 15.000 đồng cho mỗi hồ sơ xin cấp phép xây dựng.';

function roundOf(submission: SubmissionDetail, original: string, electronic: string, overrides: Partial<RoundDetail> = {}): RoundDetail {
  const comparison = compareTexts(original, electronic);
  return round({
    submissionId: submission.id,
    identical: comparison.identical,
    similarity: comparison.similarity,
    segments: comparison.segments.map((s) => ({ op: s.op, text: s.text })),
    discrepancies: comparison.discrepancies.map((d) => ({ original: d.original, electronic: d.electronic, before: d.before, after: d.after })),
    original: { fileId: 'f-o', version: 1, fileName: '41-2026-QD-UBND.pdf', method: 'pdf-text', text: original },
    electronic: { fileId: 'f-e', version: 1, fileName: '41-2026-QD-UBND.docx', method: 'docx-text', text: electronic },
    ...overrides,
  });
}

const reviewer: AdminUser = { id: 'doi-chieu', username: 'doi.chieu', displayName: null, permissions: ['gazette.compare', 'gazette.receive'] };

function mount(api: ApiClient): HTMLElementTagNameMap['gazette-comparison'] {
  const element = document.createElement('gazette-comparison');
  Object.assign(element, { api, user: reviewer, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

const registered = (): SubmissionDetail =>
  detail({
    status: 'registered',
    sentAt: '2026-11-21T02:00:00.000Z',
    register: { year: 2026, number: 57, label: '57/2026', registeredAt: '2026-11-21T03:00:00.000Z', registeredBy: 'tiep-nhan' },
    files: [file('original'), file('electronic')],
  });

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('<gazette-comparison>', () => {
  it('opens a round and shows both texts side by side, deletions and insertions marked for screen readers too', async () => {
    const doc = registered();
    const opened = roundOf(doc, ORIGINAL, ELECTRONIC);
    const comparing: SubmissionDetail = { ...doc, status: 'comparing', round: 1, rounds: [{ round: 1, status: 'open', identical: false, similarity: opened.similarity, discrepancyCount: opened.discrepancies.length, openedAt: opened.openedAt, decidedAt: null, notifiedAt: null }] };
    let current = doc;
    const api = routedApi({
      'GET /api/gazette/review': () => page([current]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/review/${doc.id}`]: () => current,
      [`POST /api/gazette/review/${doc.id}/rounds`]: () => {
        current = comparing;
        return opened;
      },
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toMatchObject({ path: '/api/gazette/review', query: { limit: 20, offset: 0 } });
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle(element);
    expect(root.activeElement?.textContent).toContain('41/2026/QĐ-UBND');
    clickButton(root, 'Đối chiếu bản điện tử với bản gốc');
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: `/api/gazette/review/${doc.id}/rounds`, body: undefined }]);
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã mở lần đối chiếu 1');

    const originalSide = root.querySelector('#diff-original')!;
    const electronicSide = root.querySelector('#diff-electronic')!;
    // Each side is a named, focusable scroll region.
    expect(originalSide.getAttribute('role')).toBe('region');
    expect(root.querySelector(`#${originalSide.getAttribute('aria-labelledby')}`)!.textContent).toBe('Bản gốc đã ký');
    expect(electronicSide.getAttribute('tabindex')).toBe('0');

    // The original shows what the copy lacks, struck through; it shows no insertion.
    const deletions = [...originalSide.querySelectorAll('del')];
    expect(deletions.map((d) => d.textContent)).toEqual(['[bị xóa: 150.000 — hết phần bị xóa]']);
    expect(originalSide.querySelector('ins')).toBeNull();
    // The copy shows what it adds, underlined; it shows no deletion.
    const insertions = [...electronicSide.querySelectorAll('ins')];
    expect(insertions.map((i) => i.textContent)).toEqual(['[được thêm: 15.000 — hết phần được thêm]', '[được thêm: xin — hết phần được thêm]']);
    expect(electronicSide.querySelector('del')).toBeNull();
    // The labels are heard, not seen.
    const label = deletions[0]!.querySelector('.visually-hidden')!;
    expect(label.textContent).toBe('[bị xóa: ');
    expect(label.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(getComputedStyle(deletions[0]!).textDecorationLine).toBe('line-through');
    expect(getComputedStyle(insertions[0]!).textDecorationLine).toBe('underline');
    // Shared words read the same on both sides.
    expect(originalSide.textContent).toContain('mỗi hồ sơ cấp phép xây dựng');

    const items = [...root.querySelectorAll('ol.discrepancies li')];
    expect(items).toHaveLength(opened.discrepancies.length);
    expect(items[0]!.querySelector('dl')!.textContent).toContain('150.000');
    expect(root.querySelector('#discrepancies-heading')!.textContent).toBe(`Các điểm sai khác (${opened.discrepancies.length})`);
    expect(await axeViolations(element)).toEqual([]);
  });

  it('returns the round to the issuer with the reviewer\'s notes, one per line', async () => {
    const doc = registered();
    const open = roundOf(doc, ORIGINAL, ELECTRONIC);
    const comparing: SubmissionDetail = { ...doc, status: 'comparing', round: 1, rounds: [{ round: 1, status: 'open', identical: false, similarity: open.similarity, discrepancyCount: open.discrepancies.length, openedAt: open.openedAt, decidedAt: null, notifiedAt: null }] };
    const returned: RoundDetail = { ...open, status: 'returned', reviewerNotes: ['Sai mức thu ở Điều 2', 'Thiếu chữ “xin” không có trong bản gốc'], decidedBy: 'doi-chieu', decidedAt: '2026-11-22T03:00:00.000Z', notifiedAt: '2026-11-22T03:00:00.000Z', notifiedTo: ['van-thu@vpubnd.quangtri.gov.vn', 'congbao@vpubnd.quangtri.gov.vn'] };
    let current = comparing;
    const api = routedApi({
      'GET /api/gazette/review': () => page([current]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/review/${doc.id}`]: () => current,
      [`GET /api/gazette/review/${doc.id}/rounds/1`]: () => open,
      [`POST /api/gazette/review/${doc.id}/rounds/1/return`]: () => {
        current = { ...comparing, status: 'returned' };
        return returned;
      },
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle(element);
    root.querySelector<HTMLTextAreaElement>('#review-notes')!.value = 'Sai mức thu ở Điều 2\n\n   Thiếu chữ “xin” không có trong bản gốc  \n';
    root.querySelector<HTMLInputElement>('#review-remark')!.value = 'Đề nghị gửi lại trong ngày';
    const returnButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Trả lại đơn vị ban hành để sửa')!;
    root.querySelector<HTMLFormElement>('form[aria-label="Kết luận"]')!.requestSubmit(returnButton);
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: `/api/gazette/review/${doc.id}/rounds/1/return`, body: { notes: ['Sai mức thu ở Điều 2', 'Thiếu chữ “xin” không có trong bản gốc'], remark: 'Đề nghị gửi lại trong ngày' } },
    ]);
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã trả lại và báo cho: van-thu@vpubnd.quangtri.gov.vn, congbao@vpubnd.quangtri.gov.vn');
    expect(root.querySelector('#round-heading')!.textContent).toBe('Lần đối chiếu 1 · Trả lại');
    expect(root.textContent).toContain('Thiếu chữ “xin” không có trong bản gốc');
    expect(root.querySelector('form[aria-label="Kết luận"]')).toBeNull();
  });

  it('refuses to return identical copies without a note, and passes them', async () => {
    const doc = registered();
    const text = 'Điều 1. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2026.';
    const open = roundOf(doc, text, text);
    const comparing: SubmissionDetail = { ...doc, status: 'comparing', round: 1, rounds: [{ round: 1, status: 'open', identical: true, similarity: 1, discrepancyCount: 0, openedAt: open.openedAt, decidedAt: null, notifiedAt: null }] };
    const api = routedApi({
      'GET /api/gazette/review': () => page([comparing]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/review/${doc.id}`]: () => comparing,
      [`GET /api/gazette/review/${doc.id}/rounds/1`]: () => open,
      [`POST /api/gazette/review/${doc.id}/rounds/1/pass`]: () => ({ ...open, status: 'passed', decidedBy: 'doi-chieu', decidedAt: '2026-11-22T03:00:00.000Z' }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle(element);
    expect(root.textContent).toContain('Hai bản trùng khớp về chữ.');
    expect(root.querySelector('#diff-original del, #diff-electronic ins')).toBeNull();
    const form = root.querySelector('form[aria-label="Kết luận"]') as HTMLFormElement;
    form.requestSubmit([...form.querySelectorAll('button')].find((b) => b.value === 'return')!);
    await settle(element);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    const notes = root.querySelector('#review-notes')!;
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(notes);
    expect(root.querySelector('#review-notes-error')!.textContent).toBe('Không có sai khác tự động: hãy ghi ít nhất một ý kiến để trả lại');
    form.requestSubmit([...form.querySelectorAll('button')].find((b) => b.value === 'pass')!);
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([{ method: 'POST', path: `/api/gazette/review/${doc.id}/rounds/1/pass`, body: {} }]);
    expect(root.querySelector('.visually-hidden[role="status"]')!.textContent).toBe('Đã kết luận đối chiếu đạt');
  });

  it('speaks English when the admin does', async () => {
    document.documentElement.lang = 'en';
    const doc = registered();
    const open = roundOf(doc, ORIGINAL, ELECTRONIC);
    const comparing: SubmissionDetail = { ...doc, status: 'comparing', round: 1, rounds: [{ round: 1, status: 'open', identical: false, similarity: open.similarity, discrepancyCount: open.discrepancies.length, openedAt: open.openedAt, decidedAt: null, notifiedAt: null }] };
    const api = routedApi({
      'GET /api/gazette/review': () => page([comparing]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/review/${doc.id}`]: () => comparing,
      [`GET /api/gazette/review/${doc.id}/rounds/1`]: () => open,
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).toBe('Document comparison');
    (root.querySelector('tbody button') as HTMLButtonElement).click();
    await settle(element);
    expect(root.querySelector('#diff-original del')!.textContent).toBe('[deleted: 150.000 — end of deletion]');
    expect(root.querySelector('#diff-electronic ins')!.textContent).toBe('[added: 15.000 — end of addition]');
    expect(root.querySelector('h2')!.textContent).toContain('Being compared');
  });

  it('opens the document the address names, and puts the list back in the address through the shell', async () => {
    const doc = registered();
    const api = routedApi({
      'GET /api/gazette/review': () => page([doc]),
      'GET /api/gazette/document-types': () => documentTypes,
      [`GET /api/gazette/review/${doc.id}`]: () => doc,
    });
    const before = location.href;
    const asked: string[] = [];
    const listen = (e: Event) => asked.push((e as CustomEvent<{ path: string }>).detail.path);
    document.addEventListener('cong-navigate', listen);
    history.replaceState(null, '', `/admin/gazette/doi-chieu/${doc.id}`);
    try {
      const element = mount(api);
      await settle(element);
      const root = element.shadowRoot!;
      expect(api.calls.map((c) => c.path)).toContain(`/api/gazette/review/${doc.id}`);
      expect(root.querySelector('h2')!.textContent).toContain('41/2026/QĐ-UBND');
      expect(asked).toEqual([]);
      clickButton(root, 'Quay lại danh sách');
      await settle(element);
      expect(asked).toEqual(['/gazette/doi-chieu']);
      expect(root.querySelector('tbody button')).not.toBeNull();
    } finally {
      document.removeEventListener('cong-navigate', listen);
      history.replaceState(null, '', before);
    }
  });
});
