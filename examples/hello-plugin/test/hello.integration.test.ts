import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '@cong/sdk';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { greetingCreated, greetingsApiRef } from '@cong/example-hello/api';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

// How a vendor tests a plugin: the package entry on a real core and a real database, over HTTP.
describeEachDialect('hello plugin', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  const heard: string[] = [];
  let latestFromApi: string[] = [];

  // A second plugin that consumes hello's event and service, as another vendor's would.
  const listener = {
    manifest: { id: 'listener', pluginApi: '^1.0.0', requires: { hello: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({
      register: (reg) => reg.on(greetingCreated, (e) => void heard.push(e.name)),
      async stop(ctx) {
        latestFromApi = (await ctx.get(greetingsApiRef).latest(null, 5)).map((g) => g.name);
      },
    }),
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello', listener], database: dialect });
    writer = t.client.as({ id: 'editor', permissions: ['hello.write'] });
  });
  afterAll(async () => t?.stop());

  it('creates a greeting, stores it NFC-normalised, and announces it', async () => {
    const res = await writer.post('/api/hello/greetings', { name: 'Nguye\u0302\u0303n Thị Đào', message: 'Chúc mừng' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Nguyễn Thị Đào', message: 'Chúc mừng', language: 'vi', deliveredAt: null });
    expect(res.headers.get('location')).toBe(`/api/hello/greetings/${res.body.id}`);
    expect(heard).toContain('Nguyễn Thị Đào');
    const read = await t.client.get(`/api/hello/greetings/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('Nguyễn Thị Đào');
  });

  it('delivers the greeting in a background job queued with the row', async () => {
    const created = await writer.post('/api/hello/greetings', { name: 'Lê Văn Tám', language: 'en' });
    expect(await t.drainJobs()).toBeGreaterThanOrEqual(1);
    const read = await t.client.get(`/api/hello/greetings/${created.body.id}`);
    expect(read.body.deliveredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists with paging and filters, newest first', async () => {
    const page = await t.client.get('/api/hello/greetings', { query: { limit: 1, offset: 0 } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.body.items.map((g: { name: string }) => g.name)).toEqual(['Lê Văn Tám']);
    const english = await t.client.get('/api/hello/greetings', { query: { language: 'en' } });
    expect(english.body.total).toBe(1);
  });

  it('asks for sign-in, then for the permission, before writing', async () => {
    const anonymous = await t.client.post('/api/hello/greetings', { name: 'A' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('CONG_ERR_UNAUTHENTICATED');
    const reader = await t.client.as({ id: 'reader', permissions: [] }).post('/api/hello/greetings', { name: 'A' });
    expect(reader.status).toBe(403);
    expect(reader.body).toMatchObject({ code: 'CONG_ERR_FORBIDDEN', detail: 'Permission hello.write is required' });
  });

  it('answers 404 for an unknown greeting and 400 naming the field for a bad one', async () => {
    const missing = await t.client.get('/api/hello/greetings/7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00');
    expect(missing.status).toBe(404);
    const bad = await writer.post('/api/hello/greetings', { name: '', tenant_id: 'other' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/name', keyword: 'minLength' }),
        expect.objectContaining({ in: 'body', pointer: '/tenant_id', message: 'is not allowed' }),
      ]),
    );
  });

  it('contributes its admin page (for hello.write), dashboard widget and settings form, served from its built bundle', async () => {
    const manifest = await writer.get('/api/core/admin/manifest');
    const hello = manifest.body.plugins.find((p: { id: string }) => p.id === 'hello');
    expect(hello).toMatchObject({
      name: { vi: 'Lời chào', en: 'Greetings' },
      module: '/admin/plugins/hello/index.js',
      settings: true,
      nav: [{ id: 'hello.greetings', route: '/hello', element: 'hello-greeting-list' }],
      slots: [{ zone: 'dashboard.widgets@1', element: 'hello-greeting-count' }],
    });
    const reader = (await t.client.as({ id: 'reader', permissions: [] }).get('/api/core/admin/manifest')).body.plugins.find((p: { id: string }) => p.id === 'hello');
    expect(reader.nav).toEqual([]);
    expect(reader.slots).toHaveLength(1);
    const bundle = await t.client.get(hello.module);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.text).toContain('hello-greeting-list');
  });

  it('publishes the latest greetings for its widget: anonymous, text as stored, cacheable', async () => {
    await writer.post('/api/hello/greetings', { name: '<img src=x onerror=alert(1)>', message: '<b>xin chào</b>' });
    const latest = await t.client.get('/hello/greetings/latest', { query: { limit: 2 } });
    expect(latest.status).toBe(200);
    expect(latest.headers.get('cache-control')).toBe('public, max-age=60');
    expect(latest.body).toEqual({ items: [expect.objectContaining({ name: '<img src=x onerror=alert(1)>', message: '<b>xin chào</b>' }), expect.any(Object)], signature: null });
    expect(Object.keys(latest.body.items[0]).sort()).toEqual(['createdAt', 'id', 'language', 'message', 'name']);
    expect((await t.client.get('/hello/greetings/latest', { query: { limit: 50 } })).status).toBe(400);

    const widget = await t.client.get('/widgets/hello.js');
    expect(widget.status).toBe(200);
    expect(widget.text).toContain('cong-hello-greetings');
    expect(widget.text).toContain('./_lit/lit3.js'); // /widgets/_lit/lit3.js, or /t/<unit>/widgets/_lit/lit3.js
    const lit = await t.client.get('/widgets/_lit/lit3.js');
    expect(lit.status).toBe(200);
    expect(lit.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('offers its service to plugins that declare it', async () => {
    await t.stop();
    expect(latestFromApi).toEqual(['<img src=x onerror=alert(1)>', 'Lê Văn Tám', 'Nguyễn Thị Đào']);
    t = undefined as never;
  });
});

// Units: each keeps its own greetings and settings; the public route answers per unit with CORS for
// the unit's allowed origins (what an embedding page on another site needs).
describe('hello plugin in a province of units', () => {
  let t: TestPlatform;
  let cookie: string;
  const call = async (method: string, path: string, options: { tenant?: string; body?: unknown; origin?: string } = {}) => {
    const res = await fetch(new URL(path, t.url), {
      method,
      headers: {
        cookie,
        'sec-fetch-site': 'same-origin',
        ...(options.tenant ? { 'x-cong-tenant': options.tenant } : {}),
        ...(options.origin ? { origin: options.origin, 'sec-fetch-site': 'cross-site', cookie: '' } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: ['@cong/example-hello'], config: { demo: true } });
    const login = await fetch(new URL('/api/core/auth/login', t.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: t.platform.takeDemoCredentials().password }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => t?.stop());

  it('keeps greetings and settings per unit and serves the widget data with CORS for the unit\'s origins', async () => {
    const unit = (await call('GET', '/api/core/tenants?text=tai%20chinh')).body.items[0];
    expect((await call('PUT', `/api/core/tenants/${unit.id}/origins`, { body: { origins: ['http://localhost:8080'] } })).status).toBe(200);

    const saved = await call('PUT', '/api/core/plugins/hello/settings', {
      tenant: 'so-tai-chinh',
      body: { values: { defaultLanguage: 'en', signature: 'Sở Tài chính', maxPerDay: 2, webhookSecret: 'khoa-ky-webhook-bi-mat' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain('khoa-ky-webhook-bi-mat');
    expect(saved.body).toMatchObject({ secretsSet: ['webhookSecret'], perTenant: true });
    const tooLong = await call('PUT', '/api/core/plugins/hello/settings', { tenant: 'so-tai-chinh', body: { values: { signature: 'x'.repeat(121) } } });
    expect(tooLong.status).toBe(400);

    for (const name of ['Một', 'Hai']) {
      const created = await call('POST', '/api/hello/greetings', { tenant: 'so-tai-chinh', body: { name } });
      expect(created.status).toBe(201);
      expect(created.body.language).toBe('en'); // the unit's default language
    }
    const third = await call('POST', '/api/hello/greetings', { tenant: 'so-tai-chinh', body: { name: 'Ba' } });
    expect(third.status).toBe(409);
    const other = await call('POST', '/api/hello/greetings', { tenant: 'so-y-te', body: { name: 'Y tế' } });
    expect(other.body.language).toBe('vi');
    expect((await call('GET', `/api/hello/greetings/${other.body.id}`, { tenant: 'so-tai-chinh' })).status).toBe(404);
    expect((await call('GET', '/api/hello/greetings', { tenant: 'so-y-te' })).body.total).toBe(1);

    const latest = await call('GET', '/t/so-tai-chinh/hello/greetings/latest?limit=5', { origin: 'http://localhost:8080' });
    expect(latest.status).toBe(200);
    expect(latest.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(latest.headers.get('access-control-allow-credentials')).toBeNull();
    expect(latest.body).toMatchObject({ items: [{ name: 'Hai' }, { name: 'Một' }], signature: 'Sở Tài chính' });
    const elsewhere = await call('GET', '/t/so-y-te/hello/greetings/latest', { origin: 'http://localhost:8080' });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    expect(elsewhere.body).toMatchObject({ items: [{ name: 'Y tế' }], signature: null });

    const script = await call('GET', '/t/so-tai-chinh/widgets/hello.js', { origin: 'http://localhost:8080' });
    expect(script.status).toBe(200);
    expect(script.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
  });
});
