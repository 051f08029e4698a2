import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const PROVINCE = 'quang-tri';
const A = 'so-tai-chinh';
const B = 'so-y-te';
const HOUR = 3_600_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDialect('portal menus, banners and the alert banner', (dialect) => {
  let t: TestPlatform;
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  let manager: TestClient;
  let approver: TestClient;
  const site = async (path: string, unit = A) => {
    const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual' });
    return { status: res.status, cache: res.headers.get('x-cache'), body: await res.text() };
  };
  const nav = (body: string) => /<nav class="main"[^>]*>(.*?)<\/nav>/s.exec(body)?.[1] ?? '';
  /**
   * A write drops the unit's pages here and bumps its generation, which this process's once-a-second
   * fingerprint check sees once more: wait that out before warming a page whose staleness is checked.
   */
  const settle = async () => {
    await sleep(1100);
    await site('/');
  };
  /** Requests a page until the cache serves it, so a later change must drop it to show. */
  const warm = async (path: string, unit = A) => {
    await site(path, unit);
    expect((await site(path, unit)).cache, path).toBe('hit');
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    manager = inUnit('quan-tri-trang', ['portal.pages.write', 'portal.content.write']);
    approver = inUnit('lanh-dao', ['portal.content.approve']);
    // Targets for the menus: a category, a published page, an article.
    expect((await manager.post('/api/portal/categories', { slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' } })).status).toBe(201);
    const page = await manager.post('/api/portal/pages', { title: 'Giới thiệu', slug: 'gioi-thieu', translations: { en: { title: 'About us' } } });
    await manager.post(`/api/portal/pages/${page.body.id}/transitions/submit`, {});
    expect((await approver.post(`/api/portal/pages/${page.body.id}/transitions/approve`, {})).body.status).toBe('published');
    const child = await manager.post('/api/portal/pages', { title: 'Lịch sử', slug: 'lich-su', parentId: page.body.id });
    await manager.post(`/api/portal/pages/${child.body.id}/transitions/submit`, {});
    await approver.post(`/api/portal/pages/${child.body.id}/transitions/approve`, {});
    expect((await manager.post('/api/portal/articles', { title: 'Thông báo tuyển dụng', slug: 'tuyen-dung' })).status).toBe(201);
  });
  afterAll(async () => t?.stop());

  const MENU = [
    { label: { vi: 'Giới thiệu', en: 'About' }, target: { kind: 'page', value: 'gioi-thieu' }, children: [{ label: { vi: 'Lịch sử', en: 'History' }, target: { kind: 'page', value: 'lich-su' } }] },
    { label: { vi: 'Tin tức', en: 'News' }, target: { kind: 'category', value: 'tin-tuc' } },
    { label: { vi: 'Văn bản' }, target: { kind: 'legal' } },
    { label: { vi: 'Dịch vụ công', en: 'Public services' }, target: { kind: 'url', value: 'https://dichvucong.gov.vn' }, newTab: true },
    { label: { vi: 'Liên hệ', en: 'Contact' }, target: { kind: 'path', value: '/so-do-trang' } },
  ];

  it('keeps the categories in the header while the unit has no main menu', async () => {
    const home = await site('/');
    expect(nav(home.body)).toContain(`href="/t/${A}/chuyen-muc/tin-tuc"`);
    expect((await manager.get('/api/portal/menus/main')).body).toEqual({ location: 'main', items: [], updatedAt: null, updatedBy: null });
  });

  it('refuses invalid menus, naming every field: three levels, over 60 items, bad or unknown targets', async () => {
    const deep = await manager.put('/api/portal/menus/main', { items: [{ label: { vi: 'A' }, target: { kind: 'legal' }, children: [{ label: { vi: 'B' }, target: { kind: 'legal' }, children: [] }] }] });
    expect(deep.status).toBe(400);
    expect(deep.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/items/0/children/0/children'); // a third level is refused
    const many = Array.from({ length: 21 }, (_, i) => ({ label: { vi: `Mục ${i}` }, target: { kind: 'legal' }, children: [{ label: { vi: 'x' }, target: { kind: 'legal' } }, { label: { vi: 'y' }, target: { kind: 'legal' } }] }));
    const tooMany = await manager.put('/api/portal/menus/main', { items: many });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/items']);
    const bad = await manager.put('/api/portal/menus/footer', {
      items: [
        { label: { vi: 'JS' }, target: { kind: 'url', value: 'javascript:alert(1)' } },
        { label: { vi: 'HTTP' }, target: { kind: 'url', value: 'http://example.vn' } },
        { label: { vi: 'Máy khác' }, target: { kind: 'path', value: '//evil.example/x' } },
        { label: { vi: 'Chuyên mục lạ' }, target: { kind: 'category', value: 'khong-co' } },
        { label: { vi: 'Trang lạ' }, target: { kind: 'page', value: 'Sai Slug' } },
        { label: { vi: '   ' }, target: { kind: 'article', value: 'tuyen-dung' } },
        { label: { vi: 'Anh' }, target: { kind: 'path', value: '/en/trang/gioi-thieu' } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/items/0/target/value',
      '/items/1/target/value',
      '/items/2/target/value',
      '/items/4/target/value',
      '/items/5/label/vi',
      '/items/6/target/value',
      '/items/3/target/value',
    ]);
    const other = await manager.put('/api/portal/menus/main', { items: [{ label: { vi: 'X' }, target: { kind: 'legal' } }], extra: 1 });
    expect(other.status).toBe(400);
    expect((await manager.put('/api/portal/menus/sidebar', { items: [] })).status).toBe(400);
  });

  it('replaces a menu whole and renders it at once: aria-current, a keyboard submenu, English links, new tabs', async () => {
    await warm('/trang/gioi-thieu');
    await warm('/en/so-do-trang');
    const saved = await manager.put('/api/portal/menus/main', { items: MENU });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.items.map((i: { href: string }) => i.href)).toEqual(['/trang/gioi-thieu', '/chuyen-muc/tin-tuc', '/van-ban', 'https://dichvucong.gov.vn', '/so-do-trang']);
    expect(saved.body.items[0].children[0]).toMatchObject({ label: { vi: 'Lịch sử', en: 'History' }, href: '/trang/lich-su', newTab: false });
    expect((await manager.get('/api/portal/menus/main')).body.items).toEqual(saved.body.items);

    const page = await site('/trang/gioi-thieu');
    expect(page.cache).toBe('miss'); // the save dropped the cached page
    expect(page.body).toContain('<nav class="main" aria-label="Trình đơn chính">');
    const menu = nav(page.body);
    expect(menu).not.toContain('chuyen-muc/tin-tuc" aria-current'); // only the current page is marked
    expect(menu).toContain(`<a href="/t/${A}/trang/gioi-thieu" aria-current="page">Giới thiệu</a>`);
    expect(menu).toMatch(/<details><summary class="current">Giới thiệu<\/summary><ul>/);
    expect(menu).toContain(`<a href="/t/${A}/trang/lich-su">Lịch sử</a>`);
    expect(menu).toContain('<a href="https://dichvucong.gov.vn" target="_blank" rel="noopener noreferrer">Dịch vụ công<span class="sr-only"> (mở trong thẻ mới)</span></a>');

    const en = await site('/en/so-do-trang');
    expect(en.cache).toBe('miss');
    expect(en.body).toContain('<nav class="main" aria-label="Main menu">');
    const enMenu = nav(en.body);
    expect(enMenu).toContain(`<a href="/t/${A}/en/trang/gioi-thieu">About</a>`);
    expect(enMenu).toContain(`<a href="/t/${A}/en/chuyen-muc/tin-tuc">News</a>`);
    expect(enMenu).toContain(`<a href="/t/${A}/en/van-ban"><span lang="vi">Văn bản</span></a>`); // no English label: the Vietnamese, marked
    expect(enMenu).toContain(`<a href="/t/${A}/en/so-do-trang" aria-current="page">Contact</a>`);
    expect(enMenu).not.toContain('chuyen-muc/tin-tuc" aria-current');

    // The footer menu and quick links are lists of links in the footer.
    expect((await manager.put('/api/portal/menus/footer', { items: [{ label: { vi: 'Tuyển dụng', en: 'Jobs' }, target: { kind: 'article', value: 'tuyen-dung' } }] })).status).toBe(200);
    expect((await manager.put('/api/portal/menus/quick-links', { items: [{ label: { vi: 'Cổng Dịch vụ công' }, target: { kind: 'url', value: 'https://dichvucong.gov.vn' } }] })).status).toBe(200);
    const footer = /<footer class="site">(.*?)<\/footer>/s.exec((await site('/en/')).body)![1]!;
    expect(footer).toContain('<nav aria-label="Footer menu"><ul class="links"><li><a href="/t/so-tai-chinh/en/tin/tuyen-dung">Jobs</a></li></ul></nav>');
    expect(footer).toContain('<nav aria-label="Quick links">');

    // Emptying the main menu brings the categories back.
    expect((await manager.put('/api/portal/menus/main', { items: [] })).status).toBe(200);
    expect((await site('/')).body).toContain('<nav class="main" aria-label="Chuyên mục">');
    expect((await manager.put('/api/portal/menus/main', { items: MENU })).status).toBe(200);
  });

  it('keeps menus and banners per unit (404 for another unit\'s banner) and checks permissions (403)', async () => {
    const other = inUnit('b', ['portal.pages.write'], B);
    expect((await other.get('/api/portal/menus/main')).body.items).toEqual([]); // A's menu is not B's
    expect(nav((await site('/', B)).body)).not.toContain('gioi-thieu');
    const unknownTarget = await other.put('/api/portal/menus/main', { items: [{ label: { vi: 'x' }, target: { kind: 'page', value: 'gioi-thieu' } }] });
    expect(unknownTarget.status).toBe(400); // A's page is no target in B
    const banner = await manager.post('/api/portal/banners', { placement: 'footer', imageUrl: 'https://a.vn/b.png', alt: { vi: 'Ảnh', en: 'Image' } });
    expect(banner.status).toBe(201);
    expect((await other.patch(`/api/portal/banners/${banner.body.id}`, { active: false })).status).toBe(404);
    expect((await other.delete(`/api/portal/banners/${banner.body.id}`)).status).toBe(404);
    expect((await other.get('/api/portal/banners')).body.items).toEqual([]);
    const writer = inUnit('phong-vien', ['portal.content.write']);
    expect((await writer.put('/api/portal/menus/main', { items: [] })).status).toBe(403);
    expect((await writer.get('/api/portal/menus/main')).status).toBe(403);
    expect((await writer.post('/api/portal/banners', { placement: 'footer', imageUrl: 'https://a.vn/b.png', alt: { vi: 'a', en: 'a' } })).status).toBe(403);
    expect((await writer.post('/api/portal/site-clock')).status).toBe(403);
    expect((await manager.delete(`/api/portal/banners/${banner.body.id}`)).status).toBe(204);
  });

  it('shows banners only in their window, at their placement, with the alt text of the page\'s language', async () => {
    const invalid = await manager.post('/api/portal/banners', { placement: 'home-top', imageUrl: 'javascript:alert(1)', alt: { vi: '  ', en: 'x' }, linkUrl: '//evil.example', startsAt: at(HOUR), endsAt: at(-HOUR) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/imageUrl', '/alt/vi', '/linkUrl', '/endsAt']);
    expect((await manager.post('/api/portal/banners', { placement: 'home-top', imageUrl: 'https://a.vn/x.png', alt: { vi: 'Ảnh' } })).status).toBe(400); // English alt required

    await warm('/');
    const post = async (body: Record<string, unknown>) => {
      const res = await manager.post('/api/portal/banners', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; state: string };
    };
    const now = await post({ placement: 'home-top', imageUrl: 'https://a.vn/now.png', alt: { vi: 'Ngày hội chuyển đổi số', en: 'Digital transformation day' }, linkUrl: '/trang/gioi-thieu', endsAt: at(HOUR) });
    expect(now.state).toBe('showing');
    expect((await post({ placement: 'home-top', imageUrl: 'https://a.vn/later.png', alt: { vi: 'Sau này', en: 'Later' }, startsAt: at(HOUR) })).state).toBe('scheduled');
    expect((await post({ placement: 'home-top', imageUrl: 'https://a.vn/past.png', alt: { vi: 'Đã qua', en: 'Past' }, startsAt: at(-2 * HOUR), endsAt: at(-HOUR) })).state).toBe('ended');
    expect((await post({ placement: 'home-top', imageUrl: 'https://a.vn/off.png', alt: { vi: 'Tắt', en: 'Off' }, active: false })).state).toBe('inactive');
    await post({ placement: 'home-side', imageUrl: '/files/side.png', alt: { vi: 'Đường dây nóng', en: 'Hotline' } });
    await post({ placement: 'footer', imageUrl: 'https://a.vn/footer.png', alt: { vi: 'Chân trang', en: 'Footer banner' }, linkUrl: 'https://chinhphu.vn' });

    const home = await site('/');
    expect(home.cache).toBe('miss');
    expect(home.body).toContain(`<ul class="banners" data-placement="home-top"><li><a href="/t/${A}/trang/gioi-thieu"><img src="https://a.vn/now.png" alt="Ngày hội chuyển đổi số" loading="lazy"></a></li></ul>`);
    for (const hidden of ['later.png', 'past.png', 'off.png']) expect(home.body).not.toContain(hidden);
    expect(home.body).toMatch(/<aside aria-label="Banner"><ul class="banners" data-placement="home-side"><li><img src="\/files\/side.png" alt="Đường dây nóng"/);
    expect(home.body).toContain('<a href="https://chinhphu.vn"><img src="https://a.vn/footer.png" alt="Chân trang"');
    const en = await site('/en/');
    expect(en.body).toContain(`<a href="/t/${A}/en/trang/gioi-thieu"><img src="https://a.vn/now.png" alt="Digital transformation day"`);
    const other = await site('/trang/gioi-thieu');
    expect(other.body).not.toContain('now.png'); // home banners on the home page only
    expect(other.body).toContain('footer.png'); // footer banners everywhere

    const list = await manager.get('/api/portal/banners', { query: { placement: 'home-top' } });
    expect(list.body.items.map((b: { state: string }) => b.state).sort()).toEqual(['ended', 'inactive', 'scheduled', 'showing']);
    await warm('/');
    expect((await manager.patch(`/api/portal/banners/${now.id}`, { active: false })).body.state).toBe('inactive');
    expect((await site('/')).body).not.toContain('now.png');
  });

  it('shows a banner whose window opens within a minute, through the clock, though its page was cached', async () => {
    const soon = await manager.post('/api/portal/banners', { placement: 'home-top', imageUrl: 'https://a.vn/soon.png', alt: { vi: 'Sắp tới', en: 'Soon' }, startsAt: at(2500) });
    expect(soon.body.state).toBe('scheduled');
    await settle();
    await warm('/');
    await sleep(1600);
    const stale = await site('/');
    expect(stale.cache).toBe('hit'); // the cache alone does not know the window opened…
    expect(stale.body).not.toContain('soon.png');
    expect((await manager.post('/api/portal/site-clock')).body).toEqual({ refreshed: true }); // …the every-minute clock does
    const fresh = await site('/');
    expect(fresh.cache).toBe('miss');
    expect(fresh.body).toContain('soon.png');
    expect((await inUnit('b', ['portal.pages.write'], B).post('/api/portal/site-clock')).body).toEqual({ refreshed: false });
  });

  it('shows emergency alerts on every page, most severe first, with the severity in words, and drops them when ended', async () => {
    const alerts = (tenant: string) => inUnit(`duyet-${tenant}`, ['portal.content.approve'], tenant);
    await warm('/');
    await warm('/trang/gioi-thieu');
    const info = await alerts(A).post('/api/portal/alerts', { message: { vi: 'Bảo trì hệ thống tối nay', en: 'Maintenance tonight' }, severity: 'info' });
    const danger = await alerts(A).post('/api/portal/alerts', { message: { vi: 'Bão số 3 đổ bộ' }, severity: 'danger' });
    expect(danger.status).toBe(201);
    for (const path of ['/', '/trang/gioi-thieu']) {
      const res = await site(path);
      expect(res.cache, path).toBe('miss');
      const region = /<section class="alerts" aria-label="Cảnh báo khẩn">(.*?)<\/section>/s.exec(res.body)![1]!;
      const order = [...region.matchAll(/data-severity="(\w+)" role="(\w+)"/g)].map((m) => [m[1], m[2]]);
      expect(order).toEqual([['danger', 'alert'], ['info', 'status']]);
      expect(region).toContain('<strong>Khẩn cấp:</strong> <span>Bão số 3 đổ bộ</span>');
      expect(region).toContain('<strong>Thông báo:</strong> <span>Bảo trì hệ thống tối nay</span>');
      expect(res.body.indexOf('class="alerts"')).toBeLessThan(res.body.indexOf('<header class="site">'));
    }
    const en = await site('/en/');
    expect(en.body).toContain('<strong>Emergency:</strong> <span lang="vi">Bão số 3 đổ bộ</span>');
    expect(en.body).toContain('<strong>Notice:</strong> <span>Maintenance tonight</span>');

    // Ended: gone from the very next request.
    await warm('/');
    expect((await alerts(A).post(`/api/portal/alerts/${danger.body.id}/end`)).body.state).toBe('ended');
    const after = await site('/');
    expect(after.cache).toBe('miss');
    expect(after.body).not.toContain('Bão số 3');
    // Edited: shows the new text at once.
    await warm('/');
    expect((await alerts(A).patch(`/api/portal/alerts/${info.body.id}`, { severity: 'warning', message: { vi: 'Mất điện khu trung tâm' } })).status).toBe(200);
    const edited = await site('/');
    expect(edited.body).toContain('<div class="alert" data-severity="warning" role="alert"><div class="wrap"><p><span aria-hidden="true">⚠</span> <strong>Cảnh báo:</strong> <span>Mất điện khu trung tâm</span>');
    await alerts(A).post(`/api/portal/alerts/${info.body.id}/end`);
    expect((await site('/')).body).not.toContain('class="alerts"');
  });

  it('drops every unit\'s pages for a province-wide alert, and shows a scheduled alert through the clock', async () => {
    await warm('/', A);
    await warm('/', B);
    const province = inUnit('tinh', ['portal.content.approve'], PROVINCE);
    const wide = await province.post('/api/portal/alerts', { message: { vi: 'Cảnh báo lũ toàn tỉnh' }, severity: 'warning', scope: 'subtree' });
    expect(wide.status).toBe(201);
    for (const unit of [A, B, PROVINCE]) {
      const res = await site('/', unit);
      expect(res.body, unit).toContain('Cảnh báo lũ toàn tỉnh');
    }
    expect((await site('/', A)).body).toMatch(/Cảnh báo lũ toàn tỉnh<\/span> <span class="from">\([^)]+\)<\/span>/); // says who posted it
    await province.post(`/api/portal/alerts/${wide.body.id}/end`);
    expect((await site('/', B)).body).not.toContain('Cảnh báo lũ toàn tỉnh');

    const scheduled = await inUnit('duyet', ['portal.content.approve']).post('/api/portal/alerts', { message: { vi: 'Diễn tập phòng cháy' }, severity: 'info', startsAt: at(2500) });
    expect(scheduled.body.state).toBe('scheduled');
    await settle();
    await warm('/');
    await sleep(1600);
    expect((await site('/')).body).not.toContain('Diễn tập phòng cháy'); // still the cached page
    expect((await manager.post('/api/portal/site-clock')).body.refreshed).toBe(true);
    expect((await site('/')).body).toContain('Diễn tập phòng cháy');
  });
});
