import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin } from '@cong/sdk';
import { parseCsv } from '@cong/sdk';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
// Through the package's api entry, as a monitoring plugin would import it.
import { sitesUptimePoint } from '@cong/plugin-sites/api';
import { startNetworkPlatform, type NetworkHarness } from './network-support.js';

// The network dashboard (issue 6): figures per site from the portal's batched read, editors from the
// core's grants, filters, sorting, paging, the stale flag, the CSV (formula-safe), 404 outside the
// caller's subtree, and uptime from a monitoring plugin when one contributes to `sites.uptime`.
interface Row {
  siteId: string;
  unit: { slug: string; kind: string; nameVi: string };
  stale: boolean;
  lastUpdate: string | null;
  publishedLast30Days: number;
  mandatedSections: number;
  emptyMandatedSections: number;
  editors: { total: number; editors: number };
  brokenLinks: number;
  uptime: number | null;
}

const A = 'so-tai-chinh';

describeEachDialect('sites network dashboard', (dialect) => {
  let h: NetworkHarness;
  const rowOf = (items: Row[], slug: string) => items.find((r) => r.unit.slug === slug)!;

  beforeAll(async () => {
    h = await startNetworkPlatform(dialect, { sites: { staleAfterDays: 10 } });
    await h.publish(A, { title: 'Công khai dự toán 2027', slug: 'cong-khai-du-toan-2027' });
    await h.publish(A, { title: 'Lịch tiếp công dân', slug: 'lich-tiep-cong-dan' });
    // An editor of A's site: a real account, granted the site role by the demo administrator.
    const login = await fetch(new URL('/api/core/auth/login', h.t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: h.t.platform.takeDemoCredentials().password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (path: string, body: unknown) => {
      const res = await fetch(new URL(path, h.t.url), { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin', 'x-cong-tenant': A, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { id: string } };
    };
    const user = await call('/api/core/users', { username: 'bien.tap.stc', password: 'bien.tap.stc mật khẩu dài 2026' });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const grant = await call('/api/core/grants', { userId: user.body.id, roleId: 'site-editor' });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
  });
  afterAll(async () => h?.t.stop());

  it('lists every site of the province with the portal\'s figures, editors and the stale flag', async () => {
    const res = await h.network('quang-tri').get('/api/sites/network', { query: { limit: 200 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBeGreaterThan(40);
    expect(res.body.staleAfterDays).toBe(10);
    expect(res.body.uptimeAvailable).toBe(false);
    const a = rowOf(res.body.items, A);
    expect(a.publishedLast30Days).toBeGreaterThanOrEqual(2);
    expect(a.stale).toBe(false);
    expect(Date.parse(a.lastUpdate!)).toBeGreaterThan(Date.now() - 86_400_000);
    expect(a.mandatedSections).toBeGreaterThan(0);
    expect(a.emptyMandatedSections).toBeLessThanOrEqual(a.mandatedSections);
    expect(a.editors).toMatchObject({ total: 1, editors: 1 });
    expect(a.uptime).toBeNull();
    // A unit where nothing was ever published is flagged, with every applicable section empty or not.
    const quiet = (res.body.items as Row[]).find((r) => r.lastUpdate === null);
    if (quiet) expect(quiet.stale).toBe(true);
    expect(res.body.flagged).toBe((res.body.items as Row[]).filter((r) => r.stale).length);
  });

  it('filters, sorts and pages', async () => {
    const client = h.network('quang-tri');
    const fresh = await client.get('/api/sites/network', { query: { stale: false, limit: 200 } });
    expect((fresh.body.items as Row[]).every((r) => !r.stale)).toBe(true);
    expect((fresh.body.items as Row[]).map((r) => r.unit.slug)).toContain(A);
    const stale = await client.get('/api/sites/network', { query: { stale: true, limit: 200 } });
    expect(stale.body.total + fresh.body.total).toBe((await client.get('/api/sites/network', { query: { limit: 1 } })).body.total);
    const departments = await client.get('/api/sites/network', { query: { kind: 'department', limit: 200 } });
    expect((departments.body.items as Row[]).every((r) => r.unit.kind === 'department')).toBe(true);
    const busiest = await client.get('/api/sites/network', { query: { sort: 'published', order: 'desc', limit: 1 } });
    expect(busiest.body.items[0].publishedLast30Days).toBeGreaterThanOrEqual(2);
    const second = await client.get('/api/sites/network', { query: { limit: 5, offset: 5 } });
    const first = await client.get('/api/sites/network', { query: { limit: 10 } });
    expect(second.body.items.map((r: Row) => r.siteId)).toEqual(first.body.items.slice(5).map((r: Row) => r.siteId));
    const withBroken = await client.get('/api/sites/network', { query: { brokenLinks: true } });
    expect(withBroken.body.total).toBe(0);
  });

  it('refuses unknown filters and sorts, naming the field', async () => {
    const res = await h.network('quang-tri').get('/api/sites/network', { query: { sort: 'secret' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('sort');
    expect((await h.network('quang-tri').get('/api/sites/network', { query: { colour: 'red' } })).status).toBe(400);
  });

  it('exports the filtered list as CSV, formula-safe', async () => {
    const admin = h.t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    const tree = await admin.get('/api/core/tenants', { query: { limit: 500 } });
    const province = (tree.body.items as { id: string; slug: string }[]).find((u) => u.slug === 'quang-tri')!;
    const created = await admin.post('/api/core/tenants', { slug: 'xa-cong-thuc', nameVi: '=HYPERLINK("http://x") Xã', kind: 'commune', parentId: province.id });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await h.network('quang-tri').post('/api/sites/provisioning', { tree: {} })).status).toBe(200);
    const res = await h.network('quang-tri').request('GET', '/api/sites/network.csv', { query: { kind: 'commune' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(res.text);
    expect(rows[0]![0]).toBe('Đơn vị (Unit)');
    const formula = rows.find((r) => r[1] === 'xa-cong-thuc')!;
    expect(formula[0]).toBe('\'=HYPERLINK("http://x") Xã');
    expect(rows.slice(1).every((r) => r[2] === 'commune')).toBe(true);
    expect(rows.slice(1).every((r) => r[13] === '—')).toBe(true);
  });

  it('shows a unit\'s network admin only that unit\'s subtree; other sites\' links are 404', async () => {
    const own = await h.network(A).get('/api/sites/network');
    expect((own.body.items as Row[]).map((r) => r.unit.slug)).toEqual([A]);
    const all = await h.network('quang-tri').get('/api/sites/network', { query: { limit: 200 } });
    const other = rowOf(all.body.items, 'so-y-te');
    expect((await h.network(A).get(`/api/sites/network/sites/${other.siteId}/links`)).status).toBe(404);
    expect((await h.network('quang-tri').get(`/api/sites/network/sites/${other.siteId}/links`)).status).toBe(200);
    expect((await h.t.client.as({ id: 'bien-tap', permissions: ['portal.content.write'] }).get('/api/sites/network')).status).toBe(403);
  });
});

describeEachDialect('sites network dashboard with a monitoring plugin', (dialect) => {
  let h: NetworkHarness;
  beforeAll(async () => {
    const monitoring = {
      manifest: { id: 'monitoring', pluginApi: '^1.0.0', optional: { sites: '*' } },
      plugin: definePlugin({
        register(reg) {
          reg.extend(sitesUptimePoint, (uptime) => uptime.provide(async (ids) => new Map(ids.map((id) => [id, { percent: 99.5, periodDays: 30 }]))));
        },
      }),
    };
    h = await startNetworkPlatform(dialect, { plugins: [monitoring as never] });
  });
  afterAll(async () => h?.t.stop());

  it('shows the uptime the monitoring plugin measured', async () => {
    const res = await h.network('quang-tri').get('/api/sites/network', { query: { limit: 3 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.uptimeAvailable).toBe(true);
    expect(res.body.items.every((r: Row) => r.uptime === 99.5)).toBe(true);
  });
});
