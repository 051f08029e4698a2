import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@cong/sdk/admin';
import type { Call } from '../testing/admin-test-support.js';
import { axeViolations, clickButton, routedApi, settle } from '../testing/admin-test-support.js';
import { DONG_HA, form, PROVINCE, rule, TNMT, TU_PHAP, units } from '../testing/qa-fixtures.js';
import type { RuleView } from '../shared/qa-api.js';
import './routing-rules.js';

function mount(api: ApiClient, permissions = ['qa.questions.triage']): HTMLElementTagNameMap['qa-routing-rules'] {
  const element = document.createElement('qa-routing-rules');
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

const byField = rule({ id: 'r-1', field: 'dat-dai', agency: TNMT, note: 'Theo Quyết định phân công' });
const byCommune = rule({ id: 'r-2', kind: 'commune', field: null, commune: DONG_HA, agency: DONG_HA });

function rules(extra: Record<string, (call: Call) => unknown> = {}, list: () => { items: RuleView[] } = () => ({ items: [byField, byCommune] })) {
  return routedApi({ 'GET /api/qa/routing-rules': list, 'GET /api/qa/public/form': () => form, 'GET /api/core/tenants': () => units, ...extra });
}

describe('<qa-routing-rules>', () => {
  it('lists the rules with what they match and where they suggest', async () => {
    const element = mount(rules());
    await settle(element);
    const rows = [...element.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows[0]!.textContent).toContain('Theo lĩnh vực');
    expect(rows[0]!.textContent).toContain('Đất đai');
    expect(rows[0]!.textContent).toContain(TNMT.name);
    expect(rows[0]!.textContent).toContain('Theo Quyết định phân công');
    expect(rows[1]!.textContent).toContain('Theo xã, phường');
    expect(rows[1]!.textContent).toContain(DONG_HA.name);
    expect(rows[0]!.querySelector('button')!.getAttribute('aria-label')).toBe(`Sửa quy tắc Đất đai → ${TNMT.name}`);
    expect(await axeViolations(element)).toEqual([]);
  });

  it('says so when there are none, outside the province, and without the permission', async () => {
    const empty = mount(rules({}, () => ({ items: [] })));
    await settle(empty);
    expect(empty.shadowRoot!.textContent).toContain('Chưa có quy tắc nào.');
    const commune = mount(rules({}, () => {
      throw new ApiError(404, 'CONG_ERR_NOT_FOUND', 'The question queue is kept by the province’s editorial board');
    }));
    await settle(commune);
    expect(commune.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('hãy chọn đơn vị cấp tỉnh');
    const denied = mount(routedApi({}), ['qa.questions.answer']);
    await settle(denied);
    expect(denied.shadowRoot!.textContent).toContain('Bạn cần quyền “Tiếp nhận, phân loại, chuyển câu hỏi (Ban biên tập)”');
  });

  it('adds a commune rule: checked here first, sent with the commune and the unit; the server’s refusal beside its field', async () => {
    let answer: (call: Call) => unknown = () => {
      throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /agency is not a unit of this province', [{ in: 'body', pointer: '/agency', message: 'is not a unit of this province' }]);
    };
    let items = [byField];
    const api = rules({ 'POST /api/qa/routing-rules': (call) => answer(call) }, () => ({ items }));
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    clickButton(root, 'Thêm quy tắc');
    await settle(element);
    expect(root.activeElement?.textContent).toBe('Thêm quy tắc');
    root.querySelector<HTMLInputElement>('input[name=kind][value=commune]')!.click();
    await settle(element);
    const submit = () => root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    submit();
    await settle(element);
    expect(root.querySelector('#r-commune-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.querySelector('#r-agency-error')!.textContent).toBe('Hãy chọn một mục');
    expect(root.activeElement?.id).toBe('r-commune');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    // The agency picker offers the province's units only.
    expect([...root.querySelector<HTMLSelectElement>('#r-agency')!.options].map((o) => o.value)).toEqual(['', DONG_HA.id, TNMT.id, TU_PHAP.id]);
    expect(await axeViolations(element)).toEqual([]);

    root.querySelector<HTMLSelectElement>('#r-commune')!.value = DONG_HA.slug;
    root.querySelector<HTMLSelectElement>('#r-agency')!.value = DONG_HA.id;
    submit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', path: '/api/qa/routing-rules', body: { kind: 'commune', field: null, commune: DONG_HA.slug, agency: DONG_HA.id, note: null } });
    expect(root.querySelector('#r-agency-error')!.textContent).toBe('is not a unit of this province');
    expect(root.querySelector('#r-agency')!.getAttribute('aria-invalid')).toBe('true');

    answer = () => {
      items = [byField, byCommune];
      return byCommune;
    };
    submit();
    await settle(element);
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã thêm quy tắc');
    expect(root.querySelector('form')).toBeNull();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('changes a rule with PUT, and deletes one after confirmation', async () => {
    let items = [byField, byCommune];
    const api = rules(
      {
        'PUT /api/qa/routing-rules/r-1': () => byField,
        'DELETE /api/qa/routing-rules/r-2': () => {
          items = [byField];
          return undefined;
        },
      },
      () => ({ items }),
    );
    const element = mount(api);
    await settle(element);
    const root = element.shadowRoot!;
    root.querySelector<HTMLButtonElement>(`button[aria-label="Sửa quy tắc Đất đai → ${TNMT.name}"]`)!.click();
    await settle(element);
    expect(root.querySelector<HTMLSelectElement>('#r-field')!.value).toBe('dat-dai');
    expect(root.querySelector<HTMLSelectElement>('#r-agency')!.value).toBe(TNMT.id);
    root.querySelector<HTMLSelectElement>('#r-agency')!.value = TU_PHAP.id;
    root.querySelector<HTMLInputElement>('#r-note')!.value = '';
    root.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await settle(element);
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ kind: 'field', field: 'dat-dai', commune: null, agency: TU_PHAP.id, note: null });
    expect(root.querySelector('[role=status]')!.textContent).toBe('Đã lưu quy tắc');

    root.querySelector<HTMLButtonElement>(`button[aria-label="Xoá quy tắc ${DONG_HA.name} → ${DONG_HA.name}"]`)!.click();
    await settle(element);
    expect(root.textContent).toContain('Các câu hỏi đã chuyển không bị ảnh hưởng.');
    expect(api.calls.some((c) => c.method === 'DELETE')).toBe(false);
    clickButton(root, 'Xác nhận xoá');
    await settle(element);
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/api/qa/routing-rules/r-2')).toBe(true);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
