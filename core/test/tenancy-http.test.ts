import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { inlinePlugin } from './inline-plugin.js';

/** A GET with a chosen Host header (fetch does not let a caller set Host). */
function get(url: string, host: string, path: string): Promise<{ status: number; location?: string; body: string; type?: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A plugin whose public page says which unit the request is for. */
const site = inlinePlugin({ id: 'site' }, {
  register: (reg) =>
    reg.publicRoutes((route) =>
      route.get('/xin-chao', {
        summary: 'Which unit is this?',
        schema: { response: { 200: { type: 'object', additionalProperties: false, properties: { tenant: { type: ['string', 'null'] } } } } },
        handler: (req) => ({ tenant: req.tenantId ?? null }),
      }),
    ),
});

describe('public requests resolve their tenant', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [site], config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  it('serves a unit by Host, by *.localhost and by /t/<slug>, giving the route its tenant id', async () => {
    const byLocalhost = await get(t.url, 'so-tai-chinh.localhost', '/xin-chao');
    expect(byLocalhost.status).toBe(200);
    const id = JSON.parse(byLocalhost.body).tenant as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const byPrefix = await get(t.url, 'localhost', '/t/so-tai-chinh/xin-chao');
    expect(JSON.parse(byPrefix.body).tenant).toBe(id);
    const province = await get(t.url, 'localhost', '/xin-chao');
    expect(JSON.parse(province.body).tenant).not.toBe(id);
  });

  it('answers 301 for an alias host and a former district, keeping path and query', async () => {
    const alias = await get(t.url, '127.0.0.1:4000', '/xin-chao?a=1');
    expect(alias).toMatchObject({ status: 301, location: 'http://localhost:4000/xin-chao?a=1' });
    const district = await get(t.url, 'huyen-vinh-linh.localhost', '/xin-chao');
    expect(district.status).toBe(301);
    expect(district.location).toBe('http://localhost/xin-chao');
  });

  it('gives an unknown host the plain 404 page, while the API and health answer on any host', async () => {
    const unknown = await get(t.url, 'evil.example', '/xin-chao');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toMatch(/text\/html/);
    expect(unknown.body).toContain('Không tìm thấy trang');
    expect((await get(t.url, 'evil.example', '/healthz')).status).toBe(200);
    expect((await get(t.url, 'evil.example', '/openapi.json')).status).toBe(200);
  });
});

describe('X-Forwarded-Host behind a reverse proxy', () => {
  const viaProxy = (url: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: new URL(url).port, path: '/xin-chao', headers: { host: 'localhost', 'x-forwarded-host': 'so-tai-chinh.localhost' } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('is believed only from a configured proxy address', async () => {
    const trusted = await createTestPlatform({ plugins: [site], config: { demo: true, http: { port: 0, host: '127.0.0.1', trustProxy: true } } });
    const untrusted = await createTestPlatform({ plugins: [site], config: { demo: true, http: { port: 0, host: '127.0.0.1', trustProxy: true, trustedProxies: ['10.0.0.7'] } } });
    try {
      const fromProxy = JSON.parse((await viaProxy(trusted.url)).body).tenant;
      const fromClient = JSON.parse((await viaProxy(untrusted.url)).body).tenant;
      const provinceOnTrusted = JSON.parse((await get(trusted.url, 'localhost', '/xin-chao')).body).tenant;
      expect(fromProxy).not.toBe(provinceOnTrusted); // the forwarded host chose so-tai-chinh
      const provinceOnUntrusted = JSON.parse((await get(untrusted.url, 'localhost', '/xin-chao')).body).tenant;
      expect(fromClient).toBe(provinceOnUntrusted); // dropped: the Host header decided
    } finally {
      await trusted.stop();
      await untrusted.stop();
    }
  });
});

describe('CORS for widget endpoints', () => {
  function send(url: string, options: { method?: string; host: string; path: string; headers?: Record<string, string> }) {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: new URL(url).port, method: options.method ?? 'GET', path: options.path, headers: { host: options.host, ...options.headers } }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers the unit\'s allowed origins only, preflight included, never with credentials', async () => {
    const widgets = inlinePlugin({ id: 'widgets' }, {
      register: (reg) =>
        reg.publicRoutes((route) => {
          route.get('/tien-ich/tin-moi', { summary: 'latest', cors: true, schema: {}, handler: () => ({ items: [] }) });
          route.get('/khong-cors', { summary: 'no cors', schema: {}, handler: () => ({}) });
        }),
    });
    const t = await createTestPlatform({ plugins: [widgets], config: { demo: true } });
    try {
      const login = await fetch(new URL('/api/core/auth/login', t.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: t.platform.takeDemoCredentials().password }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = (await (await fetch(new URL('/api/core/tenants?text=tai%20chinh', t.url), { headers: { cookie } })).json()) as { items: { id: string }[] };
      const set = await fetch(new URL(`/api/core/tenants/${list.items[0].id}/origins`, t.url), {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ origins: ['https://BaoQuangTri.vn:443/'] }),
      });
      expect(((await set.json()) as { allowedOrigins: string[] }).allowedOrigins).toEqual(['https://baoquangtri.vn']);

      const host = 'so-tai-chinh.localhost';
      const allowed = await send(t.url, { host, path: '/tien-ich/tin-moi', headers: { origin: 'https://baoquangtri.vn' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://baoquangtri.vn');
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(allowed.headers.vary).toMatch(/origin/i);
      const other = await send(t.url, { host, path: '/tien-ich/tin-moi', headers: { origin: 'https://evil.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const elsewhere = await send(t.url, { host: 'so-y-te.localhost', path: '/tien-ich/tin-moi', headers: { origin: 'https://baoquangtri.vn' } });
      expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
      const notCors = await send(t.url, { host, path: '/khong-cors', headers: { origin: 'https://baoquangtri.vn' } });
      expect(notCors.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await send(t.url, {
        method: 'OPTIONS',
        host,
        path: '/tien-ich/tin-moi',
        headers: { origin: 'https://baoquangtri.vn', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://baoquangtri.vn');
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
      const refused = await send(t.url, { method: 'OPTIONS', host, path: '/tien-ich/tin-moi', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});
