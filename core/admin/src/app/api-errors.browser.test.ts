import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, type ToastDetail } from '@cong/sdk/admin';
import { shellErrorHandler } from './api-errors.js';
import './toast-region.js';

const problem = (status: number, body: object) => async () =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'content-type': 'application/problem+json' } });

describe('API failures in the shell', () => {
  afterEach(() => document.body.replaceChildren());

  it('toasts failures, sends 401 to the login page and leaves field errors to the form', async () => {
    const toasts: ToastDetail[] = [];
    const listener = (e: Event) => void toasts.push((e as CustomEvent<ToastDetail>).detail);
    document.addEventListener('cong-toast', listener);
    let logins = 0;
    const onError = shellErrorHandler({ toLogin: () => void logins++ });
    const client = (fetch: () => Promise<Response>) => createApiClient({ fetch: fetch as typeof globalThis.fetch, onError });

    await client(problem(409, { code: 'CONG_ERR_USER_EXISTS', detail: 'Another account already uses this username' })).post('/api/core/users', {}).catch(() => undefined);
    await client(problem(401, { code: 'CONG_ERR_UNAUTHENTICATED', detail: 'Sign in' })).get('/api/core/auth/me').catch(() => undefined);
    await client(problem(400, { code: 'CONG_ERR_VALIDATION', detail: 'body', errors: [{ in: 'body', pointer: '/name', message: 'is required' }] })).post('/x', {}).catch(() => undefined);
    await client(problem(400, { code: 'CONG_ERR_TOTP_INVALID', detail: 'The authentication code is not valid' })).post('/api/core/auth/totp/enable', {}).catch(() => undefined);
    await client(() => Promise.reject(new TypeError('Failed to fetch'))).get('/x').catch(() => undefined);
    document.removeEventListener('cong-toast', listener);

    expect(logins).toBe(1);
    expect(toasts.map((t) => t.variant)).toEqual(['danger', 'danger']);
    expect(toasts[0]!.message).toBe('Another account already uses this username');
    expect(toasts[1]!.message).toContain('server cannot be reached');
  });

  it('<cong-toast-region> shows toasts from anywhere in the document and closes them', async () => {
    const region = document.createElement('cong-toast-region');
    document.body.append(region);
    const { showToast } = await import('@cong/sdk/admin');
    showToast('Đã lưu', { variant: 'success', duration: 0 });
    showToast('Không lưu được', { variant: 'danger', duration: 0 });
    await region.updateComplete;
    const root = region.shadowRoot!;
    expect(root.querySelector('[role="status"]')!.textContent).toContain('Đã lưu');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Không lưu được');
    root.querySelector<HTMLButtonElement>('[role="status"] button')!.click();
    await region.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).not.toContain('Đã lưu');
  });
});
