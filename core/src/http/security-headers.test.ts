import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet from 'helmet';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, securityHeaders } from './security-headers.js';

/** The headers a server answers GET / with, lower-cased, without the ones Node adds itself. */
async function headersOf(handler: Parameters<typeof createServer>[1]): Promise<Record<string, unknown>> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        res.on('end', () => resolve({ ...res.headers }));
      })
        .on('error', reject)
        .end();
    });
    for (const name of ['date', 'connection', 'keep-alive', 'content-length', 'content-type']) delete headers[name];
    return headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('answers with exactly the headers helmet itself sets with the platform options, on every request', async () => {
    const app = new Koa();
    app.use(securityHeaders());
    app.use((ctx) => {
      ctx.body = 'ok';
    });
    const precomputed = await headersOf(app.callback());
    const second = await headersOf(app.callback());

    const live = await headersOf((req, res) => {
      helmet(HELMET_OPTIONS)(req, res, () => res.end('ok'));
    });

    expect(precomputed).toEqual(live);
    expect(second).toEqual(live);
    expect(precomputed['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(precomputed['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(precomputed['x-content-type-options']).toBe('nosniff');
    expect(precomputed['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
