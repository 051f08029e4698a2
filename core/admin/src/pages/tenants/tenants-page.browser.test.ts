import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ApiError, type AdminTenant, type AdminUser } from '@cong/sdk/admin';
import './tenants-page.js';
import type { TenantsPage, Unit, UnitImpact } from './tenants-page.js';
import { today } from '../../components/shared/shared.js';
import { fakeApi, settle, useVietnamese, type FakeCall } from '../../components/testing/fake-api.js';

const manager: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: ['core.tenants.manage'] };

function unit(fields: Partial<Unit> & Pick<Unit, 'id' | 'slug' | 'nameVi' | 'kind' | 'parentId'>): Unit {
  return { nameEn: null, status: 'active', validFrom: '2025-07-01', validTo: null, successorId: null, primaryHost: null, ...fields };
}

/** The units as the server holds them, with the changes the page makes applied. */
function unitsApi() {
  const units: Unit[] = [
    unit({ id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province', parentId: null }),
    unit({ id: 't-stc', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department', parentId: 't-qt' }),
    unit({ id: 't-stc-vp', slug: 'van-phong-so-tai-chinh', nameVi: 'Văn phòng Sở Tài chính', kind: 'department', parentId: 't-stc' }),
    unit({ id: 't-sxd', slug: 'so-xay-dung', nameVi: 'Sở Xây dựng', kind: 'department', parentId: 't-qt' }),
    unit({ id: 't-hl', slug: 'xa-hai-lang', nameVi: 'Xã Hải Lăng', kind: 'commune', parentId: 't-qt' }),
    unit({ id: 't-old', slug: 'huyen-hai-lang', nameVi: 'Huyện Hải Lăng', kind: 'district', parentId: 't-qt', status: 'archived', validTo: '2025-06-30', successorId: 't-hl' }),
  ];
  const byId = (id: string) => units.find((u) => u.id === id)!;
  const idOf = (call: FakeCall) => decodeURIComponent(call.path.split('/')[4]!);
  const api = fakeApi({
    'GET /api/core/tenants': (call) => {
      const { limit, offset } = call.query as { limit: number; offset: number };
      return { items: units.slice(offset, offset + limit), total: units.length };
    },
    'GET /api/core/tenants/:id/impact': (call): UnitImpact => {
      const id = idOf(call);
      const activeChildren = units.filter((u) => u.parentId === id && u.status === 'active').length;
      const big = id === 't-stc';
      return {
        tenantId: id,
        action: call.query!.action as 'archive' | 'merge',
        blockers: activeChildren > 0 ? ['active-children'] : [],
        activeChildren,
        activeDescendants: activeChildren,
        grants: big ? { inUnit: 7, inSubtree: 9 } : { inUnit: 4, inSubtree: 4 },
        users: big ? { inUnit: 5, inSubtree: 6 } : { inUnit: 3, inSubtree: 3 },
        apiTokens: 2,
        plugins: ['hello', 'news'],
        hosts: ['xaydung.quangtri.gov.vn', 'sxd.quangtri.gov.vn'],
        formerSlugs: 1,
      };
    },
    'POST /api/core/tenants': (call) => {
      const body = call.body as Pick<Unit, 'slug' | 'nameVi' | 'nameEn' | 'kind' | 'parentId'>;
      if (units.some((u) => u.slug === body.slug)) throw new ApiError(409, 'CONG_ERR_CONFLICT', 'Slug taken', [{ in: 'body', pointer: '/slug', message: 'Tên viết tắt đã được dùng' }]);
      const created = unit({ id: `t-${body.slug}`, ...body });
      units.push(created);
      return created;
    },
    'PATCH /api/core/tenants/:id': (call) => Object.assign(byId(idOf(call)), call.body),
    'POST /api/core/tenants/:id/archive': (call) => {
      const body = call.body as { effectiveDate: string; successorId?: string };
      return Object.assign(byId(idOf(call)), { status: 'archived', successorId: body.successorId ?? null });
    },
    'POST /api/core/tenants/merge': (call) => {
      const body = call.body as { sourceIds: string[]; successorId: string };
      for (const id of body.sourceIds) Object.assign(byId(id), { status: 'archived', successorId: body.successorId });
      return byId(body.successorId);
    },
  });
  return api;
}

async function mount(options: { selected?: string; user?: AdminUser } = {}) {
  const api = unitsApi();
  const page = document.createElement('cong-tenants-page') as TenantsPage;
  const record = (await api.get<{ items: Unit[] }>('/api/core/tenants', { query: { limit: 500, offset: 0 } })).items.find((u) => u.id === (options.selected ?? 't-qt'))!;
  api.calls.length = 0;
  const tenant: AdminTenant = { id: record.id, slug: record.slug, nameVi: record.nameVi, nameEn: record.nameEn, kind: record.kind };
  Object.assign(page, { tenant, user: options.user ?? manager, api });
  const toasts: unknown[] = [];
  page.addEventListener('cong-toast', (e) => toasts.push((e as CustomEvent).detail));
  document.body.append(page);
  await settle(page);
  await settle(page);
  const root = page.shadowRoot!;
  const wait = () => settle(page);
  return { page, api, root, toasts, wait };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const treeIds = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('wa-tree-item')].map((i) => i.dataset.id);
const ownText = (element: Element) => squash([...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
const buttons = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('section wa-button')].map(ownText);
function button(root: ParentNode, text: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('wa-button')].find((b) => ownText(b) === text);
  if (!found) throw new Error(`No button "${text}"`);
  return found;
}
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
function fill(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  }
}
const dialog = (root: ShadowRoot) => root.querySelector('wa-dialog')!;
const form = (root: ShadowRoot) => root.querySelector<HTMLFormElement>('#unit-form')!;
const confirmButton = (root: ShadowRoot) => dialog(root).querySelector<HTMLElement & { disabled: boolean }>('wa-button:not([data-dialog])')!;
const changes = (api: { calls: FakeCall[] }) => api.calls.filter((c) => c.method !== 'GET');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<cong-tenants-page>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('shows the active units as a tree, finds units without accents, and shows the chosen unit', async () => {
    const { page, api, root, wait } = await mount();
    expect(api.calls.map((c) => [c.path, c.query])).toEqual([['/api/core/tenants', { limit: 500, offset: 0 }]]);
    expect(root.querySelector('h1')!.textContent).toBe('Đơn vị');
    // By Vietnamese name under each parent; archived units hidden.
    expect(treeIds(root)).toEqual(['t-qt', 't-stc', 't-stc-vp', 't-sxd', 't-hl']);
    expect(root.querySelector('wa-tree-item[data-id=t-qt]')!.hasAttribute('selected')).toBe(true);
    expect(root.querySelector('#unit-title')!.textContent).toBe('Tỉnh Quảng Trị');

    const search = root.querySelector<HTMLInputElement>('#units-search')!;
    expect(search.labels![0]!.textContent).toBe('Tìm đơn vị');
    type(search, 'so tai chinh');
    await wait();
    // The matches and the units above them, unfolded.
    expect(treeIds(root)).toEqual(['t-qt', 't-stc', 't-stc-vp']);
    expect(squash(ownText(root.querySelector('wa-tree-item[data-id=t-stc]')!))).toBe('Sở Tài chính');
    expect(root.querySelector('wa-tree-item[data-id=t-stc]')!.hasAttribute('expanded')).toBe(true);
    type(search, 'XÃ HẢI LĂNG');
    await wait();
    expect(treeIds(root)).toEqual(['t-qt', 't-hl']);
    type(search, 'đà nẵng');
    await wait();
    expect(root.querySelector('wa-tree')).toBeNull();
    expect(squash(root.querySelector('section [role=status]')!.textContent)).toBe('Không có đơn vị phù hợp.');

    type(search, 'hai lang');
    await wait();
    expect(treeIds(root)).toEqual(['t-qt', 't-hl']);
    const archived = root.querySelector<HTMLInputElement>('.toolbar input[type=checkbox]')!;
    expect(archived.labels![0]!.textContent).toBe('Hiện cả đơn vị đã lưu trữ');
    archived.click();
    await wait();
    expect(treeIds(root)).toEqual(['t-qt', 't-old', 't-hl']);
    expect(squash(root.querySelector('wa-tree-item[data-id=t-old]')!.textContent)).toBe('Huyện Hải Lăng (đã lưu trữ)');

    // Choosing a unit in the tree shows it; an archived unit offers no changes.
    await userEvent.click(root.querySelector<HTMLElement>('wa-tree-item[data-id=t-old]')!);
    await wait();
    expect(root.querySelector('#unit-title')!.textContent).toBe('Huyện Hải Lăng');
    const details = squash(root.querySelector('dl')!.textContent);
    expect(details).toContain('Huyện (trước đây)');
    expect(details).toContain('Trực thuộc Tỉnh Quảng Trị');
    expect(details).toContain('Đã lưu trữ; đơn vị kế thừa: Xã Hải Lăng');
    expect(buttons(root)).toEqual([]);
    await userEvent.click(root.querySelector<HTMLElement>('wa-tree-item[data-id=t-hl]')!);
    await settle(page);
    expect(root.querySelector('#unit-title')!.textContent).toBe('Xã Hải Lăng');
    expect(buttons(root)).toEqual(['Thêm đơn vị trực thuộc', 'Đổi tên', 'Hợp nhất…', 'Lưu trữ…']);
  });

  it('creates a unit below the chosen one, refusing a slug with capitals and accents', async () => {
    const { api, root, toasts, wait } = await mount();
    // The province can have units added and be renamed, but not be merged or archived.
    expect(buttons(root)).toEqual(['Thêm đơn vị trực thuộc', 'Đổi tên']);
    button(root, 'Thêm đơn vị trực thuộc').click();
    await wait();
    expect(dialog(root).hasAttribute('open')).toBe(true);
    expect(dialog(root).getAttribute('label')).toBe('Thêm đơn vị trực thuộc Tỉnh Quảng Trị');
    const kinds = [...form(root).querySelectorAll<HTMLOptionElement>('select[name=kind] option')].map((o) => o.textContent);
    expect(kinds).toEqual(['Sở, ban, ngành', 'Xã', 'Phường', 'Đặc khu', 'Huyện (trước đây)']);

    fill(form(root), { nameVi: 'Sở Tài Chính', slug: 'Sở Tài Chính' });
    confirmButton(root).click();
    await wait();
    const slug = form(root).querySelector('#unit-slug')!;
    expect(root.querySelector('#unit-slug-error')!.textContent).toBe('Chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang đơn.');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(slug.getAttribute('aria-describedby')).toBe('unit-slug-hint unit-slug-error');
    expect(changes(api)).toEqual([]);

    // The server's refusal is shown beside the field too.
    fill(form(root), { slug: 'so-tai-chinh' });
    confirmButton(root).click();
    await wait();
    expect(root.querySelector('#unit-slug-error')!.textContent).toBe('Tên viết tắt đã được dùng');
    expect(dialog(root).hasAttribute('open')).toBe(true);

    fill(form(root), { nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', slug: 'so-noi-vu', kind: 'department' });
    confirmButton(root).click();
    await wait();
    await wait();
    expect(changes(api).at(-1)).toEqual({
      method: 'POST',
      path: '/api/core/tenants',
      body: { slug: 'so-noi-vu', nameVi: 'Sở Nội vụ', nameEn: 'Department of Home Affairs', kind: 'department', parentId: 't-qt' },
    });
    expect(dialog(root).hasAttribute('open')).toBe(false);
    expect(toasts).toEqual([{ message: 'Đã tạo Sở Nội vụ.', variant: 'success' }]);
    // Reloaded, with the new unit chosen.
    expect(api.calls.at(-1)!.path).toBe('/api/core/tenants');
    expect(treeIds(root)).toContain('t-so-noi-vu');
    expect(root.querySelector('#unit-title')!.textContent).toBe('Sở Nội vụ');
  });

  it('renames a unit: the names and slug start filled in, an emptied English name is sent as null', async () => {
    const { api, root, toasts, wait } = await mount({ selected: 't-stc' });
    button(root, 'Đổi tên').click();
    await wait();
    expect(dialog(root).getAttribute('label')).toBe('Đổi tên Sở Tài chính');
    const f = form(root);
    expect((f.elements.namedItem('nameVi') as HTMLInputElement).value).toBe('Sở Tài chính');
    expect((f.elements.namedItem('nameEn') as HTMLInputElement).value).toBe('Department of Finance');
    expect((f.elements.namedItem('slug') as HTMLInputElement).value).toBe('so-tai-chinh');
    expect(squash(root.querySelector('#unit-slug-hint')!.textContent)).toBe('Dùng trong địa chỉ trang. Tên viết tắt cũ vẫn tiếp tục chuyển hướng.');

    fill(f, { nameVi: '', slug: '' });
    confirmButton(root).click();
    await wait();
    expect(root.querySelector('#unit-nameVi-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(root.querySelector('#unit-slug-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(changes(api)).toEqual([]);

    fill(f, { nameVi: 'Sở Tài chính tỉnh Quảng Trị', nameEn: '', slug: 'tai-chinh' });
    confirmButton(root).click();
    await wait();
    await wait();
    expect(changes(api)).toEqual([{ method: 'PATCH', path: '/api/core/tenants/t-stc', body: { nameVi: 'Sở Tài chính tỉnh Quảng Trị', nameEn: null, slug: 'tai-chinh' } }]);
    expect(toasts).toEqual([{ message: 'Đã đổi tên đơn vị.', variant: 'success' }]);
    expect(root.querySelector('#unit-title')!.textContent).toBe('Sở Tài chính tỉnh Quảng Trị');
    expect(squash(root.querySelector('dl')!.textContent)).toContain('tai-chinh');
  });

  it('archives a unit only after showing what it touches, read from /impact first; cancelling changes nothing', async () => {
    const { api, root, toasts, wait } = await mount({ selected: 't-sxd' });
    button(root, 'Lưu trữ…').click();
    await wait();
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/core/tenants/t-sxd/impact', query: { action: 'archive' } });
    expect(dialog(root).hasAttribute('open')).toBe(true);
    expect(dialog(root).getAttribute('label')).toBe('Lưu trữ Sở Xây dựng');
    expect(root.querySelector('.blocker')).toBeNull();
    expect(squash(dialog(root).querySelector('[data-impact]')!.previousElementSibling!.textContent)).toBe('Những gì thay đổi đối với Sở Xây dựng:');
    expect([...dialog(root).querySelectorAll('[data-impact] li')].map((li) => squash(li.textContent))).toEqual([
      '0 đơn vị trực thuộc đang hoạt động',
      '3 tài khoản giữ 4 vai trò tại đơn vị (tính cả các đơn vị trực thuộc: 3 tài khoản, 4 vai trò)',
      '2 khóa API sẽ ngừng hoạt động',
      'Các chức năng đang bật tại đơn vị: hello, news',
      'Địa chỉ của đơn vị: xaydung.quangtri.gov.vn, sxd.quangtri.gov.vn (chỉ chuyển hướng khi chọn đơn vị kế thừa)',
      '1 tên viết tắt cũ cũng đang chuyển hướng',
    ]);
    expect(squash(dialog(root).textContent)).toContain('Không có dữ liệu nào bị xóa: đơn vị vẫn được lưu trong hồ sơ ở trạng thái lưu trữ.');
    expect(form(root).querySelector<HTMLInputElement>('#unit-date')!.value).toBe(today());
    expect(ownText(confirmButton(root))).toBe('Lưu trữ đơn vị');
    expect(confirmButton(root).disabled).toBe(false);
    expect(changes(api)).toEqual([]);

    dialog(root).querySelector<HTMLElement>('wa-button[data-dialog=close]')!.click();
    await pause(400);
    await wait();
    expect(dialog(root).hasAttribute('open')).toBe(false);
    expect(changes(api)).toEqual([]);

    button(root, 'Lưu trữ…').click();
    await wait();
    expect(api.calls.filter((c) => c.path.endsWith('/impact'))).toHaveLength(2);
    // The successor is optional; the unit itself is not offered.
    const successors = [...form(root).querySelectorAll<HTMLOptionElement>('#unit-successor option')].map((o) => o.value);
    expect(successors).toEqual(['', 't-qt', 't-stc', 't-stc-vp', 't-hl']);
    fill(form(root), { successorId: 't-hl', effectiveDate: '2026-01-01' });
    confirmButton(root).click();
    await wait();
    await wait();
    expect(changes(api)).toEqual([{ method: 'POST', path: '/api/core/tenants/t-sxd/archive', body: { effectiveDate: '2026-01-01', successorId: 't-hl' } }]);
    expect(toasts).toEqual([{ message: 'Đã lưu trữ Sở Xây dựng.', variant: 'success' }]);
    expect(treeIds(root)).not.toContain('t-sxd');
    expect(squash(root.querySelector('dl')!.textContent)).toContain('Đã lưu trữ; đơn vị kế thừa: Xã Hải Lăng');
  });

  it('explains why a unit with active units below cannot be archived or merged, and does not send the change', async () => {
    const { api, root, wait } = await mount({ selected: 't-stc' });
    for (const [action, submitText] of [
      ['Lưu trữ…', 'Lưu trữ đơn vị'],
      ['Hợp nhất…', 'Hợp nhất đơn vị'],
    ] as const) {
      button(root, action).click();
      await wait();
      expect(dialog(root).hasAttribute('open')).toBe(true);
      const blocker = root.querySelector('.blocker')!;
      expect(blocker.getAttribute('role')).toBe('alert');
      expect(blocker.textContent).toBe('Còn 1 đơn vị trực thuộc trực tiếp đang hoạt động: cần hợp nhất hoặc lưu trữ các đơn vị này trước.');
      const impact = [...dialog(root).querySelectorAll('[data-impact] li')].map((li) => squash(li.textContent));
      expect(impact[0]).toBe('1 đơn vị trực thuộc đang hoạt động');
      expect(impact[1]).toBe('5 tài khoản giữ 7 vai trò tại đơn vị (tính cả các đơn vị trực thuộc: 6 tài khoản, 9 vai trò)');
      const submit = confirmButton(root);
      expect(ownText(submit)).toBe(submitText);
      expect(submit.disabled).toBe(true);
      await userEvent.click(submit, { force: true });
      await wait();
      expect(changes(api), 'clicking the disabled button').toEqual([]);
      // Nor by Enter in the form (implicit submission).
      if (action === 'Hợp nhất…') fill(form(root), { successorId: 't-sxd' });
      form(root).querySelector<HTMLInputElement>('#unit-date')!.focus();
      expect(root.activeElement?.id).toBe('unit-date');
      await userEvent.keyboard('{Enter}');
      await wait();
      expect(changes(api), 'Enter in the date field').toEqual([]);
      // Nor by any other submission of the form (Enter submits it in browsers that submit date fields implicitly).
      form(root).requestSubmit();
      await wait();
      expect(changes(api), 'submitting the form').toEqual([]);
      expect(root.querySelector('.blocker')).not.toBeNull();
      dialog(root).querySelector<HTMLElement>('wa-button[data-dialog=close]')!.click();
      await pause(400);
      await wait();
    }
    expect(api.calls.filter((c) => c.path.endsWith('/impact')).map((c) => c.query)).toEqual([{ action: 'archive' }, { action: 'merge' }]);
  });

  it('merges a unit into a chosen one after showing what it touches; the merged-into unit is required', async () => {
    const { api, root, toasts, wait } = await mount({ selected: 't-sxd' });
    button(root, 'Hợp nhất…').click();
    await wait();
    expect(api.calls.at(-1)).toEqual({ method: 'GET', path: '/api/core/tenants/t-sxd/impact', query: { action: 'merge' } });
    expect(dialog(root).getAttribute('label')).toBe('Hợp nhất Sở Xây dựng vào đơn vị khác');
    const impact = [...dialog(root).querySelectorAll('[data-impact] li')].map((li) => squash(li.textContent));
    expect(impact).toContain('Các địa chỉ sẽ chuyển hướng sang đơn vị hợp nhất: xaydung.quangtri.gov.vn, sxd.quangtri.gov.vn');
    expect(impact).toContain('3 tài khoản giữ 4 vai trò tại đơn vị (tính cả các đơn vị trực thuộc: 3 tài khoản, 4 vai trò)');

    confirmButton(root).click();
    await wait();
    expect(root.querySelector('#unit-successor-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(changes(api)).toEqual([]);

    fill(form(root), { successorId: 't-stc' });
    confirmButton(root).click();
    await wait();
    await wait();
    expect(changes(api)).toEqual([{ method: 'POST', path: '/api/core/tenants/merge', body: { sourceIds: ['t-sxd'], successorId: 't-stc', effectiveDate: today() } }]);
    expect(toasts).toEqual([{ message: 'Đã hợp nhất Sở Xây dựng vào Sở Tài chính.', variant: 'success' }]);
    expect(root.querySelector('#unit-title')!.textContent).toBe('Sở Tài chính');
    expect(treeIds(root)).not.toContain('t-sxd');
  });

  it('offers no changes without core.tenants.manage', async () => {
    const { root } = await mount({ selected: 't-sxd', user: { ...manager, permissions: [] } });
    expect(root.querySelector('#unit-title')!.textContent).toBe('Sở Xây dựng');
    expect(buttons(root)).toEqual([]);
  });

  it('passes axe (WCAG 2.1 A and AA) with the archive confirmation open', async () => {
    const { root, wait } = await mount({ selected: 't-stc' });
    button(root, 'Lưu trữ…').click();
    await wait();
    await pause(300);
    const axePath = '/tests/node_modules/axe-core/axe.js';
    await import(/* @vite-ignore */ axePath);
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(root.host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
