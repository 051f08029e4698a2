import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import { ideaItem } from '../testing/feedback-fixtures.js';
import { axeViolations, clickButton, routedApi, settle, type Call } from '../testing/admin-test-support.js';
import { page, PROVINCE } from '../testing/qa-fixtures.js';
import type { FeedbackView } from '../shared/qa-api.js';
import './ideas-page.js';

function mount(api: ApiClient, permissions = ['qa.ideas.manage']): HTMLElementTagNameMap['qa-ideas'] {
  const element = document.createElement('qa-ideas');
  Object.assign(element, { api, user: { id: 'bbt', username: 'bbt', displayName: null, permissions }, tenant: { id: PROVINCE.id, slug: PROVINCE.slug, nameVi: PROVINCE.name, nameEn: null, kind: 'province' } });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.documentElement.lang = 'vi';
});
afterEach(() => {
  document.body.replaceChildren();
});

const publication = { slug: 'cay-xanh-bo-song-hieu-idea-2', title: 'Cây xanh bờ sông Hiếu', summary: 'Trồng cây và đặt ghế đá dọc bờ sông.', result: null, publishedAt: '2026-11-22T03:00:00.000Z' };
const ideas = [ideaItem(), ideaItem({ id: 'idea-2', status: 'accepted', supportCount: 37, publication, acknowledgement: { level: 'adopted', note: 'Đưa vào kế hoạch 2027' } })];

function base(extra: Record<string, (call: Call) => unknown> = {}, items: () => FeedbackView[] = () => ideas) {
  return routedApi({ 'GET /api/qa/ideas': () => page(items()), ...extra });
}

async function openOne(view: FeedbackView, extra: Record<string, (call: Call) => unknown>) {
  const api = base({ [`GET /api/qa/ideas/${view.id}`]: () => view, ...extra });
  const element = mount(api);
  await settle(element);
  const root = element.shadowRoot!;
  root.querySelector<HTMLButtonElement>(`tr[data-idea="${view.id}"] button`)!.click();
  await settle(element);
  return { api, element, root };
}

