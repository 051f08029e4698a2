import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { inAnotherProcess, readUntil } from './support/other-process.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, LruCache, normalizeQuery } from '../src/site/page-cache.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';

it('bounds the LRU by entries and by bytes, evicting the least recently used', () => {
  const lru = new LruCache<{ bytes: number }>(3, 100);
  lru.set('a', { bytes: 10 });
  lru.set('b', { bytes: 10 });
  lru.set('c', { bytes: 10 });
  lru.get('a'); // b is now the oldest
  lru.set('d', { bytes: 10 });
  expect(lru.get('b')).toBeUndefined();
  expect(lru.get('a')).toBeDefined();
  lru.set('e', { bytes: 90 });
  expect(lru.bytes).toBeLessThanOrEqual(100);
  expect(lru.get('e')).toBeDefined();
  lru.set('huge', { bytes: 101 });
  expect(lru.get('huge')).toBeUndefined();
  expect(lru.deletePrefix('e')).toBe(1);
  expect(normalizeQuery({ utm_source: 'zalo', trang: '2', fbclid: 'x', other: 'y' }, ['trang'])).toBe('trang=2');
});

it('chooses the encoding the client accepts, by q-value: br, then gzip, else none', () => {
  expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
  expect(chooseEncoding('gzip, br;q=0')).toBe('gzip');
  expect(chooseEncoding('GZIP;Q=0.5')).toBe('gzip');
  expect(chooseEncoding('gzip;q=0, identity')).toBeUndefined();
  expect(chooseEncoding('*')).toBe('gzip');
  expect(chooseEncoding(undefined)).toBeUndefined();
  expect(chooseEncoding('deflate')).toBeUndefined();
});

describeEachDialect('portal page cache', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  let chief: TestClient;
  const inUnit = (id: string, permissions: string[]): TestClient => inTenant(t.client.as({ id, permissions }), A);
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(`/t/${A}${path}`, t.url), { redirect: 'manual', headers });
    return { status: res.status, cache: res.headers.get('x-cache'), control: res.headers.get('cache-control'), etag: res.headers.get('etag'), body: await res.text() };
  };
  const draft = async (title: string, slug: string) => {
    const res = await writer.post('/api/portal/articles', { title, slug, summary: 'Tóm tắt', body: '<p>Nội dung</p>' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const publish = async (id: string) => {
    expect((await writer.post(`/api/portal/articles/${id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief.post(`/api/portal/articles/${id}/transitions/approve`, {})).body.status).toBe('published');
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = inUnit('phong-vien', ['portal.content.write', 'portal.legal.write']);
    chief = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve']);
  });
  afterAll(async () => t?.stop());

  it('serves a page from the cache on the second request, tracking tags sharing the entry, with 304 on a matching ETag', async () => {
    const first = await get('/van-ban');
    expect(first.status).toBe(200);
    expect(first.cache).toBe('miss');
    const second = await get('/van-ban?utm_source=zalo&fbclid=abc');
    expect(second.cache).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.control).toMatch(/^public/);
    const conditional = await get('/van-ban', { 'if-none-match': second.etag! });
    expect(conditional.status).toBe(304);
    expect(conditional.cache).toBe('hit');
    expect((await get('/en/van-ban')).cache).toBe('miss'); // the language is part of the key
  });

  it('sends cached pages compressed (brotli or gzip) to clients that accept it, each encoding with its own ETag', async () => {
    const raw = (encoding: string | undefined, extra: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const url = new URL(`/t/${A}/`, t.url);
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { ...(encoding ? { 'accept-encoding': encoding } : {}), ...extra } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    const plain = await raw(undefined);
    const br = await raw('gzip, deflate, br');
    const gz = await raw('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString());
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
    for (const r of [plain, br, gz]) expect(r.headers.vary).toMatch(/accept-encoding/i);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    expect((await raw('br', { 'if-none-match': br.headers.etag as string })).status).toBe(304);
    expect((await raw('gzip', { 'if-none-match': br.headers.etag as string })).status).toBe(200);
  });

  it('bypasses the cache for a signed-in visitor (session cookie or Authorization), answering private', async () => {
    await get('/');
    expect((await get('/')).cache).toBe('hit');
    for (const headers of [{ cookie: 'sid=abc' }, { authorization: 'Bearer cong_x' }] as Record<string, string>[]) {
      const res = await get('/', headers);
      expect(res.status).toBe(200);
      expect(res.cache).toBe('bypass');
      expect(res.control).toMatch(/^private/);
    }
    expect((await get('/', { cookie: '_ga=GA1.2.3' })).cache).toBe('hit'); // an analytics cookie is no session
  });

  it('shows a published article at once: its page (404 cached before), the home page, RSS and Atom', async () => {
    const a = await draft('Tin nóng vừa đăng', 'tin-nong');
    expect((await get('/tin/tin-nong')).status).toBe(404);
    // Warm the pages that will change.
    for (const path of ['/', '/rss.xml', '/atom.xml', '/en/rss.xml']) await get(path);
    for (const path of ['/', '/rss.xml', '/atom.xml', '/en/rss.xml']) expect((await get(path)).cache, path).toBe('hit');

    await publish(a.id);
    const article = await get('/tin/tin-nong');
    expect(article.status).toBe(200);
    expect(article.body).toContain('Tin nóng vừa đăng');
    for (const path of ['/', '/rss.xml', '/atom.xml', '/en/rss.xml']) {
      const res = await get(path);
      expect(res.cache, path).toBe('miss');
      expect(res.body, path).toContain('Tin nóng vừa đăng');
    }
    expect((await get('/rss.xml')).cache).toBe('hit');

    // Withdrawn: 410 at once, gone from the feed.
    expect((await chief.post(`/api/portal/articles/${a.id}/transitions/archive`, {})).body.status).toBe('archived');
    expect((await get('/tin/tin-nong')).status).toBe(410);
    expect((await get('/rss.xml')).body).not.toContain('Tin nóng vừa đăng');
  });

  it('drops a unit\'s pages when its generation in the database moves (a publish in another process)', async () => {
    await get('/chuyen-muc/khong-co'); // not stored: 404
    await get('/van-ban');
    expect((await get('/van-ban')).cache).toBe('hit');
    // Another process publishing: only the database changes.
    await inAnotherProcess(t, async (db) => {
      const rows = await db.updateTable('portal_site_generations').set({ generation: 1000 }).executeTakeFirst();
      expect(Number(rows.numUpdatedRows)).toBeGreaterThan(0);
    });
    // Checked at most once a second: within two seconds the page is rendered again.
    const res = await readUntil(() => get('/van-ban'), (r) => r.cache !== 'hit');
    expect(res.cache).toBe('miss');
  });

  it('shows a new legal document (no event) within the once-a-second check', async () => {
    await get('/van-ban');
    const created = await writer.post('/api/portal/legal-documents', { type: 'quyet_dinh', numberSymbol: '99/2024/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', issuedOn: '2024-01-02', summary: 'Văn bản mới tinh' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const res = await readUntil(() => get('/van-ban'), (r) => r.body.includes('99/2024/QĐ-UBND'));
    expect(res.body).toContain('99/2024/QĐ-UBND');
  });
});
