import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { feedbackItem } from '../testing/feedback-fixtures.js';
import { axeViolations, clickButton, routedApi, settle, type Call } from '../testing/admin-test-support.js';
import { page, TNMT, TU_PHAP, units } from '../testing/qa-fixtures.js';
import type { FeedbackView } from '../shared/qa-api.js';
import './feedback-page.js';

// The receiving unit is the province's Department of Justice (the fixtures' tree).
function mount(api: ApiClient, permissions = ['qa.feedback.process']): HTMLElementTagNameMap['qa-feedback'] {
  const element = document.createElement('qa-feedback');
  Object.assign(element, { api, user: { id: 'tu-phap', username: 'tu.phap', displayName: null, permissions }, tenant: { id: TU_PHAP.id, slug: TU_PHAP.slug, nameVi: TU_PHAP.name, nameEn: null, kind: 'department' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const list = [
  feedbackItem(),
  feedbackItem({ id: 'fb-2', title: 'Đề nghị ban hành quy định mới về chợ đêm', contentType: 'new-regulation', status: 'forwarding', registerNumber: '0002/2026', forwardDueOn: '2026-11-27' }),
];

function base(extra: Record<string, (call: Call) => unknown> = {}, items: () => FeedbackView[] = () => list) {
  return routedApi({ 'GET /api/qa/feedback': () => page(items()), 'GET /api/core/tenants': () => units, ...extra });
}

/** The item's view after a step: the body is checked by the test, the answer is `next`. */
async function openOne(view: FeedbackView, extra: Record<string, (call: Call) => unknown>) {
  const api = base({ [`GET /api/qa/feedback/${view.id}`]: () => view, ...extra });
  const element = mount(api);
  await settle(element);
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>(`tr[data-feedback="${list[0]!.id}"] button`)!.click();
  await settle(element);
  return { api, element, root };
}

describe('<qa-feedback>', () => {
  it('lists the feedback by status and content type; says so when there is none, when it fails and without the permission', async () => {
    const api = base();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toEqual({ method: 'GET', path: '/api/qa/feedback', query: { limit: 20, offset: 0 } });
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Mức phí trông giữ xe đạp chưa phù hợp');
    expect(rows[0]!.textContent).toContain('Mới tiếp nhận');
    expect(rows[0]!.textContent).toContain('Vướng mắc, bất cập trong thực hiện quy định');
    expect(rows[1]!.textContent).toContain('Chờ chuyển');
    expect(rows[1]!.textContent).toContain('27/11/2026');
    expect(await axeViolations(element)).toEqual([]);

    // The type filters the page shown; the status asks the server.
    const type = root.querySelector<HTMLSelectElement>('#fb-type')!;
    type.value = 'new-regulation';
    type.dispatchEvent(new Event('change'));
    await settle(element);
    expect([...root.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-feedback'))).toEqual(['fb-2']);
    const status = root.querySelector<HTMLSelectElement>('#fb-status')!;
    status.value = 'processing';
    status.dispatchEvent(new Event('change'));
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/qa/feedback', query: { status: 'processing', limit: 20, offset: 0 } });

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Chưa có phản ánh, kiến nghị nào.');
    // Another unit than the receiving one: the server answers 404, the page says what it says.
    const failing = mount(base({ 'GET /api/qa/feedback': () => { throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'This unit does not receive feedback on regulations'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('This unit does not receive feedback on regulations');
    const denied = mount(routedApi({}), ['qa.ideas.manage']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Tiếp nhận, vào sổ, phân loại, xử lý phản ánh, kiến nghị”');
  });

  it('opens one with its sender and timeline, registers it, then classifies it (checked here first, the reason required)', async () => {
    const registered = feedbackItem({ status: 'registered', registerNumber: '0001/2026', timeline: [...feedbackItem().timeline, { action: 'registered', actor: 'tu-phap', unit: TU_PHAP.id, note: '0001/2026', at: '2026-11-20T03:00:00.000Z' }] });
    const forwarding = { ...registered, status: 'forwarding' as const, classification: 'outside-competence' as const, classifyReason: 'Thuộc thẩm quyền của Sở Xây dựng', forwardDueOn: '2026-11-27', forwardRuleVersion: '2026-07' };
    const { api, element, root } = await openOne(feedbackItem(), {
      'POST /api/qa/feedback/fb-1/register': () => registered,
      'POST /api/qa/feedback/fb-1/classify': () => forwarding,
    });
    expect(root.activeElement?.textContent).toBe('Mức phí trông giữ xe đạp chưa phù hợp');
    expect(root.textContent).toContain('Nguyễn Văn An · an.nguyen@example.vn · 0912345678 · 12 Lê Lợi, Đông Hà');
    expect(root.textContent).toContain('Quyết định 12/2025/QĐ-UBND về phí trông giữ xe');
    expect(root.querySelector('caption')!.textContent).toBe('Các bước xử lý');
    expect(root.textContent).toContain('Tiếp nhận');
    expect(await axeViolations(element)).toEqual([]);

    // Without a number: the next one of the year (the server's); the body leaves it out.
    clickButton(root, 'Vào sổ');
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/register'))!.body).toEqual({});
    expect(element.announcement).toBe('Đã vào sổ, số 0001/2026');
    expect(root.textContent).toContain('0001/2026');

    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-classify-outcome-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#fb-classify-reason-error')!.textContent).toBe('Không được để trống');
    expect(api.calls.some((c) => c.path.endsWith('/classify'))).toBe(false);
    expect(await axeViolations(element)).toEqual([]);
    const outcomes = [...root.querySelectorAll<HTMLInputElement>('input[name=outcome]')];
    expect(outcomes.map((o) => o.value)).toEqual(['not-accepted', 'official-complaint', 'within-competence', 'outside-competence']);
    outcomes[3]!.click();
    await settle(element);
    expect(root.querySelector('#fb-classify-forward-hint')!.textContent).toContain('hạn chuyển');
    root.querySelector<HTMLTextAreaElement>('#fb-classify-reason')!.value = 'Thuộc thẩm quyền của Sở Xây dựng';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/classify'))!.body).toEqual({ outcome: 'outside-competence', reason: 'Thuộc thẩm quyền của Sở Xây dựng' });
    // Now the forwarding step, with its due date.
    expect(root.textContent).toContain('Chuyển chậm nhất ngày 27/11/2026.');
    expect(root.textContent).toContain('Hạn chuyển');
  });

  it('forwards to a unit of the province or to another body by name, by the due date', async () => {
    const forwarding = feedbackItem({ status: 'forwarding', registerNumber: '0001/2026', classification: 'outside-competence', classifyReason: 'Sở Xây dựng', forwardDueOn: '2026-11-27', forwardRuleVersion: '2026-07' });
    const { api, element, root } = await openOne(forwarding, {
      'POST /api/qa/feedback/fb-1/forward': (call) => ({ ...forwarding, status: 'forwarded', forwardedTo: (call.body as { to: string }).to === TNMT.id ? TNMT.name : 'Bộ Tài chính', forwardedAt: '2026-11-25T03:00:00.000Z', forwardedOnTime: true }),
    });
    const picker = root.querySelector<HTMLSelectElement>('#fb-forward-to')!;
    // The units of the province, not the receiving unit itself nor another province's.
    expect([...picker.options].map((o) => o.value)).toEqual(['', 'u-dong-ha', TNMT.id]);
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-forward-to-error')!.textContent).toBe('Hãy chọn một mục');
    expect(await axeViolations(element)).toEqual([]);
    root.querySelector<HTMLInputElement>('#fb-forward-other')!.value = 'Bộ Tài chính';
    root.querySelector<HTMLTextAreaElement>('#fb-forward-note')!.value = 'Kèm hồ sơ';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/forward'))!.body).toEqual({ to: 'Bộ Tài chính', note: 'Kèm hồ sơ' });
    expect(element.announcement).toBe('Đã chuyển đến Bộ Tài chính');
    expect(root.textContent).toContain('Đúng hạn');
    // Forwarded: only archiving is left.
    expect(root.querySelector('form')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('Lưu trữ hồ sơ');
  });

  it('processes one: clarify, assess, review against the six criteria, then decide (not before the review)', async () => {
    const processing = feedbackItem({ status: 'processing', registerNumber: '0001/2026', classification: 'within-competence', classifyReason: 'Thuộc thẩm quyền' });
    let review: FeedbackView['review'] = null;
    const { api, element, root } = await openOne(processing, {
      'POST /api/qa/feedback/fb-1/clarify': () => processing,
      'POST /api/qa/feedback/fb-1/assess': () => processing,
      'PUT /api/qa/feedback/fb-1/review': (call) => ({ ...processing, review: (review = (call.body as { criteria: NonNullable<FeedbackView['review']> }).criteria) }),
      'POST /api/qa/feedback/fb-1/decide': () => ({ ...processing, review, status: 'decided', decision: 'amend', decisionNote: 'Sửa mức phí' }),
    });
    expect(await axeViolations(element)).toEqual([]);
    const decide = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Quyết định')!;
    expect(decide.disabled).toBe(true);
    expect(root.textContent).toContain('Cần rà soát theo các tiêu chí trước khi quyết định.');

    const form = (title: string) => root.querySelector<HTMLFormElement>(`form[aria-labelledby="${title}"]`)!;
    form('fb-clarify-heading').requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-clarify-note-error')!.textContent).toBe('Không được để trống');
    root.querySelector<HTMLTextAreaElement>('#fb-clarify-note')!.value = 'Gọi điện đề nghị gửi ảnh biển giá';
    form('fb-clarify-heading').requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/clarify'))!.body).toEqual({ note: 'Gọi điện đề nghị gửi ảnh biển giá' });
    expect(root.querySelector<HTMLTextAreaElement>('#fb-clarify-note')!.value).toBe('');
    expect(element.announcement).toBe('Đã ghi nhận đề nghị làm rõ');

    root.querySelector<HTMLInputElement>('input[name=sufficientBasis][value=yes]')!.click();
    root.querySelector<HTMLTextAreaElement>('#fb-assess-note')!.value = 'Có biên lai thu phí';
    form('fb-assess-heading').requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/assess'))!.body).toEqual({ sufficientBasis: true, note: 'Có biên lai thu phí' });

    expect([...root.querySelectorAll('fieldset[data-criterion] legend')].map((l) => l.textContent)).toEqual([
      'Sự cần thiết', 'Tính hợp lý, hợp pháp', 'Tính đơn giản', 'Tính khả thi', 'Tính đồng bộ, thống nhất', 'Phù hợp với điều ước quốc tế',
    ]);
    for (const c of ['necessity', 'simplicity', 'feasibility', 'consistency', 'treaty-compliance']) root.querySelector<HTMLInputElement>(`#fb-review-met-${c}`)!.click();
    root.querySelector<HTMLTextAreaElement>('#fb-review-note-reasonableness-legality')!.value = 'Mức phí cao hơn khung của HĐND';
    form('fb-review-heading').requestSubmit();
    await settle(element);
    const sent = api.calls.find((c) => c.method === 'PUT')!;
    expect(sent.path).toBe('/api/qa/feedback/fb-1/review');
    expect(sent.body).toEqual({
      criteria: {
        necessity: { met: true, note: '' },
        'reasonableness-legality': { met: false, note: 'Mức phí cao hơn khung của HĐND' },
        simplicity: { met: true, note: '' },
        feasibility: { met: true, note: '' },
        consistency: { met: true, note: '' },
        'treaty-compliance': { met: true, note: '' },
      },
    });
    // The review stays filled in from the server's answer.
    expect(root.querySelector<HTMLInputElement>('#fb-review-met-reasonableness-legality')!.checked).toBe(false);
    expect(root.querySelector<HTMLTextAreaElement>('#fb-review-note-reasonableness-legality')!.value).toBe('Mức phí cao hơn khung của HĐND');

    root.querySelector<HTMLSelectElement>('#fb-decide-decision')!.value = 'amend';
    root.querySelector<HTMLTextAreaElement>('#fb-decide-note')!.value = 'Sửa mức phí';
    form('fb-decide-heading').requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/decide'))!.body).toEqual({ decision: 'amend', note: 'Sửa mức phí' });
    expect(root.textContent).toContain('Sửa đổi, bổ sung quy định');
    expect(root.querySelector('#fb-publish-heading')).not.toBeNull();
  });

  it('publishes the result: the server’s refusal of personal data goes beside its field; then archives', async () => {
    const decided = feedbackItem({ status: 'decided', registerNumber: '0001/2026', classification: 'within-competence', decision: 'amend', decisionNote: 'Sửa mức phí', review: null });
    const published = { ...decided, status: 'published' as const, publication: { slug: 'muc-phi-trong-giu-xe-fb-1', title: 'Mức phí trông giữ xe đạp', summary: 'Phản ánh về mức phí', result: 'Đã sửa', publishedAt: '2026-11-26T03:00:00.000Z' } };
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /summary must not carry personal data (name)', [{ in: 'body', pointer: '/summary', message: 'must not carry personal data (name)' }]);
    };
    const { api, element, root } = await openOne(decided, {
      'POST /api/qa/feedback/fb-1/publish': (call) => answer(call),
      'POST /api/qa/feedback/fb-1/archive': () => ({ ...published, status: 'archived', archivedAt: '2026-11-27T03:00:00.000Z' }),
    });
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-publish-title-error')!.textContent).toBe('Không được để trống');
    expect(api.calls.some((c) => c.path.endsWith('/publish'))).toBe(false);

    root.querySelector<HTMLInputElement>('#fb-publish-title')!.value = 'Mức phí trông giữ xe đạp';
    root.querySelector<HTMLTextAreaElement>('#fb-publish-summary')!.value = 'Ông Nguyễn Văn An phản ánh mức phí';
    root.querySelector<HTMLTextAreaElement>('#fb-publish-result')!.value = 'Đã sửa';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-publish-summary-error')!.textContent).toBe('must not carry personal data (name)');
    expect(root.activeElement?.id).toBe('fb-publish-summary');
    expect(root.querySelector('[role=alert]')).toBeNull();
    expect(await axeViolations(element)).toEqual([]);

    answer = () => published;
    root.querySelector<HTMLTextAreaElement>('#fb-publish-summary')!.value = 'Phản ánh về mức phí';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path.endsWith('/publish')).at(-1)!.body).toEqual({ title: 'Mức phí trông giữ xe đạp', summary: 'Phản ánh về mức phí', result: 'Đã sửa' });
    expect(root.querySelector('#fb-publish-summary-error')).toBeNull();
    expect(root.textContent).toContain('Cập nhật kết quả công khai');
    expect(root.querySelector<HTMLAnchorElement>('#fb-publication-title + p a')!.getAttribute('href')).toBe('/phan-anh-kien-nghi/ket-qua');

    clickButton(root, 'Lưu trữ hồ sơ');
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/qa/feedback/fb-1/archive' });
    expect(root.textContent).toContain('Đã lưu trữ');
    expect(root.querySelector('form')).toBeNull();
  });
  it('enters feedback received by post: checked here first (no future day), the server’s field errors beside the fields, then opened with its channel', async () => {
    const entered = feedbackItem({ id: 'fb-9', channel: 'post', trackingCode: 'PA-2026-7K2M9Q', sender: { name: 'Trần Văn Bình', email: '', phone: '0233 3852 111', address: 'Thôn 3, Cam Hiếu' }, receivedAt: '2026-11-17T17:00:00.000Z', timeline: [{ action: 'received', actor: 'tu-phap', unit: TU_PHAP.id, note: 'post', at: '2026-11-17T17:00:00.000Z' }] });
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /phone: Phone: required, at least 9 digits.', [{ in: 'body', pointer: '/phone', message: 'Phone: required, at least 9 digits.' }]);
    };
    const api = base({ 'POST /api/qa/feedback': (call) => answer(call) }, () => [...list, feedbackItem({ id: 'fb-3', channel: 'phone', title: 'Gọi điện về phí chợ' })]);
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    // The channel is a column of the list.
    expect(root.querySelector('thead')!.textContent).toContain('Kênh tiếp nhận');
    expect(root.querySelector('tr[data-feedback="fb-1"]')!.textContent).toContain('Cổng thông tin');
    expect(root.querySelector('tr[data-feedback="fb-3"]')!.textContent).toContain('Điện thoại');

    clickButton(root, 'Nhập phản ánh nhận qua bưu điện, điện thoại…');
    await settle(element);
    expect(root.activeElement?.id).toBe('fb-intake-heading');
    expect(root.querySelector('table')).toBeNull();
    expect([...root.querySelectorAll<HTMLInputElement>('input[name=channel]')].map((i) => i.value)).toEqual(['post', 'phone', 'questionnaire', 'in_person']);
    expect(await axeViolations(element)).toEqual([]);

    // Empty: every required field named, nothing sent; a day after today is refused here.
    const form = () => root.querySelector<HTMLFormElement>('form[aria-labelledby="fb-intake-heading"]')!;
    const tomorrow = new Date(Date.now() + 31 * 3_600_000).toISOString().slice(0, 10);
    root.querySelector<HTMLInputElement>('#fb-intake-receivedOn')!.value = tomorrow;
    form().requestSubmit();
    await settle(element);
    for (const f of ['channel', 'name', 'address', 'phone', 'contentType', 'regulationName', 'title', 'content']) expect(root.querySelector(`#fb-intake-${f}-error`), f).not.toBeNull();
    expect(root.querySelector('#fb-intake-receivedOn-error')!.textContent).toBe('Ngày nhận không được sau hôm nay');
    expect(root.querySelector('#fb-intake-email-error')).toBeNull();
    expect(root.activeElement?.id).toBe('fb-intake-channel');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    expect(await axeViolations(element)).toEqual([]);

    const fill = (id: string, value: string) => {
      const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`#fb-intake-${id}`)!;
      control.value = value;
    };
    root.querySelector<HTMLInputElement>('input[name=channel][value=post]')!.click();
    fill('receivedOn', '2026-11-18');
    fill('name', 'Trần Văn Bình');
    fill('address', 'Thôn 3, Cam Hiếu');
    fill('phone', '12');
    fill('contentType', 'unsuitable');
    fill('regulationName', 'Quyết định 12/2025/QĐ-UBND');
    fill('title', 'Thư phản ánh về phí chợ');
    fill('content', 'Mức phí chợ cao hơn mức quy định của tỉnh, đề nghị xem xét lại.');
    form().requestSubmit();
    await settle(element);
    expect(root.querySelector('#fb-intake-phone-error')!.textContent).toBe('Phone: required, at least 9 digits.');
    expect(root.activeElement?.id).toBe('fb-intake-phone');
    expect(root.querySelector('[role=alert]')).toBeNull();

    answer = () => entered;
    fill('phone', '0233 3852 111');
    form().requestSubmit();
    await settle(element);
    // No e-mail, link or proposal: left out; the consent box unticked.
    expect(api.calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({
      channel: 'post',
      receivedOn: '2026-11-18',
      name: 'Trần Văn Bình',
      address: 'Thôn 3, Cam Hiếu',
      phone: '0233 3852 111',
      contentType: 'unsuitable',
      regulationName: 'Quyết định 12/2025/QĐ-UBND',
      title: 'Thư phản ánh về phí chợ',
      content: 'Mức phí chợ cao hơn mức quy định của tỉnh, đề nghị xem xét lại.',
      consentPublish: false,
    });
    expect(element.announcement).toBe('Đã tiếp nhận, mã theo dõi PA-2026-7K2M9Q');
    // The new item is open at the register step, with its channel in the facts and the timeline.
    expect(root.querySelector('#fb-register-heading')).not.toBeNull();
    const facts = root.querySelector('dl.facts')!.textContent!;
    expect(facts).toContain('Kênh tiếp nhận');
    expect(facts).toContain('Bưu điện');
    expect(root.querySelector('caption')!.parentElement!.querySelector('tbody')!.textContent).toContain('Bưu điện');
    expect(await axeViolations(element)).toEqual([]);
  });
});
