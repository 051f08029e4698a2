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

describe('public requests resolve their tenant', () => {
  let t: TestPlatform;
  beforeAll(async () => {
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
