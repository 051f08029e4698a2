import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { createHttpApp } from './create-http-app.js';
import { docsSiteCsp } from './docs-site.js';

// The built documentation site at /docs, from a directory the test writes: pages under the docs CSP
// (the API page under its own), assets, the site's 404 page, no way out of the directory, and
// nothing at all when the site is off.

function get(base: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: new URL(base).port, path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(config: Record<string, unknown>): Promise<{ url: string; server: Server }> {
  const app = createHttpApp({
    logger: pino({ level: 'silent' }),
    config: loadConfig({ file: false, env: {}, overrides: config }),
    routes: [],
    plugins: [],
    readiness: async () => ({ status: 200, body: {} }),
    openApiDocument: () => ({}),
    isShuttingDown: () => false,
    inFlight: { count: 0 },
    adminShell: false,
  });
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the documentation site at /docs', () => {
  let root: string;
  let site: string;
  let enabled: { url: string; server: Server };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cong-docs-site-'));
    site = join(root, 'dist');
    mkdirSync(join(site, 'guides'), { recursive: true });
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Tài liệu</title><h1>Tài liệu Cổng</h1>');
    writeFileSync(join(site, 'guides', 'qa.html'), '<!doctype html><title>Q&A</title><h1>Questions and consultation</h1>');
    writeFileSync(join(site, 'api.html'), '<!doctype html><title>REST API</title><div id="swagger-ui"></div>');
    writeFileSync(join(site, '404.html'), '<!doctype html><title>404</title><h1>Không tìm thấy trang</h1>');
    writeFileSync(join(site, 'assets', 'site.css'), 'body { margin: 0; }');
    writeFileSync(join(site, 'search-index.json'), '[]');
    writeFileSync(join(root, 'secret.json'), '{"secret":true}');
    enabled = await serve({ docs: { enabled: true, dir: site } });
  });
  afterAll(() => {
    enabled?.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the index and pages as HTML that revalidates, under the docs CSP', async () => {
    for (const path of ['/docs/', '/docs/index.html']) {
      const res = await get(enabled.url, path);
      expect([res.status, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
      expect(res.body).toContain('Tài liệu Cổng');
      expect(res.headers['content-security-policy']).toBe(docsSiteCsp('page'));
      expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const page = await get(enabled.url, '/docs/guides/qa.html');
    expect([page.status, page.body]).toEqual([200, '<!doctype html><title>Q&A</title><h1>Questions and consultation</h1>']);
    expect((await get(enabled.url, '/docs/guides/qa.html', { headers: { 'if-none-match': String(page.headers.etag) } })).status).toBe(304);
    const head = await get(enabled.url, '/docs/guides/qa.html', { method: 'HEAD' });
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('redirects /docs to /docs/, keeping the query', async () => {
    const res = await get(enabled.url, '/docs?q=gazette');
    expect([res.status, res.headers.location]).toEqual([301, '/docs/?q=gazette']);
  });

  it('gives the API page the swagger-ui allowances, and only that page', async () => {
    const res = await get(enabled.url, '/docs/api.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(docsSiteCsp('api'));
    expect(docsSiteCsp('api')).toContain("style-src 'self' 'unsafe-inline'");
    expect(docsSiteCsp('page')).not.toContain('unsafe-inline');
    expect(docsSiteCsp('api')).toContain("script-src 'self';");
  });

  it('serves assets with their types', async () => {
    const css = await get(enabled.url, '/docs/assets/site.css');
    expect([css.status, css.headers['content-type'], css.headers['cache-control']]).toEqual([200, 'text/css; charset=utf-8', 'public, max-age=300, must-revalidate']);
    expect((await get(enabled.url, '/docs/search-index.json')).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers unknown paths, and every way out of the directory, with the site\'s 404 page', async () => {
    for (const path of [
      '/docs/nothing.html',
      '/docs/guides/',
      '/docs/guides/nothing/deeper.html',
      '/docs/../secret.json',
      '/docs/..%2fsecret.json',
      '/docs/%2e%2e/secret.json',
      '/docs/.hidden.html',
      '/docs/index.html%00.css',
      '/docs/assets/site.exe',
    ]) {
      const res = await get(enabled.url, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toContain('Không tìm thấy trang');
      expect(res.body, path).not.toContain('secret');
    }
  });

  it('refuses writes', async () => {
    const res = await get(enabled.url, '/docs/index.html', { method: 'POST' });
    expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('answers 503 with a page saying how to build the site when it was not built', async () => {
    const bare = await serve({ docs: { enabled: true, dir: join(root, 'not-built') } });
    try {
      const res = await get(bare.url, '/docs/');
      expect(res.status).toBe(503);
      expect(res.body).toContain('--filter @cong/docs build');
      expect(res.body).not.toContain(root);
    } finally {
      bare.server.close();
    }
  });

  it('is absent when disabled, and follows demo when not set', async () => {
    for (const config of [{ docs: { enabled: false, dir: site } }, { docs: { dir: site } }, { demo: true, docs: { enabled: false, dir: site } }]) {
      const off = await serve(config);
      try {
        const res = await get(off.url, '/docs/', { headers: { accept: 'text/html' } });
        expect(res.status, JSON.stringify(config)).toBe(404);
        expect(res.body).not.toContain('Tài liệu Cổng');
      } finally {
        off.server.close();
      }
    }
    const demo = await serve({ demo: true, docs: { dir: site } });
    try {
      expect((await get(demo.url, '/docs/')).status).toBe(200);
    } finally {
      demo.server.close();
    }
  });
});
