import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { axeViolations, clickButton, routedApi, settle, settleAll, type Call } from '../testing/admin-test-support.js';
import { dialogue, dialogueQuestion, form, page, TNMT } from '../testing/qa-fixtures.js';
import type { DialogueView } from '../shared/qa-api.js';
import './dialogues.js';

function mount(api: ApiClient, permissions = ['qa.dialogues.manage']): HTMLElementTagNameMap['qa-dialogues'] {
  const element = document.createElement('qa-dialogues');
  Object.assign(element, { api, user: { id: 'to-chuc', username: 'to.chuc', displayName: null, permissions }, tenant: { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const announced = dialogue({ id: 'd-1' });
const base = (extra: Record<string, (call: Call) => unknown> = {}, items: () => DialogueView[] = () => [announced]) =>
  routedApi({ 'GET /api/qa/dialogues': () => page(items()), 'GET /api/qa/public/form': () => form, ...extra });

/** The console inside the page. */
const consoleOf = (element: HTMLElement) => element.shadowRoot!.querySelector('qa-dialogue-console')!.shadowRoot!;

describe('<qa-dialogues>', () => {
  it('lists the unit’s dialogues with their times, guests and status; says so when there are none and without the permission', async () => {
    const element = mount(base());
    await settle(element);
    const row = element.shadowRoot!.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Đối thoại về thủ tục đất đai');
    expect(row.textContent).toContain('Lê Văn Minh, Phạm Thị Lan');
    expect(row.textContent).toContain('Đã thông báo');
    expect(row.textContent).toContain('09:00 10/12/2026 – 11:00 10/12/2026');
    expect(await axeViolations(element)).toEqual([]);

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Đơn vị chưa có buổi đối thoại nào.');
    const failing = mount(base({ 'GET /api/qa/dialogues': () => { throw new ApiError(503, 'CONG_ERR_PLUGIN_FAILED', 'The plugin qa is not running'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('The plugin qa is not running');
    expect(failing.shadowRoot!.textContent).not.toContain('Đang tải');
    const denied = mount(routedApi({}), ['qa.questions.answer']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Giao lưu, đối thoại trực tuyến”');
  });

  it('announces a dialogue: checked here first, sent with Vietnam times and guests; the server’s refusal beside its field', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /livestreamUrl must be an http or https address', [{ in: 'body', pointer: '/livestreamUrl', message: 'must be an http or https address' }]);
    };
    const api = base({ 'POST /api/qa/dialogues': (call) => answer(call), 'GET /api/qa/dialogues/d-9/questions': () => ({ items: [] }), 'GET /api/qa/dialogues/d-9/moderation-log': () => ({ items: [] }) });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Thông báo buổi đối thoại');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Thông báo buổi đối thoại mới');
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#d-title-error')!.textContent).toBe('Không được để trống');
    expect(root.querySelector('#d-field-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#d-starts-error')!.textContent).toBe('Không được để trống');
    expect(root.querySelector('#d-guest-0-error')!.textContent).toBe('Không được để trống');
    expect(root.activeElement?.id).toBe('d-title');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLInputElement>('#d-title')!.value = 'Đối thoại về đất đai';
    root.querySelector<HTMLSelectElement>('#d-field')!.value = 'dat-dai';
    root.querySelector<HTMLInputElement>('#d-starts')!.value = '2026-12-10T09:00';
    root.querySelector<HTMLInputElement>('#d-ends')!.value = '2026-12-10T11:00';
    root.querySelector<HTMLInputElement>('#d-livestream')!.value = 'ftp://example.vn/live';
    const guest = root.querySelector<HTMLInputElement>('#d-guest-0')!;
    guest.value = 'Lê Văn Minh';
    guest.dispatchEvent(new Event('input'));
    clickButton(root, 'Thêm khách mời');
    await settle(element);
    const second = root.querySelector<HTMLInputElement>('#d-guest-1')!;
    second.value = 'Phạm Thị Lan';
    second.dispatchEvent(new Event('input'));
    const position = root.querySelector<HTMLInputElement>('#d-guest-position-1')!;
    position.value = 'Trưởng phòng';
    position.dispatchEvent(new Event('input'));
    await settle(element);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/qa/dialogues',
      body: {
        title: 'Đối thoại về đất đai',
        field: 'dat-dai',
        description: '',
        guests: [{ name: 'Lê Văn Minh', position: '', unit: '' }, { name: 'Phạm Thị Lan', position: 'Trưởng phòng', unit: '' }],
        startsAt: '2026-12-10T02:00:00.000Z',
        endsAt: '2026-12-10T04:00:00.000Z',
        livestreamUrl: 'ftp://example.vn/live',
      },
    });
    expect(root.querySelector('#d-livestream-error')!.textContent).toBe('must be an http or https address');
    expect(root.activeElement?.id).toBe('d-livestream');

    answer = () => dialogue({ id: 'd-9', title: 'Đối thoại về đất đai' });
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settleAll(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã thông báo buổi đối thoại');
    expect(root.querySelector('h2')!.textContent).toBe('Đối thoại về đất đai');
  });

  it('edits an announced dialogue with PUT, keeping its guests’ ids', async () => {
    const api = base({
      'GET /api/qa/dialogues/d-1': () => announced,
      'GET /api/qa/dialogues/d-1/questions': () => ({ items: [] }),
      'GET /api/qa/dialogues/d-1/moderation-log': () => ({ items: [] }),
      'PUT /api/qa/dialogues/d-1': (call) => ({ ...announced, ...(call.body as object) }),
    });
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Mở buổi đối thoại “Đối thoại về thủ tục đất đai”"]')!.click();
    await settleAll(element);
    clickButton(root, 'Sửa thông tin');
    await settle(element);
    expect(root.querySelector<HTMLInputElement>('#d-starts')!.value).toBe('2026-12-10T09:00');
    root.querySelector<HTMLInputElement>('#d-title')!.value = 'Đối thoại về thủ tục đất đai (đổi giờ)';
    root.querySelector<HTMLInputElement>('#d-ends')!.value = '2026-12-10T12:00';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settleAll(element);
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/qa/dialogues/d-1');
    expect(put.body).toMatchObject({ title: 'Đối thoại về thủ tục đất đai (đổi giờ)', endsAt: '2026-12-10T05:00:00.000Z', guests: [{ id: 'g-1', name: 'Lê Văn Minh', position: 'Giám đốc Sở', unit: TNMT.name }, { id: 'g-2' }] });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu thông tin buổi đối thoại');
  });

  it('runs the live console: start, moderate, mark being answered, record an answer by a guest, end', async () => {
    let current = dialogue({ id: 'd-1', status: 'announced' });
    const pending = dialogueQuestion({ id: 'q-1', asker: { name: 'Nguyễn Thị Hoa', email: 'hoa@example.vn' } });
    const other = dialogueQuestion({ id: 'q-2', asker: { name: 'Trần Văn Bình', email: 'binh@example.vn' } });
    let questions = [pending, other];
    let rejectAnswer: () => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /reason must NOT have fewer than 1 characters', [{ in: 'body', pointer: '/reason', message: 'must NOT have fewer than 1 characters' }]);
    };
    const api = base({
      'GET /api/qa/dialogues/d-1': () => current,
      'GET /api/qa/dialogues/d-1/questions': () => ({ items: questions }),
      'GET /api/qa/dialogues/d-1/moderation-log': () => ({ items: [{ questionId: 'q-1', action: 'approve', reason: null, actor: 'to-chuc', at: '2026-12-10T02:05:00.000Z' }] }),
      'POST /api/qa/dialogues/d-1/start': () => (current = { ...current, status: 'live' }),
      'POST /api/qa/dialogues/d-1/end': () => (current = { ...current, status: 'ended' }),
      'POST /api/qa/dialogues/d-1/questions/q-1/approve': () => (questions = [{ ...pending, status: 'approved' }, other])[0],
      'POST /api/qa/dialogues/d-1/questions/q-2/reject': () => rejectAnswer(),
      'POST /api/qa/dialogues/d-1/questions/q-1/answering': () => (questions = [{ ...pending, status: 'answering' }, other])[0],
      'PUT /api/qa/dialogues/d-1/questions/q-1/answer': (call) => {
        const body = call.body as { text: string };
        return (questions = [{ ...pending, status: 'answered', answer: { text: body.text, guest: { id: 'g-2', name: 'Phạm Thị Lan', position: 'Trưởng phòng Đất đai' }, at: '2026-12-10T02:30:00.000Z' } }, other])[0];
      },
    });
    const element = mount(api);
    await settle(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="Mở buổi đối thoại"]')!.click();
    await settleAll(element);
    const root = consoleOf(element);
    expect(root.querySelectorAll('li[data-question]')).toHaveLength(2);
    expect(await axeViolations(element)).toEqual([]);

    clickButton(root, 'Bắt đầu trực tiếp');
    await settleAll(element);
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/qa/dialogues/d-1/start')).toBe(true);
    expect(element.shadowRoot!.querySelector('dl')!.textContent).toContain('Đang diễn ra');

    root.querySelector<HTMLButtonElement>('button[aria-label="Duyệt câu hỏi của Nguyễn Thị Hoa"]')!.click();
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/q-1/approve'))!.body).toEqual({});
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã duyệt câu hỏi');

    // Rejecting needs a reason: checked here, and the server's word shown beside the field.
    root.querySelector<HTMLButtonElement>('button[aria-label="Không duyệt câu hỏi của Trần Văn Bình"]')!.click();
    await settleAll(element);
    clickButton(root, 'Xác nhận không duyệt');
    await settleAll(element);
    expect(root.querySelector('#dc-reason-q-2-error')!.textContent).toBe('Hãy nêu lý do');
    root.querySelector<HTMLTextAreaElement>('#dc-reason-q-2')!.value = 'x';
    clickButton(root, 'Xác nhận không duyệt');
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/q-2/reject'))!.body).toEqual({ reason: 'x' });
    expect(root.querySelector('#dc-reason-q-2-error')!.textContent).toBe('must NOT have fewer than 1 characters');
    rejectAnswer = () => ({ ...other, status: 'rejected' });

    root.querySelector<HTMLButtonElement>('button[aria-label="Đánh dấu đang trả lời câu hỏi của Nguyễn Thị Hoa"]')!.click();
    await settleAll(element);
    expect(root.querySelector('li[data-question=q-1]')!.textContent).toContain('Đang trả lời');

    root.querySelector<HTMLButtonElement>('button[aria-label="Ghi câu trả lời cho câu hỏi của Nguyễn Thị Hoa"]')!.click();
    await settleAll(element);
    clickButton(root, 'Lưu câu trả lời');
    await settleAll(element);
    expect(root.querySelector('#dc-guest-q-1-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#dc-text-q-1-error')!.textContent).toBe('Không được để trống');
    expect([...root.querySelector<HTMLSelectElement>('#dc-guest-q-1')!.options].map((o) => o.value)).toEqual(['', 'g-1', 'g-2']);
    root.querySelector<HTMLSelectElement>('#dc-guest-q-1')!.value = 'g-2';
    root.querySelector<HTMLTextAreaElement>('#dc-text-q-1')!.value = 'Không quá 15 ngày làm việc.';
    clickButton(root, 'Lưu câu trả lời');
    await settleAll(element);
    expect(api.calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/qa/dialogues/d-1/questions/q-1/answer', body: { guestId: 'g-2', text: 'Không quá 15 ngày làm việc.' } });
    expect(root.querySelector('li[data-question=q-1]')!.textContent).toContain('Phạm Thị Lan, Trưởng phòng Đất đai:');

    clickButton(root, 'Kết thúc');
    await settleAll(element);
    expect(element.shadowRoot!.querySelector('dl')!.textContent).toContain('Đã kết thúc');
    expect(root.textContent).toContain('Chuyển câu hỏi chưa trả lời đến Ban biên tập');
    expect(root.querySelector('details')!.textContent).toContain('Duyệt');
  });

  it('after the event: publishes the summary and video, forwards the unanswered questions; cancels an announced one with a reason', async () => {
    let current = dialogue({ id: 'd-1', status: 'ended' });
    const api = base({
      'GET /api/qa/dialogues/d-1': () => current,
      'GET /api/qa/dialogues/d-1/questions': () => ({ items: [] }),
      'GET /api/qa/dialogues/d-1/moderation-log': () => ({ items: [] }),
      'POST /api/qa/dialogues/d-1/publish': (call) => (current = { ...current, status: 'published', ...(call.body as object) }),
      'POST /api/qa/dialogues/d-1/forward-unanswered': () => ({ items: [{ id: 'q-3', questionId: 'qq-1', trackingCode: 'HD-2026-ABCDEF' }] }),
    });
    const element = mount(api);
    await settle(element);
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="Mở buổi đối thoại"]')!.click();
    await settleAll(element);
    const root = consoleOf(element);
    expect(root.textContent).toContain('Không có câu hỏi nào.');
    expect(root.textContent).not.toContain('Hủy buổi đối thoại');
    root.querySelector<HTMLTextAreaElement>('#dc-summary')!.value = 'Buổi đối thoại đã trả lời 12 câu hỏi.';
    root.querySelector<HTMLInputElement>('#dc-video')!.value = 'https://www.youtube.com/watch?v=xyz';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/publish'))!.body).toEqual({ summary: 'Buổi đối thoại đã trả lời 12 câu hỏi.', videoUrl: 'https://www.youtube.com/watch?v=xyz' });
    expect(element.shadowRoot!.querySelector('dl')!.textContent).toContain('Đã công bố nội dung');
    clickButton(root, 'Chuyển câu hỏi chưa trả lời đến Ban biên tập');
    await settleAll(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã chuyển 1 câu hỏi đến Ban biên tập');
    expect(root.textContent).toContain('HD-2026-ABCDEF');

    document.body.replaceChildren();
    let live = dialogue({ id: 'd-2', status: 'announced' });
    const cancelApi = base(
      {
        'GET /api/qa/dialogues/d-2': () => live,
        'GET /api/qa/dialogues/d-2/questions': () => ({ items: [] }),
        'GET /api/qa/dialogues/d-2/moderation-log': () => ({ items: [] }),
        'POST /api/qa/dialogues/d-2/cancel': (call) => (live = { ...live, status: 'cancelled', cancelReason: (call.body as { reason: string }).reason }),
      },
      () => [live],
    );
    const other = mount(cancelApi);
    await settle(other);
    other.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label^="Mở buổi đối thoại"]')!.click();
    await settleAll(other);
    const console2 = consoleOf(other);
    clickButton(console2, 'Hủy buổi đối thoại');
    await settleAll(other);
    clickButton(console2, 'Xác nhận hủy');
    await settleAll(other);
    expect(console2.querySelector('#dc-cancel-error')!.textContent).toBe('Hãy nêu lý do');
    expect(cancelApi.calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);
    console2.querySelector<HTMLTextAreaElement>('#dc-cancel')!.value = 'Lãnh đạo Sở bận công tác đột xuất';
    clickButton(console2, 'Xác nhận hủy');
    await settleAll(other);
    expect(cancelApi.calls.find((c) => c.path.endsWith('/cancel'))!.body).toEqual({ reason: 'Lãnh đạo Sở bận công tác đột xuất' });
    expect(other.shadowRoot!.querySelector('dl')!.textContent).toContain('Đã hủy');
    expect(other.shadowRoot!.textContent).not.toContain('Sửa thông tin');
  });
});
