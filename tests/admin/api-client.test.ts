import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '@cong/sdk/admin';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';

/** A fetch that keeps the session cookie and sends fetch metadata, as a browser on the admin page does. */
function browserFetch(): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('sec-fetch-site', 'same-origin');
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return response;
  };
}

describe('@cong/sdk/admin API client', () => {
  let t: TestPlatform;
  let password: string;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello'], config: { demo: true } });
    password = t.platform.takeDemoCredentials().password;
  });
  afterAll(async () => t?.stop());

  it('signs in, keeps the session, and names the unit for every call', async () => {
    const api = createApiClient({ baseUrl: t.url, fetch: browserFetch() });
    await api.post('/api/core/auth/login', { username: 'admin', password });
    const me = await api.withTenant('so-tai-chinh').get<{ user: { username: string }; tenantId: string }>('/api/core/auth/me');
    expect(me.user.username).toBe('admin');
    const province = await api.get<{ tenantId: string }>('/api/core/auth/me');
    expect(me.tenantId).not.toBe(province.tenantId);
  });

  it('turns problem documents into ApiErrors with field errors a form can show, and reports them', async () => {
    const reported: ApiError[] = [];
    const api = createApiClient({ baseUrl: t.url, fetch: browserFetch(), onError: (e) => void reported.push(e) });
    await api.post('/api/core/auth/login', { username: 'admin', password });
    const error = await api.post('/api/core/users', { username: '', password: 'x', colour: 'red' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'CONG_ERR_VALIDATION' });
    expect((error as ApiError).fieldErrors()).toMatchObject({ username: expect.any(String), colour: 'is not allowed' });
    expect((error as ApiError).reqId).toMatch(/.+/);
    const missing = await api.get('/api/core/tenants/khong-co').catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 404, code: 'CONG_ERR_NOT_FOUND' });
    expect(reported).toHaveLength(2);
  });

  it('says when the server cannot be reached, and passes query parameters', async () => {
    const offline = createApiClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(offline.get('/healthz')).rejects.toMatchObject({ status: 0, code: 'CONG_ERR_SERVICE_UNAVAILABLE' });
    const api = createApiClient({ baseUrl: t.url });
    const page = await api.get<{ limit: number; items: unknown[] }>('/api/hello/greetings', { query: { limit: 5, language: undefined } });
    expect(page.limit).toBe(5);
  });
});
