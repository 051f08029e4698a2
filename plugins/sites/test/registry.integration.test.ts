import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { DOMAIN, inUnit, NETWORK, onHost, startSitesPlatform, unitIds } from './registry-support.js';

// The site registry: list with filters and paging, one site with its history, status changes with
// their rules and audit, hosts through the core (checks, 301 from aliases, audit), CORE-02 suggestions,
// and 404 for sites outside the caller's subtree.
describeEachDialect('sites registry', (dialect) => {
  let t: TestPlatform;
  let ids: Record<string, string>;
  let province: TestClient;
  let sites: Record<string, { id: string }>;

  beforeAll(async () => {
    t = await startSitesPlatform(dialect);
    ids = await unitIds(t);
    // A unit below the Department of Finance: its network admin manages this one too.
    const created = await t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] }).post('/api/core/tenants', { slug: 'phong-ngan-sach', nameVi: 'Phòng Ngân sách', kind: 'department', parentId: ids['so-tai-chinh'] });
    expect(created.status).toBe(201);
    ids['phong-ngan-sach'] = created.body.id;
    province = inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK, 'core.audit.read'] }), 'quang-tri');
    const run = await province.post('/api/sites/provisioning', { tree: {} });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.counts.error).toBe(0);
    const list = await province.get('/api/sites/sites', { query: { limit: 200 } });
    sites = Object.fromEntries((list.body.items as { id: string; unit: { slug: string } }[]).map((s) => [s.unit.slug, s]));
  });
  afterAll(async () => t?.stop());

  it('lists the sites of the subtree with filters, sort and paging', async () => {
    const all = await province.get('/api/sites/sites', { query: { limit: 200 } });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(47); // the demo's 46 active units below the province, and one more
    expect(all.body.items.every((s: { status: string }) => s.status === 'draft')).toBe(true);
    const wards = await province.get('/api/sites/sites', { query: { kind: 'ward', sort: 'name' } });
    expect(wards.body.total).toBe(8);
    expect(wards.body.items.map((s: { unit: { nameVi: string } }) => s.unit.nameVi).slice(0, 2)).toEqual(['Phường Ba Đồn', 'Phường Bắc Gianh']);
    const folded = await province.get('/api/sites/sites', { query: { text: 'tai chinh' } });
    expect(folded.body.items.map((s: { unit: { slug: string } }) => s.unit.slug)).toEqual(['so-tai-chinh']);
    const page = await province.get('/api/sites/sites', { query: { limit: 10, offset: 40 } });
    expect(page.body).toMatchObject({ total: 47, limit: 10, offset: 40 });
    expect(page.body.items).toHaveLength(7);
    expect((await province.get('/api/sites/sites', { query: { sort: 'tenant_id' } })).status).toBe(400);
    expect((await province.get('/api/sites/sites', { query: { owner: 'x' } })).status).toBe(400);
  });

  it('shows a site with its unit, hosts, the CORE-02 suggestion and its history', async () => {
    const site = await province.get(`/api/sites/sites/${sites['so-tai-chinh']!.id}`);
    expect(site.status).toBe(200);
    expect(site.body).toMatchObject({
      unit: { slug: 'so-tai-chinh', nameVi: 'Sở Tài chính', kind: 'department' },
      status: 'draft',
      template: 'department',
      primaryHost: 'so-tai-chinh.localhost',
      suggestedHost: `sotaichinh.${DOMAIN}`,
      history: [{ from: null, to: 'draft', reason: null, actorId: 'mang-luoi' }],
    });
  });

  it('changes status along the allowed transitions, with a reason to close, history and audit', async () => {
    const url = `/api/sites/sites/${sites['so-y-te']!.id}`;
    const live = await province.post(`${url}/status`, { status: 'live' });
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('live');
    expect(live.body.goLiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const noReason = await province.post(`${url}/status`, { status: 'suspended' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('SITES_ERR_REASON_REQUIRED');
    expect(noReason.body.errors[0].pointer).toBe('/reason');
    const suspended = await province.post(`${url}/status`, { status: 'suspended', reason: 'Bảo trì máy chủ' });
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Bảo trì máy chủ' });
    const refused = await province.post(`${url}/status`, { status: 'draft' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SITES_ERR_STATUS_TRANSITION');
    expect((await province.post(`${url}/status`, { status: 'live', tenantId: 'x' })).status).toBe(400);
    const detail = await province.get(url);
    expect(detail.body.history.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`)).toEqual(['live→suspended', 'draft→live', 'null→draft']);
    const audit = await province.get('/api/core/audit', { query: { actionPrefix: 'sites.site.status', objectId: sites['so-y-te']!.id, subtree: true } });
    expect(audit.body.items.map((e: { after: { status: string } }) => e.after.status)).toEqual(['suspended', 'live']);
    const notes = await province.patch(url, { notes: 'Liên hệ anh Bình', goLiveOn: '2026-12-15' });
    expect(notes.body).toMatchObject({ notes: 'Liên hệ anh Bình', goLiveOn: '2026-12-15' });
  });

  it('sets hosts through the core: checked, unique, audited, and aliases answer 301 to the primary', async () => {
    const url = `/api/sites/sites/${sites['so-tai-chinh']!.id}/hosts`;
    const set = await province.put(url, { primaryHost: `SoTaiChinh.${DOMAIN}`, aliasHosts: ['so-tai-chinh.localhost', `stc.${DOMAIN}`] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ primaryHost: `sotaichinh.${DOMAIN}`, aliasHosts: [`so-tai-chinh.localhost`, `stc.${DOMAIN}`], suggestedHost: `sotaichinh.${DOMAIN}` });
    const alias = await onHost(t, `stc.${DOMAIN}`, '/chuyen-muc/tin-tuc-su-kien?trang=2');
    expect(alias.status).toBe(301);
    expect(alias.location).toBe(`http://sotaichinh.${DOMAIN}/chuyen-muc/tin-tuc-su-kien?trang=2`);
    const taken = await province.put(url, { primaryHost: 'so-y-te.localhost', aliasHosts: [] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('CONG_ERR_CONFLICT');
    expect((await province.put(url, { primaryHost: 'not a host!', aliasHosts: [] })).status).toBe(400);
    const audit = await province.get('/api/core/audit', { query: { actionPrefix: 'core.tenant.hosts', objectId: ids['so-tai-chinh']!, subtree: true } });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorId: 'mang-luoi', before: { primaryHost: 'so-tai-chinh.localhost' }, after: { primaryHost: `sotaichinh.${DOMAIN}` } });
  });

  it('the core\'s PATCH /api/core/tenants/:id takes hosts too, in the rename\'s transaction', async () => {
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    const changed = await admin.patch(`/api/core/tenants/${ids['so-xay-dung']}`, { aliasHosts: [`soxaydung.${DOMAIN}`] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ primaryHost: 'so-xay-dung.localhost', aliasHosts: [`soxaydung.${DOMAIN}`] });
    const conflict = await admin.patch(`/api/core/tenants/${ids['so-xay-dung']}`, { nameVi: 'Sở Xây dựng (đổi)', primaryHost: 'so-y-te.localhost' });
    expect(conflict.status).toBe(409);
    expect((await admin.get(`/api/core/tenants/${ids['so-xay-dung']}`)).body.nameVi).toBe('Sở Xây dựng');
  });

  it('suggests CORE-02 hosts for every active unit of the subtree', async () => {
    const res = await province.get('/api/sites/host-suggestions', { query: { limit: 500 } });
    expect(res.status).toBe(200);
    expect(res.body.domain).toBe(DOMAIN);
    const by = Object.fromEntries((res.body.items as { unit: { slug: string }; suggestedHost: string }[]).map((i) => [i.unit.slug, i.suggestedHost]));
    expect(by).toMatchObject({
      'quang-tri': DOMAIN,
      'so-giao-duc-va-dao-tao': `sogiaoducdaotao.${DOMAIN}`,
      'van-phong-ubnd': `vanphongubnd.${DOMAIN}`,
      'thanh-tra-tinh': `thanhtra.${DOMAIN}`,
      'dong-ha': `dongha.${DOMAIN}`,
      'con-co': `conco.${DOMAIN}`,
      'xa-minh-hoa-01': `minhhoa01.${DOMAIN}`,
    });
    expect(new Set(Object.values(by)).size).toBe(Object.keys(by).length);
    const missing = await province.get('/api/sites/host-suggestions', { query: { missing: true, kind: 'department', limit: 500 } });
    expect(missing.body.items.map((i: { unit: { slug: string } }) => i.unit.slug)).not.toContain('so-tai-chinh');
  });

  it('answers 404 for sites outside the caller\'s subtree, whatever the route', async () => {
    const finance = inUnit(t.client.as({ id: 'mang-luoi-stc', permissions: [NETWORK] }), 'so-tai-chinh');
    const mine = await finance.get('/api/sites/sites');
    expect(mine.body.items.map((s: { unit: { slug: string } }) => s.unit.slug).sort()).toEqual(['phong-ngan-sach', 'so-tai-chinh']);
    const health = `/api/sites/sites/${sites['so-y-te']!.id}`;
    for (const res of [
      await finance.get(health),
      await finance.patch(health, { notes: 'từ Sở Tài chính' }),
      await finance.post(`${health}/status`, { status: 'live' }),
      await finance.put(`${health}/hosts`, { primaryHost: `soyte.${DOMAIN}`, aliasHosts: [] }),
      await finance.get('/api/sites/sites/00000000-0000-0000-0000-000000000000'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Sở Y tế');
    }
    expect((await finance.get(`/api/sites/sites/${sites['phong-ngan-sach']!.id}`)).status).toBe(200);
    const suggestions = await finance.get('/api/sites/host-suggestions');
    expect(suggestions.body.items.map((i: { unit: { slug: string } }) => i.unit.slug)).toEqual(['so-tai-chinh', 'phong-ngan-sach']);
    expect((await inUnit(t.client.as({ id: 'x', permissions: ['portal.content.write'] }), 'so-tai-chinh').get('/api/sites/sites')).status).toBe(403);
  });
});
