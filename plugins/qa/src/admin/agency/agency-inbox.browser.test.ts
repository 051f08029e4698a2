import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Call } from '../testing/admin-test-support.js';
import { axeViolations, clickButton, routedApi, settle, settleAll } from '../testing/admin-test-support.js';
import { answerView, detail, DONG_HA, form, page, progressReport, PROVINCE, TNMT, TU_PHAP, units } from '../testing/qa-fixtures.js';
import type { QuestionDetail } from '../shared/qa-api.js';
import './agency-inbox.js';

const STAFF = ['qa.questions.answer'];

function mount(api: ApiClient, permissions = STAFF): HTMLElementTagNameMap['qa-agency-inbox'] {
  const element = document.createElement('qa-agency-inbox');
  Object.assign(element, { api, user: { id: 'chuyen-vien', username: 'chuyen.vien', displayName: null, permissions }, tenant: { id: TNMT.id, slug: TNMT.slug, nameVi: TNMT.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const forwarded: QuestionDetail = (({ suggestions: _s, ...q }) => q)(
  detail({
    id: 'q-1',
    status: 'forwarded',
    agency: TNMT,
    timeline: [
      { action: 'verified', at: '2026-11-20T02:00:00.000Z', actor: 'public', unit: PROVINCE, target: null, note: null },
      { action: 'forwarded', at: '2026-11-21T02:00:00.000Z', actor: 'bien-tap', unit: PROVINCE, target: TNMT, note: 'Đề nghị trả lời sớm' },
    ],
  }),
);

function inbox(extra: Record<string, (call: Call) => unknown> = {}, list: () => unknown = () => page([forwarded])) {
  return routedApi({
    'GET /api/qa/inbox': list,
    'GET /api/qa/public/form': () => form,
    'GET /api/core/tenants': () => units,
    'GET /api/qa/inbox/q-1': () => forwarded,
    'GET /api/qa/inbox/q-1/answer': () => answerView({ questionId: 'q-1' }, null),
    'GET /api/qa/inbox/q-1/progress-reports': () => ({ items: [] }),
    ...extra,
  });
}

async function openFirst(element: HTMLElementTagNameMap['qa-agency-inbox']): Promise<ShadowRoot> {
  await settle(element);
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>(`button[aria-label="Xem câu hỏi “${forwarded.title}”"]`)!.click();
  await settleAll(element);
  return root;
}

describe('<qa-agency-inbox>', () => {
  it('lists the questions forwarded to the unit and filters by status', async () => {
    const api = inbox();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(root.querySelector('tbody tr')!.textContent).toContain('Đã chuyển cơ quan');
    expect([...root.querySelector<HTMLSelectElement>('#q-status')!.options].map((o) => o.value)).toEqual(['', 'forwarded', 'waiting', 'answered']);
    root.querySelector<HTMLSelectElement>('#q-status')!.value = 'waiting';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path === '/api/qa/inbox').at(-1)!.query).toMatchObject({ status: 'waiting', limit: 20, offset: 0 });
    expect(await axeViolations(element)).toEqual([]);
  });

  it('says so when the inbox is empty, and without the permission', async () => {
    const empty = mount(inbox({}, () => page([])));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Không có câu hỏi nào.');
    const denied = mount(routedApi({}), ['qa.questions.triage']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Soạn trả lời câu hỏi được chuyển đến đơn vị”');
  });

  it('opens a question with its timeline; transfers it to another agency of the province (not itself, not another province)', async () => {
    let transfer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /agency is not another unit', [{ in: 'body', pointer: '/agency', message: 'is not another unit of this province the question can be transferred to' }]);
    };
    let list = [forwarded];
    const api = inbox({ 'POST /api/qa/inbox/q-1/transfer': (call) => transfer(call) }, () => page(list));
    const element = mount(api);
    const root = await openFirst(element);
    expect(root.querySelector('h2')!.textContent).toContain(forwarded.title);
    expect(root.textContent).toContain('Đề nghị trả lời sớm');
    expect(root.textContent).toContain(`→ ${TNMT.name}`);
    const picker = root.querySelector<HTMLSelectElement>('#i-agency')!;
    expect([...picker.options].map((o) => o.value)).toEqual(['', DONG_HA.id, TU_PHAP.id]);
    expect(await axeViolations(element)).toEqual([]);

    const form = root.querySelector<HTMLFormElement>('form[aria-labelledby=i-transfer-title]')!;
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('#i-agency-error')!.textContent).toBe('Hãy chọn cơ quan');
    picker.value = TU_PHAP.id;
    root.querySelector<HTMLTextAreaElement>('#i-note')!.value = 'Thuộc lĩnh vực hộ tịch';
    form.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/transfer'))!.body).toEqual({ agency: TU_PHAP.id, note: 'Thuộc lĩnh vực hộ tịch' });
    expect(root.querySelector('#i-agency-error')!.textContent).toBe('is not another unit of this province the question can be transferred to');

    transfer = () => {
      list = [];
      return { id: 'q-1', status: 'forwarded', agency: TU_PHAP };
    };
    form.requestSubmit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe(`Đã chuyển câu hỏi đến ${TU_PHAP.name}`);
    expect(root.textContent).toContain('Không có câu hỏi nào.');
  });

  it('returns a question to the board only with a reason, and asks the asker for information', async () => {
    let current: QuestionDetail = forwarded;
    const api = inbox({
      'GET /api/qa/inbox/q-1': () => current,
      'POST /api/qa/inbox/q-1/request-information': () => {
        current = { ...forwarded, status: 'waiting', timeline: [...forwarded.timeline, { action: 'info-requested', at: '2026-11-22T02:00:00.000Z', actor: 'chuyen-vien', unit: TNMT, target: null, note: 'Xin số thửa đất' }] };
        return { id: 'q-1', status: 'waiting' };
      },
      'POST /api/qa/inbox/q-1/return': () => ({ id: 'q-1', status: 'returned' }),
    });
    const element = mount(api);
    const root = await openFirst(element);
    root.querySelector<HTMLTextAreaElement>('#i-message')!.value = 'Xin số thửa đất';
    root.querySelector<HTMLFormElement>('form[aria-labelledby=i-ask-title]')!.requestSubmit();
    await settleAll(element);
    expect(api.calls.find((c) => c.path.endsWith('/request-information'))!.body).toEqual({ message: 'Xin số thửa đất' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã gửi đề nghị bổ sung thông tin; câu hỏi đang chờ người hỏi');
    expect(root.textContent).toContain('Chờ người hỏi bổ sung');
    expect(root.textContent).toContain('Đề nghị bổ sung thông tin');
    // Waiting: no more handing over.
    expect(root.querySelector('#i-reason')).toBeNull();

    current = forwarded;
    clickButton(root, 'Quay lại danh sách');
    await openFirst(element);
    root.querySelector<HTMLFormElement>('form[aria-labelledby=i-return-title]')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#i-reason-error')!.textContent).toBe('Hãy nhập lý do');
    expect(api.calls.some((c) => c.path.endsWith('/return'))).toBe(false);
    root.querySelector<HTMLTextAreaElement>('#i-reason')!.value = 'Không thuộc thẩm quyền của Sở';
    root.querySelector<HTMLFormElement>('form[aria-labelledby=i-return-title]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/return'))!.body).toEqual({ reason: 'Không thuộc thẩm quyền của Sở' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã trả lại câu hỏi cho Ban biên tập');
    expect(root.querySelector('h2')).toBeNull();
  });

  it('shows the answer editor under the question and refreshes the question when the answer is sent', async () => {
    let current: QuestionDetail = forwarded;
    const api = inbox({
      'GET /api/qa/inbox/q-1': () => current,
      'GET /api/qa/inbox/q-1/answer': () => answerView({ questionId: 'q-1' }),
      'POST /api/qa/inbox/q-1/answer/send': () => {
        current = { ...forwarded, status: 'answered' };
        return answerView({ questionId: 'q-1', questionStatus: 'answered' }, { status: 'sent', sentAt: '2026-11-23T02:00:00.000Z' });
      },
    });
    const element = mount(api);
    const root = await openFirst(element);
    const editor = root.querySelector('qa-answer-editor')!;
    clickButton(editor.shadowRoot!, 'Gửi trả lời');
    await settleAll(element);
    expect(api.calls.some((c) => c.path === '/api/qa/inbox/q-1/answer/send')).toBe(true);
    expect(root.querySelector('h2')!.textContent).toContain('Đã trả lời');
    expect(editor.shadowRoot!.textContent).toContain('Đã gửi');
  });
});

describe('<qa-agency-inbox> progress reports (QA-03)', () => {
  it('lists the reports sent, sends one with its text and date, and shows the API’s field error beside the date', async () => {
    const earlier = progressReport();
    let post: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /answerBy is too far', [{ in: 'body', pointer: '/answerBy', message: 'must be at most 15 working days away' }]);
    };
    const api = inbox({
      'GET /api/qa/inbox/q-1/progress-reports': () => ({ items: [earlier] }),
      'POST /api/qa/inbox/q-1/progress-reports': (call) => post(call),
    });
    const element = mount(api);
    const root = await openFirst(element);
    const section = root.querySelector('section[aria-labelledby=i-progress]')!;
    expect(section.textContent).toContain('Báo cáo tiến độ');
    expect(section.textContent).toContain(earlier.text);
    expect(section.textContent).toContain('hẹn trả lời ngày 04/12/2026');
    expect(root.querySelector<HTMLInputElement>('#i-answer-by')!.type).toBe('date');
    expect(await axeViolations(element)).toEqual([]);

    const report = root.querySelector<HTMLFormElement>('form[aria-labelledby=i-progress]')!;
    report.requestSubmit();
    await settle(element);
    expect(root.querySelector('#i-progress-text-error')!.textContent).toBe('Hãy nhập tiến độ xử lý');
    expect(root.querySelector('#i-answer-by-error')!.textContent).toBe('Hãy chọn ngày sẽ trả lời');
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/progress-reports'))).toBe(false);

    root.querySelector<HTMLTextAreaElement>('#i-progress-text')!.value = 'Đã có kết quả đo đạc, đang dự thảo trả lời';
    root.querySelector<HTMLInputElement>('#i-answer-by')!.value = '2027-03-01';
    report.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/progress-reports')).at(-1)!.body).toEqual({ text: 'Đã có kết quả đo đạc, đang dự thảo trả lời', answerBy: '2027-03-01' });
    expect(root.querySelector('#i-answer-by-error')!.textContent).toContain('must be at most 15 working days away');
    expect(root.querySelector('#i-answer-by')!.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(element)).toEqual([]);

    post = (call) => progressReport({ id: 'p-2', ...(call.body as { text: string; answerBy: string }), at: '2026-11-25T03:00:00.000Z' });
    root.querySelector<HTMLInputElement>('#i-answer-by')!.value = '2026-12-08';
    report.requestSubmit();
    await settleAll(element);
    expect(api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/progress-reports')).at(-1)!.body).toEqual({ text: 'Đã có kết quả đo đạc, đang dự thảo trả lời', answerBy: '2026-12-08' });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã gửi báo cáo tiến độ; hẹn trả lời ngày 08/12/2026');
    expect(root.querySelector('#i-answer-by-error')).toBeNull();
    const items = [...root.querySelectorAll('section[aria-labelledby=i-progress] li')].map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[1]).toContain('Đã có kết quả đo đạc, đang dự thảo trả lời');
  });

  it('shows the reports but offers no form once the question is no longer with the agency', async () => {
    const answered = { ...forwarded, status: 'answered' as const };
    const api = inbox({ 'GET /api/qa/inbox/q-1': () => answered, 'GET /api/qa/inbox/q-1/progress-reports': () => ({ items: [progressReport()] }) });
    const element = mount(api);
    const root = await openFirst(element);
    expect(root.querySelector('#i-progress-text')).toBeNull();
    expect(root.querySelector('section[aria-labelledby=i-progress]')!.textContent).toContain(progressReport().text);
  });
});
