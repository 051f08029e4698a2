import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { inUnit, NETWORK, publicPage, startSitesPlatform } from './registry-support.js';

// The site status gate on the public pages (the portal's `portal.site-gate`, consulted before its page
// cache): a draft site is 404 for the public and served to its signed-in staff; a suspended one is 503
// with Retry-After in Vietnamese and English; an archived one carries a notice, or is 410 when so
// configured; units without a registered site are served as before.
describeEachDialect('sites status gate', (dialect) => {
  let t: TestPlatform;
  let network: TestClient;
  const site: Record<string, string> = {};
  const status = async (unit: string, to: string, reason?: string) => {
    const res = await network.post(`/api/sites/sites/${site[unit]}/status`, { status: to, ...(reason ? { reason } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const login = async (username: string, password: string) => {
    const res = await fetch(new URL('/api/core/auth/login', t.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };

  beforeAll(async () => {
    t = await startSitesPlatform(dialect);
    network = inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK, 'core.settings.manage'] }), 'quang-tri');
    const csv = ['slug', 'dong-ha', 'so-tai-chinh', 'so-y-te', 'so-xay-dung', 'so-noi-vu'].join('\n');
    const run = await network.post('/api/sites/provisioning', { csv });
    expect(run.body.counts.create).toBe(5);
    for (const s of (await network.get('/api/sites/sites')).body.items as { id: string; unit: { slug: string } }[]) site[s.unit.slug] = s.id;
  });
  afterAll(async () => t?.stop());

  it('serves units without a registered site as before', async () => {
    expect((await publicPage(t, 'so-tu-phap')).status).toBe(200);
  });

  it('a draft site is 404 for the public, served uncached to signed-in staff of the unit', async () => {
    const anonymous = await publicPage(t, 'dong-ha');
    expect(anonymous.status).toBe(404);
    expect(anonymous.body).toContain('Không tìm thấy trang');
    expect(anonymous.body).toContain('Page not found');
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect((await publicPage(t, 'dong-ha', '/rss.xml')).status).toBe(404);
    // Staff with a session: the demo admin (every unit), and someone whose grant is elsewhere.
    const admin = await login('admin', t.platform.takeDemoCredentials().password);
    const preview = await publicPage(t, 'dong-ha', '/', { cookie: admin });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-cache');
    expect(preview.body).toContain('Phường Đông Hà');
    const user = await fetch(new URL('/api/core/users', t.url), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-cong-tenant': 'so-tai-chinh' }, body: JSON.stringify({ username: 'bien.tap.stc', password: 'biên tập sở tài chính 2026' }) });
    const grant = await fetch(new URL('/api/core/grants', t.url), { method: 'POST', headers: { cookie: admin, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', 'x-cong-tenant': 'so-tai-chinh' }, body: JSON.stringify({ userId: ((await user.json()) as { id: string }).id, roleId: 'site-editor' }) });
    expect(grant.status).toBe(201);
    const elsewhere = await login('bien.tap.stc', 'biên tập sở tài chính 2026');
    expect((await publicPage(t, 'dong-ha', '/', { cookie: elsewhere })).status).toBe(404);
    await status('so-tai-chinh', 'live');
    const live = await publicPage(t, 'so-tai-chinh', '/', { cookie: elsewhere });
    expect(live.status).toBe(200);
    expect(live.body).toContain('--portal-primary:#0b4f8a'); // the department template's theme
  });

  it('a live site is served and cached; suspending it answers 503 at once, cache or not', async () => {
    await status('so-y-te', 'live');
    expect((await publicPage(t, 'so-y-te')).headers.get('x-cache')).toBe('miss');
    expect((await publicPage(t, 'so-y-te')).headers.get('x-cache')).toBe('hit');
    await status('so-y-te', 'suspended', 'Nâng cấp hệ thống');
    const closed = await publicPage(t, 'so-y-te');
    expect(closed.status).toBe(503);
    expect(closed.headers.get('retry-after')).toBe('3600');
    expect(closed.body).toContain('Trang thông tin tạm ngừng hoạt động');
    expect(closed.body).toContain('This site is temporarily unavailable');
    expect((await publicPage(t, 'so-y-te', '/tin/bat-ky/pdf')).status).toBe(503);
    expect((await publicPage(t, 'so-y-te', '/en/van-ban')).status).toBe(503);
    await status('so-y-te', 'live');
    expect((await publicPage(t, 'so-y-te')).status).toBe(200);
  });

  it('an archived site is served with its notice, or 410 when archived sites are gone', async () => {
    await status('so-xay-dung', 'archived', 'Đã hợp nhất');
    const archived = await publicPage(t, 'so-xay-dung');
    expect(archived.status).toBe(200);
    expect(archived.body).toContain('<div class="site-notice" role="note"');
    expect(archived.body).toContain('Đây là trang thông tin đã lưu trữ của Sở Xây dựng');
    expect((await publicPage(t, 'so-xay-dung', '/en')).body).toContain('This is the archived site of Department of Construction');
    const settings = await network.put('/api/core/plugins/sites/settings?scope=platform', { values: { archivedSites: 'gone' } });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    await status('so-noi-vu', 'archived', 'Ngừng hoạt động');
    const gone = await publicPage(t, 'so-noi-vu');
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('Trang thông tin đã ngừng hoạt động');
  });
  it('the public JSON API and the province-wide search follow the gate too', async () => {
    const publish = async (unit: string, slug: string) => {
      const writer = inUnit(t.client.as({ id: `phong-vien-${unit}`, permissions: ['portal.content.write'] }), unit);
      const chief = inUnit(t.client.as({ id: `truong-ban-${unit}`, permissions: ['portal.content.write', 'portal.content.approve'] }), unit);
      const created = await writer.post('/api/portal/articles', { title: `Hội nghị chuyển đổi số ${unit}`, slug, summary: 'Tóm tắt', body: '<p>Nội dung</p>' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await writer.post(`/api/portal/articles/${created.body.id}/transitions/submit`, {});
      expect((await chief.post(`/api/portal/articles/${created.body.id}/transitions/approve`, {})).body.status).toBe('published');
    };
    await publish('dong-ha', 'chuyen-doi-so-dong-ha'); // a draft site
    await publish('so-y-te', 'chuyen-doi-so-y-te'); // a live one
    const api = (unit: string, path: string) => fetch(new URL(path, t.url), { headers: { 'x-cong-tenant': unit } });
    expect((await api('dong-ha', '/api/portal/public/articles')).status).toBe(404);
    expect((await api('so-y-te', '/api/portal/public/articles')).status).toBe(200);
    const gone = await api('so-noi-vu', '/api/portal/public/categories');
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { code: string }).code).toBe('PORTAL_ERR_SITE_GONE');
    expect((await api('dong-ha', '/api/portal/search?q=chuyen+doi+so')).status).toBe(404);
    const wide = (await (await api('quang-tri', '/api/portal/search?q=chuyen+doi+so&allUnits=true')).json()) as { items: { unit: { slug: string } | null }[] };
    expect(wide.items.map((i) => i.unit?.slug)).toEqual(['so-y-te']);
    await status('so-y-te', 'suspended', 'Bảo trì');
    const closed = await api('so-y-te', '/api/portal/public/articles');
    expect(closed.status).toBe(503);
    expect(closed.headers.get('retry-after')).toBe('3600');
    expect(((await closed.json()) as { code: string }).code).toBe('PORTAL_ERR_SITE_CLOSED');
  });
});
