import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { DOMAIN, inUnit, NETWORK, onHost, startSitesPlatform, unitIds } from './registry-support.js';

const WRITE = 'portal.content.write';
const APPROVE = 'portal.content.approve';

// Two communes with live sites merge into a new one (the 2025 mergers): their sites follow.
describeEachDialect('sites follow mergers and renames of units', (dialect) => {
  let t: TestPlatform;
  let ids: Record<string, string>;
  let admin: TestClient;
  let network: TestClient;
  const articles: Record<string, { id: string; slug: string }> = {};

  const writer = (unit: string) => inUnit(t.client.as({ id: `phong-vien-${unit}`, permissions: [WRITE] }), unit);
  const chief = (unit: string) => inUnit(t.client.as({ id: `truong-ban-${unit}`, permissions: [WRITE, APPROVE] }), unit);
  async function publish(unit: string, input: { title: string; slug: string; categoryId?: string }) {
    const created = await writer(unit).post('/api/portal/articles', { summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...input });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await writer(unit).post(`/api/portal/articles/${created.body.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief(unit).post(`/api/portal/articles/${created.body.id}/transitions/approve`, {})).body.status).toBe('published');
    return { id: created.body.id as string, slug: created.body.slug as string };
  }
  async function category(unit: string, slug: string, name: string): Promise<string> {
    const res = await writer(unit).post('/api/portal/categories', { slug, name: { vi: name } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  async function commune(slug: string, nameVi: string, host: string) {
    const created = await admin.post('/api/core/tenants', { slug, nameVi, kind: 'commune', parentId: ids['quang-tri'], primaryHost: host });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids[slug] = created.body.id;
  }

  beforeAll(async () => {
    t = await startSitesPlatform(dialect);
    ids = await unitIds(t);
    admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage', 'core.settings.manage'] });
    network = inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK, 'core.access.manage', 'portal.pages.write', APPROVE] }), 'quang-tri');
    await commune('xa-hoa-binh', 'Xã Hòa Bình', `hoabinh.${DOMAIN}`);
    await commune('xa-hoa-an', 'Xã Hòa An', `hoaan.${DOMAIN}`);
    const provisioned = await network.post('/api/sites/provisioning', { csv: 'slug,status\nxa-hoa-binh,live\nxa-hoa-an,live\n', initialStatus: 'live' });
    expect(provisioned.status, JSON.stringify(provisioned.body).slice(0, 500)).toBe(200);
    // Both communes have a category of the same slug, and an article of the same slug.
    const binhNews = await category('xa-hoa-binh', 'tin-dia-phuong', 'Tin địa phương');
    const anNews = await category('xa-hoa-an', 'tin-dia-phuong', 'Tin ở xã');
    articles.binhFestival = await publish('xa-hoa-binh', { title: 'Lễ hội đua thuyền Hòa Bình', slug: 'le-hoi-dua-thuyen', categoryId: binhNews });
    articles.binhOnly = await publish('xa-hoa-binh', { title: 'Khánh thành cầu Đồng Tâm', slug: 'khanh-thanh-cau-dong-tam' });
    articles.anFestival = await publish('xa-hoa-an', { title: 'Lễ hội đua thuyền Hòa An', slug: 'le-hoi-dua-thuyen', categoryId: anNews });
    // Hòa An's article once had another slug: that address must lead to it too.
    const reopened = await chief('xa-hoa-an').post(`/api/portal/articles/${articles.anFestival.id}/transitions/reopen`, {});
    expect(reopened.status).toBe(200);
    const current = await writer('xa-hoa-an').get(`/api/portal/articles/${articles.anFestival.id}`);
    expect((await writer('xa-hoa-an').patch(`/api/portal/articles/${articles.anFestival.id}`, { slug: 'dua-thuyen-hoa-an', revision: current.body.revision })).status).toBe(200);
    expect((await writer('xa-hoa-an').post(`/api/portal/articles/${articles.anFestival.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief('xa-hoa-an').post(`/api/portal/articles/${articles.anFestival.id}/transitions/approve`, {})).status).toBe(200);
    const merged = await admin.post('/api/core/tenants/merge', {
      sourceIds: [ids['xa-hoa-binh'], ids['xa-hoa-an']],
      successor: { slug: 'xa-hoa-binh-an', nameVi: 'Xã Hòa Bình An', kind: 'commune', parentId: ids['quang-tri'], primaryHost: `hoabinhan.${DOMAIN}` },
      effectiveDate: '2026-07-01',
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    ids['xa-hoa-binh-an'] = merged.body.id;
  }, 300_000);
  afterAll(async () => t?.stop());

  it('merging two communes redirects their old URLs page by page to the successor site, which serves each page', async () => {
    const oldBinh = `hoabinh.${DOMAIN}`;
    const oldAn = `hoaan.${DOMAIN}`;
    const successor = `hoabinhan.${DOMAIN}`;
    // The first commune's article kept its slug; the second's took the next free one.
    expect(await onHost(t, oldBinh, '/tin/le-hoi-dua-thuyen')).toMatchObject({ status: 301, location: `http://${successor}/tin/le-hoi-dua-thuyen` });
    expect(await onHost(t, oldAn, '/tin/dua-thuyen-hoa-an')).toMatchObject({ status: 301, location: `http://${successor}/tin/dua-thuyen-hoa-an` });
    expect(await onHost(t, oldAn, '/tin/le-hoi-dua-thuyen')).toMatchObject({ status: 301, location: `http://${successor}/tin/dua-thuyen-hoa-an` });
    expect(await onHost(t, oldAn, '/en/tin/le-hoi-dua-thuyen')).toMatchObject({ status: 301, location: `http://${successor}/en/tin/dua-thuyen-hoa-an` });
    expect(await onHost(t, oldBinh, '/tin/khanh-thanh-cau-dong-tam?utm_source=zalo')).toMatchObject({ status: 301, location: `http://${successor}/tin/khanh-thanh-cau-dong-tam?utm_source=zalo` });
    // Where they lead: each commune's own article, now on the successor's site.
    const binh = await onHost(t, successor, '/tin/le-hoi-dua-thuyen');
    expect(binh.status).toBe(200);
    expect(binh.body).toContain('Lễ hội đua thuyền Hòa Bình');
    const an = await onHost(t, successor, '/tin/dua-thuyen-hoa-an');
    expect(an.status).toBe(200);
    expect(an.body).toContain('Lễ hội đua thuyền Hòa An');
    expect((await onHost(t, successor, '/tin/khanh-thanh-cau-dong-tam')).status).toBe(200);
    // The categories of the same slug became one, listing both.
    const news = await onHost(t, successor, '/chuyen-muc/tin-dia-phuong');
    expect(news.status).toBe(200);
    expect(news.body).toContain('Lễ hội đua thuyền Hòa Bình');
    expect(news.body).toContain('Lễ hội đua thuyền Hòa An');
    // Search on the successor finds what moved (diacritics folded).
    const search = await onHost(t, successor, '/tim-kiem?q=dua+thuyen');
    expect(search.body).toContain('Lễ hội đua thuyền Hòa Bình');
    expect(search.body).toContain('Lễ hội đua thuyền Hòa An');
    // The successor's admin works with the articles now; the former units have none.
    const own = await writer('xa-hoa-binh-an').get('/api/portal/articles', { query: { limit: 50 } });
    expect(own.body.items.map((a: { slug: string }) => a.slug).sort()).toEqual(['dua-thuyen-hoa-an', 'khanh-thanh-cau-dong-tam', 'le-hoi-dua-thuyen']);
  });

  it('archives the former sites with the reason, opens the successor\'s site live, and records what moved', async () => {
    const sites = await network.get('/api/sites/sites', { query: { limit: 200, text: 'hoa' } });
    const bySlug = Object.fromEntries((sites.body.items as { unit: { slug: string }; status: string; statusReason: string | null }[]).map((s) => [s.unit.slug, s]));
    expect(bySlug['xa-hoa-binh']).toMatchObject({ status: 'archived' });
    expect(bySlug['xa-hoa-binh']!.statusReason).toContain('Đơn vị đã sáp nhập vào Xã Hòa Bình An từ ngày 01/07/2026');
    expect(bySlug['xa-hoa-binh-an']).toMatchObject({ status: 'live' });

    const log = await network.get('/api/sites/reorganisations');
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(2);
    const an = log.body.items.find((r: { source: { slug: string } }) => r.source.slug === 'xa-hoa-an');
    expect(an).toMatchObject({ kind: 'merge', mode: 'move', status: 'done', successor: { slug: 'xa-hoa-binh-an' }, effectiveDate: '2026-07-01' });
    // The first commune's categories (the template's and its own) moved; the second's all joined them.
    const binhCategories = (await writer('xa-hoa-binh-an').get('/api/portal/categories')).body.items.length;
    expect(an.report).toMatchObject({ articles: 1, renamedArticles: 0, categories: { moved: 0, joined: binhCategories } });
    expect(an.report.formerPaths).toEqual(expect.arrayContaining([{ path: '/tin/le-hoi-dua-thuyen', targetPath: '/tin/dua-thuyen-hoa-an' }]));
    const binh = log.body.items.find((r: { source: { slug: string } }) => r.source.slug === 'xa-hoa-binh');
    expect(binh.report).toMatchObject({ articles: 2, categories: { moved: binhCategories, joined: 0 }, formerPaths: [] });
    // A done entry is not retried; another unit's network admins do not see the entries at all.
    expect((await network.post(`/api/sites/reorganisations/${an.id}/retry`, {})).body.code).toBe('SITES_ERR_REORGANISATION_NOT_FAILED');
    const elsewhere = inUnit(t.client.as({ id: 'mang-luoi-so', permissions: [NETWORK] }), 'so-tai-chinh');
    expect((await elsewhere.get('/api/sites/reorganisations')).body).toMatchObject({ total: 0, items: [] });
    expect((await elsewhere.post(`/api/sites/reorganisations/${an.id}/retry`, {})).status).toBe(404);
    expect((await network.get('/api/sites/reorganisations', { query: { status: 'lost' } })).status).toBe(400);
  });

  it('with mergedSites=archive the former site stays readable on its host as an archive, its content stays', async () => {
    const saved = await inUnit(admin, 'quang-tri').put('/api/core/plugins/sites/settings', { values: { provinceDomain: DOMAIN, mergedSites: 'archive' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await commune('xa-vinh-son', 'Xã Vĩnh Sơn', `vinhson.${DOMAIN}`);
    await commune('xa-vinh-thuy', 'Xã Vĩnh Thủy', `vinhthuy.${DOMAIN}`);
    expect((await network.post('/api/sites/provisioning', { csv: 'slug,status\nxa-vinh-son,live\nxa-vinh-thuy,live\n' })).status).toBe(200);
    await publish('xa-vinh-son', { title: 'Thu hoạch lúa vụ hè thu', slug: 'thu-hoach-lua' });
    const merged = await admin.post('/api/core/tenants/merge', { sourceIds: [ids['xa-vinh-son']], successorId: ids['xa-vinh-thuy'], effectiveDate: '2026-07-01' });
    expect(merged.status).toBe(200);
    const archive = await onHost(t, `vinhson.${DOMAIN}`, '/tin/thu-hoach-lua');
    expect(archive.status).toBe(200);
    expect(archive.body).toContain('Thu hoạch lúa vụ hè thu');
    expect(archive.body).toContain('Đơn vị đã sáp nhập vào Xã Vĩnh Thủy');
    expect((await onHost(t, `vinhthuy.${DOMAIN}`, '/tin/thu-hoach-lua')).status).toBe(404);
    const log = await network.get('/api/sites/reorganisations');
    expect(log.body.items.find((r: { source: { slug: string } }) => r.source.slug === 'xa-vinh-son')).toMatchObject({ mode: 'archive', status: 'done', report: null });
    expect((await admin.get(`/api/core/tenants/${ids['xa-vinh-son']}`)).body).toMatchObject({ status: 'archived', archiveServed: true });
  });

  it('a renamed unit\'s national host follows its new name; the old host redirects to the same page', async () => {
    const unit = ids['xa-vinh-thuy']!;
    const renamed = await admin.patch(`/api/core/tenants/${unit}`, { nameVi: 'Xã Vĩnh Linh' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const now = (await admin.get(`/api/core/tenants/${unit}`)).body;
    expect(now).toMatchObject({ primaryHost: `vinhlinh.${DOMAIN}`, aliasHosts: [`vinhthuy.${DOMAIN}`] });
    expect(await onHost(t, `vinhthuy.${DOMAIN}`, '/gioi-thieu')).toMatchObject({ status: 301, location: `http://vinhlinh.${DOMAIN}/gioi-thieu` });
    const log = await network.get('/api/sites/reorganisations');
    expect(log.body.items.find((r: { kind: string }) => r.kind === 'rename')).toMatchObject({
      mode: 'hosts',
      source: { slug: 'xa-vinh-thuy' },
      report: { before: { primaryHost: `vinhthuy.${DOMAIN}` }, after: { primaryHost: `vinhlinh.${DOMAIN}` } },
    });
    // A custom domain is the unit's choice: a rename leaves it alone.
    const custom = await admin.patch(`/api/core/tenants/${unit}`, { primaryHost: 'vinhlinh-quangtri.vn' });
    expect(custom.status, JSON.stringify(custom.body)).toBe(200);
    await admin.patch(`/api/core/tenants/${unit}`, { nameVi: 'Xã Vĩnh Linh Mới' });
    expect((await admin.get(`/api/core/tenants/${unit}`)).body).toMatchObject({ primaryHost: 'vinhlinh-quangtri.vn' });
  });
});
