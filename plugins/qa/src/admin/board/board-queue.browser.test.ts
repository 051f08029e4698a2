import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Call } from '../testing/admin-test-support.js';
import { axeViolations, clickButton, routedApi, settle, settleAll } from '../testing/admin-test-support.js';
import { detail, DONG_HA, form, page, PROVINCE, publishedItem, question, review, TNMT, TU_PHAP, units } from '../testing/qa-fixtures.js';
import type { QuestionDetail } from '../shared/qa-api.js';
import './board-queue.js';

const BOARD = ['qa.questions.triage', 'qa.answers.publish'];

function mount(api: ApiClient, permissions = BOARD): HTMLElementTagNameMap['qa-board-queue'] {
  const element = document.createElement('qa-board-queue');
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

const received = detail({ id: 'q-1' });
const other = question({ id: 'q-2', trackingCode: 'HD-2026-AAAAAA', title: 'Hỏi về đăng ký khai sinh', field: 'tu-phap-ho-tich', commune: null, status: 'returned', asker: { name: 'Trần Văn Bình', email: 'binh@example.vn', phone: null, address: null } });

function board(extra: Record<string, (call: Call) => unknown> = {}, list: (call: Call) => unknown = () => page([received, other])) {
  return routedApi({
    'GET /api/qa/questions': list,
    'GET /api/qa/public/form': () => form,
    'GET /api/core/tenants': () => units,
    'GET /api/qa/questions/q-1': () => received,
    'GET /api/qa/public/answers': () => page([]),
    ...extra,
  });
}

async function openFirst(element: HTMLElementTagNameMap['qa-board-queue']): Promise<ShadowRoot> {
  await settle(element);
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>(`button[aria-label="Xem câu hỏi “${received.title}”"]`)!.click();
  await settleAll(element);
  return root;
}

describe('<qa-board-queue>', () => {
  it('lists the queue with status, field and commune; filters and words go to the API', async () => {
    // The server searches: the words come back as the list it answers with.
    const api = board({}, (call) => (call.query?.['q'] === 'khong co' ? page([]) : call.query?.['q'] ? page([other]) : page([received, other])));
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('strong')!.textContent)).toEqual([received.title, other.title]);
    expect(rows[0]!.textContent).toContain('HD-2026-7K3F9Q');
    expect(rows[0]!.textContent).toContain('Đất đai');
    expect(rows[0]!.textContent).toContain('Mới tiếp nhận');
    expect(rows[0]!.textContent).toContain('Phường Đông Hà');
    expect(rows[1]!.textContent).toContain('Tư pháp, hộ tịch');
    expect(rows[1]!.textContent).toContain('Bị trả lại');
    expect(await axeViolations(element)).toEqual([]);

    const filters = root.querySelector<HTMLFormElement>('form[role=search]')!;
    root.querySelector<HTMLSelectElement>('#q-status')!.value = 'returned';
    root.querySelector<HTMLSelectElement>('#q-field')!.value = 'tu-phap-ho-tich';
    root.querySelector<HTMLSelectElement>('#q-commune')!.value = DONG_HA.slug;
    root.querySelector<HTMLInputElement>('#q-from')!.value = '2026-11-01';
    filters.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/questions').at(-1)!.query).toEqual({ status: 'returned', field: 'tu-phap-ho-tich', commune: DONG_HA.slug, from: '2026-11-01', to: undefined, limit: 20, offset: 0 });

    // Words are sent to the server as `q` (trimmed), from the first page, with the other filters;
    // the list shows what it found, not a filter of the page shown.
    expect(root.querySelector('label[for=q-text]')!.textContent).toBe('Tìm câu hỏi');
    expect(root.querySelector('#q-text-hint')!.textContent).toContain('Mã theo dõi, tiêu đề, nội dung');
    root.querySelector<HTMLInputElement>('#q-text')!.value = '  Đăng ký khai sinh  ';
    filters.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/questions').at(-1)!.query).toEqual({ status: 'returned', field: 'tu-phap-ho-tich', commune: DONG_HA.slug, from: '2026-11-01', to: undefined, q: 'Đăng ký khai sinh', limit: 20, offset: 0 });
    expect([...root.querySelectorAll('tbody tr strong')].map((s) => s.textContent)).toEqual([other.title]);
    // A word the page's own rows do not hold (the server matched the text): still listed.
    root.querySelector<HTMLInputElement>('#q-text')!.value = 'bệnh viện';
    filters.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/questions').at(-1)!.query!['q']).toBe('bệnh viện');
    expect([...root.querySelectorAll('tbody tr strong')].map((s) => s.textContent)).toEqual([other.title]);
    root.querySelector<HTMLInputElement>('#q-text')!.value = 'khong co';
    filters.requestSubmit();
    await settle(element);
    expect(root.textContent).toContain('Không có câu hỏi nào khớp với từ khoá.');
    expect(root.textContent).not.toContain('Không có câu hỏi nào.');
    // Emptied: no `q` at all.
    root.querySelector<HTMLInputElement>('#q-text')!.value = '   ';
    filters.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/questions').at(-1)!.query).not.toHaveProperty('q');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('shows due dates when the server gives them: in the list, and each hop’s clock in the question', async () => {
    const due = { ...received, deadline: { hop: 1, kind: 'board', unit: PROVINCE, dueOn: '2026-11-21', state: 'due-soon', rule: 'qa.triage' } };
    const api = board(
      {
        'GET /api/qa/questions/q-1': () => due,
        'GET /api/qa/questions/q-1/deadlines': () => ({
          items: [{ hop: 1, kind: 'board', unit: PROVINCE, startedAt: '2026-11-20T02:00:00.000Z', limitDays: 1, rule: 'qa.triage', dueOn: '2026-11-21', remindOn: '2026-11-21', pausedDays: 0, pausedSince: null, endedAt: null, outcome: null, workingDays: null, state: 'due-soon' }],
        }),
      },
      () => page([due]),
    );
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('tbody tr')!.textContent).toContain('Hạn xử lý: 21/11/2026 Sắp đến hạn');
    root.querySelector<HTMLButtonElement>('button[aria-label^="Xem câu hỏi"]')!.click();
    await settleAll(element);
    // The detail's current deadline (`deadline` of the question's view), among its facts.
    expect(root.querySelector('dl.facts')!.textContent).toContain('Hạn xử lý: 21/11/2026 Sắp đến hạn');
    const clocks = [...root.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'Thời hạn xử lý')!;
    expect(clocks.textContent).toContain('Ban biên tập tiếp nhận, chuyển');
    expect(clocks.textContent).toContain('1 ngày làm việc');
    expect(clocks.textContent).toContain('21/11/2026');
    expect(clocks.textContent).toContain('Sắp đến hạn');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('speaks English when the shell does', async () => {
    document.documentElement.lang = 'en';
    const element = mount(board());
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('h1')!.textContent).toBe('Question queue');
    expect(root.querySelector('tbody tr')!.textContent).toContain('Land');
    expect(root.querySelector('tbody tr')!.textContent).toContain('Received');
    expect(await axeViolations(element)).toEqual([]);
  });

  it('says so when the queue is empty, outside the province, and without the permission', async () => {
    const empty = mount(board({}, () => page([])));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Không có câu hỏi nào.');

    const department = mount(board({}, () => {
      throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'The question queue is kept by the province’s editorial board');
    }));
    await settle(department);
    expect(department.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('hãy chọn đơn vị cấp tỉnh');

    const denied = mount(routedApi({}), ['qa.questions.answer']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Tiếp nhận, phân loại, chuyển câu hỏi (Ban biên tập)”');
    expect(denied.shadowRoot!.querySelector('table')).toBeNull();
  });

  it('opens a question with its asker, timeline and suggestions; a suggestion picks the agency; forwarding sends it with the note', async () => {
    let forward: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /agency is not a unit of this province', [{ in: 'body', pointer: '/agency', message: 'is not a unit of this province the question can be forwarded to' }]);
    };
    const api = board({ 'POST /api/qa/questions/q-1/forward': (call) => forward(call) });
    const element = mount(api);
    const root = await openFirst(element);
    expect(root.querySelector('h2')!.textContent).toContain(received.title);
    expect(root.textContent).toContain('Nguyễn Thị Hoa · hoa@example.vn · 0912 345 678');
    expect(root.textContent).toContain('Xác nhận qua e-mail');
    expect(root.textContent).toContain(`${TNMT.name} (theo lĩnh vực)`);
    // The picker: the province's units, not another province's.
    const picker = root.querySelector<HTMLSelectElement>('#b-agency')!;
    expect([...picker.options].map((o) => o.value)).toEqual(['', DONG_HA.id, TNMT.id, TU_PHAP.id]);
    expect(await axeViolations(element)).toEqual([]);

    // Without an agency: the field says so, nothing is sent.
    root.querySelector<HTMLFormElement>('form[aria-labelledby=b-forward-title]')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#b-agency-error')!.textContent).toBe('Hãy chọn cơ quan');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    root.querySelector<HTMLButtonElement>(`button[aria-label="Chọn ${TNMT.name} để chuyển"]`)!.click();
    await settle(element);
    expect(root.querySelector<HTMLSelectElement>('#b-agency')!.value).toBe(TNMT.id);
    expect(root.activeElement?.id).toBe('b-agency');
    root.querySelector<HTMLTextAreaElement>('#b-note')!.value = 'Đề nghị trả lời trong 10 ngày';
    root.querySelector<HTMLFormElement>('form[aria-labelledby=b-forward-title]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/api/qa/questions/q-1/forward', body: { agency: TNMT.id, note: 'Đề nghị trả lời trong 10 ngày' } });
    // The server's field error, beside its field.
    expect(root.querySelector('#b-agency-error')!.textContent).toBe('is not a unit of this province the question can be forwarded to');
    expect(root.querySelector('#b-agency')!.getAttribute('aria-invalid')).toBe('true');

    forward = () => ({ ...received, status: 'forwarded', agency: TNMT, timeline: [...received.timeline, { action: 'forwarded', at: '2026-11-21T02:00:00.000Z', actor: 'bien-tap', unit: PROVINCE, target: TNMT, note: 'Đề nghị trả lời trong 10 ngày' }] }) satisfies QuestionDetail;
    root.querySelector<HTMLFormElement>('form[aria-labelledby=b-forward-title]')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe(`Đã chuyển đến ${TNMT.name}`);
    expect(root.querySelector('#b-agency')).toBeNull();
    expect(root.textContent).toContain('Đã chuyển cơ quan');
    expect(root.textContent).toContain(`→ ${TNMT.name}`);
  });

  it('classifies, and declines as outside competence only with a reason', async () => {
    const api = board({
      'POST /api/qa/questions/q-1/classify': (call) => ({ ...received, field: (call.body as { field: string }).field }),
      'POST /api/qa/questions/q-1/decline': (call) => ({ ...received, status: 'closed', closeReason: (call.body as { reason: string }).reason }),
    });
    const element = mount(api);
    const root = await openFirst(element);
    root.querySelector<HTMLSelectElement>('#b-field')!.value = 'tu-phap-ho-tich';
    clickButton(root, 'Lưu lĩnh vực');
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/classify'))!.body).toEqual({ field: 'tu-phap-ho-tich' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu lĩnh vực');

    const decline = root.querySelector<HTMLFormElement>('form[aria-labelledby=b-decline-title]')!;
    root.querySelector<HTMLTextAreaElement>('#b-reason')!.value = '   ';
    decline.requestSubmit();
    await settle(element);
    expect(root.querySelector('#b-reason-error')!.textContent).toBe('Hãy nhập lý do');
    expect(root.activeElement?.id).toBe('b-reason');
    expect(api.calls.some((c) => c.path.endsWith('/decline'))).toBe(false);
    root.querySelector<HTMLTextAreaElement>('#b-reason')!.value = 'Thuộc thẩm quyền của Bộ Tài chính';
    decline.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/decline'))!.body).toEqual({ reason: 'Thuộc thẩm quyền của Bộ Tài chính' });
    expect(root.textContent).toContain('Không thuộc thẩm quyền');
    expect(root.textContent).toContain('Thuộc thẩm quyền của Bộ Tài chính');
    expect(root.querySelector('#b-reason')).toBeNull();
  });

  it('reviews and publishes an answered question whose asker agreed; only with the publishing permission', async () => {
    const answered = detail({ id: 'q-1', status: 'answered', agency: TNMT });
    let saved = review({ questionId: 'q-1' });
    let put: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /answer must not be blank', [{ in: 'body', pointer: '/answer', message: 'must not be blank' }]);
    };
    const api = board({
      'GET /api/qa/questions/q-1': () => answered,
      'GET /api/qa/publications/q-1': () => saved,
      'PUT /api/qa/publications/q-1': (call) => put(call),
      'POST /api/qa/publications/q-1/publish': () => (saved = { ...saved, status: 'published', slug: 'thu-tuc-cap-so-do', publishedAt: '2026-11-25T03:00:00.000Z' }),
      'POST /api/qa/publications/q-1/unpublish': () => (saved = { ...saved, status: 'unpublished' }),
    });
    const element = mount(api);
    const root = await openFirst(element);
    const reviewer = root.querySelector('qa-publication-review')!;
    const inner = reviewer.shadowRoot!;
    expect(inner.textContent).toContain('Chưa rà soát');
    expect(inner.textContent).toContain('Họ tên (Câu hỏi): Nguyễn Thị Hoa');
    expect(inner.querySelector<HTMLTextAreaElement>('#p-question')!.value).toBe('Tôi là [đã che], số điện thoại [đã che], hỏi về thủ tục cấp sổ đỏ.');
    // Publishing waits for a saved version.
    const publish = [...inner.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Công khai')!;
    expect(publish.disabled).toBe(true);
    expect(await axeViolations(element)).toEqual([]);

    const edit = inner.querySelector<HTMLFormElement>('form[aria-labelledby=p-edit-title]')!;
    inner.querySelector<HTMLTextAreaElement>('#p-answer')!.value = 'Người hỏi nộp hồ sơ tại Bộ phận một cửa.';
    edit.requestSubmit();
    await settleAll(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/qa/publications/q-1', body: { title: 'Thủ tục cấp sổ đỏ', question: 'Tôi là [đã che], số điện thoại [đã che], hỏi về thủ tục cấp sổ đỏ.', answer: 'Người hỏi nộp hồ sơ tại Bộ phận một cửa.' } });
    expect(inner.querySelector('#p-answer-error')!.textContent).toBe('must not be blank');

    put = (call) => (saved = { ...saved, status: 'reviewed', reviewed: { ...(call.body as { title: string; question: string; answer: string }), reviewedBy: 'bien-tap', reviewedAt: '2026-11-25T02:00:00.000Z', remaining: [{ part: 'title', kind: 'name', text: 'Hoa' }] } });
    edit.requestSubmit();
    await settleAll(element);
    expect(inner.querySelector('[role=status]')!.textContent).toBe('Đã lưu bản công khai');
    expect(inner.textContent).toContain('Bản công khai đã lưu vẫn còn');
    clickButton(inner, 'Công khai');
    await settleAll(element);
    expect(api.calls.some((c) => c.path === '/api/qa/publications/q-1/publish')).toBe(true);
    expect(inner.textContent).toContain('Đang công khai');
    expect(inner.textContent).toContain('/hoi-dap/thu-tuc-cap-so-do');
    inner.querySelector<HTMLInputElement>('#p-reason')!.value = 'Người hỏi đề nghị gỡ';
    clickButton(inner, 'Gỡ công khai');
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/unpublish'))!.body).toEqual({ reason: 'Người hỏi đề nghị gỡ' });
    expect(inner.textContent).toContain('Đã gỡ công khai');

    // Without the publishing permission, the panel is not there.
    document.body.replaceChildren();
    const triageOnly = mount(board({ 'GET /api/qa/questions/q-1': () => answered }), ['qa.questions.triage']);
    const plain = await openFirst(triageOnly);
    expect(plain.querySelector('qa-publication-review')).toBeNull();
  });
});

