import { afterAll, beforeAll, expect, it } from 'vitest';
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
        latestFromApi = (await ctx.get(greetingsApiRef).latest(5)).map((g) => g.name);
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

  it('contributes its admin page and dashboard widget, served from its built bundle', async () => {
    const manifest = await t.client.as({ id: 'editor', permissions: [] }).get('/api/core/admin/manifest');
    const hello = manifest.body.plugins.find((p: { id: string }) => p.id === 'hello');
    expect(hello).toMatchObject({ module: '/admin/plugins/hello/index.js', nav: [{ id: 'hello.greetings', element: 'hello-greeting-list' }], slots: [{ zone: 'dashboard.widgets@1', element: 'hello-greeting-count' }] });
    const bundle = await t.client.get(hello.module);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.text).toContain('hello-greeting-list');
  });

  it('offers its service to plugins that declare it', async () => {
    await t.stop();
    expect(latestFromApi).toEqual(['Lê Văn Tám', 'Nguyễn Thị Đào']);
    t = undefined as never;
  });
});
