import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { inAnotherProcess, readUntil } from './support/other-process.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const SITE = 'https://news.example.vn';

describeEachDialect('portal public content API', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  const ids: Record<string, string> = {};

  /** Creates, submits and (by another person) approves an article in a unit. */
  const publish = async (tenant: string, title: string, extra: Record<string, unknown> = {}) => {
    const w = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), tenant);
    const c = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), tenant);
    const created = await w.post('/api/portal/articles', { title, summary: `Tóm tắt ${title}`, body: '<p>Nội dung</p>', ...extra });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await w.post(`/api/portal/articles/${created.body.id}/transitions/submit`, {})).status).toBe(200);
    const approved = await c.post(`/api/portal/articles/${created.body.id}/transitions/approve`, {});
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('published');
    return created.body as { id: string; slug: string };
  };
  /** An anonymous request, as another site's page makes it. */
  const anon = (path: string, headers: Record<string, string> = {}) => t.client.get(path, { headers });

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const admin = t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    const unit = (await admin.get('/api/core/tenants', { query: { text: 'tai chinh' } })).body.items[0];
    expect((await admin.put(`/api/core/tenants/${unit.id}/origins`, { origins: [SITE] })).status).toBe(200);

    const news = await writer.post('/api/portal/categories', { slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' } });
    expect(news.status, JSON.stringify(news.body)).toBe(201);
    const notices = await writer.post('/api/portal/categories', { slug: 'thong-bao', name: { vi: 'Thông báo' }, parentId: news.body.id });
    ids.news = news.body.id;
    ids.notices = notices.body.id;
    await publish(A, 'Giá đất năm 2026', { categoryId: ids.news });
    await publish(A, '<img src=x onerror=alert(1)> Lịch tiếp dân', { categoryId: ids.notices });
    await publish(A, 'Quyết toán ngân sách');
    await publish(B, 'Tiêm chủng mở rộng');
    const draft = await writer.post('/api/portal/articles', { title: 'Bản nháp bí mật', categoryId: ids.news });
    ids.draft = draft.body.slug;
  });
  afterAll(async () => t?.stop());

  it('lists the unit\'s published articles only, newest first, with their site URLs; cacheable', async () => {
    const res = await anon(`/t/${A}/api/portal/public/articles`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.body).toMatchObject({ total: 3, limit: 10, offset: 0 });
    const titles = res.body.items.map((a: { title: string }) => a.title);
    expect(titles).toEqual(['Quyết toán ngân sách', '<img src=x onerror=alert(1)> Lịch tiếp dân', 'Giá đất năm 2026']);
    expect(titles).not.toContain('Bản nháp bí mật');
    expect(titles).not.toContain('Tiêm chủng mở rộng'); // another unit's
    const land = res.body.items[2];
    expect(Object.keys(land).sort()).toEqual(['category', 'id', 'publishedAt', 'slug', 'summary', 'title', 'url']);
    expect(land).toMatchObject({ slug: 'gia-dat-nam-2026', summary: 'Tóm tắt Giá đất năm 2026', category: { slug: 'tin-tuc', name: 'Tin tức' } });
    expect(land.url).toBe(`${t.url}/t/${A}/tin/gia-dat-nam-2026`);
    expect(land.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(res.body.items[0].category).toBeNull();

    // The same through X-Cong-Tenant; English names and URLs on lang=en.
    const en = await anon('/api/portal/public/articles?lang=en', { 'x-cong-tenant': A });
    expect(en.status).toBe(200);
    expect(en.body.items[2].category.name).toBe('News');
    expect(en.body.items[2].url).toBe(`${t.url}/t/${A}/en/tin/gia-dat-nam-2026`);
    const other = await anon(`/t/${B}/api/portal/public/articles`);
    expect(other.body.items.map((a: { title: string }) => a.title)).toEqual(['Tiêm chủng mở rộng']);
  });

  it('pages and filters by category and date', async () => {
    const first = await anon(`/t/${A}/api/portal/public/articles?limit=2`);
    const second = await anon(`/t/${A}/api/portal/public/articles?limit=2&offset=2`);
    expect(first.body.items).toHaveLength(2);
    expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(second.body.items.map((a: { slug: string }) => a.slug)).toEqual(['gia-dat-nam-2026']);

    const news = await anon(`/t/${A}/api/portal/public/articles?category=tin-tuc`);
    expect(news.body.items.map((a: { slug: string }) => a.slug)).toEqual(['gia-dat-nam-2026']);
    const notices = await anon(`/t/${A}/api/portal/public/articles?category=thong-bao`);
    expect(notices.body.total).toBe(1);
    expect((await anon(`/t/${A}/api/portal/public/articles?category=khong-co`)).status).toBe(404);

    expect((await anon(`/t/${A}/api/portal/public/articles?since=2000-01-01`)).body.total).toBe(3);
    expect((await anon(`/t/${A}/api/portal/public/articles?since=2999-01-01T00:00:00Z`)).body.total).toBe(0);
  });

  it('keeps totals right across publications and withdrawals, asked right after each', async () => {
    const page = async (query: string) => (await anon(`/t/${A}/api/portal/public/articles?limit=1${query}`)).body as { total: number; items: { title: string }[] };
    // Full pages of one: each total is counted (or remembered), not taken from the page.
    expect((await page('')).total).toBe(3);
    expect((await page('&category=tin-tuc')).total).toBe(1);
    const added = await publish(A, 'Thông báo tuyển dụng', { categoryId: ids.news });
    expect(await page('')).toMatchObject({ total: 4, items: [{ title: 'Thông báo tuyển dụng' }] });
    expect((await page('&category=tin-tuc')).total).toBe(2);
    const c = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    const withdrawn = await c.post(`/api/portal/articles/${added.id}/transitions/archive`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await page('')).total).toBe(3);
    expect((await page('&category=tin-tuc')).total).toBe(1);
    expect((await anon(`/t/${B}/api/portal/public/articles?limit=1`)).body.total).toBe(1);
  });

  it('refuses what is not on the allowlist, naming the field', async () => {
    for (const [query, pointer] of [
      ['status=draft', '/status'],
      ['limit=500', '/limit'],
      ['since=hôm-qua', '/since'],
      ['category=Tin%20Tuc', '/category'],
      ['lang=fr', '/lang'],
    ] as const) {
      const res = await anon(`/t/${A}/api/portal/public/articles?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer), query).toContain(pointer);
    }
  });

  it('reads one published article by slug; drafts and other units\' articles are 404', async () => {
    const res = await anon(`/t/${A}/api/portal/public/articles/gia-dat-nam-2026`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.body).toMatchObject({ slug: 'gia-dat-nam-2026', title: 'Giá đất năm 2026', body: '<p>Nội dung</p>', category: { slug: 'tin-tuc' } });
    expect((await anon(`/t/${A}/api/portal/public/articles/${ids.draft}`)).status).toBe(404);
    expect((await anon(`/t/${B}/api/portal/public/articles/gia-dat-nam-2026`)).status).toBe(404);
    expect((await anon('/api/portal/public/articles')).status).toBe(404); // no unit named
  });

  it('lists categories with their parents and site URLs', async () => {
    const res = await anon(`/t/${A}/api/portal/public/categories`);
    expect(res.status).toBe(200);
    const own = (items: { slug: string }[]) => items.filter((c) => c.slug === 'thong-bao' || c.slug === 'tin-tuc');
    expect(own(res.body.items)).toEqual([
      { slug: 'thong-bao', name: 'Thông báo', parentSlug: 'tin-tuc', url: `${t.url}/t/${A}/chuyen-muc/thong-bao` },
      { slug: 'tin-tuc', name: 'Tin tức', parentSlug: null, url: `${t.url}/t/${A}/chuyen-muc/tin-tuc` },
    ]);
    // Every unit also has the categories of its mandated sections (POR-01…POR-16), seeded when the portal was enabled.
    expect(res.body.items.map((c: { slug: string }) => c.slug)).toContain('chi-dao-dieu-hanh');
    expect(own((await anon(`/t/${B}/api/portal/public/categories`)).body.items)).toEqual([]);
  });

  it('shows a category created, renamed or deleted here at once, and one renamed by another process within the once-a-second check', async () => {
    const names = async () => ((await anon(`/t/${A}/api/portal/public/categories`)).body.items as { slug: string; name: string }[]).filter((c) => c.slug === 'doi-ten').map((c) => c.name);
    expect(await names()).toEqual([]); // read once: the unit's categories are now kept in this process
    const created = await writer.post('/api/portal/categories', { slug: 'doi-ten', name: { vi: 'Tên cũ', en: 'Old name' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await names()).toEqual(['Tên cũ']);
    // The list filters by it, and names it on its articles, at once too.
    await publish(A, 'Tin trong chuyên mục mới', { categoryId: created.body.id });
    expect((await anon(`/t/${A}/api/portal/public/articles`)).body.items[0].category).toEqual({ slug: 'doi-ten', name: 'Tên cũ' });
    expect((await anon(`/t/${A}/api/portal/public/articles?category=doi-ten`)).body.total).toBe(1);
    expect((await writer.patch(`/api/portal/categories/${created.body.id}`, { name: { vi: 'Tên mới', en: 'New name' } })).status).toBe(200);
    expect(await names()).toEqual(['Tên mới']);
    expect((await anon(`/t/${A}/api/portal/public/articles?lang=en`)).body.items[0].category).toEqual({ slug: 'doi-ten', name: 'New name' });

    // Another process renaming: only the database changes.
    await inAnotherProcess(t, (db) => db.updateTable('portal_categories').set({ name_vi: 'Tên do tiến trình khác đặt', updated_at: Date.now() + 1 }).where('id', '=', created.body.id).execute());
    const seen = await readUntil(names, (n) => n[0] === 'Tên do tiến trình khác đặt');
    expect(seen).toEqual(['Tên do tiến trình khác đặt']);

    // Deleted here: the filter answers 404 at once, naming the category.
    const empty = await writer.post('/api/portal/categories', { slug: 'xoa-di', name: { vi: 'Sẽ xóa' } });
    expect((await anon(`/t/${A}/api/portal/public/articles?category=xoa-di`)).body.total).toBe(0);
    expect((await writer.delete(`/api/portal/categories/${empty.body.id}`)).status).toBe(204);
    const gone = await anon(`/t/${A}/api/portal/public/articles?category=xoa-di`);
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toContain('xoa-di');
  });

  it('answers CORS only for the unit\'s allowed origins, without credentials', async () => {
    const allowed = await anon(`/t/${A}/api/portal/public/articles`, { origin: SITE });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect((await anon(`/t/${A}/api/portal/public/articles`, { origin: 'https://evil.example' })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await anon(`/t/${B}/api/portal/public/articles`, { origin: SITE })).headers.get('access-control-allow-origin')).toBeNull();
    expect((await anon(`/t/${A}/api/portal/public/categories`, { origin: SITE })).headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it('describes the routes in the API document with closed schemas and both languages', async () => {
    const doc = (await t.client.get('/openapi.json')).body;
    const list = doc.paths['/api/portal/public/articles'].get;
    expect(list.summary).toBeTruthy();
    expect(JSON.stringify(list)).toContain('Tin bài đã xuất bản');
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['category', 'lang', 'limit', 'offset', 'since']);
    expect(list['x-cong-permission']).toBeUndefined();
    expect(doc.paths['/api/portal/public/articles/{slug}']).toBeDefined();
    expect(doc.paths['/api/portal/public/categories']).toBeDefined();
  });
});
