import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';

const assetPlugin = fileURLToPath(new URL('../../tests/fixtures/asset-plugin', import.meta.url));

function raw(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: new URL(url).port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the admin manifest and plugin bundles', () => {
  let t: TestPlatform;
  let admin: string;
  let auditor: string;
  const json = async (path: string, cookie: string, tenant?: string) =>
    (await fetch(new URL(path, t.url), { headers: { cookie, ...(tenant ? { 'x-cong-tenant': tenant } : {}) } })).json() as Promise<any>;
  const login = async (username: string, password: string) =>
    (await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }))
      .headers.get('set-cookie')!
      .split(';')[0]!;

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [assetPlugin], config: { demo: true } });
    admin = await login('admin', t.platform.takeDemoCredentials().password);
    const write = (path: string, body: unknown, tenant: string) =>
      fetch(new URL(path, t.url), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-cong-tenant': tenant }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const user = await write('/api/core/users', { username: 'kiem.tra', password: 'Kiểm tra viên mật khẩu 2026' }, 'so-tai-chinh');
    await write('/api/core/grants', { userId: user.id, roleId: 'auditor' }, 'so-tai-chinh');
    auditor = await login('kiem.tra', 'Kiểm tra viên mật khẩu 2026');
  });
  afterAll(async () => t?.stop());

  it('lists enabled plugins with their module URL and the nav items and slots the user may see', async () => {
    const full = await json('/api/core/admin/manifest', admin, 'so-tai-chinh');
    const plugin = full.plugins.find((p: { id: string }) => p.id === 'assets');
    expect(plugin).toMatchObject({ name: null, version: '2.1.0', state: 'started', module: '/admin/plugins/assets/index.js', settings: true });
    expect(plugin.nav.map((n: { id: string }) => n.id)).toEqual(['assets.list', 'assets.help']);
    expect(plugin.slots).toEqual([{ zone: 'dashboard.widgets@1', element: 'assets-summary', order: 10 }]);
    const limited = (await json('/api/core/admin/manifest', auditor, 'so-tai-chinh')).plugins.find((p: { id: string }) => p.id === 'assets');
    expect(limited.nav.map((n: { id: string }) => n.id)).toEqual(['assets.help']);
    expect(limited.slots).toEqual([]);
    expect((await fetch(new URL('/api/core/admin/manifest', t.url), { headers: { cookie: auditor, 'x-cong-tenant': 'so-y-te' } })).status).toBe(404);
  });

  it('a plugin disabled for the unit leaves its manifest at once, and comes back when enabled', async () => {
    const toggle = (enabled: boolean) =>
      fetch(new URL('/api/core/modules/assets', t.url), {
        method: 'PUT',
        headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-cong-tenant': 'so-tai-chinh' },
        body: JSON.stringify({ enabled }),
      });
    expect((await toggle(false)).status).toBe(200);
    expect((await json('/api/core/admin/manifest', admin, 'so-tai-chinh')).plugins.map((p: { id: string }) => p.id)).not.toContain('assets');
    expect((await json('/api/core/admin/manifest', admin, 'so-y-te')).plugins.map((p: { id: string }) => p.id)).toContain('assets');
    const modules = await json('/api/core/modules', admin, 'so-tai-chinh');
    expect(modules.items.find((m: { plugin: string }) => m.plugin === 'assets')).toMatchObject({ name: null, enabled: false, version: '2.1.0', state: 'started' });
    expect((await raw(t.url, '/widgets/assets.js', { host: 'so-tai-chinh.localhost' })).status).toBe(404);
    await toggle(true);
    expect((await json('/api/core/admin/manifest', admin, 'so-tai-chinh')).plugins.map((p: { id: string }) => p.id)).toContain('assets');
  });

  it('serves admin bundles: entries revalidate, hashed chunks are immutable, nothing outside the bundle', async () => {
    const entry = await raw(t.url, '/admin/plugins/assets/index.js');
    expect(entry.status).toBe(200);
    expect(entry.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(entry.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect((await raw(t.url, '/admin/plugins/assets/index.js', { 'if-none-match': String(entry.headers.etag) })).status).toBe(304);
    expect((await raw(t.url, '/admin/plugins/assets/chunk-1a2b3c4d5e.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/admin/plugins/assets/..%2f..%2fpackage.json', '/admin/plugins/assets/../../package.json', '/admin/plugins/assets/.env', '/admin/plugins/nothing/index.js']) {
      expect((await raw(t.url, path)).status, path).toBe(404);
    }
  });

  it('serves widgets on the unit\'s hosts with CORS for its allowed origins', async () => {
    const units = await json('/api/core/tenants?text=tai%20chinh', admin);
    await fetch(new URL(`/api/core/tenants/${units.items[0].id}/origins`, t.url), {
      method: 'PUT',
      headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ origins: ['https://baoquangtri.vn'] }),
    });
    const widget = await raw(t.url, '/widgets/assets.js', { host: 'so-tai-chinh.localhost', origin: 'https://baoquangtri.vn' });
    expect(widget.status).toBe(200);
    expect(widget.body).toContain('cong-assets-latest');
    expect(widget.headers['access-control-allow-origin']).toBe('https://baoquangtri.vn');
    const stranger = await raw(t.url, '/widgets/assets.js', { host: 'so-tai-chinh.localhost', origin: 'https://evil.example' });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('plugin settings', () => {
  it('layers file, platform and unit values; secrets are write-only; bad values name the field', async () => {
    const notices = {
      manifest: { id: 'notices', pluginApi: '^1.0.0' },
      version: '1.0.0',
      configSchema: {
        type: 'object',
        additionalProperties: false,
        'x-cong-per-tenant': true,
        properties: {
          title: { type: 'string', maxLength: 100, default: 'Thông báo' },
          pageSize: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
          apiKey: { type: 'string', 'x-cong-secret': true },
        },
      },
      plugin: (await import('@cong/sdk')).definePlugin({
        register: (reg) =>
          reg.routes((r) =>
            r.get('/view', {
              summary: 'settings in force',
              schema: {},
              handler: async (req, ctx) => {
                const s = await ctx.get((await import('@cong/sdk')).coreServices.config).forTenant<{ title: string; pageSize: number; apiKey?: string }>(req.tenantId ?? null);
                return { title: s.title, pageSize: s.pageSize, hasKey: s.apiKey !== undefined };
              },
            }),
          ),
      }),
    };
    const shared = {
      manifest: { id: 'shared', pluginApi: '^1.0.0' },
      version: '1.0.0',
      configSchema: { type: 'object', additionalProperties: false, properties: { banner: { type: 'string', maxLength: 100 } } },
      plugin: (await import('@cong/sdk')).definePlugin({ register() {} }),
    };
    const t = await createTestPlatform({ plugins: [notices, shared], config: { demo: true } });
    try {
      const cookie = (await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: t.platform.takeDemoCredentials().password }) }))
        .headers.get('set-cookie')!.split(';')[0]!;
      const call = async (method: string, path: string, tenant: string, body?: unknown) => {
        const res = await fetch(new URL(path, t.url), {
          method,
          headers: { cookie, 'x-cong-tenant': tenant, 'sec-fetch-site': 'same-origin', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return { status: res.status, text: await res.text() };
      };
      const saved = await call('PUT', '/api/core/plugins/notices/settings?scope=platform', 'quang-tri', { values: { title: 'Thông báo của tỉnh', apiKey: 'khoa-bi-mat-123' } });
      expect(saved.status).toBe(200);
      expect(saved.text).not.toContain('khoa-bi-mat-123');
      expect(JSON.parse(saved.text)).toMatchObject({ values: { title: 'Thông báo của tỉnh' }, secretsSet: ['apiKey'], perTenant: true });
      await call('PUT', '/api/core/plugins/notices/settings', 'so-tai-chinh', { values: { pageSize: 20 } });
      expect(JSON.parse((await call('GET', '/api/notices/view', 'so-tai-chinh')).text)).toEqual({ title: 'Thông báo của tỉnh', pageSize: 20, hasKey: true });
      expect(JSON.parse((await call('GET', '/api/notices/view', 'so-y-te')).text)).toEqual({ title: 'Thông báo của tỉnh', pageSize: 10, hasKey: true });
      // A platform write that leaves the secret out keeps it; null clears it.
      await call('PUT', '/api/core/plugins/notices/settings?scope=platform', 'quang-tri', { values: { title: 'Mới' } });
      expect(JSON.parse((await call('GET', '/api/notices/view', 'so-y-te')).text).hasKey).toBe(true);
      await call('PUT', '/api/core/plugins/notices/settings?scope=platform', 'quang-tri', { values: { title: 'Mới', apiKey: null } });
      expect(JSON.parse((await call('GET', '/api/notices/view', 'so-y-te')).text).hasKey).toBe(false);
      const bad = await call('PUT', '/api/core/plugins/notices/settings', 'so-tai-chinh', { values: { pageSize: 500, colour: 'red' } });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text).errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/values/colour', '/values/pageSize']);
      expect((await call('PUT', '/api/core/plugins/notices/settings?scope=platform', 'so-tai-chinh', { values: {} })).status).toBe(404);
      // A plugin whose settings are not per unit: only the province changes them, a unit can read them.
      const shared = await call('PUT', '/api/core/plugins/shared/settings', 'so-tai-chinh', { values: { banner: 'Của sở' } });
      expect(shared.status).toBe(404);
      expect((await call('PUT', '/api/core/plugins/shared/settings', 'quang-tri', { values: { banner: 'Của tỉnh' } })).status).toBe(200);
      expect(JSON.parse((await call('GET', '/api/core/plugins/shared/settings', 'so-tai-chinh')).text)).toMatchObject({ values: { banner: 'Của tỉnh' }, perTenant: false });
    } finally {
      await t.stop();
    }
  });
});
