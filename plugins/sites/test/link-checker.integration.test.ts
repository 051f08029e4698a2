import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { probeLink } from '../src/network/link-probe.js';
import { isPrivateAddress } from '../src/network/safe-address.js';
import { startNetworkPlatform, type NetworkHarness } from './network-support.js';

// The link checker (POR-21) against a real HTTP server on loopback (node:http, no mocked fetch): ok,
// 404, a server that refuses HEAD, a slow answer (timeout), a redirect loop and a good redirect; a
// link is broken after two failed runs in a row; one request at a time per host; private addresses
// refused unless the setting allows them.
let server: Server;
let base: string;
let inFlight = 0;
let maxInFlight = 0;
const seen: string[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  seen.push(`${req.method} ${req.url}`);
  res.on('close', () => inFlight--);
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/ok') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  if (path === '/no-head') return void (req.method === 'HEAD' ? res.writeHead(405).end() : res.writeHead(200).end('ok'));
  if (path === '/moved') return void res.writeHead(301, { location: '/ok' }).end();
  if (path === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
  if (path === '/slow') {
    const timer = setTimeout(() => res.writeHead(200).end('late'), 5000);
    res.on('close', () => clearTimeout(timer));
    return;
  }
  res.writeHead(404).end('missing');
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('link probe', () => {
  const options = { timeoutMs: 800, maxRedirects: 3, allowPrivateAddresses: true };

  it('answers ok, 404, HEAD refused then GET, redirects, loops and timeouts', async () => {
    expect(await probeLink(`${base}/ok`, options)).toEqual({ ok: true, httpStatus: 200, error: null });
    expect(await probeLink(`${base}/missing`, options)).toEqual({ ok: false, httpStatus: 404, error: 'HTTP 404' });
    expect(await probeLink(`${base}/no-head`, options)).toEqual({ ok: true, httpStatus: 200, error: null });
    expect(await probeLink(`${base}/moved`, options)).toEqual({ ok: true, httpStatus: 200, error: null });
    expect(await probeLink(`${base}/loop`, options)).toMatchObject({ ok: false, error: 'more than 3 redirects' });
    const slow = await probeLink(`${base}/slow`, options);
    expect(slow.ok).toBe(false);
    expect(slow.error).toContain('no answer within 800 ms');
  });

  it('refuses loopback and private addresses, by literal and after DNS resolution, unless allowed', async () => {
    const strict = { ...options, allowPrivateAddresses: false };
    expect((await probeLink(`${base}/ok`, strict)).error).toContain('private or loopback');
    expect((await probeLink(`http://localhost:${new URL(base).port}/ok`, strict)).error).toContain('private or loopback');
    for (const address of ['127.0.0.1', '10.1.2.3', '192.168.1.1', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '100.64.0.1', '0.0.0.0']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress('203.113.131.1')).toBe(false);
    expect(isPrivateAddress('2001:ee0::1')).toBe(false);
  });
});

describeEachDialect('sites link checker', (dialect) => {
  let h: NetworkHarness;
  const A = 'so-tai-chinh';
  let siteId: string;

  beforeAll(async () => {
    h = await startNetworkPlatform(dialect, { sites: { linkChecker: { allowPrivateAddresses: true, perHostDelayMs: 20, timeoutMs: 800, maxRedirects: 3, concurrency: 4 } } });
    const links = ['ok', 'missing', 'no-head', 'moved', 'loop', 'slow'].map((p) => `<a href="${base}/${p}">${p}</a>`).join(' ');
    await h.publish(A, { title: 'Liên kết hữu ích', slug: 'lien-ket-huu-ich', body: `<p>${links} <a href="/noi-bo">nội bộ</a> <a href="mailto:a@b.vn">thư</a></p>` });
    await h.publish(A, { title: 'Văn bản mới', slug: 'van-ban-moi', body: `<p><a href="${base}/missing#muc-2">lại</a></p>` });
    const all = await h.network('quang-tri').get('/api/sites/network', { query: { limit: 200 } });
    siteId = all.body.items.find((r: { unit: { slug: string } }) => r.unit.slug === A).siteId;
  });
  afterAll(async () => h?.t.stop());

  const run = async () => {
    const queued = await h.network('quang-tri').post('/api/sites/network/link-checks');
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    await h.t.drainJobs();
  };
  const links = async (status?: string) => {
    const res = await h.network('quang-tri').get(`/api/sites/network/sites/${siteId}/links`, { query: status ? { status } : {} });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: { url: string; status: string; httpStatus: number | null; failures: number; occurrences: { path: string }[] }[] };
  };

  it('finds the outbound links of published articles, with the pages they are on', async () => {
    await run();
    const page = await links();
    expect(page.items.map((l) => l.url.replace(base, '')).sort()).toEqual(['/loop', '/missing', '/moved', '/no-head', '/ok', '/slow']);
    const missing = page.items.find((l) => l.url.endsWith('/missing'))!;
    expect(missing.occurrences.map((o) => o.path).sort()).toEqual(['/tin/lien-ket-huu-ich', '/tin/van-ban-moi']);
  });

  it('marks a failing link broken on the second failed run, and never knocks twice at once on one host', async () => {
    const first = await links();
    expect(first.items.filter((l) => l.status === 'failing').map((l) => l.url.replace(base, '')).sort()).toEqual(['/loop', '/missing', '/slow']);
    expect(first.items.filter((l) => l.status === 'ok').length).toBe(3);
    expect((await h.network('quang-tri').get('/api/sites/network', { query: { brokenLinks: true } })).body.total).toBe(0);
    await run();
    const broken = await links('broken');
    expect(broken.items.map((l) => [l.url.replace(base, ''), l.failures]).sort()).toEqual([['/loop', 2], ['/missing', 2], ['/slow', 2]]);
    expect(broken.items.find((l) => l.url.endsWith('/missing'))!.httpStatus).toBe(404);
    const dashboard = await h.network('quang-tri').get('/api/sites/network', { query: { brokenLinks: true } });
    expect(dashboard.body.items.map((r: { unit: { slug: string }; brokenLinks: number }) => [r.unit.slug, r.brokenLinks])).toEqual([[A, 3]]);
    // Every link lives on one host (127.0.0.1:port): the checker sent one request at a time.
    expect(maxInFlight).toBe(1);
  });

  it('forgets links that left the content, and another unit\'s network admin cannot read them', async () => {
    expect((await h.network('so-y-te').get(`/api/sites/network/sites/${siteId}/links`)).status).toBe(404);
    expect((await h.network('quang-tri').get(`/api/sites/network/sites/${siteId}/links`, { query: { status: 'gone' } })).status).toBe(400);
  });
});
