import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { configureLocalization } from '@lit/localize';
import { ApiError, type AdminTenant, type AdminUser, type ToastDetail } from '@cong/sdk/admin';
import { fakeApi, settle } from '../../components/testing/fake-api.js';
import { templates } from '../../i18n/locales/vi.js';
import type { MeUser } from '../../app/session.js';
import './security-page.js';
import { groupSecret, type CongSecurityPage } from './security-page.js';

const tenant: AdminTenant = { id: 't-p', slug: 'quang-tri', nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri Province', kind: 'province' };
const user: AdminUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', permissions: [] };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/C%E1%BB%95ng:admin?secret=${SECRET}&issuer=C%E1%BB%95ng`;

function securityApi(options: { totpEnabled?: boolean; goodCode?: string } = {}) {
  const me: MeUser = { id: 'u1', username: 'admin', displayName: 'Quản trị', email: null, isSuperAdmin: true, totpEnabled: options.totpEnabled ?? false };
  return fakeApi({
    'GET /api/core/auth/me': () => ({ user: me, tenantId: tenant.id, permissions: [] }),
    'POST /api/core/auth/totp/setup': () => {
      if (me.totpEnabled) throw new ApiError(409, 'CONG_ERR_CONFLICT', 'Two-factor sign-in is already on');
      return { secret: SECRET, uri: URI };
    },
    'POST /api/core/auth/totp/enable': (call) => {
      if ((call.body as { code: string }).code !== (options.goodCode ?? '123456')) throw new ApiError(400, 'CONG_ERR_TOTP_INVALID', 'The authentication code is not valid');
      Object.assign(me, { totpEnabled: true });
      return undefined;
    },
  });
}

async function mount(options: { totpEnabled?: boolean; enrolmentRequired?: boolean } = {}) {
  const api = securityApi(options);
  const page = document.createElement('cong-security-page') as CongSecurityPage;
  Object.assign(page, { tenant, user, api, enrolmentRequired: options.enrolmentRequired ?? false });
  const events: { type: string; detail: unknown }[] = [];
  for (const type of ['cong-totp-enabled', 'cong-toast']) page.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  document.body.append(page);
  await settle(page);
  const root = page.shadowRoot!;
  const text = () => root.textContent!.replace(/\s+/g, ' ');
  return { page, api, events, root, text };
}

async function setUp(root: ShadowRoot, page: CongSecurityPage) {
  root.querySelector<HTMLButtonElement>('#setup-button')!.click();
  await settle(page);
}

async function runAxe(context: Element) {
  const axePath = '/tests/node_modules/axe-core/axe.js';
  await import(/* @vite-ignore */ axePath);
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
  const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('<cong-security-page>', () => {
  beforeAll(async () => {
    // The shell's whole Vietnamese catalogue (this page's messages are in vi-shell).
    document.documentElement.lang = 'vi';
    await configureLocalization({ sourceLocale: 'en', targetLocales: ['vi'], loadLocale: async () => ({ templates }) }).setLocale('vi');
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('groups the key in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('says two-factor sign-in is off, sets it up with a QR code and the key as text, and links the sessions page', async () => {
    const { page, api, root, text } = await mount();
    expect(root.querySelector('h1')!.textContent).toBe('Bảo mật tài khoản');
    expect(text()).toContain('Xác thực hai lớp đang tắt.');
    const sessions = root.querySelector<HTMLAnchorElement>('a[href="/admin/core/sessions"]')!;
    expect(sessions.textContent).toContain('đăng xuất các thiết bị khác');
    expect(root.querySelector('wa-qr-code')).toBeNull();

    await setUp(root, page);
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /api/core/auth/totp/setup');
    const qr = root.querySelector('wa-qr-code')!;
    expect(qr.value).toBe(URI);
    expect(qr.label).toContain('Mã QR');
    await qr.updateComplete;
    const canvas = qr.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(qr.label);
    expect(root.querySelector('#totp-secret')!.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    // Focus moves to the steps' heading.
    expect(root.activeElement).toBe(root.querySelector('#setup-heading'));
    const input = root.querySelector<HTMLInputElement>('#totp-code')!;
    expect(root.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Mã ứng dụng hiện (6 chữ số)');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('copies the key without its spaces', async () => {
    const { page, root, events } = await mount();
    await setUp(root, page);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Sao chép khoá'))!.click();
    await settle(page);
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(events.filter((e) => e.type === 'cong-toast').map((e) => (e.detail as ToastDetail).message)).toEqual(['Đã sao chép khoá.']);
  });

  it('shows a field error for a malformed or a wrong code, and keeps the steps on screen', async () => {
    const { page, api, root, events } = await mount();
    await setUp(root, page);
    const input = root.querySelector<HTMLInputElement>('#totp-code')!;
    const submit = async (code: string) => {
      input.value = code;
      root.querySelector('form')!.requestSubmit();
      await settle(page);
    };
    await submit('12a');
    expect(api.calls.some((c) => c.path.endsWith('/totp/enable'))).toBe(false);
    expect(root.querySelector('#totp-code-error')!.textContent).toBe('Hãy nhập 6 chữ số hiện trên ứng dụng xác thực.');

    await submit('654321');
    expect(api.calls.filter((c) => c.path.endsWith('/totp/enable')).map((c) => c.body)).toEqual([{ code: '654321' }]);
    const error = root.querySelector('#totp-code-error')!;
    expect(error.textContent).toContain('Mã này không đúng');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('totp-code-error');
    expect(root.activeElement).toBe(input);
    expect(root.querySelector('wa-qr-code')).not.toBeNull();
    expect(events.filter((e) => e.type === 'cong-totp-enabled')).toEqual([]);
  });

  it('turns two-factor sign-in on from the keyboard: success toast, event for the shell, status focused', async () => {
    const { page, api, root, events, text } = await mount({ enrolmentRequired: true });
    expect(text()).toContain('bắt buộc dùng xác thực hai lớp');
    expect(root.querySelector('h1')!.getAttribute('aria-describedby')).toBe('enrol-notice');
    const setup = root.querySelector<HTMLButtonElement>('#setup-button')!;
    setup.focus();
    await userEvent.keyboard('{Enter}');
    await settle(page);
    expect(root.querySelector('wa-qr-code')).not.toBeNull();
    const input = root.querySelector<HTMLInputElement>('#totp-code')!;
    input.focus();
    await userEvent.keyboard('123 456{Enter}');
    await settle(page);
    expect(api.calls.filter((c) => c.path.endsWith('/totp/enable')).map((c) => c.body)).toEqual([{ code: '123456' }]);
    expect(events.map((e) => e.type)).toEqual(['cong-toast', 'cong-totp-enabled']);
    expect((events[0]!.detail as ToastDetail).variant).toBe('success');
    expect((events[0]!.detail as ToastDetail).message).toBe('Xác thực hai lớp đang bật.');
    expect(text()).toContain('Xác thực hai lớp đang bật.');
    expect(text()).not.toContain('bắt buộc dùng xác thực hai lớp');
    expect(root.querySelector('wa-qr-code')).toBeNull();
    expect(root.activeElement).toBe(root.querySelector('#totp-status'));
  });

  it('says so when the account already signs in with two factors, with no way to turn it off here', async () => {
    const { root, text } = await mount({ totpEnabled: true });
    expect(text()).toContain('Xác thực hai lớp đang bật.');
    expect(text()).toContain('nhờ quản trị viên đặt lại');
    expect(root.querySelector('#setup-button')).toBeNull();
    expect([...root.querySelectorAll('button')]).toEqual([]);
  });

  it('cancels the set-up and gives the focus back to its button', async () => {
    const { page, root } = await mount();
    await setUp(root, page);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Huỷ')!.click();
    await settle(page);
    expect(root.querySelector('wa-qr-code')).toBeNull();
    expect(root.activeElement).toBe(root.querySelector('#setup-button'));
  });

  it('passes axe (WCAG 2.1 AA) before, during and after the set-up', async () => {
    const { page, root } = await mount({ enrolmentRequired: true });
    expect(await runAxe(page)).toEqual([]);
    await setUp(root, page);
    const input = root.querySelector<HTMLInputElement>('#totp-code')!;
    input.value = '000000';
    root.querySelector('form')!.requestSubmit();
    await settle(page);
    expect(root.querySelector('#totp-code-error')).not.toBeNull();
    expect(await runAxe(page)).toEqual([]);
    input.value = '123456';
    root.querySelector('form')!.requestSubmit();
    await settle(page);
    expect(await runAxe(page)).toEqual([]);
  });
});