describe('<qa-ideas>', () => {
  it('lists the ideas with their support counts, by status; says so when there are none, when it fails and without the permission', async () => {
    const api = base();
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    expect(api.calls[0]).toEqual({ method: 'GET', path: '/api/qa/ideas', query: { limit: 20, offset: 0 } });
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Trồng cây xanh dọc bờ sông Hiếu');
    expect(rows[0]!.textContent).toContain('Mới tiếp nhận');
    expect(rows[1]!.textContent).toContain('Đã công khai');
    expect(rows[1]!.textContent).toContain('Tiếp thu');
    expect(rows[1]!.querySelectorAll('td')[2]!.textContent).toBe('37');
    expect(await axeViolations(element)).toEqual([]);
    const status = root.querySelector<HTMLSelectElement>('#idea-status')!;
    expect([...status.options].map((o) => o.value)).toEqual(['', 'received', 'accepted', 'rejected', 'archived']);
    status.value = 'accepted';
    status.dispatchEvent(new Event('change'));
    await settle(element);
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/qa/ideas', query: { status: 'accepted', limit: 20, offset: 0 } });

    const empty = mount(base({}, () => []));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Chưa có góp ý, hiến kế nào.');
    const failing = mount(base({ 'GET /api/qa/ideas': () => { throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'Ideas are handled by the province'); } }));
    await settle(failing);
    expect(failing.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('Ideas are handled by the province');
    const denied = mount(routedApi({}), ['qa.feedback.process']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Tiếp nhận, công khai và ghi nhận góp ý, hiến kế”');
  });

  it('accepts one with a public text (the server’s refusal beside its field), or rejects it with a reason', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /summary must not carry personal data (contact)', [{ in: 'body', pointer: '/summary', message: 'must not carry personal data (contact)' }]);
    };
    const { api, element, root } = await openOne(ideaItem(), {
      'POST /api/qa/ideas/idea-1/accept': (call) => answer(call),
      'POST /api/qa/ideas/idea-1/reject': () => ideaItem({ status: 'rejected', classifyReason: 'Trùng ý kiến đã có' }),
    });
    expect(root.activeElement?.textContent).toBe('Trồng cây xanh dọc bờ sông Hiếu');
    expect(root.textContent).toContain('0 lượt ủng hộ');
    expect(await axeViolations(element)).toEqual([]);
    const accept = root.querySelector<HTMLFormElement>('form[aria-labelledby="idea-accept-heading"]')!;
    accept.requestSubmit();
    await settle(element);
    expect(root.querySelector('#idea-accept-title-error')!.textContent).toBe('Không được để trống');
    expect(root.querySelector('#idea-accept-summary-error')!.textContent).toBe('Không được để trống');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    root.querySelector<HTMLInputElement>('#idea-accept-title')!.value = 'Cây xanh bờ sông Hiếu';
    root.querySelector<HTMLTextAreaElement>('#idea-accept-summary')!.value = 'Liên hệ an.nguyen@example.vn';
    accept.requestSubmit();
    await settle(element);
    expect(root.querySelector('#idea-accept-summary-error')!.textContent).toBe('must not carry personal data (contact)');
    expect(root.activeElement?.id).toBe('idea-accept-summary');
    expect(await axeViolations(element)).toEqual([]);

    answer = () => ideaItem({ status: 'accepted', publication });
    root.querySelector<HTMLTextAreaElement>('#idea-accept-summary')!.value = 'Trồng cây và đặt ghế đá dọc bờ sông.';
    accept.requestSubmit();
    await settle(element);
    expect(api.calls.filter((c) => c.path.endsWith('/accept')).at(-1)!.body).toEqual({ title: 'Cây xanh bờ sông Hiếu', summary: 'Trồng cây và đặt ghế đá dọc bờ sông.' });
    expect(element.announcement).toBe('Đã tiếp nhận và công khai');
    expect(root.querySelector<HTMLAnchorElement>('#fb-publication-title + p a')!.getAttribute('href')).toBe('/gop-y-hien-ke/cay-xanh-bo-song-hieu-idea-2');
    // Accepted: acknowledging comes next; accepting and rejecting are gone.
    expect(root.querySelector('#idea-accept-title')).toBeNull();
    expect(root.querySelector('#idea-ack-note')).not.toBeNull();

    const rejecting = await openOne(ideaItem(), { 'POST /api/qa/ideas/idea-1/reject': () => ideaItem({ status: 'rejected', classifyReason: 'Trùng ý kiến đã có' }) });
    const reject = rejecting.root.querySelector<HTMLFormElement>('form[aria-labelledby="idea-reject-heading"]')!;
    reject.requestSubmit();
    await settle(rejecting.element);
    expect(rejecting.root.querySelector('#idea-reject-reason-error')!.textContent).toBe('Không được để trống');
    rejecting.root.querySelector<HTMLTextAreaElement>('#idea-reject-reason')!.value = 'Trùng ý kiến đã có';
    reject.requestSubmit();
    await settle(rejecting.element);
    expect(rejecting.api.calls.find((c) => c.path.endsWith('/reject'))!.body).toEqual({ reason: 'Trùng ý kiến đã có' });
    expect(rejecting.root.textContent).toContain('Không tiếp nhận');
    expect([...rejecting.root.querySelectorAll('button')].map((b) => b.textContent?.trim())).toContain('Lưu trữ hồ sơ');
  });

  it('acknowledges or adopts an accepted idea with a public note, then archives it', async () => {
    const accepted = ideas[1]!;
    const { api, element, root } = await openOne(accepted, {
      'POST /api/qa/ideas/idea-2/acknowledge': (call) => ({ ...accepted, acknowledgement: call.body as { level: 'acknowledged' | 'adopted'; note: string } }),
      'POST /api/qa/ideas/idea-2/archive': () => ({ ...accepted, status: 'archived', archivedAt: '2026-11-28T03:00:00.000Z' }),
    });
    expect(root.textContent).toContain('37 lượt ủng hộ');
    // The current acknowledgement fills the form in.
    expect(root.querySelector<HTMLInputElement>('input[name=level][value=adopted]')!.checked).toBe(true);
    expect(root.querySelector<HTMLTextAreaElement>('#idea-ack-note')!.value).toBe('Đưa vào kế hoạch 2027');
    expect(await axeViolations(element)).toEqual([]);
    root.querySelector<HTMLTextAreaElement>('#idea-ack-note')!.value = '';
    root.querySelector<HTMLFormElement>('form[aria-labelledby="idea-ack-heading"]')!.requestSubmit();
    await settle(element);
    expect(root.querySelector('#idea-ack-note-error')!.textContent).toBe('Không được để trống');
    root.querySelector<HTMLInputElement>('input[name=level][value=acknowledged]')!.click();
    root.querySelector<HTMLTextAreaElement>('#idea-ack-note')!.value = 'Ghi nhận, sẽ xem xét năm 2027';
    root.querySelector<HTMLFormElement>('form[aria-labelledby="idea-ack-heading"]')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.path.endsWith('/acknowledge'))!.body).toEqual({ level: 'acknowledged', note: 'Ghi nhận, sẽ xem xét năm 2027' });
    expect(element.announcement).toBe('Đã lưu ghi nhận');

    clickButton(root, 'Lưu trữ hồ sơ');
    await settle(element);
    expect(api.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/qa/ideas/idea-2/archive' });
    expect(root.textContent).toContain('Đã lưu trữ');
    expect(root.querySelector('form')).toBeNull();
  });
});
