import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type AdminTenant, type AdminUser } from '@cong/sdk/admin';
import './roles-page.js';
import { suggestRoleId, type PermissionItem, type RoleItem, type RolesPage } from './roles-page.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import type { DataTable } from '../../components/data-table/data-table.js';
import { fakeApi, settle, useVietnamese, type FakeCall } from '../../components/testing/fake-api.js';

const province: AdminTenant = { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province' };
const finance: AdminTenant = { id: 't-stc', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department' };
const admin: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: ['core.access.manage', 'core.modules.manage'] };

const catalogue: PermissionItem[] = [
  { id: 'core.users.manage', label: { vi: 'Quản lý tài khoản', en: 'Manage accounts' }, plugin: 'core' },
  { id: 'core.audit.read', label: { vi: 'Xem nhật ký thao tác', en: 'Read the audit log' }, plugin: 'core' },
  { id: 'news.write', label: { vi: 'Viết tin', en: 'Write news' }, plugin: 'news' },
  { id: 'news.publish', label: { vi: 'Xuất bản tin', en: 'Publish news' }, plugin: 'news' },
  { id: 'docs.read', label: { vi: 'Xem văn bản' }, plugin: 'docs' },
];

/** A server for the page: the roles and the permission catalogue of `role-routes.ts`. */
function rolesApi() {
  const roles: RoleItem[] = [
    { id: 'super-admin', labelVi: 'Quản trị hệ thống', labelEn: 'Super administrator', permissions: ['*'], builtin: true },
    { id: 'unit-admin', labelVi: 'Quản trị đơn vị', labelEn: 'Unit administrator', permissions: ['core.users.manage', 'core.access.manage'], builtin: true },
    { id: 'thu-ky', labelVi: 'Thư ký', labelEn: null, permissions: ['news.*', 'core.audit.read'], builtin: false },
    // Holds a permission of a plugin removed since.
    { id: 'phong-vien', labelVi: 'Phóng viên', labelEn: 'Reporter', permissions: ['news.write', 'portal.old'], builtin: false },
  ];
  const granted = new Set(['thu-ky']);
  return fakeApi({
    'GET /api/core/roles': () => ({ items: roles }),
    'GET /api/core/permissions': () => ({ items: catalogue }),
    'GET /api/core/modules': () => ({
      tenantId: 't-qt',
      items: [
        { plugin: 'news', name: { vi: 'Tin tức', en: 'News' }, enabled: true, version: '1.0.0', state: 'started' },
        { plugin: 'docs', name: null, enabled: true, version: '1.0.0', state: 'started' },
      ],
    }),
    'PUT /api/core/roles/:id': (call) => {
      const id = decodeURIComponent(call.path.split('/').pop()!);
      const body = call.body as { label: { vi: string; en?: string }; permissions: string[] };
      const unknown = body.permissions.findIndex((p) => !catalogue.some((c) => c.id === p || (p.endsWith('.*') && c.id.startsWith(p.slice(0, -1)))));
      if (unknown >= 0) {
        throw new ApiError(400, 'CONG_ERR_VALIDATION', `Permission ${body.permissions[unknown]} does not exist`, [
          { in: 'body', pointer: `/permissions/${unknown}`, message: 'is not a known permission', keyword: 'enum' },
        ]);
      }
      const role: RoleItem = { id, labelVi: body.label.vi, labelEn: body.label.en ?? null, permissions: body.permissions, builtin: false };
      const at = roles.findIndex((r) => r.id === id);
      if (at >= 0) roles[at] = role;
      else roles.push(role);
      return role;
    },
    'DELETE /api/core/roles/:id': (call) => {
      const id = call.path.split('/').pop()!;
      if (granted.has(id)) throw new ApiError(409, 'CONG_ERR_ROLE_IN_USE', `Role ${id} is still granted 2 times: revoke those grants first`);
      roles.splice(roles.findIndex((r) => r.id === id), 1);
      return undefined;
    },
  });
}

async function mount(options: { tenant?: AdminTenant; api?: ReturnType<typeof rolesApi> } = {}) {
  const api = options.api ?? rolesApi();
  const page = document.createElement('cong-roles-page') as RolesPage;
  Object.assign(page, { tenant: options.tenant ?? province, user: admin, api });
  const toasts: unknown[] = [];
  page.addEventListener('cong-toast', (e) => toasts.push((e as CustomEvent).detail));
  document.body.append(page);
  await settle(page);
  const root = page.shadowRoot!;
  const table = root.querySelector('cong-data-table') as unknown as DataTable<RoleItem>;
  const confirm = root.querySelector('cong-confirm-dialog') as ConfirmDialog;
  await settle(page, table);
  const wait = () => settle(page, table, confirm);
  return { page, api, root, table, confirm, toasts, wait };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const calls = (api: { calls: FakeCall[] }, method: string) => api.calls.filter((c) => c.method === method);
const rowOf = (table: DataTable<RoleItem>, name: string) => [...table.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes(name))!;
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => squash(c.textContent));
const ownText = (element: Element) => squash([...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
const buttons = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('wa-button')].map((b) => squash(b.textContent));
function button(root: ParentNode, text: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('wa-button')].find((b) => ownText(b) === text);
  if (!found) throw new Error(`No button "${text}" among ${JSON.stringify(buttons(root))}`);
  return found;
}
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
const dialogOf = (root: ShadowRoot) => root.querySelector('#role-form')!.closest('wa-dialog')!;
const submit = (root: ShadowRoot) => dialogOf(root).querySelector<HTMLElement>('wa-button[variant=brand]')!.click();
const box = (root: ShadowRoot, value: string) => root.querySelector<HTMLInputElement>(`#role-form input[name=permission][value="${value}"]`)!;
const confirmDialog = (confirm: ConfirmDialog) => confirm.shadowRoot!.querySelector('wa-dialog')!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runAxe(context: Element): Promise<string[]> {
  // axe-core is a dependency of the tests package; served from there by vite.
  const axePath = '/tests/node_modules/axe-core/axe.js';
  await import(/* @vite-ignore */ axePath);
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
  const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('<cong-roles-page>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('suggests an id from the Vietnamese name, folded to ASCII kebab-case', () => {
    expect(suggestRoleId('Biên tập viên')).toBe('bien-tap-vien');
    expect(suggestRoleId('  Đội  kiểm tra (Sở) ')).toBe('doi-kiem-tra-so');
    expect(suggestRoleId('1. Văn thư')).toBe('van-thu');
    expect(suggestRoleId('x'.repeat(80))).toHaveLength(60);
  });

  it('lists the roles by name with their id, how many permissions they give and whether they are built in', async () => {
    const { root, table } = await mount();
    expect(root.querySelector('h1')!.textContent).toBe('Vai trò');
    expect(root.querySelector('#roles-province-notice')).toBeNull();
    expect([...table.shadowRoot!.querySelectorAll('thead th')].map((th) => squash(th.textContent))).toEqual(['Tên', 'Mã vai trò', 'Quyền', 'Loại', 'Thao tác']);
    const rows = [...table.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => cells(tr).slice(0, 4));
    expect(rows).toEqual([
      ['Phóng viên Reporter', 'phong-vien', '2', 'Tự định nghĩa'],
      ['Quản trị đơn vị Unit administrator', 'unit-admin', '2', 'Có sẵn'],
      ['Quản trị hệ thống Super administrator', 'super-admin', 'Tất cả', 'Có sẵn'],
      // news.* counts as each permission of the plugin.
      ['Thư ký', 'thu-ky', '3', 'Tự định nghĩa'],
    ]);
    // Built-in roles can be changed, never deleted.
    expect(buttons(rowOf(table, 'Quản trị đơn vị'))).toEqual(['Sửa Quản trị đơn vị']);
    expect(buttons(rowOf(table, 'Thư ký'))).toEqual(['Sửa Thư ký', 'Xóa Thư ký']);
  });

  it('creates a role: the id follows the name, permissions grouped by plugin, a whole plugin sent as plugin.*', async () => {
    const { page, api, root, table, toasts, wait } = await mount();
    button(root, 'Vai trò mới').click();
    await wait();
    const dialog = dialogOf(root);
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('label')).toBe('Vai trò mới');

    // Groups: the core first, then the plugins by name (the modules list names them).
    const legends = [...root.querySelectorAll('#role-permissions > fieldset > legend')].map((l) => squash(l.textContent));
    expect(legends).toEqual(['Nền tảng core', 'docs', 'Tin tức news']);

    const form = root.querySelector<HTMLFormElement>('#role-form')!;
    type(form.querySelector<HTMLInputElement>('#role-labelVi')!, 'Biên tập viên');
    await wait();
    expect(form.querySelector<HTMLInputElement>('#role-id')!.value).toBe('bien-tap-vien');
    type(form.querySelector<HTMLInputElement>('#role-labelEn')!, 'Editor');

    box(root, 'core.audit.read').click();
    box(root, 'news.write').click();
    await wait();
    box(root, 'news.*').click();
    await wait();
    // The whole plugin covers its permissions: they show ticked and cannot be unticked one by one.
    expect(box(root, 'news.publish').checked).toBe(true);
    expect(box(root, 'news.publish').disabled).toBe(true);
    expect(squash(box(root, 'news.*').parentElement!.textContent)).toBe('Toàn bộ chức năng, kể cả các quyền được bổ sung sau này (news.*)');

    submit(root);
    await wait();
    await settle(page, table);
    expect(calls(api, 'PUT')).toEqual([
      { method: 'PUT', path: '/api/core/roles/bien-tap-vien', body: { label: { vi: 'Biên tập viên', en: 'Editor' }, permissions: ['core.audit.read', 'news.*'] } },
    ]);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(toasts).toEqual([{ message: 'Đã tạo vai trò Biên tập viên.', variant: 'success' }]);
    expect(cells(rowOf(table, 'Biên tập viên')).slice(0, 4)).toEqual(['Biên tập viên Editor', 'bien-tap-vien', '3', 'Tự định nghĩa']);
  });

  it('checks the form first: a name, a valid id not taken yet', async () => {
    const { api, root, wait } = await mount();
    button(root, 'Vai trò mới').click();
    await wait();
    submit(root);
    await wait();
    expect(root.querySelector('#role-labelVi-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(root.querySelector('#role-id-error')!.textContent).toBe('Trường này là bắt buộc.');

    const form = root.querySelector<HTMLFormElement>('#role-form')!;
    type(form.querySelector<HTMLInputElement>('#role-labelVi')!, 'Thư ký');
    await wait();
    submit(root);
    await wait();
    expect(root.querySelector('#role-id-error')!.textContent).toBe('Đã có vai trò với mã này.');

    // An id typed by hand is kept when the name changes.
    type(form.querySelector<HTMLInputElement>('#role-id')!, 'Thu_Ky');
    type(form.querySelector<HTMLInputElement>('#role-labelVi')!, 'Thư ký tòa soạn');
    await wait();
    expect(form.querySelector<HTMLInputElement>('#role-id')!.value).toBe('Thu_Ky');
    submit(root);
    await wait();
    expect(root.querySelector('#role-id-error')!.textContent).toBe('Dùng từ 2 đến 60 ký tự gồm chữ thường không dấu, chữ số và dấu "-", bắt đầu bằng một chữ cái.');
    expect(form.querySelector('#role-id')!.getAttribute('aria-invalid')).toBe('true');
    expect(calls(api, 'PUT')).toEqual([]);
  });

  it('shows a refused permission (400 naming /permissions/<i>) beside the permissions and keeps the dialog open', async () => {
    const { api, root, table, toasts, wait } = await mount();
    button(rowOf(table, 'Phóng viên'), 'Sửa').click();
    await wait();
    const dialog = dialogOf(root);
    expect(dialog.getAttribute('label')).toBe('Sửa vai trò Phóng viên');
    expect(root.querySelector('#role-id')).toBeNull();
    expect(box(root, 'news.write').checked).toBe(true);
    // A permission the catalogue no longer lists is kept, under "Quyền khác", and sent back.
    expect(squash(root.querySelector('#role-permissions > fieldset[data-plugin=""]')!.textContent)).toBe('Quyền khác portal.old');
    box(root, 'docs.read').click();
    await wait();
    submit(root);
    await wait();
    expect(calls(api, 'PUT').map((c) => c.body)).toEqual([{ label: { vi: 'Phóng viên', en: 'Reporter' }, permissions: ['docs.read', 'news.write', 'portal.old'] }]);
    const error = root.querySelector('#role-permissions-error')!;
    expect(error.textContent).toBe('Quyền portal.old không tồn tại.');
    expect(error.closest('#role-permissions')!.getAttribute('aria-describedby')).toBe('role-permissions-error');
    expect(root.querySelector('#role-form .form-error')).toBeNull();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(toasts).toEqual([]);

    // Unticked, it is no longer sent.
    box(root, 'portal.old').click();
    await wait();
    submit(root);
    await wait();
    expect(calls(api, 'PUT').at(-1)!.body).toEqual({ label: { vi: 'Phóng viên', en: 'Reporter' }, permissions: ['docs.read', 'news.write'] });
    expect(toasts).toEqual([{ message: 'Đã lưu vai trò Phóng viên.', variant: 'success' }]);
  });

  it('deletes a role after confirmation, and says in Vietnamese why a role still granted cannot be', async () => {
    const { page, api, root, table, confirm, toasts, wait } = await mount();
    button(rowOf(table, 'Phóng viên'), 'Xóa').click();
    await wait();
    expect(confirmDialog(confirm).hasAttribute('open')).toBe(true);
    expect(confirmDialog(confirm).getAttribute('label')).toBe('Xóa vai trò');
    expect(squash(confirmDialog(confirm).textContent)).toContain('Vai trò Phóng viên (phong-vien) sẽ bị xóa.');
    button(confirm.shadowRoot!, 'Hủy').click();
    await wait();
    expect(calls(api, 'DELETE')).toEqual([]);

    button(rowOf(table, 'Phóng viên'), 'Xóa').click();
    await wait();
    confirm.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!.click();
    await wait();
    await settle(page, table);
    expect(calls(api, 'DELETE')).toEqual([{ method: 'DELETE', path: '/api/core/roles/phong-vien' }]);
    expect(toasts).toEqual([{ message: 'Đã xóa vai trò Phóng viên.', variant: 'success' }]);
    expect(squash(table.shadowRoot!.querySelector('tbody')!.textContent)).not.toContain('Phóng viên');

    button(rowOf(table, 'Thư ký'), 'Xóa').click();
    await wait();
    confirm.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!.click();
    await wait();
    expect(calls(api, 'DELETE').at(-1)).toEqual({ method: 'DELETE', path: '/api/core/roles/thu-ky' });
    expect(root.querySelector('#roles-notice')!.getAttribute('role')).toBe('alert');
    expect(squash(root.querySelector('#roles-notice')!.textContent)).toBe(
      'Không thể xóa Thư ký vì vai trò vẫn đang được cấp 2 lần. Hãy thu hồi các lần cấp đó tại trang Tài khoản trước.',
    );
    expect(squash(table.shadowRoot!.querySelector('tbody')!.textContent)).toContain('Thư ký');
  });

  it('outside the province: says roles are defined there, lists them and offers no change', async () => {
    const { api, root, table, wait } = await mount({ tenant: finance });
    expect(squash(root.querySelector('#roles-province-notice')!.textContent)).toBe(
      'Vai trò được định nghĩa ở cấp tỉnh và dùng cho mọi đơn vị. Tại Sở Tài chính bạn chỉ có thể xem: hãy chuyển sang đơn vị cấp tỉnh để tạo, sửa hoặc xóa vai trò.',
    );
    expect(buttons(root)).not.toContain('Vai trò mới');
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(4);
    expect(buttons(rowOf(table, 'Thư ký'))).toEqual(['Xem Thư ký']);

    button(rowOf(table, 'Thư ký'), 'Xem').click();
    await wait();
    const dialog = dialogOf(root);
    expect(dialog.getAttribute('label')).toBe('Vai trò Thư ký');
    expect(root.querySelector<HTMLFieldSetElement>('#role-form > fieldset')!.disabled).toBe(true);
    expect(box(root, 'news.*').checked).toBe(true);
    expect(dialog.querySelector('wa-button[variant=brand]')).toBeNull();
    (root.querySelector('#role-form') as HTMLFormElement).requestSubmit();
    await wait();
    expect(calls(api, 'PUT')).toEqual([]);
  });

  it('stops editing when the server answers that roles are defined at the province', async () => {
    const refusing = fakeApi({
      'GET /api/core/roles': () => ({ items: [{ id: 'thu-ky', labelVi: 'Thư ký', labelEn: null, permissions: [], builtin: false }] }),
      'GET /api/core/permissions': () => ({ items: catalogue }),
      'PUT /api/core/roles/:id': () => {
        throw new ApiError(403, 'CONG_ERR_ROLES_AT_PROVINCE', 'Roles are shared by every unit: define them while working in the province');
      },
    });
    const { root, table, wait } = await mount({ api: refusing as ReturnType<typeof rolesApi> });
    button(rowOf(table, 'Thư ký'), 'Sửa').click();
    await wait();
    submit(root);
    await wait();
    expect(squash(root.querySelector('#role-form .form-error')!.textContent)).toBe('Vai trò dùng chung cho mọi đơn vị nên chỉ được định nghĩa khi làm việc tại cấp tỉnh.');
    expect(root.querySelector('#roles-province-notice')).not.toBeNull();
    expect(dialogOf(root).querySelector('wa-button[variant=brand]')).toBeNull();
  });

  it('passes axe (WCAG 2.1 A and AA) with the list, and with the form open showing its errors', async () => {
    const { root, table, wait } = await mount();
    expect(await runAxe(root.host)).toEqual([]);
    button(rowOf(table, 'Phóng viên'), 'Sửa').click();
    await wait();
    submit(root); // portal.old is refused beside the permissions
    await wait();
    await pause(300);
    expect(root.querySelector('#role-permissions-error')).not.toBeNull();
    expect(await runAxe(root.host)).toEqual([]);
  });
});
