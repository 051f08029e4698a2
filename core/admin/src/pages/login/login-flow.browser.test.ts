import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startI18n } from '../../i18n/i18n.js';
import '../../app/cong-app.js';
import type { CongApp } from '../../app/cong-app.js';
import type { MeUser, TenantRecord } from '../../app/session.js';
import { deepQuery } from '../../components/testing/fake-api.js';

const province: TenantRecord = { id: 't-p', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province', parentId: null, status: 'active' };
const ALL = ['core.audit.read', 'core.modules.manage', 'core.settings.manage', 'core.tenants.manage', 'core.users.manage'];

/** The server's auth, tenant and manifest routes, for an account and what `requireTotpForSuperAdmins` does to it. */
function fakeServer(account: { me: MeUser; password: string; totpCode?: string; requireTotp?: boolean }) {
  let signedIn = false;
  const calls: string[] = [];
  const json = (status: number, body: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } });
  const problem = (status: number, code: string, detail: string) => json(status, { status, code, detail });
  const mustEnrol = () => account.requireTotp === true && account.me.isSuperAdmin && !account.me.totpEnabled;
  const handler = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.origin);
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (method === 'POST' && url.pathname === '/api/core/auth/login') {
      const body = JSON.parse(String(init!.body)) as { username: string; password: string; totpCode?: string };
      if (body.username !== account.me.username || body.password !== account.password) return problem(401, 'CONG_ERR_UNAUTHENTICATED', 'Wrong username or password');
      if (account.me.totpEnabled && !body.totpCode) return problem(401, 'CONG_ERR_TOTP_REQUIRED', 'Enter the 6-digit code from your authenticator app');
      if (account.me.totpEnabled && body.totpCode !== account.totpCode) return problem(401, 'CONG_ERR_UNAUTHENTICATED', 'Wrong username or password');
      // `totp-enrolment-required` answers like `ok`: a session, the user.
      signedIn = true;
      return json(200, { user: account.me });
    }
    if (!signedIn) return problem(401, 'CONG_ERR_UNAUTHENTICATED', 'Sign in');
    if (url.pathname === '/api/core/auth/me') return json(200, { user: account.me, tenantId: province.id, permissions: [], mustEnrolTotp: mustEnrol() });
    if (url.pathname === '/api/core/tenants') return json(200, { items: [province], total: 1 });
    if (url.pathname === '/api/core/admin/manifest') return json(200, { tenantId: province.id, permissions: mustEnrol() ? [] : ALL, plugins: [] });
    return problem(404, 'CONG_ERR_NOT_FOUND', `No fake route for ${method} ${url.pathname}`);
  };
  return { handler, calls, account };
}

async function until(check: () => unknown, timeout = 5000): Promise<void> {
  await vi.waitFor(() => expect(check()).toBeTruthy(), { timeout, interval: 20 });
}

