import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { ApiError } from './api-error.js';

/** A fetch that answers every call with `response()` and records the requests. */
function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: URL | string, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    return response();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers } });

describe('createApiClient error handling', () => {
  it('turns a problem document into an ApiError with field errors, and reports it to onError', async () => {
    const reported: ApiError[] = [];
    const { fetch, calls } = fakeFetch(() =>
      problem(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'CONG_ERR_VALIDATION',
        detail: 'body /name is required',
        reqId: 'r-1',
        errors: [
          { in: 'body', pointer: '/name', message: 'is required', keyword: 'required' },
          { in: 'body', pointer: '/name', message: 'second issue' },
          { in: 'body', pointer: '/a~1b/0', message: 'is too long' },
          { in: 'query', pointer: '/limit', message: 'must be ≤ 500' },
        ],
      }),
    );
    const api = createApiClient({ tenant: 'so-tai-chinh', fetch, onError: (e) => void reported.push(e) });
    const error = await api.post('/api/hello/greetings', { name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'CONG_ERR_VALIDATION', message: 'body /name is required', reqId: 'r-1' });
    expect((error as ApiError).fieldErrors()).toEqual({ name: 'is required', 'a/b': 'is too long' });
    expect(reported).toEqual([error]);
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['x-cong-tenant']).toBe('so-tai-chinh');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]!.init.credentials).toBe('same-origin');
  });

  it('says status 0 when the server cannot be reached, and rethrows aborts untouched', async () => {
    const reported: ApiError[] = [];
    const down = createApiClient({ fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch, onError: (e) => void reported.push(e) });
    const error = await down.get('/api/core/auth/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'CONG_ERR_SERVICE_UNAVAILABLE' });
    expect(reported).toHaveLength(1);

    const abort = new DOMException('aborted', 'AbortError');
    const aborted = createApiClient({ fetch: fakeFetch(() => Promise.reject(abort)).fetch, onError: (e) => void reported.push(e) });
    await expect(aborted.get('/x')).rejects.toBe(abort);
    expect(reported).toHaveLength(1);
  });

  it('keeps Retry-After of a 429, and falls back to the status text when the body is not a problem', async () => {
    const throttled = createApiClient({
      fetch: fakeFetch(() => problem(429, { status: 429, code: 'CONG_ERR_LOGIN_THROTTLED', detail: 'Too many sign-in attempts; try again in 90 seconds' }, { 'retry-after': '90' })).fetch,
    });
    const error = await throttled.post('/api/core/auth/login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'CONG_ERR_LOGIN_THROTTLED', retryAfter: 90 });

    const plain = createApiClient({ fetch: fakeFetch(() => new Response('oops', { status: 502, statusText: 'Bad Gateway' })).fetch });
    const bad = await plain.get('/x').catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 502, code: 'HTTP_502', retryAfter: undefined });
  });

  it('passes query parameters, skips undefined ones, and binds another unit with withTenant', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(JSON.stringify({ ok: true }), { headers: { 'content-type': 'application/json' } }));
    const api = createApiClient({ fetch }).withTenant('xa-a');
    expect(await api.get('/api/core/tenants', { query: { limit: 500, status: 'active', text: undefined } })).toEqual({ ok: true });
    const url = new URL(calls[0]!.url);
    expect(url.search).toBe('?limit=500&status=active');
    expect((calls[0]!.init.headers as Record<string, string>)['x-cong-tenant']).toBe('xa-a');
  });
});
