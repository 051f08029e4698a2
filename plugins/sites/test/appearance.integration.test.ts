import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { APPROVED_THEMES } from '../src/appearance/approved-themes.js';
import { contrastRatio } from '../src/appearance/contrast.js';
import { inUnit, NETWORK, publicPage, startSitesPlatform } from './registry-support.js';

// Per-site themes and home pages (TEN-06, first version items 5 and 6): approved themes that pass
// WCAG 2.1 AA, branding checked for contrast, a draft previewed on the real site with its token and
// outside the page cache, published (audited, the unit's pages dropped) or discarded; home layouts
// built from the portal's blocks and the plugin's own, the default home page kept without a layout.
const CONFIGURE = 'sites.site.configure';
const NO_BRANDING = { primary: null, accent: null, logo: null, logoAlt: null };

describe('approved themes', () => {
  it('every approved theme passes WCAG 2.1 AA', () => {
    for (const { colours: c } of APPROVED_THEMES) {
      expect(contrastRatio(c.text, c.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.muted, c.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.primary, c.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.primary, c.onPrimary)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.accent, c.background)).toBeGreaterThanOrEqual(3);
    }
  });

  it('computes the contrast ratio of WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describeEachDialect('sites appearance', (dialect) => {
  let t: TestPlatform;
  let network: TestClient;
  let admin: TestClient;
  const draft = (body: unknown) => admin.put('/api/sites/appearance/draft', body);

  beforeAll(async () => {
    t = await startSitesPlatform(dialect);
    network = inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK] }), 'quang-tri');
    const run = await network.post('/api/sites/provisioning', { csv: ['slug', 'dong-ha', 'so-tai-chinh'].join('\n') });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    for (const s of (await network.get('/api/sites/sites')).body.items as { id: string }[]) {
      expect((await network.post(`/api/sites/sites/${s.id}/status`, { status: 'live' })).status).toBe(200);
    }
    admin = inUnit(t.client.as({ id: 'qt-dong-ha', permissions: [CONFIGURE] }), 'dong-ha');
  });
  afterAll(async () => t?.stop());

  it('starts from the site template, and offers the approved themes and blocks', async () => {
    const view = await admin.get('/api/sites/appearance');
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ fromTemplate: true, draft: null, previewToken: null, published: { theme: 'xanh-la', home: null } });
    const catalogue = await admin.get('/api/sites/appearance/catalogue');
    expect(catalogue.body.themes.map((th: { id: string }) => th.id)).toEqual(APPROVED_THEMES.map((th) => th.id));
    expect(catalogue.body.blocks.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining(['portal.latest-news', 'portal.legal-documents', 'sites.public-services', 'sites.banner']));
    const page = await publicPage(t, 'dong-ha');
    expect(page.body).toContain('--portal-primary:#1b5e20'); // the commune template's green
  });

  it('refuses colours that fail contrast, unknown themes and blocks, naming the field', async () => {
    const pale = await draft({ theme: 'xanh-bien', branding: { ...NO_BRANDING, primary: '#ffcc00' }, home: null });
    expect(pale.status).toBe(400);
    expect(pale.body.code).toBe('SITES_ERR_COLOUR_CONTRAST');
    expect(pale.body.errors[0].pointer).toBe('/branding/primary');
    const accent = await draft({ theme: 'xanh-bien', branding: { ...NO_BRANDING, accent: '#dddddd' }, home: null });
    expect(accent.body).toMatchObject({ code: 'SITES_ERR_COLOUR_CONTRAST', errors: [{ pointer: '/branding/accent' }] });
    const notColour = await draft({ theme: 'xanh-bien', branding: { ...NO_BRANDING, primary: 'red' }, home: null });
    expect(notColour.body).toMatchObject({ code: 'SITES_ERR_BRANDING_INVALID', errors: [{ pointer: '/branding/primary' }] });
    const logo = await draft({ theme: 'xanh-bien', branding: { ...NO_BRANDING, logo: 'javascript:alert(1)' }, home: null });
    expect(logo.body).toMatchObject({ code: 'SITES_ERR_BRANDING_INVALID', errors: [{ pointer: '/branding/logo' }] });
    expect((await draft({ theme: 'tim-mong-mo', branding: NO_BRANDING, home: null })).status).toBe(400);
    const block = await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home: [{ block: 'portal.latest-news' }, { block: 'khong-co' }] });
    expect(block.body).toMatchObject({ code: 'SITES_ERR_HOME_BLOCK_UNKNOWN', errors: [{ pointer: '/home/1/block' }] });
    const http = await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home: [{ block: 'sites.public-services', settings: { links: [{ title: 'Dịch vụ công', url: 'http://dichvucong.gov.vn' }] } }] });
    expect(http.body).toMatchObject({ code: 'SITES_ERR_HOME_BLOCK_SETTINGS', errors: [{ pointer: '/home/0/settings' }] });
    const count = await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home: [{ block: 'portal.latest-news', settings: { count: 99 } }] });
    expect(count.body.code).toBe('SITES_ERR_HOME_BLOCK_SETTINGS');
    expect((await admin.get('/api/sites/appearance')).body.draft).toBeNull();
  });

  it('previews a draft on the real site without changing the public one, then publishes it', async () => {
    const before = await publicPage(t, 'dong-ha');
    const saved = await draft({
      theme: 'xanh-bien',
      branding: { primary: '#5a1d8c', accent: null, logo: '/media/logo/dong-ha.png', logoAlt: 'Biểu trưng phường Đông Hà' },
      home: [
        { block: 'sites.public-services', settings: { links: [{ title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' }] } },
        { block: 'portal.latest-news', settings: { count: 3 } },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const token = saved.body.previewToken as string;
    expect(token).toMatch(/^[\w-]{20,}$/);
    // The public still sees the template's theme and the default home page, from the cache.
    const still = await publicPage(t, 'dong-ha');
    expect(still.body).toBe(before.body);
    expect(still.body).not.toContain('Cổng Dịch vụ công quốc gia');
    // The preview: the draft, private, outside the cache.
    const preview = await publicPage(t, 'dong-ha', `/?xem-truoc=${token}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');
    expect(preview.body).toContain('--portal-primary:#5a1d8c');
    expect(preview.body).toContain('href="https://dichvucong.gov.vn"');
    expect(preview.body).toContain('alt="Biểu trưng phường Đông Hà"');
    expect(preview.body).toContain('data-block="portal.latest-news"');
    // A wrong token, or the token on another unit's site, is the public page.
    const wrong = await publicPage(t, 'dong-ha', `/?xem-truoc=${token.slice(1)}x`);
    expect(wrong.body).toBe(before.body);
    expect((await publicPage(t, 'so-tai-chinh', `/?xem-truoc=${token}`)).body).not.toContain('#5a1d8c');

    const published = await admin.post('/api/sites/appearance/publish', undefined);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ fromTemplate: false, draft: null, previewToken: null, publishedBy: 'qt-dong-ha', published: { theme: 'xanh-bien' } });
    const after = await publicPage(t, 'dong-ha');
    expect(after.body).toContain('--portal-primary:#5a1d8c');
    expect(after.body).toContain('Cổng Dịch vụ công quốc gia');
    // The token died with the draft.
    expect((await publicPage(t, 'dong-ha', `/?xem-truoc=${token}`)).headers.get('cache-control')).not.toBe('private, no-store');
    const audit = await inUnit(t.client.as({ id: 'kiem-toan', permissions: ['core.audit.read'] }), 'dong-ha').get('/api/core/audit', { query: { actionPrefix: 'sites.appearance.' } });
    expect(audit.status).toBe(200);
    expect((audit.body.items as { action: string; actorId?: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(['sites.appearance.draft', 'sites.appearance.publish']));
  });

  it('discards a draft; publishing or discarding without one is 409', async () => {
    expect((await draft({ theme: 'tuong-phan-cao', branding: NO_BRANDING, home: null })).status).toBe(200);
    const discarded = await admin.delete('/api/sites/appearance/draft');
    expect(discarded.status).toBe(200);
    expect(discarded.body.draft).toBeNull();
    expect((await publicPage(t, 'dong-ha')).body).toContain('--portal-primary:#5a1d8c');
    expect((await admin.post('/api/sites/appearance/publish', undefined)).body.code).toBe('SITES_ERR_NO_DRAFT');
    expect((await admin.delete('/api/sites/appearance/draft')).status).toBe(409);
  });

  it('shows the leaders and contacts blocks and a banner from the unit\'s organisation data', async () => {
    const portal = inUnit(t.client.as({ id: 'bien-tap', permissions: ['portal.organisation.write'] }), 'dong-ha');
    expect((await portal.post('/api/portal/organisation/leaders', { fullName: 'Hồ Thị Lãnh Đạo', position: { vi: 'Chủ tịch UBND phường' } })).status).toBe(201);
    expect((await portal.post('/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Trụ sở UBND phường' }, address: '01 Lê Duẩn, Đông Hà', phone: '0233 3852 999', email: 'dongha@quangtri.gov.vn' })).status).toBe(201);
    const home = [{ block: 'portal.leaders' }, { block: 'portal.contacts' }, { block: 'sites.banner', settings: { image: 'https://cdn.quangtri.gov.vn/bang-ron.png', alt: 'Chào mừng Đại hội' } }];
    expect((await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home })).status).toBe(200);
    expect((await admin.post('/api/sites/appearance/publish', undefined)).status).toBe(200);
    const page = (await publicPage(t, 'dong-ha')).body;
    expect(page).toContain('<strong>Hồ Thị Lãnh Đạo</strong> — Chủ tịch UBND phường');
    expect(page).toContain('01 Lê Duẩn, Đông Hà');
    expect(page).toContain('<img src="https://cdn.quangtri.gov.vn/bang-ron.png" alt="Chào mừng Đại hội"');
    const noAlt = await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home: [{ block: 'sites.banner', settings: { image: 'https://cdn.quangtri.gov.vn/b.png' } }] });
    expect(noAlt.body).toMatchObject({ code: 'SITES_ERR_HOME_BLOCK_SETTINGS', errors: [{ pointer: '/home/0/settings' }] });
  });

  it('a layout back to null restores the default home page', async () => {
    expect((await draft({ theme: 'xanh-bien', branding: NO_BRANDING, home: null })).status).toBe(200);
    expect((await admin.post('/api/sites/appearance/publish', undefined)).status).toBe(200);
    const page = await publicPage(t, 'dong-ha');
    expect(page.body).toContain('id="tin-moi"');
    expect(page.body).not.toContain('Cổng Dịch vụ công quốc gia');
    expect(page.body).toContain('--portal-primary:#0b4f8a');
  });

  it('the province sets the header line and footer note of every site; a unit cannot', async () => {
    const set = await network.put('/api/sites/appearance/network', { headerLine: 'Ủy ban nhân dân tỉnh Quảng Trị', footerNote: 'Cơ quan chủ quản: UBND tỉnh Quảng Trị' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await network.get('/api/sites/appearance/network')).body).toEqual({ headerLine: 'Ủy ban nhân dân tỉnh Quảng Trị', footerNote: 'Cơ quan chủ quản: UBND tỉnh Quảng Trị' });
    for (const unit of ['dong-ha', 'so-tai-chinh', 'so-tu-phap']) {
      const page = (await publicPage(t, unit)).body;
      expect(page).toContain('<span class="province-line">Ủy ban nhân dân tỉnh Quảng Trị</span>');
      expect(page).toContain('<p class="footer-note">Cơ quan chủ quản: UBND tỉnh Quảng Trị</p>');
    }
    // A network admin of a unit below the province has no say; a unit's draft has no such field.
    const below = inUnit(t.client.as({ id: 'mang-luoi-dh', permissions: [NETWORK] }), 'dong-ha');
    expect((await below.put('/api/sites/appearance/network', { headerLine: 'Phường', footerNote: '' })).status).toBe(404);
    expect((await below.get('/api/sites/appearance/network')).status).toBe(404);
    const sneaky = await draft({ theme: 'xanh-bien', branding: { ...NO_BRANDING, headerLine: 'Phường Đông Hà' }, home: null });
    expect(sneaky.status).toBe(400);
    expect((await network.put('/api/sites/appearance/network', { headerLine: '', footerNote: '' })).status).toBe(200);
    expect((await publicPage(t, 'dong-ha')).body).not.toContain('<span class="province-line">');
  });

  it('is the unit\'s own: each unit reads its own, a unit without a site is 404', async () => {
    const other = inUnit(t.client.as({ id: 'qt-stc', permissions: [CONFIGURE] }), 'so-tai-chinh');
    expect((await other.get('/api/sites/appearance')).body).toMatchObject({ fromTemplate: true, published: { theme: 'xanh-bien', branding: { primary: null } } }); // the department template
    const noSite = inUnit(t.client.as({ id: 'qt-stp', permissions: [CONFIGURE] }), 'so-tu-phap');
    expect((await noSite.get('/api/sites/appearance')).status).toBe(404);
    expect((await noSite.put('/api/sites/appearance/draft', { theme: 'xanh-bien', branding: NO_BRANDING, home: null })).status).toBe(404);
  });

  it('two site admins saving the first draft at once both succeed; the draft is one of theirs', async () => {
    const first = inUnit(t.client.as({ id: 'qt-stc-1', permissions: [CONFIGURE] }), 'so-tai-chinh');
    const second = inUnit(t.client.as({ id: 'qt-stc-2', permissions: [CONFIGURE] }), 'so-tai-chinh');
    const [a, b] = await Promise.all([
      first.put('/api/sites/appearance/draft', { theme: 'xanh-bien', branding: NO_BRANDING, home: null }),
      second.put('/api/sites/appearance/draft', { theme: 'tuong-phan-cao', branding: NO_BRANDING, home: null }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const view = (await first.get('/api/sites/appearance')).body;
    expect(view).toMatchObject({ fromTemplate: false, published: { theme: 'xanh-bien' } });
    expect(['xanh-bien', 'tuong-phan-cao']).toContain(view.draft.theme);
  });
});