describe('sign-in through the shell', () => {
  const original = location.pathname + location.search;
  beforeAll(() => startI18n('vi'));
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
    history.replaceState(null, '', original);
    localStorage.clear();
  });
  afterAll(() => history.replaceState(null, '', original));

  async function signIn(server: ReturnType<typeof fakeServer>, next: string) {
    vi.stubGlobal('fetch', vi.fn(server.handler));
    history.replaceState(null, '', `/admin/core/login?next=${encodeURIComponent(next)}`);
    const app = document.createElement('cong-app') as CongApp;
    document.body.append(app);
    await until(() => deepQuery(app.shadowRoot!, 'cong-login-page')?.shadowRoot?.querySelector('#username'));
    const login = deepQuery(app.shadowRoot!, 'cong-login-page')!;
    const root = login.shadowRoot!;
    root.querySelector<HTMLInputElement>('#username')!.value = server.account.me.username;
    root.querySelector<HTMLInputElement>('#password')!.value = server.account.password;
    root.querySelector('form')!.requestSubmit();
    return { app, login };
  }

  const me = (totpEnabled: boolean): MeUser => ({ id: 'u1', username: 'admin', displayName: 'Quản trị', email: null, isSuperAdmin: true, totpEnabled });

  it('sends a super-admin who must enrol in two-factor sign-in to the security page, with the reason', async () => {
    const server = fakeServer({ me: me(false), password: 'correct horse battery staple', requireTotp: true });
    const { app } = await signIn(server, '/admin/core/users');
    await until(() => location.pathname === '/admin/core/security' && deepQuery(app.shadowRoot!, 'cong-security-page')?.shadowRoot?.querySelector('#enrol-notice'));
    expect(new URLSearchParams(location.search).get('tenant')).toBe('quang-tri');
    const page = deepQuery(app.shadowRoot!, 'cong-security-page')!;
    await until(() => page.shadowRoot!.querySelector('#setup-button'));
    expect(page.shadowRoot!.querySelector('#enrol-notice')!.textContent).toContain('bắt buộc dùng xác thực hai lớp');
    expect(page.shadowRoot!.querySelector('h1')!.getAttribute('aria-describedby')).toBe('enrol-notice');
    await until(() => document.title.startsWith('Bảo mật tài khoản'));

    // Elsewhere, every page says what to do first, with a link.
    app.navigate('/core/users');
    await app.updateComplete;
    const notice = app.shadowRoot!.querySelector('.enrol-notice')!;
    expect(notice.textContent).toContain('bắt buộc dùng xác thực hai lớp');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/admin/core/security?tenant=quang-tri');

    // Enrolled (the security page emits the event): the shell reads the account and the permissions again; the notice goes.
    server.account.me = { ...server.account.me, totpEnabled: true };
    app.shadowRoot!.querySelector('main')!.dispatchEvent(new CustomEvent('cong-totp-enabled', { bubbles: true, composed: true, detail: {} }));
    await until(() => app.manifest?.permissions.length === ALL.length);
    await app.updateComplete;
    expect(app.shadowRoot!.querySelector('.enrol-notice')).toBeNull();
    expect(app.mustEnrol()).toBe(false);
  });

  it('sends everyone else where they were going', async () => {
    const server = fakeServer({ me: me(false), password: 'correct horse battery staple', requireTotp: false });
    const { app } = await signIn(server, '/admin/core/audit');
    await until(() => location.pathname === '/admin/core/audit' && app.phase === 'ready' && app.manifest);
    await app.updateComplete;
    expect(app.mustEnrol()).toBe(false);
    expect(app.shadowRoot!.querySelector('.enrol-notice')).toBeNull();
  });

  it('asks for the authenticator code when the account has one', async () => {
    const server = fakeServer({ me: me(true), password: 'correct horse battery staple', totpCode: '123456', requireTotp: true });
    const { app, login } = await signIn(server, '/admin/');
    const root = login.shadowRoot!;
    await until(() => root.querySelector('#totp-code'));
    await until(() => root.activeElement === root.querySelector('#totp-code'));
    root.querySelector<HTMLInputElement>('#totp-code')!.value = '123456';
    root.querySelector('form')!.requestSubmit();
    await until(() => location.pathname === '/admin/' && app.phase === 'ready' && app.manifest);
    expect(server.calls.filter((c) => c === 'POST /api/core/auth/login')).toHaveLength(2);
  });

  it('has the account security page in the user menu', async () => {
    const server = fakeServer({ me: me(true), password: 'x', totpCode: '123456' });
    vi.stubGlobal('fetch', vi.fn(server.handler));
    history.replaceState(null, '', '/admin/');
    // Signed in already: the login call is skipped by marking the fake session open.
    await server.handler('/api/core/auth/login', { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'x', totpCode: '123456' }) });
    const app = document.createElement('cong-app') as CongApp;
    document.body.append(app);
    await until(() => app.phase === 'ready' && app.manifest);
    await app.updateComplete;
    const links = [...app.shadowRoot!.querySelectorAll<HTMLAnchorElement>('#user-menu a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toContainEqual(['Bảo mật tài khoản', '/admin/core/security?tenant=quang-tri']);
    expect(links).toContainEqual(['Phiên đăng nhập', '/admin/core/sessions?tenant=quang-tri']);
  });
});
