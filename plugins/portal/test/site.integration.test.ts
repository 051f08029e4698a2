import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { findChromium } from '../src/site/pdf-printer.js';
import { readAtom, readRss, readSitemap } from './support/feed-conformance.js';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const XSS_TITLE = 'Hội nghị <script>alert(1)</script> & "báo chí"';

interface Page {
  status: number;
  type: string;
  location: string | null;
  etag: string | null;
  cache: string | null;
  body: string;
}

/** All `<meta name|property="…" content="…">` of a page, by name (the first of each). */
function metas(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<meta (?:name|property)="([^"]+)"(?: scheme="[^"]+")? content="([^"]*)">/g)) out[m[1]!] ??= m[2]!;
  return out;
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');
function jsonLd(body: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  expect(m, 'JSON-LD present').not.toBeNull();
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

describeEachDialect('portal public site', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  let chief: TestClient;
  let writerB: TestClient;
  let chiefB: TestClient;
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  /** A public GET through the `/t/<slug>` prefix, redirects not followed. */
  const page = async (path: string, unit = A, headers: Record<string, string> = {}): Promise<Page> => {
    const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual', headers });
    return { status: res.status, type: res.headers.get('content-type') ?? '', location: res.headers.get('location'), etag: res.headers.get('etag'), cache: res.headers.get('cache-control'), body: await res.text() };
  };
  const draft = async (client: TestClient, body: Record<string, unknown>) => {
    const res = await client.post('/api/portal/articles', { summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; slug: string };
  };
  const publish = async (id: string, author = writer, approver = chief) => {
    expect((await author.post(`/api/portal/articles/${id}/transitions/submit`, {})).status).toBe(200);
    const res = await approver.post(`/api/portal/articles/${id}/transitions/approve`, {});
    expect(res.body.status, JSON.stringify(res.body)).toBe('published');
  };
  let news: { id: string; slug: string };
  let categoryId: string;
  const docs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = inUnit('phong-vien', ['portal.content.write', 'portal.legal.write']);
    chief = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve']);
    writerB = inUnit('phong-vien-b', ['portal.content.write'], B);
    chiefB = inUnit('truong-ban-b', ['portal.content.write', 'portal.content.approve'], B);
    const cat = await chief.post('/api/portal/categories', { slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' } });
    expect(cat.status, JSON.stringify(cat.body)).toBe(201);
    categoryId = cat.body.id;
    news = await draft(writer, {
      title: XSS_TITLE,
      slug: 'hoi-nghi-bao-chi',
      categoryId,
      summary: 'Tóm tắt </script><b>đậm</b>',
      body: '<p>Nội dung <strong>chính</strong><script>alert(2)</script></p>',
      translations: { en: { title: 'Press conference' } },
    });
    await publish(news.id);

    const legal = async (body: Record<string, unknown>) => {
      const res = await writer.post('/api/portal/legal-documents', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    docs.old = await legal({ type: 'quyet_dinh', numberSymbol: '41/2019/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', issuedOn: '2019-10-01', field: 'Đất đai', summary: 'Bảng giá đất giai đoạn 2020–2024' });
    docs.directive = await legal({ type: 'chi_thi', numberSymbol: '05/CT-UBND', issuer: 'UBND tỉnh Quảng Trị', issuedOn: '2020-01-02', expiresOn: '2021-01-01', summary: 'Phòng chống đuối nước cho học sinh' });
    docs.guide = await legal({ type: 'cong_van', numberSymbol: '123/STC-QLG', issuer: 'Sở Tài chính', issuedOn: '2020-02-01', summary: 'Hướng dẫn áp dụng bảng giá đất' });
    expect((await writer.post(`/api/portal/legal-documents/${docs.guide}/relations`, { kind: 'guides', targetId: docs.old })).status).toBe(201);
  });
  afterAll(async () => t?.stop());

  it('renders a published article: escaped title, Dublin Core, OpenGraph, canonical, hreflang and parseable JSON-LD', async () => {
    const res = await page('/tin/hoi-nghi-bao-chi');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.cache).toMatch(/^public, max-age=\d+/);
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="vi"/);
    // The title is text, never markup; the sanitised body is markup, its script long gone.
    expect(res.body).toContain('<h1>Hội nghị &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;báo chí&quot;</h1>');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('<p>Nội dung <strong>chính</strong></p>');
    expect(res.body).toContain('<a class="skip" href="#noi-dung">');
    expect(res.body).toContain('<main id="noi-dung"');
    expect(res.body).toContain('Sở Tài chính');

    const canonical = new URL(`/t/${A}/tin/hoi-nghi-bao-chi`, t.url).href;
    expect(res.body).toContain(`<link rel="canonical" href="${canonical}">`);
    expect(res.body).toContain(`<link rel="alternate" hreflang="en" href="${new URL(`/t/${A}/en/tin/hoi-nghi-bao-chi`, t.url).href}">`);
    expect(res.body).toContain(`<link rel="alternate" hreflang="x-default" href="${canonical}">`);
    const m = metas(res.body);
    expect(unescape(m['DC.title']!)).toBe(XSS_TITLE);
    expect(m['DC.creator']).toMatch(/Sở Tài chính/);
    expect(m['DC.publisher']).toBe(m['DC.creator']);
    expect(m['DC.date']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(m['DC.language']).toBe('vi');
    expect(m['DC.identifier']).toBe(canonical);
    expect(unescape(m['DC.description']!)).toBe('Tóm tắt </script><b>đậm</b>');
    expect(unescape(m['og:title']!)).toBe(XSS_TITLE);
    expect(m['og:url']).toBe(canonical);
    expect(m['og:type']).toBe('article');

    const ld = jsonLd(res.body);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: XSS_TITLE, url: canonical, articleSection: 'Tin tức', inLanguage: 'vi' });
    expect(ld.description).toBe('Tóm tắt </script><b>đậm</b>'); // inside the script as \u003c escapes, never a closing tag
    expect(res.body.match(/<\/script>/g)).toHaveLength(1);
  });

  it('answers 304 to a matching ETag, and ignores tracking parameters', async () => {
    const first = await page('/tin/hoi-nghi-bao-chi');
    expect(first.etag).toMatch(/^W\/"/);
    // The page carries DC.date of the article, so the same content renders the same bytes.
    const again = await page('/tin/hoi-nghi-bao-chi', A, { 'if-none-match': first.etag! });
    expect(again.status).toBe(304);
    expect((await page('/tin/hoi-nghi-bao-chi?utm_source=zalo&fbclid=x')).status).toBe(200);
  });

  it('has a print view without navigation (POR-22)', async () => {
    const res = await page('/tin/hoi-nghi-bao-chi?in=1');
    expect(res.status).toBe(200);
    expect(res.body).toContain('class="print"');
    expect(res.body).not.toContain('<nav class="main"');
    expect(res.body).toContain(`<link rel="canonical" href="${new URL(`/t/${A}/tin/hoi-nghi-bao-chi`, t.url).href}">`);
    expect((await page('/tin/hoi-nghi-bao-chi')).body).toContain('<nav class="main"');
  });

  it('downloads an article as a PDF printed by Chromium, the same file again until the article changes (POR-22)', async () => {
    expect(findChromium(), 'Debian chromium is installed (apt-get install -y chromium)').toBeDefined();
    const article = await page('/tin/hoi-nghi-bao-chi');
    expect(article.body).toContain(`<a href="/t/${A}/tin/hoi-nghi-bao-chi/pdf" rel="nofollow" type="application/pdf" download>Tải về PDF</a>`);
    const get = async (path: string) => {
      const res = await fetch(new URL(`/t/${A}${path}`, t.url), { redirect: 'manual' });
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const first = await get('/tin/hoi-nghi-bao-chi/pdf');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toBe(`attachment; filename="hoi-nghi-bao-chi.pdf"; filename*=UTF-8''hoi-nghi-bao-chi.pdf`);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.bytes.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
    expect((await get('/tin/hoi-nghi-bao-chi/pdf')).bytes.equals(first.bytes)).toBe(true); // kept, not printed again

    const en = await get('/en/tin/hoi-nghi-bao-chi/pdf');
    expect(en.status).toBe(200);
    expect(en.bytes.equals(first.bytes)).toBe(false); // the English print view is another document
    expect((await get('/tin/khong-co/pdf')).status).toBe(404);
  });

  it('answers 404 for a draft, 301 for a moved slug, 410 for a withdrawn article, 404 for another unit\'s article', async () => {
    const hidden = await draft(writer, { title: 'Bản nháp', slug: 'ban-nhap' });
    const draftPage = await page('/tin/ban-nhap');
    expect(draftPage.status).toBe(404);
    expect(draftPage.type).toMatch(/^text\/html/);
    expect(draftPage.body).toContain('<meta name="robots" content="noindex">');
    expect(draftPage.body).not.toContain('Bản nháp');
    void hidden;

    const moving = await draft(writer, { title: 'Tin cũ', slug: 'tin-cu' });
    expect((await writer.patch(`/api/portal/articles/${moving.id}`, { slug: 'tin-moi' })).status).toBe(200);
    expect((await page('/tin/tin-cu')).status).toBe(404); // moved, but not published yet
    await publish(moving.id);
    const moved = await page('/tin/tin-cu');
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(`/t/${A}/tin/tin-moi`);
    expect((await page('/en/tin/tin-cu?in=1')).location).toBe(`/t/${A}/en/tin/tin-moi?in=1`);
    expect((await page('/tin/tin-moi')).status).toBe(200);
    expect((await page('/tin/tin-cu/pdf')).location).toBe(`/t/${A}/tin/tin-moi/pdf`);

    expect((await chief.post(`/api/portal/articles/${moving.id}/transitions/archive`, {})).body.status).toBe('archived');
    const gone = await page('/tin/tin-moi');
    expect(gone.status).toBe(410);
    expect(gone.body).toContain('đã được gỡ bỏ');
    expect((await page('/tin/tin-cu')).status).toBe(410);
    expect((await page('/tin/tin-moi/pdf')).status).toBe(410);

    const theirs = await draft(writerB, { title: 'Tin của Sở Y tế', slug: 'tin-so-y-te' });
    await publish(theirs.id, writerB, chiefB);
    expect((await page('/tin/tin-so-y-te', B)).status).toBe(200);
    const foreign = await page('/tin/tin-so-y-te', A);
    expect(foreign.status).toBe(404);
    expect(foreign.body).not.toContain('Tin của Sở Y tế');
    expect((await page('/chuyen-muc/tin-tuc', B)).status).toBe(404); // A's category
  });

  it('pages a category with ?trang=, ten to a page, newest first', async () => {
    const cat = await chief.post('/api/portal/categories', { slug: 'thong-bao', name: { vi: 'Thông báo' } });
    for (let i = 1; i <= 11; i++) {
      const a = await draft(writer, { title: `Thông báo số ${i}`, slug: `thong-bao-${i}`, categoryId: cat.body.id });
      await publish(a.id);
    }
    const first = await page('/chuyen-muc/thong-bao');
    expect(first.status).toBe(200);
    expect(first.body.match(/href="\/t\/so-tai-chinh\/tin\/thong-bao-\d+"/g)).toHaveLength(10);
    expect(first.body).toContain(`rel="next" href="/t/${A}/chuyen-muc/thong-bao?trang=2"`);
    const second = await page('/chuyen-muc/thong-bao?trang=2');
    expect(second.body.match(/href="\/t\/so-tai-chinh\/tin\/thong-bao-\d+"/g)).toHaveLength(1);
    expect(second.body).toContain(`rel="prev" href="/t/${A}/chuyen-muc/thong-bao"`);
    expect((await page('/chuyen-muc/thong-bao?trang=3')).status).toBe(404);
    expect((await page('/chuyen-muc/khong-co')).status).toBe(404);
    // The nav lists top categories; the home page lists the latest articles.
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain(`href="/t/${A}/chuyen-muc/thong-bao"`);
    expect(home.body).toContain('41/2019/QĐ-UBND');
    expect(metas(home.body)['DC.title']).toBe('Trang chủ');
  });

  it('serves English at /en with the same slugs, falling back to Vietnamese field by field', async () => {
    const res = await page('/en/tin/hoi-nghi-bao-chi');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<html lang="en"/);
    expect(res.body).toContain('<h1>Press conference</h1>');
    expect(res.body).toContain('<div class="body" lang="vi">'); // no English body: Vietnamese, marked as such
    const m = metas(res.body);
    expect(m['DC.language']).toBe('en');
    expect(m['DC.title']).toBe('Press conference');
    expect(m['DC.identifier']).toBe(new URL(`/t/${A}/en/tin/hoi-nghi-bao-chi`, t.url).href);
    expect(m['og:locale']).toBe('en_US');
    expect(res.body).toContain(`<a href="/t/${A}/tin/hoi-nghi-bao-chi" hreflang="vi" lang="vi">Tiếng Việt</a>`); // the switcher keeps the page
    expect((await page('/en/chuyen-muc/tin-tuc')).body).toContain('<h1>News</h1>');
    expect((await page('/en')).body).toMatch(/<html lang="en"/);
  });

  it('publishes RSS 2.0, Atom, a category feed and a sitemap that a feed reader and the specifications accept, and robots.txt pointing at it', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const link = new URL(`/t/${A}/tin/hoi-nghi-bao-chi`, t.url).href;

    const rss = await page('/rss.xml');
    expect(rss.type).toBe('application/rss+xml; charset=utf-8');
    expect(rss.cache).toMatch(/^public, max-age=/);
    const read = readRss(rss.body);
    expect(read.language).toBe('vi');
    expect(read.items.length).toBeLessThanOrEqual(20);
    const item = read.items.find((i) => i.url === link);
    expect(item?.title).toBe(XSS_TITLE); // the reader shows the text, not markup
    expect(item?.published?.getTime()).toBeGreaterThan(Date.now() - 3_600_000);

    const atom = await page('/atom.xml');
    expect(atom.type).toBe('application/atom+xml; charset=utf-8');
    expect(readAtom(atom.body).items.find((e) => e.url === link)?.title).toBe(XSS_TITLE);
    expect(readRss((await page('/en/rss.xml')).body).items.find((i) => i.url === new URL(`/t/${A}/en/tin/hoi-nghi-bao-chi`, t.url).href)?.title).toBe('Press conference');

    const category = await page('/chuyen-muc/tin-tuc/rss.xml');
    expect(readRss(category.body).items.map((i) => i.url)).toContain(link);
    expect(readRss((await page('/chuyen-muc/thong-bao/rss.xml')).body).items.map((i) => i.url)).not.toContain(link);

    const map = await page('/sitemap.xml');
    expect(map.type).toBe('application/xml; charset=utf-8');
    expect(readSitemap(map.body).kind).toBe('urlset');
    const urls = [parser.parse(map.body).urlset.url].flat() as { loc: string; lastmod?: string; 'xhtml:link': { '@_hreflang': string; '@_href': string }[] }[];
    const entry = urls.find((u) => u.loc === link)!;
    expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(entry['xhtml:link'].map((l) => l['@_hreflang'])).toEqual(['vi', 'en', 'x-default']);
    expect(urls.some((u) => u.loc === new URL(`/t/${A}/van-ban/${docs.old}`, t.url).href)).toBe(true);
    expect(urls.some((u) => u.loc.endsWith('/tin/ban-nhap'))).toBe(false); // drafts are not listed
    for (const area of ['/lien-he', '/co-cau-to-chuc', '/danh-muc-thong-tin-cong-khai']) expect(urls.map((u) => u.loc), area).toContain(new URL(`/t/${A}${area}`, t.url).href); // the areas' pages

    const robots = await page('/robots.txt');
    expect(robots.type).toBe('text/plain; charset=utf-8');
    expect(robots.body).toContain(`Sitemap: ${new URL(`/t/${A}/sitemap.xml`, t.url).href}`);
  });

  it('lists legal documents with type, year and word filters, and shows one with its status, relations and Legislation JSON-LD', async () => {
    const all = await page('/van-ban');
    expect(all.status).toBe(200);
    for (const n of ['41/2019/QĐ-UBND', '05/CT-UBND', '123/STC-QLG']) expect(all.body).toContain(n);
    const byType = await page('/van-ban?loai=chi_thi');
    expect(byType.body).toContain('05/CT-UBND');
    expect(byType.body).not.toContain('41/2019/QĐ-UBND');
    expect(byType.body).toContain('<option value="chi_thi" selected>');
    const byYear = await page('/van-ban?nam=2019');
    expect(byYear.body).toContain('41/2019/QĐ-UBND');
    expect(byYear.body).not.toContain('05/CT-UBND');
    const byWords = await page(`/van-ban?q=${encodeURIComponent('duoi nuoc')}`);
    expect(byWords.body).toContain('05/CT-UBND');
    expect(byWords.body).not.toContain('123/STC-QLG');
    expect((await page('/van-ban?loai=bogus&nam=abc&trang=x')).status).toBe(200); // bad filters are ignored, not 400

    const detail = await page(`/van-ban/${docs.old}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toContain('<span class="status" data-status="in_force">Còn hiệu lực</span>');
    expect(detail.body).toContain(`<li data-relation="guided_by">Được hướng dẫn bởi: <a href="/t/${A}/van-ban/${docs.guide}">`);
    expect(jsonLd(detail.body)).toMatchObject({
      '@type': 'Legislation',
      legislationIdentifier: '41/2019/QĐ-UBND',
      legislationDate: '2019-10-01',
      legislationLegalForce: 'https://schema.org/InForce',
      legislationPassedBy: { name: 'UBND tỉnh Quảng Trị' },
    });
    expect(metas(detail.body)['DC.title']).toBe('Quyết định 41/2019/QĐ-UBND');
    expect((await page(`/van-ban/${docs.directive}`)).body).toContain('data-status="expired">Hết hiệu lực toàn bộ');
    expect((await page(`/en/van-ban/${docs.directive}`)).body).toContain('data-status="expired">Expired');
    expect((await page(`/van-ban/${docs.old}`, B)).status).toBe(404);
    expect((await page('/van-ban/khong-phai-id')).status).toBe(404);

    const feed = readRss((await page('/van-ban/rss.xml')).body);
    expect(feed.items.map((i) => i.url)).toContain(new URL(`/t/${A}/van-ban/${docs.old}`, t.url).href);
  });

  it('writes URLs without the prefix when the unit is reached on its own host', async () => {
    const { port } = new URL(t.url);
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/tin/hoi-nghi-bao-chi', headers: { host: `${A}.localhost:${port}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body).toContain(`<link rel="canonical" href="http://${A}.localhost:${port}/tin/hoi-nghi-bao-chi">`);
    expect(body).toContain('<a href="/chuyen-muc/tin-tuc">');
  });
});
