import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { scriptHashSource } from './admin-shell.js';
import { createHttpApp } from './create-http-app.js';
import type { PluginAssets } from './plugin-assets.js';

// The built admin shell at /admin, from a directory the test writes: the index fallback under its
// own CSP, immutable hashed assets, 304, HEAD, no way out of the directory, and plugin bundles first.

const IMPORT_MAP = '{"imports":{"lit":"/admin/assets/lit-Cpk-RX3P.js"}}';
const INDEX = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng — Quản trị</title>
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" crossorigin src="/admin/assets/index-BQ3x_a1Z.js"></script>
<link rel="stylesheet" href="/admin/assets/index-D9k2LmQ0.css">
</head><body><cong-shell></cong-shell></body></html>
`;

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

async function serve(shellDir: string | false, plugins: readonly PluginAssets[] = []): Promise<{ url: string; server: Server }> {
  const app = createHttpApp({
    logger: pino({ level: 'silent' }),
    config: loadConfig({ file: false, env: {} }),
    routes: [],
    plugins: [],
    readiness: async () => ({ status: 200, body: {} }),
    openApiDocument: () => ({}),
    isShuttingDown: () => false,
    inFlight: { count: 0 },
    assets: () => plugins,
    adminShell: shellDir === false ? false : { dir: shellDir },
  });
  const server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the admin shell at /admin', () => {
  let root: string;
  let shell: string;
  let url: string;
  let server: Server;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cong-admin-shell-'));
    shell = join(root, 'admin');
    mkdirSync(join(shell, 'assets', 'fonts'), { recursive: true });
    writeFileSync(join(shell, 'index.html'), INDEX);
    writeFileSync(join(shell, 'assets', 'index-BQ3x_a1Z.js'), 'import "lit"; console.log("shell");\n');
    writeFileSync(join(shell, 'assets', 'index-D9k2LmQ0.css'), ':root { color: #123; }\n');
    writeFileSync(join(shell, 'assets', 'index-BQ3x_a1Z.js.map'), '{"version":3}');
    writeFileSync(join(shell, 'assets', 'fonts', 'inter-Ab12Cd34.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    writeFileSync(join(shell, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'package.json'), '{"name":"secret"}');
    // A plugin's admin bundle lives elsewhere and is served before the shell.
    mkdirSync(join(root, 'plugin'), { recursive: true });
    writeFileSync(join(root, 'plugin', 'index.js'), 'export {};');
    ({ url, server } = await serve(shell, [
      { id: 'hello', adminFile: join(root, 'plugin', 'index.js'), started: () => true, enabledFor: async () => true },
    ]));
  });
  afterAll(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers index.html for /admin and any client route, no-cache, under a CSP with the import map\'s hash', async () => {
    const hash = `'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`;
    expect(scriptHashSource(IMPORT_MAP)).toBe(hash);
    for (const path of ['/admin', '/admin/', '/admin/core/users?tenant=so-tai-chinh', '/admin/hello/greetings/42', '/admin/core/reset']) {
      const res = await get(url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toBe(
        `default-src 'self'; script-src 'self' ${hash}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' data:; ` +
          "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
    // Helmet's other headers stay; the API keeps helmet's own CSP.
    const page = await get(url, '/admin');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(String((await get(url, '/healthz')).headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect((await get(url, '/administrator')).status).toBe(404);
  });

  it('revalidates index.html by ETag and re-reads it (and its hashes) when it changes', async () => {
    const first = await get(url, '/admin/');
    expect((await get(url, '/admin/core/modules', { headers: { 'if-none-match': String(first.headers.etag) } })).status).toBe(304);
    const changed = INDEX.replace(IMPORT_MAP, '{"imports":{}}').replace('</head>', '<script>window.cong = 1;</script></head>');
    writeFileSync(join(shell, 'index.html'), changed);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(shell, 'index.html'), later, later);
    const second = await get(url, '/admin/', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(second.status).toBe(200);
    expect(second.body).toBe(changed);
    expect(String(second.headers['content-security-policy'])).toContain(`script-src 'self' ${scriptHashSource('{"imports":{}}')} ${scriptHashSource('window.cong = 1;')};`);
    writeFileSync(join(shell, 'index.html'), INDEX);
    utimesSync(join(shell, 'index.html'), new Date(), new Date(Date.now() + 10_000));
  });

  it('serves hashed assets immutable for a year with their types, ETag and 304, and HEAD without a body', async () => {
    const js = await get(url, '/admin/assets/index-BQ3x_a1Z.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toContain('console.log("shell")');
    expect((await get(url, '/admin/assets/index-BQ3x_a1Z.js', { headers: { 'if-none-match': String(js.headers.etag) } })).status).toBe(304);
    expect((await get(url, '/admin/assets/index-BQ3x_a1Z.js', { headers: { 'if-none-match': `"other", ${String(js.headers.etag).replace(/^W\//, '')}` } })).status).toBe(304);
    const types: Record<string, string> = {
      '/admin/assets/index-D9k2LmQ0.css': 'text/css; charset=utf-8',
      '/admin/assets/index-BQ3x_a1Z.js.map': 'application/json; charset=utf-8',
      '/admin/assets/fonts/inter-Ab12Cd34.woff2': 'font/woff2',
      '/admin/assets/logo.svg': 'image/svg+xml',
    };
    for (const [path, type] of Object.entries(types)) expect((await get(url, path)).headers['content-type'], path).toBe(type);
    // A name without a content hash may change: it revalidates.
    expect((await get(url, '/admin/assets/logo.svg')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');

    const head = await get(url, '/admin/assets/index-BQ3x_a1Z.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(js.body.length));
    const headIndex = await get(url, '/admin/core/users', { method: 'HEAD' });
    expect([headIndex.status, headIndex.body, headIndex.headers['content-type']]).toEqual([200, '', 'text/html; charset=utf-8']);
    expect(headIndex.headers['content-security-policy']).toBeDefined();
  });

  it('never leaves the assets directory and never answers a missing asset with the page', async () => {
    for (const path of [
      '/admin/assets/..%2f..%2fpackage.json',
      '/admin/assets/../../package.json',
      '/admin/assets/%2e%2e/index.html',
      '/admin/assets/.hidden.js',
      '/admin/assets/index-BQ3x_a1Z.js%00.png',
      '/admin/assets/missing-12345678.js',
      '/admin/assets/index.html',
      '/admin/assets/',
    ]) {
      const res = await get(url, path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('<cong-shell>');
    }
    expect((await get(url, '/admin', { method: 'POST' })).status).toBe(405);
  });

  it('leaves /admin/plugins/… to the plugins\' bundles: served there, 404 when missing', async () => {
    const bundle = await get(url, '/admin/plugins/hello/index.js');
    expect([bundle.status, bundle.body]).toEqual([200, 'export {};']);
    const missing = await get(url, '/admin/plugins/hello/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<cong-shell>');
  });

  it('answers 503 with a problem when the shell was not built', async () => {
    const bare = await serve(join(root, 'not-built'));
    try {
      const res = await get(bare.url, '/admin/core/users', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(JSON.parse(res.body)).toMatchObject({ status: 503, code: 'CONG_ERR_ADMIN_SHELL_MISSING' });
      expect(res.body).not.toContain(root);
    } finally {
      bare.server.close();
    }
  });
});
