import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

// More languages configured in cong.config.json (pluginConfig.portal.languages): a border province
// that publishes in Lao too. Every public route, feed, sitemap entry, hreflang alternate, the switcher,
// the JSON API and the admin API follow the configured list; a platform without Lao has none of it.

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const PROVINCE = 'quang-tri';
const LAO = {
  code: 'lo',
  name: 'ພາສາລາວ',
  nameVi: 'Tiếng Lào',
  labels: { 'Latest news': 'ຂ່າວໃໝ່', Home: 'ໜ້າຫຼັກ', Published: 'ເຜີຍແຜ່' },
};

interface Page {
  status: number;
  location: string | null;
  body: string;
}

describeEachDialect('portal languages configured in the file', (dialect) => {
  let t: TestPlatform;
  let plain: TestPlatform;
  let writer: TestClient;
  let chief: TestClient;
  const page = async (path: string, on: TestPlatform = t): Promise<Page> => {
    const res = await fetch(new URL(`/t/${A}${path}`, on.url), { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  };
  const abs = (path: string) => new URL(`/t/${A}${path}`, t.url).href;
  const publish = async (body: Record<string, unknown>) => {
    const res = await writer.post('/api/portal/articles', { summary: 'Tóm tắt tiếng Việt', body: '<p>Nội dung tiếng Việt</p>', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await writer.post(`/api/portal/articles/${res.body.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief.post(`/api/portal/articles/${res.body.id}/transitions/approve`, {})).body.status).toBe('published');
    return res.body as { id: string; slug: string };
  };

  beforeAll(async () => {
    [t, plain] = await Promise.all([
      createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true, pluginConfig: { portal: { languages: [LAO] } } } }),
      createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } }),
    ]);
    writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    chief = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    const category = await chief.post('/api/portal/categories', { slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News', lo: 'ຂ່າວ' } });
    expect(category.status, JSON.stringify(category.body)).toBe(201);
    expect(category.body.name).toEqual({ vi: 'Tin tức', en: 'News', lo: 'ຂ່າວ' });
    await publish({
      title: 'Hội nghị hợp tác biên giới',
      slug: 'hoi-nghi-bien-gioi',
      categoryId: category.body.id,
      translations: { en: { title: 'Border cooperation conference' }, lo: { title: 'ກອງປະຊຸມ Vientiane ຮ່ວມມື', summary: 'ສະຫຼຸບ' } },
    });
    await publish({ title: 'Lịch tiếp công dân', slug: 'lich-tiep-cong-dan' });
  });
  afterAll(async () => Promise.all([t?.stop(), plain?.stop()]));

  it('serves the Lao home page: <html lang>, Lao labels from the file, English for the labels it lacks', async () => {
    const home = await page('/lo/');
    expect(home.status).toBe(200);
    expect(home.body).toMatch(/^<!doctype html>\n<html lang="lo"/);
    expect(home.body).toContain('<h2 id="tin-moi">ຂ່າວໃໝ່</h2>');
    expect(home.body).toContain('<h2 id="van-ban-moi">Latest legal documents</h2>'); // not in labels: English
    expect(home.body).toContain(`<meta name="DC.language" scheme="DCTERMS.RFC4646" content="lo">`);
    expect(home.body).toContain('<meta property="og:locale" content="lo">');
    expect(home.body).toContain(`<a href="/t/${A}/lo/tin/hoi-nghi-bien-gioi">ກອງປະຊຸມ Vientiane ຮ່ວມມື</a>`);
    expect(home.body).toContain(`<a href="/t/${A}/lo/tin/lich-tiep-cong-dan" lang="vi">Lịch tiếp công dân</a>`); // no Lao: Vietnamese, marked
    // The header without a main menu lists the categories by their Lao names.
    expect(home.body).toContain(`<a href="/t/${A}/lo/chuyen-muc/tin-tuc">ຂ່າວ</a>`);
    expect((await page('/lo')).status).toBe(200);
  });

  it('serves an article in Lao field by field, falling back to Vietnamese, with every alternate and a switcher that keeps the page', async () => {
    const res = await page('/lo/tin/hoi-nghi-bien-gioi');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1>ກອງປະຊຸມ Vientiane ຮ່ວມມື</h1>');
    expect(res.body).toContain('<p class="summary"><strong>ສະຫຼຸບ</strong></p>');
    expect(res.body).toContain('<div class="body" lang="vi"><p>Nội dung tiếng Việt</p></div>'); // no Lao body
    expect(res.body).toContain('ເຜີຍແຜ່ <time'); // "Published" from the labels
    expect(res.body).toContain(`<a href="/t/${A}/lo/chuyen-muc/tin-tuc">ຂ່າວ</a>`);
    const alternates = [...res.body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(alternates).toEqual([
      ['vi', abs('/tin/hoi-nghi-bien-gioi')],
      ['en', abs('/en/tin/hoi-nghi-bien-gioi')],
      ['lo', abs('/lo/tin/hoi-nghi-bien-gioi')],
      ['x-default', abs('/tin/hoi-nghi-bien-gioi')],
    ]);
    expect(res.body).toContain(`<link rel="canonical" href="${abs('/lo/tin/hoi-nghi-bien-gioi')}">`);
    const switcher = /<nav class="lang"[^>]*>([\s\S]*?)<\/nav>/.exec(res.body)![1];
    expect(switcher).toBe(
      `<a href="/t/${A}/tin/hoi-nghi-bien-gioi" hreflang="vi" lang="vi">Tiếng Việt</a> <a href="/t/${A}/en/tin/hoi-nghi-bien-gioi" hreflang="en" lang="en">English</a>`,
    );
    expect(res.body).toContain('<meta property="og:locale:alternate" content="vi_VN">');
    expect(res.body).toContain('<meta property="og:locale:alternate" content="en_US">');

    // The Vietnamese and English pages offer Lao in their switchers, in its own name.
    const vi = await page('/tin/hoi-nghi-bien-gioi');
    expect(vi.body).toContain(`<a href="/t/${A}/lo/tin/hoi-nghi-bien-gioi" hreflang="lo" lang="lo">ພາສາລາວ</a>`);
    expect(vi.body).toContain('<h1>Hội nghị hợp tác biên giới</h1>');
    const en = await page('/en/tin/hoi-nghi-bien-gioi');
    expect(en.body).toContain('<h1>Border cooperation conference</h1>');
    expect(en.body).toContain(`<link rel="alternate" hreflang="lo" href="${abs('/lo/tin/hoi-nghi-bien-gioi')}">`);
  });

  it('shows an article without a Lao translation in Vietnamese, marked, and the area pages in Lao', async () => {
    const res = await page('/lo/tin/lich-tiep-cong-dan');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<h1 lang="vi">Lịch tiếp công dân</h1>');
    expect(res.body).toMatch(/<html lang="lo"/);
    expect((await page('/lo/chuyen-muc/tin-tuc')).body).toContain('<h1>ຂ່າວ</h1>');
    for (const path of ['/lo/van-ban', '/lo/so-do-trang', '/lo/lien-he', '/lo/danh-muc-thong-tin-cong-khai', '/lo/tim-kiem']) {
      const area = await page(path);
      expect(area.status, path).toBe(200);
      expect(area.body, path).toMatch(/<html lang="lo"/);
    }
    expect((await page('/lo/tin/khong-co')).status).toBe(404);
  });

  it('has Lao feeds and lists the Lao addresses in the sitemap with every alternate', async () => {
    const rss = await page('/lo/rss.xml');
    expect(rss.status).toBe(200);
    expect(rss.body).toContain('<language>lo</language>');
    expect(rss.body).toContain('<title>ກອງປະຊຸມ Vientiane ຮ່ວມມື</title>');
    expect(rss.body).toContain(`<link>${abs('/lo/tin/hoi-nghi-bien-gioi')}</link>`);
    const map = await page('/sitemap.xml');
    const urls = [new XMLParser({ ignoreAttributes: false }).parse(map.body).urlset.url].flat() as { loc: string; 'xhtml:link': { '@_hreflang': string; '@_href': string }[] }[];
    const lao = urls.find((u) => u.loc === abs('/lo/tin/hoi-nghi-bien-gioi'));
    expect(lao, 'the Lao article is listed').toBeDefined();
    expect(lao!['xhtml:link'].map((l) => l['@_hreflang'])).toEqual(['vi', 'en', 'lo', 'x-default']);
    expect(urls.some((u) => u.loc === abs('/lo'))).toBe(true);
    expect(urls.filter((u) => u.loc.includes('/lo/')).length).toBe(urls.filter((u) => u.loc.includes('/en/')).length);
  });

  it('answers /lo/… with 404 on a platform configured without Lao', async () => {
    expect((await page('/lo/', plain)).status).toBe(404);
    expect((await page('/lo/tin/hoi-nghi-bien-gioi', plain)).status).toBe(404);
    const vi = await page('/', plain);
    expect(vi.body).not.toContain('hreflang="lo"');
    expect(vi.body).toContain(`<nav class="lang" aria-label="Ngôn ngữ"><a href="/t/${A}/en" hreflang="en" lang="en">English</a></nav>`);
  });

  it('takes lang=lo in the JSON API only when Lao is configured, and lists the languages', async () => {
    const api = (path: string, on = t) => on.client.get(path, { headers: { 'x-cong-tenant': A } });
    const list = await api('/api/portal/public/articles?lang=lo');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const item = list.body.items.find((i: { slug: string }) => i.slug === 'hoi-nghi-bien-gioi');
    expect(item).toMatchObject({ title: 'ກອງປະຊຸມ Vientiane ຮ່ວມມື', summary: 'ສະຫຼຸບ', category: { slug: 'tin-tuc', name: 'ຂ່າວ' }, url: abs('/lo/tin/hoi-nghi-bien-gioi') });
    expect(list.body.items.find((i: { slug: string }) => i.slug === 'lich-tiep-cong-dan').title).toBe('Lịch tiếp công dân');
    expect((await api('/api/portal/public/articles/hoi-nghi-bien-gioi?lang=lo')).body.body).toBe('<p>Nội dung tiếng Việt</p>');
    expect((await api('/api/portal/public/categories?lang=lo')).body.items).toContainEqual(expect.objectContaining({ slug: 'tin-tuc', name: 'ຂ່າວ', url: abs('/lo/chuyen-muc/tin-tuc') }));
    expect((await api('/api/portal/public/alerts?lang=lo')).status).toBe(200);
    const refused = await api('/api/portal/public/articles?lang=lo', plain);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ in: 'query', pointer: '/lang' });
    expect((await api('/api/portal/public/categories?lang=fr')).status).toBe(400);

    const languages = await t.client.get('/api/portal/languages');
    expect(languages.status).toBe(200);
    expect(languages.body.items).toEqual([
      { code: 'vi', name: 'Tiếng Việt', nameVi: 'Tiếng Việt', path: '/' },
      { code: 'en', name: 'English', nameVi: 'Tiếng Anh', path: '/en/' },
      { code: 'lo', name: 'ພາສາລາວ', nameVi: 'Tiếng Lào', path: '/lo/' },
    ]);
    expect((await plain.client.get('/api/portal/languages')).body.items.map((l: { code: string }) => l.code)).toEqual(['vi', 'en']);
  });

  it('searches the Lao versions at lang=lo and /lo/tim-kiem, and refuses lang=lo where Lao is not configured', async () => {
    const found = await t.client.get('/api/portal/search?q=Vientiane&lang=lo', { headers: { 'x-cong-tenant': A } });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.items).toEqual([expect.objectContaining({ type: 'article', lang: 'lo', url: '/lo/tin/hoi-nghi-bien-gioi' })]);
    expect((await t.client.get('/api/portal/search?q=Vientiane', { headers: { 'x-cong-tenant': A } })).body.total).toBe(0);
    const site = await page('/lo/tim-kiem?q=Vientiane');
    expect(site.body).toContain(`<a href="/t/${A}/lo/tin/hoi-nghi-bien-gioi">ກອງປະຊຸມ Vientiane ຮ່ວມມື</a>`);
    expect((await plain.client.get('/api/portal/search?q=Vientiane&lang=lo', { headers: { 'x-cong-tenant': A } })).status).toBe(400);
  });

  it('takes translations and category names in the configured languages only', async () => {
    const plainWriter = inTenant(plain.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    expect((await plainWriter.post('/api/portal/articles', { title: 'Tin', translations: { lo: { title: 'ຂ່າວ' } } })).status).toBe(400);
    expect((await plainWriter.post('/api/portal/categories', { slug: 'lao', name: { vi: 'Lào', lo: 'ລາວ' } })).status).toBe(400);
    const article = await writer.post('/api/portal/articles', { title: 'Tin nháp', translations: { lo: { title: 'ຂ່າວ' } } });
    expect(article.status).toBe(201);
    expect(article.body.translations).toEqual({ lo: { title: { value: 'ຂ່າວ', stale: false } } });
    // Replacing the names without Lao takes the Lao name away; the site then shows the Vietnamese.
    const cats = await writer.get('/api/portal/categories');
    const news = cats.body.items.find((c: { slug: string }) => c.slug === 'tin-tuc');
    const renamed = await chief.patch(`/api/portal/categories/${news.id}`, { name: { vi: 'Tin tức', en: 'News' } });
    expect(renamed.body.name).toEqual({ vi: 'Tin tức', en: 'News' });
    // The page cache notices a category change within its check interval (a second).
    await expect.poll(async () => (await page('/lo/chuyen-muc/tin-tuc')).body, { timeout: 5000, interval: 250 }).toContain('<h1>Tin tức</h1>');
    expect((await chief.patch(`/api/portal/categories/${news.id}`, { name: { vi: 'Tin tức', en: 'News', lo: 'ຂ່າວ' } })).body.name.lo).toBe('ຂ່າວ');
  });

  it('shows the languages in the portal settings, and refuses to change them there', async () => {
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.settings.manage'] });
    const at = { headers: { 'x-cong-tenant': PROVINCE } };
    const read = await admin.get('/api/core/plugins/portal/settings?scope=platform', at);
    expect(read.status).toBe(200);
    expect(read.body.fileOnly).toEqual({ languages: [LAO] });
    const write = await admin.put('/api/core/plugins/portal/settings?scope=platform', { values: { approvalRequired: true, languages: [] } }, at);
    expect(write.status).toBe(400);
    expect(write.body).toMatchObject({ code: 'CONG_ERR_SETTING_FILE_ONLY', errors: [{ pointer: '/values/languages' }] });
    expect((await admin.put('/api/core/plugins/portal/settings?scope=platform', { values: { approvalRequired: true } }, at)).status).toBe(200);
    expect((await page('/lo/')).status).toBe(200);
  });
});

describe('portal languages misconfigured in the file', () => {
  const boot = async (languages: unknown[]) => {
    const t = await createTestPlatform({ plugins: [portal], config: { pluginConfig: { portal: { languages } } } });
    try {
      return t.report.plugins.find((p) => p.id === 'portal')!;
    } finally {
      await t.stop();
    }
  };
  const lao = { name: 'ພາສາລາວ', nameVi: 'Tiếng Lào' };

  it('fails the portal with the entry named: vi or en, a language twice, an address the site already has', async () => {
    expect(await boot([{ code: 'EN', ...lao }])).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('pluginConfig.portal.languages.0.code: en is always served') } });
    expect(await boot([{ code: 'zh-hans', ...lao }, { code: 'zh-Hans', ...lao }])).toMatchObject({ error: { message: expect.stringContaining('languages.1.code: zh-Hans is listed twice') } });
    expect(await boot([{ code: 'tin', ...lao }])).toMatchObject({ error: { message: expect.stringContaining('/tin/ is already an address of the site') } });
  });

  it('refuses a malformed entry at boot, by the schema', async () => {
    await expect(createTestPlatform({ plugins: [portal], config: { pluginConfig: { portal: { languages: [{ code: 'lao language', ...lao }] } } } })).rejects.toMatchObject({
      code: 'CONG_ERR_PLUGIN_CONFIG_INVALID',
      message: expect.stringContaining('pluginConfig.portal.languages.0.code'),
    });
  });
});
