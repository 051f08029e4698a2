import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePluginAssets, type PluginAssets } from './plugin-assets.js';

/** A Koa app with just the asset middleware; the unit comes from the `x-unit` header, as the tenant resolver would set it. */
describe('servePluginAssets', () => {
  let root: string;
  let server: ReturnType<Koa['listen']>;
  let port: number;
  let enabled = true;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cong-assets-'));
    const file = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    file('runtime/lit3.js', 'import"./chunk-3fa9c2d1.js";export const html=1;');
    file('runtime/chunk-3fa9c2d1.js', 'export const x=1;');
    file('runtime/modules.json', '{"lit":"3.3.3","modules":{"lit":"lit3.js"}}');
    file('secret.txt', 'no');
    file('hello/dist/widgets/hello.js', 'import"/widgets/_lit/lit3.js";import"./hello/more-0a1b2c3d.js";');
    file('hello/dist/widgets/hello/more-0a1b2c3d.js', 'export const more=1;');
    file('hello/dist/widgets/elements.json', '{}');
    const assets: PluginAssets[] = [
      { id: 'hello', widgetsFile: join(root, 'hello/dist/widgets/hello.js'), started: () => true, enabledFor: async () => enabled },
    ];
    const app = new Koa();
    app.use(async (ctx, next) => {
      const unit = ctx.get('x-unit');
      if (unit) {
        ctx.state.tenantId = unit;
        ctx.state.tenant = { id: unit, allowedOrigins: unit === 'so-tai-chinh' ? ['https://baoquangtri.vn'] : [] };
      }
      await next();
    });
    app.use(servePluginAssets(() => assets, { widgetsRuntimeDir: join(root, 'runtime') }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the shared Lit to any origin: chunks immutable, entries and the map revalidate', async () => {
    const entry = await get('/widgets/_lit/lit3.js', { origin: 'https://anywhere.example', 'x-unit': 'so-y-te' });
    expect(entry.status).toBe(200);
    expect(entry.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(entry.headers['access-control-allow-origin']).toBe('*');
    expect(entry.headers['access-control-allow-credentials']).toBeUndefined();
    expect(entry.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // `lit3-decorators.js` would look hashed to the plugin rule; the runtime's own rule keeps entries revalidating.
    expect(entry.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    const chunk = await get('/widgets/_lit/chunk-3fa9c2d1.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['access-control-allow-origin']).toBe('*');
    expect((await get('/widgets/_lit/modules.json')).body).toContain('"lit3.js"');
    expect((await get('/widgets/_lit/lit3.js', { 'if-none-match': String(entry.headers.etag) })).status).toBe(304);
    for (const path of ['/widgets/_lit/..%2fsecret.txt', '/widgets/_lit/../secret.txt', '/widgets/_lit/.env', '/widgets/_lit/nothing.js', '/widgets/_lit/', '/widgets/_lit.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('serves a plugin\'s widget entry and its chunks from <id>/, with CORS only for the unit\'s allowed origins', async () => {
    const entry = await get('/widgets/hello.js', { origin: 'https://baoquangtri.vn', 'x-unit': 'so-tai-chinh' });
    expect(entry.status).toBe(200);
    expect(entry.headers['access-control-allow-origin']).toBe('https://baoquangtri.vn');
    expect(entry.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(entry.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const chunk = await get('/widgets/hello/more-0a1b2c3d.js', { origin: 'https://baoquangtri.vn', 'x-unit': 'so-tai-chinh' });
    expect(chunk.status).toBe(200);
    expect(chunk.body).toBe('export const more=1;');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers['access-control-allow-origin']).toBe('https://baoquangtri.vn');
    const stranger = await get('/widgets/hello.js', { origin: 'https://evil.example', 'x-unit': 'so-tai-chinh' });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    // Files beside the entry (elements.json) are not under <id>/ and are not served.
    expect((await get('/widgets/hello/elements.json')).status).toBe(404);
    expect((await get('/widgets/hello/../hello.js')).status).toBe(404);
    enabled = false;
    expect((await get('/widgets/hello.js', { 'x-unit': 'so-tai-chinh' })).status).toBe(404);
    enabled = true;
  });

  const built = new URL('../../dist/widgets-runtime/modules.json', import.meta.url);
  it.skipIf(!existsSync(built))('finds the built runtime (core/dist/widgets-runtime) by default', async () => {
    const app = new Koa();
    app.use(servePluginAssets(() => []));
    const other = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/widgets/_lit/lit3.js`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^import/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