describe('<qa-board-queue> answer by reference (QA-06)', () => {
  it('picks a published Q&A, asks for confirmation, sends the link with the note, and shows it afterwards', async () => {
    const sodo = publishedItem();
    const khaisinh = publishedItem({ slug: 'dang-ky-khai-sinh', title: 'Đăng ký khai sinh cho con', field: { code: 'tu-phap-ho-tich', name: 'Tư pháp, hộ tịch' } });
    let current: QuestionDetail = received;
    let post: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /publication is not published', [{ in: 'body', pointer: '/publication', message: 'is not a question and answer published by this province' }]);
    };
    const api = board({
      'GET /api/qa/questions/q-1': () => current,
      'GET /api/qa/public/answers': (call) => page(call.query?.['q'] === 'khai sinh' ? [khaisinh] : [sodo, khaisinh]),
      'POST /api/qa/questions/q-1/answer-by-reference': (call) => post(call),
    });
    const element = mount(api);
    const root = await openFirst(element);
    const section = root.querySelector('section[aria-labelledby=b-reference-title]')!;
    expect(section.textContent).toContain('Trả lời bằng hỏi đáp đã công khai');
    const picker = root.querySelector<HTMLSelectElement>('#b-published')!;
    expect([...picker.options].map((o) => o.value)).toEqual(['', sodo.slug, khaisinh.slug]);
    expect(await axeViolations(element)).toEqual([]);

    // The search asks the public list with the words.
    root.querySelector<HTMLInputElement>('#b-published-q')!.value = 'khai sinh';
    section.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/public/answers').at(-1)!.query).toEqual({ limit: 50, q: 'khai sinh' });
    expect([...root.querySelector<HTMLSelectElement>('#b-published')!.options].map((o) => o.value)).toEqual(['', khaisinh.slug]);

    const answer = section.querySelector<HTMLFormElement>('form[aria-labelledby=b-reference-title]')!;
    answer.requestSubmit();
    await settle(element);
    expect(root.querySelector('#b-published-error')!.textContent).toBe('Hãy chọn hỏi đáp đã công khai');
    expect(root.querySelector('#b-confirm-error')!.textContent).toBe('Hãy xác nhận trước khi trả lời');
    expect(api.calls.some((c) => c.path.endsWith('/answer-by-reference'))).toBe(false);

    root.querySelector<HTMLSelectElement>('#b-published')!.value = khaisinh.slug;
    root.querySelector<HTMLTextAreaElement>('#b-reference-note')!.value = 'Câu hỏi của ông/bà đã được trả lời tại đây';
    root.querySelector<HTMLInputElement>('#b-confirm')!.checked = true;
    answer.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path.endsWith('/answer-by-reference')).at(-1)!.body).toEqual({ publication: khaisinh.slug, note: 'Câu hỏi của ông/bà đã được trả lời tại đây' });
    expect(root.querySelector('#b-published-error')!.textContent).toContain('is not a question and answer published by this province');
    expect(root.querySelector('#b-published')!.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(element)).toEqual([]);

    post = () => {
      current = { ...received, status: 'answered' };
      return { id: 'q-1', status: 'answered', publication: { questionId: 'q-9', slug: khaisinh.slug, title: khaisinh.title } };
    };
    root.querySelector<HTMLInputElement>('#b-confirm')!.checked = true;
    answer.requestSubmit();
    await settleAll(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe(`Đã trả lời bằng hỏi đáp “${khaisinh.title}”`);
    expect(root.querySelector('#b-published')).toBeNull();
    const link = root.querySelector<HTMLAnchorElement>('section[aria-labelledby=b-linked] a')!;
    expect(link.textContent).toBe(khaisinh.title);
    expect(link.getAttribute('href')).toBe(`/hoi-dap/${khaisinh.slug}`);
    expect(await axeViolations(element)).toEqual([]);
  });

  it('is not offered for a question already forwarded to an agency', async () => {
    const api = board({ 'GET /api/qa/questions/q-1': () => ({ ...received, status: 'forwarded', agency: TNMT }) });
    const element = mount(api);
    const root = await openFirst(element);
    expect(root.querySelector('#b-published')).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/qa/public/answers')).toBe(false);
  });
});
