import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type AdminTenant, type AdminUser } from '@cong/sdk/admin';
import './users-page.js';
import type { AccountItem, GrantSummary, Role, TenantItem, UsersPage } from './users-page.js';
import type { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog.js';
import type { DataTable } from '../../components/data-table/data-table.js';
import { fold } from '../../components/shared/shared.js';
import { fakeApi, settle, useVietnamese, type FakeCall } from '../../components/testing/fake-api.js';

const province: AdminTenant = { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province' };
const admin: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: ['core.users.manage', 'core.access.manage'] };

const units: TenantItem[] = [
  { id: 't-qt', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province', parentId: null, status: 'active' },
  { id: 't-stc', slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'department', parentId: 't-qt', status: 'active' },
  { id: 't-sxd', slug: 'so-xay-dung', nameVi: 'Sở Xây dựng', nameEn: null, kind: 'department', parentId: 't-qt', status: 'active' },
  { id: 't-old', slug: 'huyen-hai-lang', nameVi: 'Huyện Hải Lăng', nameEn: null, kind: 'district', parentId: 't-qt', status: 'archived' },
];
const roles: Role[] = [
  { id: 'editor', labelVi: 'Biên tập viên', labelEn: 'Editor', permissions: ['news.write'], builtin: true },
  { id: 'unit-admin', labelVi: 'Quản trị đơn vị', labelEn: 'Unit administrator', permissions: ['core.users.manage'], builtin: true },
];

function account(fields: Partial<AccountItem> & Pick<AccountItem, 'id' | 'username' | 'displayName'>): AccountItem {
  return { email: `${fields.username}@quangtri.gov.vn`, status: 'active', isSuperAdmin: false, totpEnabled: false, passwordSet: true, createdAt: '2026-10-01T02:00:00Z', lastLoginAt: null, manageable: true, grants: [], ...fields };
}

/** A server for the page: accounts searched with folded text and paged like `GET /api/core/users`. */
function usersApi(options: { fillers?: number } = {}) {
  const accounts: AccountItem[] = [
    account({ id: 'u-dao', username: 'dao', displayName: 'Nguyễn Thị Đào', totpEnabled: true, grants: [{ id: 'g1', tenantId: 't-stc', roleId: 'editor', subtree: false }] }),
    // An account of another unit: listed (it holds a grant here) but not the caller's to lock.
    account({ id: 'u-an', username: 'an', displayName: 'Nguyễn Văn An', totpEnabled: true, manageable: false }),
    account({ id: 'u-khoa', username: 'khoa', displayName: 'Trần Minh Khoa', email: null }),
    account({ id: 'u-root', username: 'root', displayName: 'Lê Quản Trị', isSuperAdmin: true }),
    ...Array.from({ length: options.fillers ?? 0 }, (_, i) => account({ id: `u-f${i}`, username: `canbo${i}`, displayName: `Cán bộ ${String(i + 1).padStart(2, '0')}` })),
  ];
  const slugToId = new Map(units.flatMap((u) => [[u.slug, u.id] as const, [u.id, u.id] as const]));
  let grantIds = 0;
  const api = fakeApi({
    'GET /api/core/users': (call) => {
      const q = call.query as { text?: string; status?: string; limit: number; offset: number; sort?: string; order?: string };
      const text = q.text ? fold(q.text) : '';
      const found = accounts
        .filter((a) => !text || fold(`${a.displayName} ${a.username} ${a.email ?? ''}`).includes(text))
        .filter((a) => !q.status || a.status === q.status)
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi') * (q.order === 'desc' ? -1 : 1));
      return { items: found.slice(q.offset, q.offset + q.limit), total: found.length };
    },
    'GET /api/core/roles': () => ({ items: roles }),
    'GET /api/core/tenants': (call) => {
      const items = units.filter((u) => !call.query?.status || u.status === call.query.status);
      return { items, total: items.length };
    },
    'POST /api/core/users': (call) => {
      const body = call.body as { username: string; displayName: string; email?: string };
      if (accounts.some((a) => a.username === body.username)) {
        throw new ApiError(400, 'CONG_ERR_VALIDATION', 'body /username is taken', [{ in: 'body', pointer: '/username', message: 'Tên đăng nhập đã có người dùng' }]);
      }
      const created = account({ id: `u-${body.username}`, username: body.username, displayName: body.displayName, email: body.email ?? null });
      accounts.push(created);
      return created;
    },
    'POST /api/core/grants': (call) => {
      const body = call.body as { userId: string; roleId: string; subtree: boolean };
      const grant: GrantSummary = { id: `g-new${++grantIds}`, tenantId: slugToId.get(call.tenant!)!, roleId: body.roleId, subtree: body.subtree };
      const holder = accounts.find((a) => a.id === body.userId)!;
      Object.assign(holder, { grants: [...holder.grants, grant] });
      return { ...grant, userId: body.userId };
    },
    'DELETE /api/core/grants/:id': (call) => {
      const id = call.path.split('/').pop()!;
      for (const a of accounts) Object.assign(a, { grants: a.grants.filter((g) => g.id !== id) });
      return undefined;
    },
    'POST /api/core/users/:id/totp/reset': (call) => {
      const holder = accounts.find((a) => a.id === call.path.split('/')[4])!;
      Object.assign(holder, { totpEnabled: false });
      return { user: holder, sessionsEnded: 3 };
    },
    'POST /api/core/users/:id/disable': (call) => {
      const holder = accounts.find((a) => a.id === call.path.split('/')[4])!;
      Object.assign(holder, { status: 'disabled' });
      return holder;
    },
  });
  return api;
}

async function mount(options: { fillers?: number; user?: AdminUser } = {}) {
  const api = usersApi(options);
  const page = document.createElement('cong-users-page') as UsersPage;
  Object.assign(page, { tenant: province, user: options.user ?? admin, api });
  const toasts: unknown[] = [];
  page.addEventListener('cong-toast', (e) => toasts.push((e as CustomEvent).detail));
  document.body.append(page);
  await settle(page);
  const root = page.shadowRoot!;
  const table = root.querySelector('cong-data-table') as unknown as DataTable<AccountItem>;
  const confirm = root.querySelector('cong-confirm-dialog') as ConfirmDialog;
  await settle(page, table);
  const wait = () => settle(page, table, confirm);
  return { page, api, root, table, confirm, toasts, wait };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const calls = (api: { calls: FakeCall[] }, method: string, prefix = '') => api.calls.filter((c) => c.method === method && c.path.startsWith(prefix));
const rowOf = (table: DataTable<AccountItem>, name: string) => [...table.shadowRoot!.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes(name))!;
/** The text of an element's own text nodes (not of its children, nor Lit's comment markers). */
const ownText = (element: Element) => squash([...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));
const rowNames = (table: DataTable<AccountItem>) => [...table.shadowRoot!.querySelectorAll('tbody th[scope=row] .who')].map(ownText);
const buttons = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('wa-button')].map((b) => squash(b.textContent));
/** The button whose visible text (before its hidden part) is `text`. */
function button(root: ParentNode, text: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>('wa-button')].find((b) => ownText(b) === text);
  if (!found) throw new Error(`No button "${text}" among ${JSON.stringify(buttons(root))}`);
  return found;
}
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
function fill(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) type(form.elements.namedItem(name) as HTMLInputElement, value);
}
const dialogOf = (root: ShadowRoot, form: string) => root.querySelector(`#${form}`)!.closest('wa-dialog')!;
const submit = (root: ShadowRoot, form: string) => dialogOf(root, form).querySelector<HTMLElement>('wa-button[variant=brand]')!.click();
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

