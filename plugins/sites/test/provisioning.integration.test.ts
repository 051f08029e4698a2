import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { createUnits, DOMAIN, inUnit, NETWORK, provinceTree, startSitesPlatform } from './registry-support.js';

// Bulk provisioning of a province of 155 units from the unit tree: the dry run writes nothing and
// reports exactly what the real run then does; a second run changes nothing; hosts follow CORE-02 with
// collisions resolved; templates give pages, menus and sections through the portal; roles are created
// once. Then a CSV run with a line per unit, a bad line and a conflict that fail alone.
describeEachDialect('sites bulk provisioning', (dialect) => {
  let t: TestPlatform;
  let ids: Record<string, string>;
  let network: TestClient;
  const tree = { tree: {} };
  const sitesOf = (report: { sites: unknown[] }) => report.sites;

  beforeAll(async () => {
    t = await startSitesPlatform(dialect, { demo: false });
    ids = await createUnits(t, provinceTree(155));
    network = inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK, 'core.access.manage', 'portal.pages.write', 'portal.content.approve'] }), 'quang-tri');
  }, 300_000);
  afterAll(async () => t?.stop());

  let dry: any;
  it('a dry run reports what it would do for the 154 units below the province, and writes nothing', async () => {
    const res = await network.post('/api/sites/provisioning', { ...tree, dryRun: true });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    dry = res.body;
    expect(dry).toMatchObject({ dryRun: true, domain: DOMAIN, counts: { create: 154, update: 0, unchanged: 0, error: 0 } });
    expect(dry.roles).toEqual([
      { id: 'site-admin', action: 'create' },
      { id: 'site-editor', action: 'create' },
      { id: 'site-author', action: 'create' },
    ]);
    const commune = dry.sites.find((s: { slug: string }) => s.slug === 'xa-hai-lang');
    expect(commune).toMatchObject({ action: 'create', template: 'commune', error: null });
    expect(commune.changes).toEqual(expect.arrayContaining(['site: create (draft, template commune)', `primary host: hailang.${DOMAIN}`, 'page: gioi-thieu', 'page: dieu-kien-tu-nhien', 'menu: main', 'menu: footer']));
    expect(dry.sites.find((s: { slug: string }) => s.slug === 'so-3').changes).toEqual(expect.arrayContaining(['site: create (draft, template department)', `primary host: sotaichinh.${DOMAIN}`, 'page: chuc-nang-nhiem-vu']));
    // Nothing written: no site, no role, no host, no page.
    expect((await network.get('/api/sites/sites')).body.total).toBe(0);
    expect((await network.get('/api/core/roles')).body.items.map((r: { id: string }) => r.id)).not.toContain('site-editor');
    expect((await network.get('/api/core/tenants/' + ids['xa-hai-lang'])).body.primaryHost).toBeNull();
    expect((await inUnit(network, 'xa-hai-lang').get('/api/portal/pages')).body.items).toEqual([]);
  });

  it('the real run does exactly what the dry run reported', async () => {
    const res = await network.post('/api/sites/provisioning', tree);
    expect(res.status).toBe(200);
    expect({ ...res.body, dryRun: true }).toEqual(dry);
    expect((await network.get('/api/sites/sites', { query: { limit: 200 } })).body.total).toBe(154);
    const roles = (await network.get('/api/core/roles')).body.items.filter((r: { id: string }) => r.id.startsWith('site-'));
    expect(roles.map((r: { id: string }) => r.id).sort()).toEqual(['site-admin', 'site-author', 'site-editor']);
  });

  it('gives CORE-02 hosts, collisions resolved deterministically', async () => {
    const host = async (slug: string) => (await network.get(`/api/core/tenants/${ids[slug]}`)).body.primaryHost;
    expect(await host('so-3')).toBe(`sotaichinh.${DOMAIN}`);
    expect(await host('so-1')).toBe(`vanphongubnd.${DOMAIN}`);
    expect(await host('so-13')).toBe(`thanhtra.${DOMAIN}`);
    // Tree order is kind, then slug: the commune of Hải Lăng comes before the ward and takes the plain name.
    expect(await host('xa-hai-lang')).toBe(`hailang.${DOMAIN}`);
    expect(await host('phuong-hai-lang')).toBe(`phuonghailang.${DOMAIN}`);
    expect([await host('xa-cam-lo'), await host('xa-cam-lo-moi')]).toEqual([`camlo.${DOMAIN}`, `xacamlo.${DOMAIN}`]);
    expect((await network.get(`/api/core/tenants/${ids['quang-tri']}`)).body.primaryHost).toBeNull(); // the root was not in the run
  });

  it('sets the unit\'s site up through the portal: published pages, menus, required sections', async () => {
    const commune = inUnit(network, 'xa-hai-lang');
    const pages = (await commune.get('/api/portal/pages')).body.items as { slug: string; status: string }[];
    expect(pages.map((p) => `${p.slug}:${p.status}`).sort()).toEqual(['ban-do-hanh-chinh:published', 'dieu-kien-tu-nhien:published', 'gioi-thieu:published', 'lich-su-hinh-thanh:published']);
    const menu = (await commune.get('/api/portal/menus/main')).body;
    expect(menu.items.map((i: { label: { vi: string } }) => i.label.vi)).toEqual(['Trang chủ', 'Giới thiệu', 'Tin tức, sự kiện', 'Chỉ đạo, điều hành', 'Văn bản', 'Liên hệ']);
    expect(menu.items[1].children.map((c: { href: string }) => c.href)).toContain('/trang/dieu-kien-tu-nhien');
  });

  it('a second run changes nothing, and its dry run says so', async () => {
    for (const dryRun of [true, false]) {
      const again = await network.post('/api/sites/provisioning', { ...tree, dryRun });
      expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 154, error: 0 });
      expect(again.body.roles.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
      expect(sitesOf(again.body).every((s: any) => s.changes.length === 0)).toBe(true);
    }
  });

  it('filters the tree by kind and root', async () => {
    const wards = await network.post('/api/sites/provisioning', { tree: { kinds: ['ward'] }, dryRun: true });
    expect(wards.body.sites.every((s: { slug: string }) => s.slug.startsWith('phuong-'))).toBe(true);
    const root = await network.post('/api/sites/provisioning', { tree: { root: 'xa-hai-lang', includeRoot: true }, dryRun: true });
    expect(root.body.sites.map((s: { slug: string }) => s.slug)).toEqual(['xa-hai-lang']);
    const empty = await network.post('/api/sites/provisioning', { tree: { root: 'xa-hai-lang' } });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('SITES_ERR_SOURCE_EMPTY');
    expect((await network.post('/api/sites/provisioning', { tree: {}, template: 'khong-co' })).body.code).toBe('SITES_ERR_TEMPLATE_UNKNOWN');
    expect((await network.post('/api/sites/provisioning', { tree: {}, csv: 'slug\n' })).status).toBe(400);
  });

  it('a CSV run: each line planned alone, bad lines and conflicts reported, the rest written', async () => {
    const csv = [
      'slug,template,primary_host,alias_hosts,status,go_live_on,notes',
      `xa-hai-lang,,HaiLang.QuangTri.gov.vn.,hai-lang.${DOMAIN},,2026-12-01,"Ghi chú, có dấu phẩy"`,
      'so-3,commune,,,,,',
      'khong-co-don-vi,,,,,,',
      `xa-cam-lo,,sotaichinh.${DOMAIN},,,,`,
      'xa-cam-lo-moi,,,,,2026-13-40,',
      'xa-hai-lang,,,,,,',
      `quang-tri,department,${DOMAIN},,live,,`,
    ].join('\r\n');
    const planned = await network.post('/api/sites/provisioning', { csv, dryRun: true });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const done = await network.post('/api/sites/provisioning', { csv });
    expect({ ...done.body, dryRun: true }).toEqual(planned.body);
    const by = Object.fromEntries(done.body.sites.map((s: { line: number }) => [s.line, s]));
    expect(by[2]).toMatchObject({ action: 'update', changes: ['go-live date: 2026-12-01', 'notes', `alias host: hai-lang.${DOMAIN}`] });
    expect(by[3]).toMatchObject({ action: 'update', template: 'commune', changes: expect.arrayContaining(['template: department → commune', 'page: dieu-kien-tu-nhien', 'page: ban-do-hanh-chinh']) });
    expect(by[4]).toMatchObject({ action: 'error', error: { code: 'CONG_ERR_NOT_FOUND' } });
    expect(by[5]).toMatchObject({ action: 'error', error: { code: 'CONG_ERR_CONFLICT' } });
    expect(by[6]).toMatchObject({ action: 'error', error: { code: 'CONG_ERR_VALIDATION' } });
    expect(by[7]).toMatchObject({ action: 'error', error: { message: expect.stringContaining('line 2') } });
    expect(by[8]).toMatchObject({ action: 'create', template: 'department', changes: expect.arrayContaining(['site: create (live, template department)', `primary host: ${DOMAIN}`]) });
    expect(done.body.counts).toEqual({ create: 1, update: 2, unchanged: 0, error: 4 });
    // The lines that failed wrote nothing.
    const camLo = (await network.get(`/api/core/tenants/${ids['xa-cam-lo']}`)).body;
    expect(camLo).toMatchObject({ primaryHost: `camlo.${DOMAIN}`, aliasHosts: [] });
    const site = (await network.get('/api/sites/sites', { query: { text: 'hai lang', kind: 'commune' } })).body.items[0];
    expect(site).toMatchObject({ primaryHost: `hailang.${DOMAIN}`, aliasHosts: [`hai-lang.${DOMAIN}`], goLiveOn: '2026-12-01', notes: 'Ghi chú, có dấu phẩy' });
    expect((await network.post('/api/sites/provisioning', { csv: 'slug,owner\nx,y' })).body.code).toBe('SITES_ERR_CSV_INVALID');
  });
});
