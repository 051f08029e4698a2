import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { inAnotherProcess, readUntil } from './support/other-process.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

// Read when the plugin module loads: vitest gives each test file its own modules.
process.env.PORTAL_PAGE_CACHE = 'off';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';

describeEachDialect('portal page cache switched off', (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
  });
  afterAll(async () => {
    await t?.stop();
    delete process.env.PORTAL_PAGE_CACHE;
  });

  it('renders every page afresh (x-cache: bypass) and still answers ETags with 304', async () => {
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const chief = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    const article = await writer.post('/api/portal/articles', { title: 'Tin không qua bộ nhớ đệm', slug: 'khong-dem', summary: 'x', body: '<p>x</p>' });
    await writer.post(`/api/portal/articles/${article.body.id}/transitions/submit`, {});
    expect((await chief.post(`/api/portal/articles/${article.body.id}/transitions/approve`, {})).body.status).toBe('published');
    const url = new URL(`/t/${A}/tin/khong-dem`, t.url);
    const first = await fetch(url);
    const second = await fetch(url);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['bypass', 'bypass']);
    expect(await second.text()).toContain('Tin không qua bộ nhớ đệm');
    expect(second.headers.get('cache-control')).toMatch(/^public, max-age=/); // anonymous pages stay cacheable downstream
    expect((await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
  });

  it('pages a category with totals right after each publication and withdrawal, though totals are kept a moment', async () => {
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const chief = inTenant(t.client.as({ id: 'truong-ban', permissions: ['portal.content.write', 'portal.content.approve'] }), A);
    expect((await writer.post('/api/portal/categories', { slug: 'dem-trang', name: { vi: 'Đếm trang' } })).status).toBe(201);
    const categoryId = (await writer.get('/api/portal/categories')).body.items.find((c: { slug: string }) => c.slug === 'dem-trang').id;
    const publish = async (n: number) => {
      const a = await writer.post('/api/portal/articles', { title: `Tin đếm trang ${n}`, slug: `dem-trang-${n}`, summary: 'x', body: '<p>x</p>', categoryId });
      await writer.post(`/api/portal/articles/${a.body.id}/transitions/submit`, {});
      expect((await chief.post(`/api/portal/articles/${a.body.id}/transitions/approve`, {})).body.status).toBe('published');
      return a.body.id as string;
    };
    const page = async (n: number) => {
      const res = await fetch(new URL(`/t/${A}/chuyen-muc/dem-trang${n > 1 ? `?trang=${n}` : ''}`, t.url));
      return { status: res.status, text: await res.text() };
    };
    for (let n = 1; n <= 10; n++) await publish(n);
    expect((await page(1)).text).not.toContain('Trang 1/'); // one page: no pager
    expect((await page(2)).status).toBe(404);
    const eleventh = await publish(11);
    expect((await page(1)).text).toContain('Trang 1/2');
    expect(await page(2)).toMatchObject({ status: 200 });
    expect((await chief.post(`/api/portal/articles/${eleventh}/transitions/archive`, {})).body.status).toBe('archived');
    expect((await page(1)).text).not.toContain('Trang 1/');
    expect((await page(2)).status).toBe(404);
  });

  it('names a category renamed here on the next page, and one renamed by another process within the once-a-second check', async () => {
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    const created = await writer.post('/api/portal/categories', { slug: 'doi-ten', name: { vi: 'Tên cũ của chuyên mục' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = async () => (await fetch(new URL(`/t/${A}/chuyen-muc/doi-ten`, t.url))).text();
    expect(await page()).toContain('Tên cũ của chuyên mục'); // the unit's categories are now kept in this process
    expect((await writer.patch(`/api/portal/categories/${created.body.id}`, { name: { vi: 'Tên mới của chuyên mục' } })).status).toBe(200);
    expect(await page()).toContain('Tên mới của chuyên mục');
    // Another process renaming: only the database changes.
    await inAnotherProcess(t, (db) => db.updateTable('portal_categories').set({ name_vi: 'Tên do tiến trình khác đặt', updated_at: Date.now() + 1 }).where('id', '=', created.body.id).execute());
    const text = await readUntil(page, (html) => html.includes('Tên do tiến trình khác đặt'));
    expect(text).toContain('Tên do tiến trình khác đặt');
  });
});
