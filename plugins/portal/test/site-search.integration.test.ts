import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const PROVINCE = 'quang-tri';

describeEachDialect('portal site search page', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  let chief: TestClient;
  const inUnit = (id: string, permissions: string[]): TestClient => inTenant(t.client.as({ id, permissions }), A);
  const get = async (path: string, unit = A) => {
    const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual' });
    return { status: res.status, cache: res.headers.get('x-cache'), location: res.headers.get('location'), body: await res.text() };
  };
  const search = (params: Record<string, string>, unit = A, base = '') => get(`${base}/tim-kiem?${new URLSearchParams(params).toString()}`, unit);
  const draft = async (body: Record<string, unknown>) => {
    const res = await writer.post('/api/portal/articles', { summary: 'Tóm tắt', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = inUnit('phong-vien', ['portal.content.write']);
    chief = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve']);
    const a = await draft({
      title: 'Hướng dẫn đăng ký hộ khẩu',
      slug: 'dang-ky-ho-khau',
      body: '<p>Hồ sơ đăng ký hộ khẩu gồm tờ khai &amp; 1 &lt; 2</p>',
      translations: { en: { title: 'Household registration guide', body: '<p>How to register a household</p>' } },
    });
    expect((await writer.post(`/api/portal/articles/${a.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief.post(`/api/portal/articles/${a.id}/transitions/approve`, {})).body.status).toBe('published');
    await draft({ title: 'Bản nháp đăng ký hộ khẩu bí mật', slug: 'ban-nhap-ho-khau', body: '<p>Chưa đăng</p>' });
  });
  afterAll(async () => t?.stop());

  it('finds a published article without accents, not the draft, with an escaped plain snippet, a type label and a date', async () => {
    const res = await search({ q: 'dang ky ho khau' });
    expect(res.status).toBe(200);
    expect(res.cache).toBe('bypass'); // results follow the index: never cached
    expect(res.body).toContain(`<a href="/t/${A}/tin/dang-ky-ho-khau">Hướng dẫn đăng ký hộ khẩu</a>`);
    expect(res.body).not.toContain('bí mật');
    expect(res.body).toContain('<span class="type">Tin bài</span>');
    expect(res.body).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T[^"]+">\d{2}\/\d{2}\/\d{4}<\/time>/);
    const snippet = /<p class="snippet">([\s\S]*?)<\/p>/.exec(res.body)?.[1];
    expect(snippet).toBeDefined();
    expect(snippet).toContain('&amp; 1 &lt; 2');
    expect(snippet).not.toContain('< 2');
    expect(res.body).toContain('<label for="tim-q">Từ khóa</label><input id="tim-q" type="search" name="q" value="dang ky ho khau"');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).not.toContain('name="tat-ca"'); // a department's site searches itself only
  });

  it('keeps quoted phrases together, filters by type, and has empty and no-result states', async () => {
    expect((await search({ q: '"ho khau"' })).body).toContain('/tin/dang-ky-ho-khau"');
    expect((await search({ q: '"khau ho"' })).body).toContain('Không tìm thấy kết quả nào');
    expect((await search({ q: 'dang ky ho khau', loai: 'van-ban' })).body).not.toContain('/tin/dang-ky-ho-khau"');
    expect((await search({ q: 'dang ky ho khau', loai: 'tin' })).body).toContain('<option value="tin" selected>');
    const empty = await search({});
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('Nhập từ khóa');
    const xss = await search({ q: '<script>alert(1)</script>' });
    expect(xss.body).not.toContain('<script>alert(1)');
    expect(xss.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await search({ q: 'x', trang: 'abc', loai: 'bogus' })).status).toBe(200);
  });

  it('searches English versions at /en/tim-kiem, and /en/search redirects there', async () => {
    const en = await search({ q: 'household registration' }, A, '/en');
    expect(en.body).toMatch(/<html lang="en"/);
    expect(en.body).toContain(`<a href="/t/${A}/en/tin/dang-ky-ho-khau">Household registration guide</a>`);
    expect(en.body).toContain('<span class="type">Article</span>');
    const moved = await get('/en/search?q=household');
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(`/t/${A}/en/tim-kiem?q=household`);
  });

  it('searches every unit from the province, with a facet of units linking to their own search', async () => {
    const own = await search({ q: 'dang ky ho khau' }, PROVINCE);
    expect(own.body).toContain('Tìm trong tất cả các đơn vị');
    expect(own.body).not.toContain('/tin/dang-ky-ho-khau"'); // the province's own content only
    const all = await search({ q: 'dang ky ho khau', 'tat-ca': '1' }, PROVINCE);
    expect(all.status).toBe(200);
    expect(all.body).toContain('name="tat-ca" value="1" checked');
    expect(all.body).toContain(`<a href="/t/${A}/tin/dang-ky-ho-khau">Hướng dẫn đăng ký hộ khẩu</a>`);
    expect(all.body).toMatch(new RegExp(`<li data-unit="${A}"><a href="/t/${A}/tim-kiem\\?q=dang\\+ky\\+ho\\+khau">[^<]+</a> \\(1\\)</li>`));
    // From a department the flag is ignored: its own results, no facet.
    expect((await search({ q: 'dang ky ho khau', 'tat-ca': '1' })).body).not.toContain('data-unit=');
  });

  it('puts a search box (a GET form that works without JavaScript) in the header of every page', async () => {
    const home = await get('/');
    expect(home.body).toContain(`<form class="search no-print" method="get" action="/t/${A}/tim-kiem" role="search"><label class="sr-only" for="o-tim-kiem">`);
    expect((await get('/en')).body).toContain(`action="/t/${A}/en/tim-kiem"`);
  });
});
