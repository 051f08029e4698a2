import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { axeViolations, clickButton, routedApi, routedUploader, settle, settleAll, type Call } from '../testing/admin-test-support.js';
import { comment, consultation, consultationItem, page, periods, SO_TAI_CHINH, TNMT, TU_PHAP, units } from '../testing/qa-fixtures.js';
import type { ConsultationItem, ConsultationView } from '../shared/qa-api.js';
import type { DownloadOptions } from '../shared/download-file.js';
import './consultations.js';

// The drafting unit is a department of the province (the fixtures' tree), with the Department of Finance in it.
const tree = { ...units, items: [...units.items, { id: SO_TAI_CHINH.id, slug: SO_TAI_CHINH.slug, nameVi: SO_TAI_CHINH.name, nameEn: null, kind: 'department', parentId: units.items[0]!.id, status: 'active' }] };

function mount(api: ApiClient, permissions = ['qa.consultations.manage']): HTMLElementTagNameMap['qa-consultations'] {
  const element = document.createElement('qa-consultations');
  Object.assign(element, { api, user: { id: 'soan-thao', username: 'soan.thao', displayName: null, permissions }, tenant: { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const drafts = [consultationItem({ id: 'c-1', phase: 'draft' }), consultationItem({ id: 'c-2', title: 'Dự thảo Nghị quyết về học phí', documentType: 'nq-hdnd', phase: 'open' })];
function base(extra: Record<string, (call: Call) => unknown> = {}, items: () => ConsultationItem[] = () => drafts) {
  return routedApi({ 'GET /api/qa/consultations': () => page(items()), 'GET /api/qa/consultation-periods': () => periods, 'GET /api/core/tenants': () => tree, ...extra });
}

/** The comments panel inside the page. */
const commentsOf = (element: HTMLElement) => element.shadowRoot!.querySelector('qa-consultation-comments')!.shadowRoot!;

describe('<qa-consultations>', () => {
  it('lists the unit’s consultations, filtered by phase; says so when there are none and without the permission', async () => {
    const api = base();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toEqual({ method: 'GET', path: '/api/qa/consultations', query: { limit: 100, offset: 0 } });
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Quyết định của UBND tỉnh');
    expect(rows[0]!.textContent).toContain('Đang soạn');
    expect(rows[1]!.textContent).toContain('Đang lấy ý kiến');
    expect(rows[0]!.textContent).toContain('01/12/2026 – 31/12/2026');
    expect(await axeViolations(element)).toEqual([]);
    const phase = root.querySelector<HTMLSelectElement>('#c-phase')!;
    phase.value = 'open';
    phase.dispatchEvent(new Event('change'));
    await settle(element);
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-consultation'))).toEqual(['c-2']);
    phase.value = 'closed';
    phase.dispatchEvent(new Event('change'));
    await settle(element);
    expect(root.textContent).toContain('Không có đợt lấy ý kiến nào ở giai đoạn này.');

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Đơn vị chưa có đợt lấy ý kiến nào.');
    const failing = mount(base({ 'GET /api/qa/consultations': () => { throw new ApiError(503, 'CONG_ERR_PLUGIN_FAILED', 'The plugin qa is not running'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('The plugin qa is not running');
    expect(failing.shadowRoot!.textContent).not.toContain('Đang tải');
    const denied = mount(routedApi({}), ['qa.consultations.reply']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Lấy ý kiến dự thảo”');
  });

  it('creates one: explains the minimum period, previews the split, checks here first, shows the server’s refusal beside the field', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'QA_ERR_CONSULTATION_PERIOD', 'The consultation lasts 25 days', [{ in: 'body', pointer: '/closesOn', message: 'must be at least 30 calendar days after opensOn (2026-12-31 or later) for a draft of type nq-hdnd' }]);
    };
    const created = consultation({ id: 'c-9', title: 'Dự thảo Nghị quyết về phí' });
    const api = base({
      'POST /api/qa/consultations/split': () => ({ articles: created.articles }),
      'POST /api/qa/consultations': (call) => answer(call),
      'GET /api/qa/consultations/c-9/comments': () => page([]),
      'GET /api/qa/consultations/c-9/moderation-log': () => ({ items: [] }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Tạo đợt lấy ý kiến');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Tạo đợt lấy ý kiến dự thảo');
    expect(root.querySelector('#c-closes-hint')!.textContent).toBe('Chọn loại văn bản để biết thời hạn tối thiểu.');
    // The built-in consultees with their units; one without a configured unit cannot be chosen.
    const builtIn = [...root.querySelectorAll<HTMLInputElement>('input[name=builtIn]')];
    expect(builtIn.map((b) => [b.value, b.disabled])).toEqual([['finance', false], ['home-affairs', true], ['justice', false], ['science-technology', true]]);
    expect(root.textContent).toContain('Sở Tài chính (Sở Tài chính)');
    // Other consultees: units of the province, not the drafting unit itself.
    expect([...root.querySelector<HTMLSelectElement>('#c-other')!.options].map((o) => o.value)).toEqual([DONG_HA_ID, SO_TAI_CHINH.id, TU_PHAP.id]);

    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#c-title-error')!.textContent).toBe('Không được để trống');
    expect(root.querySelector('#c-type-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#c-text-error')!.textContent).toBe('Không được để trống');
    expect(root.activeElement?.id).toBe('c-title');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLInputElement>('#c-title')!.value = 'Dự thảo Nghị quyết về phí';
    const type = root.querySelector<HTMLSelectElement>('#c-type')!;
    type.value = 'nq-hdnd';
    type.dispatchEvent(new Event('change'));
    const opens = root.querySelector<HTMLInputElement>('#c-opens')!;
    opens.value = '2026-12-01';
    opens.dispatchEvent(new Event('change'));
    await settle(element);
    expect(root.querySelector('#c-closes-hint')!.textContent).toBe(
      'Thời hạn lấy ý kiến tối thiểu 30 ngày (Luật Ban hành văn bản quy phạm pháp luật 2025, Điều 30). Ngày kết thúc sớm nhất: 31/12/2026. Thời hạn này chưa được đối chiếu với văn bản pháp luật.',
    );
    root.querySelector<HTMLInputElement>('#c-closes')!.value = '2026-12-20';
    root.querySelector<HTMLInputElement>('#c-address')!.value = '01 Hùng Vương, Đông Hà';
    root.querySelector<HTMLInputElement>('#c-email')!.value = 'vanthu@tnmt.quangtri.gov.vn';
    root.querySelector<HTMLTextAreaElement>('#c-text')!.value = 'Chương I\nĐiều 1. Phạm vi điều chỉnh\nQuyết định này quy định mức thu phí.\nĐiều 2. Đối tượng áp dụng\nTổ chức, cá nhân.';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#c-closes-error')!.textContent).toBe('Thời hạn lấy ý kiến phải ít nhất 30 ngày');
    expect(api.calls.some((c) => c.path === '/api/qa/consultations' && c.method === 'POST')).toBe(false);

    clickButton(root, 'Xem trước việc tách điều');
    await settle(element);
    expect(api.calls.find((c) => c.path === '/api/qa/consultations/split')!.body).toEqual({ text: root.querySelector<HTMLTextAreaElement>('#c-text')!.value });
    expect(root.textContent).toContain('Tách được 2 điều.');
    expect(root.textContent).toContain('Điều 2. Đối tượng áp dụng');

    // The server decides on the period too: its refusal goes beside the closing day.
    root.querySelector<HTMLInputElement>('#c-closes')!.value = '2026-12-31';
    root.querySelector<HTMLInputElement>('input[name=builtIn][value=justice]')!.click();
    root.querySelector<HTMLSelectElement>('#c-other')!.options[1]!.selected = true;
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path === '/api/qa/consultations' && c.method === 'POST')!.body).toEqual({
      title: 'Dự thảo Nghị quyết về phí',
      documentType: 'nq-hdnd',
      summary: '',
      opensOn: '2026-12-01',
      closesOn: '2026-12-31',
      shortened: false,
      contact: { address: '01 Hùng Vương, Đông Hà', email: 'vanthu@tnmt.quangtri.gov.vn' },
      text: root.querySelector<HTMLTextAreaElement>('#c-text')!.value,
      builtInConsultees: ['justice'],
      otherConsultees: [SO_TAI_CHINH.id],
    });
    expect(root.querySelector('#c-closes-error')!.textContent).toBe('must be at least 30 calendar days after opensOn (2026-12-31 or later) for a draft of type nq-hdnd');
    expect(root.activeElement?.id).toBe('c-closes');

    answer = () => created;
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settleAll(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã tạo đợt lấy ý kiến');
    expect(root.querySelector('h2')!.textContent).toBe('Dự thảo Nghị quyết về phí');
  });

  it('a draft: corrects the split, uploads a dossier file, announces it, shows the consulted agencies’ replies', async () => {
    let current = consultation({ id: 'c-1' });
    const uploader = routedUploader<ConsultationView>(() => (current = { ...current, files: [{ id: 'f-1', name: 'to-trinh.pdf', contentType: 'application/pdf', size: 120_000 }] }));
    const downloads: { path: string; options: DownloadOptions }[] = [];
    let patch: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /contact/email must match format "email"', [{ in: 'body', pointer: '/contact/email', message: 'must match format "email"' }]);
    };
    const api = base({
      'GET /api/qa/consultations/c-1': () => current,
      'PATCH /api/qa/consultations/c-1': (call) => patch(call),
      'PUT /api/qa/consultations/c-1/articles': (call) => (current = { ...current, articles: (call.body as { articles: ConsultationView['articles'] }).articles }),
      'POST /api/qa/consultations/c-1/announce': () => (current = { ...current, phase: 'announced', announcedAt: '2026-11-29T02:00:00.000Z' }),
      'GET /api/qa/consultations/c-1/comments': () => page([]),
      'GET /api/qa/consultations/c-1/moderation-log': () => ({ items: [] }),
    });
    const element = mount(api);
    Object.assign(element, { upload: uploader, download: async (path: string, options: DownloadOptions) => void downloads.push({ path, options }) });
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Xem đợt lấy ý kiến “Dự thảo Quyết định quy định về phí thẩm định”"]')!.click();
    await settleAll(element);
    expect(root.querySelector('h2')!.textContent).toBe('Dự thảo Quyết định quy định về phí thẩm định');
    // A draft has no comments panel yet.
    expect(root.querySelector('qa-consultation-comments')).toBeNull();
    // The replies: one pending, one late with its file.
    const replies = [...root.querySelectorAll('section[aria-labelledby=c-replies-title] tbody tr')];
    expect(replies[0]!.textContent).toContain('Chưa trả lời');
    expect(replies[1]!.textContent).toContain('Trả lời muộn');
    expect(replies[1]!.textContent).toContain('Đề nghị bổ sung căn cứ pháp lý.');
    root.querySelector<HTMLButtonElement>('button[aria-label="Tải về y-kien-so-tu-phap.pdf"]')!.click();
    await settle(element);
    expect(downloads[0]).toEqual({ path: '/api/qa/consultations/c-1/replies/f-9', options: { fileName: 'y-kien-so-tu-phap.pdf', tenant: TNMT.id } });
    expect(await axeViolations(element)).toEqual([]);

    // The details before opening: the days only when changed; the server's refusal beside the field.
    clickButton(root, 'Sửa thông tin đợt lấy ý kiến');
    await settle(element);
    expect(root.querySelector<HTMLInputElement>('#ci-opens')!.value).toBe('2026-12-01');
    root.querySelector<HTMLInputElement>('#ci-title')!.value = 'Dự thảo Quyết định quy định về phí thẩm định hồ sơ';
    root.querySelector<HTMLFormElement>('form[aria-label="Sửa thông tin đợt lấy ý kiến"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: '/api/qa/consultations/c-1',
      body: { title: 'Dự thảo Quyết định quy định về phí thẩm định hồ sơ', summary: 'Quy định mức thu phí thẩm định hồ sơ.', contact: { address: '01 Hùng Vương, Đông Hà', email: 'vanthu@tnmt.quangtri.gov.vn' } },
    });
    expect(root.querySelector('#ci-address-error')!.textContent).toBe('must match format "email"');
    expect(root.querySelector('#ci-address')!.getAttribute('aria-invalid')).toBe('true');
    patch = (call) => (current = { ...current, ...(call.body as object) });
    root.querySelector<HTMLInputElement>('#ci-opens')!.value = '2026-12-20';
    root.querySelector<HTMLFormElement>('form[aria-label="Sửa thông tin đợt lấy ý kiến"]')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#ci-closes-error')!.textContent).toBe('Thời hạn lấy ý kiến phải ít nhất 20 ngày');
    root.querySelector<HTMLInputElement>('#ci-closes')!.value = '2027-01-20';
    root.querySelector<HTMLFormElement>('form[aria-label="Sửa thông tin đợt lấy ý kiến"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'PATCH').at(-1)!.body).toMatchObject({ opensOn: '2026-12-20', closesOn: '2027-01-20' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu thông tin đợt lấy ý kiến');
    expect(root.querySelector('h2')!.textContent).toBe('Dự thảo Quyết định quy định về phí thẩm định hồ sơ');

    clickButton(root, 'Sửa việc tách điều');
    await settle(element);
    const heading = root.querySelector<HTMLInputElement>('#c-heading-1')!;
    heading.value = '';
    heading.dispatchEvent(new Event('input'));
    await settle(element);
    clickButton(root, 'Lưu việc tách điều');
    await settle(element);
    expect(root.querySelector('#c-heading-1-error')!.textContent).toBe('Không được để trống');
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false);
    const fixed = root.querySelector<HTMLInputElement>('#c-heading-1')!;
    fixed.value = 'Điều 2. Đối tượng áp dụng và giải thích từ ngữ';
    fixed.dispatchEvent(new Event('input'));
    clickButton(root, 'Thêm một điều');
    await settle(element);
    const added = root.querySelector<HTMLInputElement>('#c-heading-2')!;
    added.value = 'Hiệu lực thi hành';
    added.dispatchEvent(new Event('input'));
    await settle(element);
    clickButton(root, 'Lưu việc tách điều');
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({
      articles: [
        { chapter: 'Chương I. QUY ĐỊNH CHUNG', number: '1', heading: 'Điều 1. Phạm vi điều chỉnh', body: 'Quyết định này quy định mức thu phí.' },
        { chapter: 'Chương I. QUY ĐỊNH CHUNG', number: '2', heading: 'Điều 2. Đối tượng áp dụng và giải thích từ ngữ', body: 'Tổ chức, cá nhân nộp hồ sơ.' },
        { chapter: null, number: null, heading: 'Hiệu lực thi hành', body: '' },
      ],
    });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu 3 điều');

    const input = root.querySelector<HTMLInputElement>('#c-file')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'to-trinh.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    clickButton(root, 'Tải lên');
    await settle(element);
    expect(uploader.calls[0]!.path).toBe('/api/qa/consultations/c-1/files');
    expect(uploader.calls[0]!.options.tenant).toBe(TNMT.id);
    expect(root.textContent).toContain('to-trinh.pdf');

    clickButton(root, 'Công bố đợt lấy ý kiến');
    await settleAll(element);
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/qa/consultations/c-1/announce')).toBe(true);
    expect(root.querySelector('dl')!.textContent).toContain('Sắp lấy ý kiến');
    expect(root.querySelector<HTMLAnchorElement>('dl a')!.getAttribute('href')).toBe(`/gop-y-du-thao/${current.slug}`);
    expect(root.querySelector('qa-consultation-comments')).not.toBeNull();
  });

  it('moderates comments: approve, reject with a reason (beside the field), restore a hidden one, with the log', async () => {
    const current = consultation({ id: 'c-2', phase: 'open', comments: 3 });
    const pending = comment({ id: 'k-1' });
    const spam = comment({ id: 'k-2', author: { name: 'Ẩn danh', organisation: null, email: 'x@example.vn' }, articleId: null });
    const hidden = comment({ id: 'k-3', status: 'approved', hidden: true, reports: 5, author: { name: 'Lê Thị Mai', organisation: null, email: 'mai@example.vn' } });
    let items = [pending, spam];
    const api = base({
      'GET /api/qa/consultations/c-2': () => current,
      'GET /api/qa/consultations/c-2/comments': (call) => page(call.query?.['status'] === 'approved' ? [hidden] : items),
      'GET /api/qa/consultations/c-2/moderation-log': () => ({ items: [{ commentId: 'k-3', action: 'auto-hide', reason: null, actor: 'system', at: '2026-12-06T02:00:00.000Z' }] }),
      'POST /api/qa/consultations/c-2/comments/k-1/approve': () => {
        items = [spam];
        return { ...pending, status: 'approved' };
      },
      'POST /api/qa/consultations/c-2/comments/k-2/reject': () => {
        items = [];
        return { ...spam, status: 'rejected' };
      },
      'POST /api/qa/consultations/c-2/comments/k-3/restore': () => ({ ...hidden, hidden: false, reports: 0 }),
    });
    const element = mount(api);
    await settle(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Xem đợt lấy ý kiến “Dự thảo Nghị quyết về học phí”"]')!.click();
    await settleAll(element);
    // Articles can no longer be re-split once commented.
    expect(element.shadowRoot!.textContent).toContain('Đã có góp ý theo từng điều nên không sửa được việc tách điều.');
    const root = commentsOf(element);
    expect(api.calls.find((c) => c.path.endsWith('/comments'))!.query).toEqual({ status: 'pending', limit: 100, offset: 0 });
    const first = root.querySelector('li[data-comment=k-1]')!;
    expect(first.textContent).toContain('Trần Văn Bình');
    expect(first.textContent).toContain('Công ty TNHH Bình An');
    expect(first.textContent).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(root.querySelector('li[data-comment=k-2]')!.textContent).toContain('Góp ý chung');
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLButtonElement>('button[aria-label="Duyệt góp ý của Trần Văn Bình"]')!.click();
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/k-1/approve'))!.body).toEqual({});
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã duyệt góp ý');
    expect(root.querySelector('li[data-comment=k-1]')).toBeNull();

    root.querySelector<HTMLButtonElement>('button[aria-label="Không hiển thị góp ý của Ẩn danh"]')!.click();
    await settleAll(element);
    clickButton(root, 'Xác nhận không hiển thị');
    await settleAll(element);
    expect(root.querySelector('#cc-reason-k-2-error')!.textContent).toBe('Hãy nêu lý do');
    expect(root.activeElement?.id).toBe('cc-reason-k-2');
    root.querySelector<HTMLTextAreaElement>('#cc-reason-k-2')!.value = 'Nội dung quảng cáo';
    clickButton(root, 'Xác nhận không hiển thị');
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/k-2/reject'))!.body).toEqual({ reason: 'Nội dung quảng cáo' });
    expect(root.textContent).toContain('Không có góp ý nào.');

    const status = root.querySelector<HTMLSelectElement>('#cc-status')!;
    status.value = 'approved';
    status.dispatchEvent(new Event('change'));
    await settleAll(element);
    expect(root.querySelector('li[data-comment=k-3]')!.textContent).toContain('Đang ẩn do 5 báo cáo vi phạm');
    root.querySelector<HTMLButtonElement>('button[aria-label="Hiển thị lại góp ý của Lê Thị Mai"]')!.click();
    await settleAll(element);
    expect(api.calls.some((c) => c.path.endsWith('/k-3/restore'))).toBe(true);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã hiển thị lại góp ý');
    expect(root.querySelector('details')!.textContent).toContain('Tự động ẩn (báo cáo vi phạm)');
  });

  it('pages the moderation queue past the first 100, starts again at the first page for another status, and steps back when the last page empties', async () => {
    const current = consultation({ id: 'c-4', phase: 'open', comments: 150 });
    // 150 pending comments: the fake answers the page asked for (ids k-0…k-149), 100 at most.
    let pendingCount = 150;
    const pendingIds = () => Array.from({ length: pendingCount }, (_, i) => `k-${i}`);
    const api = base({
      'GET /api/qa/consultations/c-4': () => current,
      'GET /api/qa/consultations/c-4/comments': (call) => {
        const offset = Number(call.query?.['offset'] ?? 0);
        const limit = Number(call.query?.['limit'] ?? 100);
        const ids = call.query?.['status'] === 'pending' ? pendingIds() : ['r-0'];
        return { ...page(ids.slice(offset, offset + limit).map((id) => comment({ id, author: { name: `Người góp ý ${id}`, organisation: null, email: `${id}@example.vn` } })), ids.length), limit, offset };
      },
      'GET /api/qa/consultations/c-4/moderation-log': () => ({ items: [] }),
      'POST /api/qa/consultations/c-4/comments/k-100/approve': () => {
        pendingCount = 100; // the last comment of page 2 is moderated (and, meanwhile, 49 others by a colleague)
        return comment({ id: 'k-100', status: 'approved' });
      },
    }, () => [consultationItem({ id: 'c-4', phase: 'open' })]);
    const element = mount(api);
    await settle(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="Xem đợt lấy ý kiến"]')!.click();
    await settleAll(element);
    const root = commentsOf(element);
    const queries = () => api.calls.filter((c) => c.path.endsWith('/c-4/comments')).map((c) => c.query);
    expect(queries()).toEqual([{ status: 'pending', limit: 100, offset: 0 }]);
    expect(root.querySelectorAll('li[data-comment]')).toHaveLength(100);
    expect(root.textContent).toContain('1–100 trên 150');
    const previous = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Trang trước')!;
    expect(previous.disabled).toBe(true);
    clickButton(root, 'Trang sau');
    await settleAll(element);
    expect(queries().at(-1)).toEqual({ status: 'pending', limit: 100, offset: 100 });
    expect([...root.querySelectorAll('li[data-comment]')].map((li) => li.getAttribute('data-comment'))).toEqual(Array.from({ length: 50 }, (_, i) => `k-${100 + i}`));
    expect(root.textContent).toContain('101–150 trên 150');
    expect([...root.querySelectorAll('button')].find((b) => b.textContent === 'Trang sau')!.disabled).toBe(true);
    expect(await axeViolations(element)).toEqual([]);

    // The queue empties past its last page: the panel shows the page before instead of an empty one.
    root.querySelector<HTMLButtonElement>('button[aria-label="Duyệt góp ý của Người góp ý k-100"]')!.click();
    await settleAll(element);
    expect(queries().slice(-2)).toEqual([{ status: 'pending', limit: 100, offset: 100 }, { status: 'pending', limit: 100, offset: 0 }]);
    expect(root.querySelectorAll('li[data-comment]')).toHaveLength(100);
    expect(root.textContent).toContain('1–100 trên 100');

    clickButton(root, 'Trang sau'); // disabled: nothing is asked
    await settleAll(element);
    expect(queries().at(-1)).toEqual({ status: 'pending', limit: 100, offset: 0 });
    const status = root.querySelector<HTMLSelectElement>('#cc-status')!;
    status.value = 'rejected';
    status.dispatchEvent(new Event('change'));
    await settleAll(element);
    expect(queries().at(-1)).toEqual({ status: 'rejected', limit: 100, offset: 0 });
  });

  it('after closing: answers each comment (beside the field), downloads the report, publishes the outcome', async () => {
    let current = consultation({ id: 'c-3', phase: 'closed', comments: 1 });
    const shown = comment({ id: 'k-1', status: 'approved' });
    let items = [shown];
    let publish: (call: Call) => unknown = () => {
      throw new ApiError(409, 'QA_ERR_COMMENTS_UNANSWERED', '1 comment shown has no answer yet');
    };
    const downloads: { path: string; options: DownloadOptions }[] = [];
    const api = base({
      'GET /api/qa/consultations/c-3': () => current,
      'GET /api/qa/consultations/c-3/comments': () => ({ items, total: items.length, limit: 100, offset: 0 }), // `page` is the element's root below
      'GET /api/qa/consultations/c-3/moderation-log': () => ({ items: [] }),
      'PUT /api/qa/consultations/c-3/comments/k-1/reply': (call) => {
        const body = call.body as { decision: 'partly'; explanation: string };
        items = [{ ...shown, reply: { ...body, by: 'soan-thao', at: '2026-12-20T02:00:00.000Z' } }];
        return items[0];
      },
      'POST /api/qa/consultations/c-3/publish-outcome': (call) => publish(call),
    }, () => [consultationItem({ id: 'c-3', phase: 'closed' })]);
    const element = mount(api);
    Object.assign(element, { download: async (path: string, options: DownloadOptions) => void downloads.push({ path, options }) });
    await settle(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="Xem đợt lấy ý kiến"]')!.click();
    await settleAll(element);
    const root = commentsOf(element);
    // After closing, the shown comments come first: they are the ones to answer.
    expect(api.calls.find((c) => c.path.endsWith('/comments'))!.query).toEqual({ status: 'approved', limit: 100, offset: 0 });
    clickButton(root, 'Lưu tiếp thu, giải trình');
    await settleAll(element);
    expect(root.querySelector('#cc-decision-k-1-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#cc-explanation-k-1-error')!.textContent).toBe('Không được để trống');
    root.querySelector<HTMLInputElement>('input[name=decision][value=partly]')!.click();
    root.querySelector<HTMLTextAreaElement>('#cc-explanation-k-1')!.value = 'Bổ sung mức phí cho hồ sơ điện tử bằng 50%.';
    clickButton(root, 'Lưu tiếp thu, giải trình');
    await settleAll(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/qa/consultations/c-3/comments/k-1/reply', body: { decision: 'partly', explanation: 'Bổ sung mức phí cho hồ sơ điện tử bằng 50%.' } });
    expect(root.querySelector('li[data-comment=k-1]')!.textContent).toContain('Tiếp thu một phần');
    expect(await axeViolations(element)).toEqual([]);

    const page = element.shadowRoot!;
    clickButton(page, 'Tải báo cáo DOCX');
    clickButton(page, 'Tải báo cáo CSV');
    await settle(element);
    expect(downloads).toEqual([
      { path: '/api/qa/consultations/c-3/report', options: { fileName: 'bao-cao-tiep-thu.docx', query: { format: 'docx' }, tenant: TNMT.id } },
      { path: '/api/qa/consultations/c-3/report', options: { fileName: 'bao-cao-tiep-thu.csv', query: { format: 'csv' }, tenant: TNMT.id } },
    ]);

    clickButton(page, 'Công bố kết quả');
    await settle(element);
    expect(page.querySelector('#c-outcome-error')!.textContent).toBe('Không được để trống');
    page.querySelector<HTMLTextAreaElement>('#c-outcome')!.value = 'Tiếp thu 1 góp ý.';
    clickButton(page, 'Công bố kết quả');
    await settle(element);
    expect(page.querySelector('[role=alert]')!.textContent).toBe('1 comment shown has no answer yet');
    publish = (call) => (current = { ...current, phase: 'outcome-published', outcome: { summary: (call.body as { summary: string }).summary, publishedAt: '2026-12-21T02:00:00.000Z' } });
    clickButton(page, 'Công bố kết quả');
    await settleAll(element);
    expect(api.calls.filter((c) => c.path.endsWith('/publish-outcome')).at(-1)!.body).toEqual({ summary: 'Tiếp thu 1 góp ý.' });
    expect(page.querySelector('[role=status]')!.textContent).toBe('Đã công bố kết quả');
    expect(page.querySelector('section[aria-labelledby=c-outcome-title]')!.textContent).toContain('Tiếp thu 1 góp ý.');
    // Once published, comments are no longer answered.
    expect(commentsOf(element).querySelector('form')).toBeNull();
  });
});

const DONG_HA_ID = units.items.find((u) => u.kind === 'ward')!.id;