describe('<cong-users-page>', () => {
  beforeAll(() => useVietnamese());
  afterEach(() => document.body.replaceChildren());

  it('loads the accounts a page at a time, ordered by name, and sends the Vietnamese search text to the server', async () => {
    const { page, api, root, table } = await mount({ fillers: 22 });
    expect(root.querySelector('h1')!.textContent).toBe('Tài khoản');
    expect(calls(api, 'GET', '/api/core/users').map((c) => c.query)).toEqual([{ limit: 20, offset: 0, sort: 'displayName', order: 'asc' }]);
    expect(table.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(20);
    expect(squash(table.shadowRoot!.querySelector('nav.pager [role=status]')!.textContent)).toBe('Dòng 1–20 trên tổng số 26');
    expect(rowNames(table)).not.toContain('Nguyễn Thị Đào');

    const next = [...table.shadowRoot!.querySelectorAll<HTMLButtonElement>('nav.pager button')].find((b) => squash(b.textContent) === 'Trang sau')!;
    next.click();
    await settle(page, table);
    expect(calls(api, 'GET', '/api/core/users').at(-1)!.query).toEqual({ limit: 20, offset: 20, sort: 'displayName', order: 'asc' });
    expect(rowNames(table)).toEqual(['Cán bộ 21', 'Cán bộ 22', 'Lê Quản Trị', 'Nguyễn Thị Đào', 'Nguyễn Văn An', 'Trần Minh Khoa']);
    const dao = squash(rowOf(table, 'Nguyễn Thị Đào').textContent);
    expect(dao).toContain('dao@quangtri.gov.vn');
    expect(dao).toContain('Đang hoạt động');
    expect(dao).toContain('Biên tập viên tại Sở Tài chính');
    expect(squash(rowOf(table, 'Trần Minh Khoa').textContent)).toContain('Không có');

    // Typing a Vietnamese name: one call after the pause, back on the first page, the text as typed (trimmed).
    const search = root.querySelector<HTMLInputElement>('#users-search')!;
    expect(search.labels![0]!.textContent).toBe('Tìm kiếm');
    const before = calls(api, 'GET', '/api/core/users').length;
    type(search, '  Nguyễn');
    type(search, '  Nguyễn Thị Đào ');
    await pause(450);
    await settle(page, table);
    const searches = calls(api, 'GET', '/api/core/users').slice(before);
    expect(searches.map((c) => c.query)).toEqual([{ limit: 20, offset: 0, sort: 'displayName', order: 'asc', text: 'Nguyễn Thị Đào' }]);
    expect(rowNames(table)).toEqual(['Nguyễn Thị Đào']);

    // The status filter goes with the text.
    const status = root.querySelector<HTMLSelectElement>('#users-status')!;
    status.value = 'disabled';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(page, table);
    expect(calls(api, 'GET', '/api/core/users').at(-1)!.query).toEqual({ limit: 20, offset: 0, sort: 'displayName', order: 'asc', text: 'Nguyễn Thị Đào', status: 'disabled' });
    expect(squash(table.shadowRoot!.querySelector('tbody')!.textContent)).toBe('Không có tài khoản phù hợp.');
  });

  it('invites an account: the e-mail address is required first, then the invitation is sent', async () => {
    const { page, api, root, table, toasts, wait } = await mount();
    button(root, 'Tài khoản mới').click();
    await wait();
    const dialog = dialogOf(root, 'create-form');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('label')).toBe('Tài khoản mới');
    const form = root.querySelector<HTMLFormElement>('#create-form')!;
    expect(form.querySelector<HTMLInputElement>('input[name=mode][value=invite]')!.checked).toBe(true);
    expect(form.querySelector('input[name=password]')).toBeNull();
    expect(squash(form.textContent)).toContain('Liên kết trong lời mời chỉ dùng được một lần, trong 72 giờ.');
    expect(squash(dialog.querySelector('wa-button[variant=brand]')!.textContent)).toBe('Gửi lời mời');

    fill(form, { displayName: 'Phạm Thu Hà', username: 'ha.pt' });
    submit(root, 'create-form');
    await wait();
    const email = form.querySelector<HTMLInputElement>('#user-email')!;
    expect(root.querySelector('#user-email-error')!.textContent).toBe('Cần có địa chỉ thư điện tử để gửi lời mời.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('user-email-error');
    expect(root.querySelector('#user-username-error')).toBeNull();
    expect(calls(api, 'POST')).toEqual([]);
    expect(dialog.hasAttribute('open')).toBe(true);

    fill(form, { email: 'ha.pt@quangtri.gov.vn' });
    submit(root, 'create-form');
    await wait();
    expect(calls(api, 'POST')).toEqual([
      { method: 'POST', path: '/api/core/users', body: { username: 'ha.pt', displayName: 'Phạm Thu Hà', email: 'ha.pt@quangtri.gov.vn', invite: true } },
    ]);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(toasts).toEqual([{ message: 'Đã gửi lời mời tới ha.pt@quangtri.gov.vn.', variant: 'success' }]);
    await settle(page, table);
    expect(rowNames(table)).toContain('Phạm Thu Hà');
  });

  it('shows the server’s field errors beside their fields and keeps the dialog open', async () => {
    const { api, root, toasts, wait } = await mount();
    button(root, 'Tài khoản mới').click();
    await wait();
    const form = root.querySelector<HTMLFormElement>('#create-form')!;
    fill(form, { displayName: 'Nguyễn Thị Đào', username: 'dao', email: 'dao2@quangtri.gov.vn' });
    submit(root, 'create-form');
    await wait();
    expect(calls(api, 'POST')).toHaveLength(1);
    expect(root.querySelector('#user-username-error')!.textContent).toBe('Tên đăng nhập đã có người dùng');
    expect(form.querySelector('#user-username')!.getAttribute('aria-invalid')).toBe('true');
    expect(form.querySelector('#user-username')!.getAttribute('aria-describedby')).toBe('user-username-hint user-username-error');
    expect(root.querySelector('#user-email-error')).toBeNull();
    // A field error is not repeated as a message above the form.
    expect(form.querySelector('.form-error')).toBeNull();
    expect(dialogOf(root, 'create-form').hasAttribute('open')).toBe(true);
    expect(toasts).toEqual([]);
  });

  it('creates an account with a password (required when chosen) and no e-mail address', async () => {
    const { api, root, toasts, wait } = await mount();
    button(root, 'Tài khoản mới').click();
    await wait();
    const form = root.querySelector<HTMLFormElement>('#create-form')!;
    form.querySelector<HTMLInputElement>('input[name=mode][value=password]')!.click();
    await wait();
    const dialog = dialogOf(root, 'create-form');
    expect(form.querySelector('#user-password')).not.toBeNull();
    expect(form.querySelector('#user-email')!.hasAttribute('required')).toBe(false);
    expect(squash(dialog.querySelector('wa-button[variant=brand]')!.textContent)).toBe('Tạo tài khoản');

    fill(form, { displayName: 'Hoàng Văn Bình', username: 'binh.hv' });
    submit(root, 'create-form');
    await wait();
    expect(root.querySelector('#user-password-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(root.querySelector('#user-email-error')).toBeNull();
    expect(calls(api, 'POST')).toEqual([]);

    fill(form, { password: 'mật-khẩu-dài-và-khó-đoán' });
    submit(root, 'create-form');
    await wait();
    expect(calls(api, 'POST').map((c) => c.body)).toEqual([{ username: 'binh.hv', displayName: 'Hoàng Văn Bình', password: 'mật-khẩu-dài-và-khó-đoán' }]);
    expect(toasts).toEqual([{ message: 'Đã tạo tài khoản binh.hv.', variant: 'success' }]);
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('grants a role in the chosen unit and the units below it, in that unit', async () => {
    const { page, api, root, table, toasts, wait } = await mount();
    expect(api.calls.find((c) => c.path === '/api/core/tenants')!.query).toEqual({ limit: 500, status: 'active' });
    button(rowOf(table, 'Nguyễn Thị Đào'), 'Vai trò…').click();
    await wait();
    const form = root.querySelector<HTMLFormElement>('#grant-form')!;
    const dialog = dialogOf(root, 'grant-form');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('label')).toBe('Vai trò của Nguyễn Thị Đào');
    expect(squash(dialog.querySelector('ul.grants')!.textContent)).toContain('Biên tập viên tại Sở Tài chính');
    const unit = form.querySelector<HTMLSelectElement>('#grant-unit')!;
    // Active units only; the current unit chosen first.
    expect([...unit.options].map((o) => o.textContent)).toEqual(['Tỉnh Quảng Trị', 'Sở Tài chính', 'Sở Xây dựng']);
    expect(unit.value).toBe('t-qt');

    // Nothing chosen: the role is required.
    submit(root, 'grant-form');
    await wait();
    expect(root.querySelector('#grant-role-error')!.textContent).toBe('Trường này là bắt buộc.');
    expect(calls(api, 'POST')).toEqual([]);

    // Narrow the units (accents optional), choose the role, the unit and "also below".
    type(form.querySelector<HTMLInputElement>('#grant-unit-filter')!, 'xay dung');
    await wait();
    expect([...unit.options].map((o) => o.textContent)).toEqual(['Sở Xây dựng']);
    type(form.querySelector<HTMLInputElement>('#grant-unit-filter')!, 'Tài chính');
    await wait();
    expect([...unit.options].map((o) => o.value)).toEqual(['t-stc']);
    const role = form.querySelector<HTMLSelectElement>('#grant-role')!;
    role.value = 'unit-admin';
    unit.value = 't-stc';
    form.querySelector<HTMLInputElement>('input[name=subtree]')!.click();
    submit(root, 'grant-form');
    await wait();
    await settle(page, table);
    // The grant is made by a call naming the chosen unit (X-Cong-Tenant: its slug), not the current one.
    expect(calls(api, 'POST')).toEqual([{ method: 'POST', path: '/api/core/grants', body: { userId: 'u-dao', roleId: 'unit-admin', subtree: true }, tenant: 'so-tai-chinh' }]);
    expect([...dialog.querySelectorAll('ul.grants li')].map(ownText)).toEqual(['Biên tập viên tại Sở Tài chính', 'Quản trị đơn vị tại Sở Tài chính và các đơn vị trực thuộc']);
    expect(squash(dialog.querySelector('ul.grants')!.textContent)).toContain('Quản trị đơn vị tại Sở Tài chính và các đơn vị trực thuộc');
    expect(toasts).toEqual([{ message: 'Nguyễn Thị Đào: Quản trị đơn vị tại Sở Tài chính và các đơn vị trực thuộc.', variant: 'success' }]);
    expect(squash(rowOf(table, 'Nguyễn Thị Đào').textContent)).toContain('Quản trị đơn vị tại Sở Tài chính và các đơn vị trực thuộc');
    // The form is ready for another grant.
    expect(role.value).toBe('');
    expect((form.elements.namedItem('subtree') as HTMLInputElement).checked).toBe(false);
  });

  it('revokes a grant only after confirmation, in the grant’s unit; cancelling leaves it', async () => {
    const { page, api, root, table, confirm, toasts, wait } = await mount();
    button(rowOf(table, 'Nguyễn Thị Đào'), 'Vai trò…').click();
    await wait();
    const dialog = dialogOf(root, 'grant-form');
    const revoke = () => button(dialog.querySelector('ul.grants')!, 'Thu hồi');
    expect(squash(revoke().textContent)).toBe('Thu hồi Biên tập viên tại Sở Tài chính');

    revoke().click();
    await wait();
    expect(confirmDialog(confirm).hasAttribute('open')).toBe(true);
    expect(confirmDialog(confirm).getAttribute('label')).toBe('Thu hồi vai trò');
    expect(squash(confirmDialog(confirm).textContent)).toContain('Nguyễn Thị Đào sẽ không còn vai trò Biên tập viên tại Sở Tài chính.');
    expect(calls(api, 'DELETE')).toEqual([]);
    button(confirm.shadowRoot!, 'Hủy').click();
    await wait();
    expect(confirmDialog(confirm).hasAttribute('open')).toBe(false);
    expect(calls(api, 'DELETE')).toEqual([]);
    expect(squash(dialog.querySelector('ul.grants')!.textContent)).toContain('Biên tập viên tại Sở Tài chính');

    revoke().click();
    await wait();
    confirm.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!.click();
    await wait();
    await settle(page, table);
    expect(calls(api, 'DELETE')).toEqual([{ method: 'DELETE', path: '/api/core/grants/g1', tenant: 'so-tai-chinh' }]);
    expect(dialog.querySelector('ul.grants')).toBeNull();
    expect(squash(dialog.textContent)).toContain('Không có');
    expect(toasts).toEqual([{ message: 'Đã thu hồi vai trò.', variant: 'success' }]);
    expect(squash(rowOf(table, 'Nguyễn Thị Đào').textContent)).not.toContain('Biên tập viên');
  });

  it('resets two-factor sign-in after confirmation, saying how many sessions ended', async () => {
    const { page, api, table, confirm, toasts, wait } = await mount();
    expect(squash(rowOf(table, 'Nguyễn Thị Đào').textContent)).toContain('Bật');
    button(rowOf(table, 'Nguyễn Thị Đào'), 'Đặt lại xác thực hai lớp').click();
    await wait();
    const dialog = confirmDialog(confirm);
    expect(dialog.getAttribute('label')).toBe('Đặt lại xác thực hai lớp');
    expect(squash(dialog.textContent)).toContain('Nguyễn Thị Đào (dao) sẽ chỉ đăng nhập bằng mật khẩu và phải thiết lập lại xác thực hai lớp.');
    expect(calls(api, 'POST')).toEqual([]);
    // A dangerous action: focus starts on "Cancel".
    await pause(100);
    expect(squash((confirm.shadowRoot!.activeElement as HTMLElement | null)?.textContent)).toBe('Hủy');

    confirm.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!.click();
    await wait();
    await settle(page, table);
    expect(calls(api, 'POST')).toEqual([{ method: 'POST', path: '/api/core/users/u-dao/totp/reset' }]);
    expect(toasts).toEqual([{ message: 'Đã đặt lại xác thực hai lớp; 3 phiên đăng nhập đã kết thúc.', variant: 'success' }]);
    // Reloaded: two-factor is off, so there is nothing left to reset.
    expect(buttons(rowOf(table, 'Nguyễn Thị Đào'))).toEqual(['Vai trò… Nguyễn Thị Đào', 'Khóa Nguyễn Thị Đào']);
  });

  it('disables an account after confirmation; cancelling sends nothing', async () => {
    const { page, api, table, confirm, toasts, wait } = await mount();
    button(rowOf(table, 'Trần Minh Khoa'), 'Khóa').click();
    await wait();
    expect(confirmDialog(confirm).getAttribute('label')).toBe('Khóa tài khoản');
    expect(squash(confirmDialog(confirm).textContent)).toContain('Trần Minh Khoa (khoa) sẽ không thể đăng nhập.');
    confirm.cancel();
    await wait();
    expect(calls(api, 'POST')).toEqual([]);

    button(rowOf(table, 'Trần Minh Khoa'), 'Khóa').click();
    await wait();
    const ok = confirm.shadowRoot!.querySelector<HTMLElement>('wa-button[data-confirm]')!;
    expect(squash(ok.textContent)).toBe('Khóa tài khoản');
    ok.click();
    await wait();
    await settle(page, table);
    expect(calls(api, 'POST')).toEqual([{ method: 'POST', path: '/api/core/users/u-khoa/disable' }]);
    expect(toasts).toEqual([{ message: 'Đã khóa tài khoản khoa.', variant: 'success' }]);
    const row = rowOf(table, 'Trần Minh Khoa');
    expect(squash(row.textContent)).toContain('Đã khóa');
    expect(buttons(row)).toEqual(['Vai trò… Trần Minh Khoa']);
  });

  it('offers no disable or reset on accounts the caller may not manage, nor disabling a super-admin', async () => {
    const { table } = await mount();
    expect(buttons(rowOf(table, 'Nguyễn Văn An'))).toEqual(['Vai trò… Nguyễn Văn An']);
    expect(buttons(rowOf(table, 'Lê Quản Trị'))).toEqual(['Vai trò… Lê Quản Trị']);
    expect(buttons(rowOf(table, 'Nguyễn Thị Đào'))).toEqual(['Vai trò… Nguyễn Thị Đào', 'Đặt lại xác thực hai lớp Nguyễn Thị Đào', 'Khóa Nguyễn Thị Đào']);
  });

  it('offers no "New account" without core.users.manage and does not ask for roles without core.access.manage', async () => {
    const { api, root } = await mount({ user: { ...admin, permissions: ['core.users.manage'] } });
    expect(api.calls.some((c) => c.path === '/api/core/roles')).toBe(false);
    expect(buttons(root)).toContain('Tài khoản mới');
    document.body.replaceChildren();
    const second = await mount({ user: { ...admin, permissions: [] } });
    expect(buttons(second.root)).not.toContain('Tài khoản mới');
  });

  it('passes axe (WCAG 2.1 A and AA) with the new-account and the roles dialogs open', async () => {
    const { root, table, wait } = await mount();
    button(root, 'Tài khoản mới').click();
    await wait();
    submit(root, 'create-form'); // with its errors shown
    await wait();
    await pause(300);
    expect(await runAxe(root.host)).toEqual([]);

    dialogOf(root, 'create-form').querySelector<HTMLElement>('wa-button[data-dialog=close]')!.click();
    await pause(300);
    await wait();
    button(rowOf(table, 'Nguyễn Thị Đào'), 'Vai trò…').click();
    await wait();
    await pause(300);
    expect(dialogOf(root, 'grant-form').hasAttribute('open')).toBe(true);
    expect(await runAxe(root.host)).toEqual([]);
  });
});
