import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin, type PluginContext } from '@cong/sdk';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
// As another plugin would: through the package's declared `api` entry, built.
import { searchSourcesPoint, type PortalSearchSource } from '../dist/api/index.js';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const PROVINCE = 'quang-tri';
const DAY = 86_400_000;

interface Item {
  type: string;
  lang: string;
  id: string;
  title: string;
  url: string;
  date: string;
  unitId: string;
  unit?: { slug: string };
}
interface Page {
  total: number;
  totalIsExact: boolean;
  items: Item[];
  facets?: { units: { slug: string; count: number }[] };
}

/**
 * A plugin with public documents of its own, as the Q&A plugin has: it indexes them in the core's search
 * (under the unit the request names) and adds two sources to the portal's search, one filed under the
 * province and shown on every site (`faq`), one under each unit (`notice`).
 */
const faq = {
  manifest: { id: 'faq', pluginApi: '^1.0.0', optional: { portal: '^0.1.0' } },
  version: '1.0.0',
  plugin: definePlugin({
    register: (reg) => {
      reg.extend(searchSourcesPoint, (point, ctx: PluginContext) => {
        const isEnabled = (id: string) => ctx.get(coreServices.tenancy).isEnabled(id);
        point.addSource({ plugin: ctx.pluginId, type: 'faq', slug: 'hoi-dap-thu', documentTypes: ['faq'], label: { vi: 'Hỏi đáp thử', en: 'Test FAQ' }, scope: 'province', isEnabled });
        point.addSource({ plugin: ctx.pluginId, type: 'notice', slug: 'thong-bao', documentTypes: ['notice'], label: { vi: 'Thông báo', en: 'Notice' }, scope: 'unit', isEnabled });
      });
      reg.routes((route) => {
        route.post('/docs', {
          summary: 'Index a document under the request\'s unit',
          authenticated: true,
          schema: {
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'id', 'title', 'daysAgo'],
              properties: { type: { enum: ['faq', 'notice', 'article'] }, id: { type: 'string' }, title: { type: 'string' }, daysAgo: { type: 'integer' } },
            },
          },
          handler: async (req, ctx) => {
            const { type, id, title, daysAgo } = req.body as { type: string; id: string; title: string; daysAgo: number };
            await ctx.get(coreServices.search).index({ type, id, tenantId: req.tenantId!, title, body: `Nội dung ${title}`, url: `/hoi-dap/${id}`, publishedAt: new Date(Date.now() - daysAgo * DAY) });
            return { ok: true };
          },
        });
        route.delete('/docs/:type/:id', {
          summary: 'Remove a document from the index',
          authenticated: true,
          schema: { params: { type: 'object', additionalProperties: false, required: ['type', 'id'], properties: { type: { type: 'string' }, id: { type: 'string' } } } },
          handler: async (req, ctx) => {
            const { type, id } = req.params as { type: string; id: string };
            await ctx.get(coreServices.search).remove(type, id);
            return { ok: true };
          },
        });
      });
    },
  }),
};

/** A source that claims the portal's own type: refused, so this plugin fails to register and nothing else does. */
const greedy = {
  manifest: { id: 'greedy', pluginApi: '^1.0.0', optional: { portal: '^0.1.0' } },
  version: '1.0.0',
  plugin: definePlugin({
    register: (reg) =>
      reg.extend(searchSourcesPoint, (point, ctx) => {
        const source: PortalSearchSource = { plugin: ctx.pluginId, type: 'article', slug: 'bai', documentTypes: ['article'], label: { vi: 'Bài', en: 'Post' }, scope: 'unit', isEnabled: () => true };
        point.addSource(source);
      }),
  }),
};

describeEachDialect('portal search sources', (dialect) => {
  let t: TestPlatform;

  const inUnit = (tenant: string, id?: string, permissions: string[] = []): TestClient => inTenant(id === undefined ? t.client : t.client.as({ id, permissions }), tenant);
  const index = async (tenant: string, doc: { type: string; id: string; title: string; daysAgo: number }) => {
    const res = await inUnit(tenant, 'bien-tap').post('/api/faq/docs', doc);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const remove = async (type: string, id: string) => expect((await inUnit(PROVINCE, 'bien-tap').delete(`/api/faq/docs/${type}/${id}`)).status).toBe(200);
  const publish = async (tenant: string, title: string) => {
    const writer = inUnit(tenant, `phong-vien-${tenant}`, ['portal.content.write']);
    const chief = inUnit(tenant, `truong-ban-${tenant}`, ['portal.content.write', 'portal.content.approve']);
    const draft = await writer.post('/api/portal/articles', { title, summary: 'Tóm tắt', body: '<p>Nội dung</p>' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await writer.post(`/api/portal/articles/${draft.body.id}/transitions/submit`, {})).status).toBe(200);
    expect((await chief.post(`/api/portal/articles/${draft.body.id}/transitions/approve`, {})).body.status).toBe('published');
    return draft.body as { id: string; slug: string };
  };
  const search = async (tenant: string, query: Record<string, string | number | boolean>): Promise<Page> => {
    const res = await inUnit(tenant).get('/api/portal/search', { query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Page;
  };
  const ids = (page: Page) => page.items.map((i) => i.id).sort();
  const page = async (unit: string, params: Record<string, string>, base = '') => (await fetch(new URL(`/t/${unit}${base}/tim-kiem?${new URLSearchParams(params).toString()}`, t.url))).text();
  const setEnabled = async (tenant: string, enabled: boolean) =>
    expect((await inUnit(tenant, 'quan-tri', ['core.modules.manage']).put('/api/core/modules/faq', { enabled })).status).toBe(200);

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal, faq, greedy], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  it('refuses a source that claims the portal\'s own type: that plugin fails, the portal and the others start', () => {
    const state = new Map(t.report.plugins.map((p) => [p.id, p.state]));
    expect(state.get('portal')).toBe('started');
    expect(state.get('faq')).toBe('started');
    expect(state.get('greedy')).toBe('failed');
    expect(t.report.plugins.find((p) => p.id === 'greedy')!.error?.message).toContain('portal.search-sources');
  });

  it('counts a unit\'s matches 100 past the page, then says "more", and pages on counting further', async () => {
    const unit = 'so-xay-dung';
    for (let i = 0; i < 130; i++) await index(unit, { type: 'notice', id: `cap-phep-${i}`, title: `Thông báo cấp phép xây dựng số ${i}`, daysAgo: i });
    const first = await search(unit, { q: 'cap phep xay dung', type: 'notice' });
    expect(first).toMatchObject({ total: 100, totalIsExact: false });
    expect(first.items.map((i) => i.id).slice(0, 2)).toEqual(['cap-phep-0', 'cap-phep-1']);
    const later = await search(unit, { q: 'cap phep xay dung', type: 'notice', offset: 100 });
    expect(later).toMatchObject({ total: 130, totalIsExact: true });
    expect(later.items.map((i) => i.id)[0]).toBe('cap-phep-100');
    const html = await page(unit, { q: 'cap phep xay dung', loai: 'thong-bao' });
    expect(html).toContain('Hơn 100 kết quả');
    expect(html).toContain('Trang 1<');
    expect(html).toContain('rel="next"');
    expect(await page(unit, { q: 'cap phep xay dung', loai: 'thong-bao', trang: '11' })).toContain('Trang 11/13'); // 10 a page: counted to 200 from 100
  });

  it('finds a province-scoped source\'s documents on every unit\'s site and on the province\'s, beside the unit\'s own articles', async () => {
    await index(PROVINCE, { type: 'faq', id: 'thue-dat', title: 'Hỏi về thuế đất nông nghiệp', daysAgo: 1 });
    const article = await publish(A, 'Thuế đất nông nghiệp năm 2026');

    const inA = await search(A, { q: 'thue dat nong nghiep' });
    expect(ids(inA)).toEqual([article.id, 'thue-dat'].sort());
    const hit = inA.items.find((i) => i.id === 'thue-dat')!;
    expect(hit).toMatchObject({ type: 'faq', lang: 'vi', title: 'Hỏi về thuế đất nông nghiệp', url: '/hoi-dap/thue-dat' });
    expect(hit.unitId).not.toBe(inA.items.find((i) => i.id === article.id)!.unitId); // filed under the province
    expect(inA).toMatchObject({ total: 2, totalIsExact: true });

    // Another unit finds the province's document, not A's article; the province finds it with its own content.
    expect(ids(await search(B, { q: 'thue dat nong nghiep' }))).toEqual(['thue-dat']);
    const atProvince = await search(PROVINCE, { q: 'thue dat nong nghiep' });
    expect(ids(atProvince)).toEqual(['thue-dat']);
    expect(atProvince.items[0]!.unitId).toBe(hit.unitId);
    // A unit's search does not reach the province's own articles through the source's tenant.
    const provincial = await publish(PROVINCE, 'Thuế đất nông nghiệp của tỉnh');
    expect(ids(await search(A, { q: 'thue dat nong nghiep' }))).toEqual([article.id, 'thue-dat'].sort());
    expect(ids(await search(PROVINCE, { q: 'thue dat nong nghiep' }))).toEqual([provincial.id, 'thue-dat'].sort());
  });

  it('filters by a source\'s type, and refuses an unknown type with a problem naming the field', async () => {
    await index(PROVINCE, { type: 'faq', id: 'ho-tich', title: 'Đăng ký hộ tịch cho trẻ em', daysAgo: 2 });
    const article = await publish(A, 'Đăng ký hộ tịch trực tuyến');
    expect(ids(await search(A, { q: 'dang ky ho tich', type: 'faq' }))).toEqual(['ho-tich']);
    expect(ids(await search(A, { q: 'dang ky ho tich', type: 'article' }))).toEqual([article.id]);
    expect(ids(await search(A, { q: 'dang ky ho tich', type: 'notice' }))).toEqual([]);
    // The sources' documents are Vietnamese: not in another language's search.
    expect(ids(await search(A, { q: 'dang ky ho tich', lang: 'en' }))).toEqual([]);

    for (const type of ['bogus', 'linked.article', 'answer']) {
      const refused = await inUnit(A).get('/api/portal/search', { query: { q: 'dang ky', type } });
      expect(refused.status, type).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/type' })]);
    }
  });

  it('leaves a source out where its plugin is disabled for the unit', async () => {
    await index(PROVINCE, { type: 'faq', id: 'bao-hiem', title: 'Hỏi về bảo hiểm y tế hộ gia đình', daysAgo: 1 });
    await index(A, { type: 'notice', id: 'thong-bao-bhyt', title: 'Thông báo bảo hiểm y tế', daysAgo: 1 });
    expect(ids(await search(A, { q: 'bao hiem y te' }))).toEqual(['bao-hiem', 'thong-bao-bhyt']);

    await setEnabled(A, false);
    try {
      expect(ids(await search(A, { q: 'bao hiem y te' }))).toEqual([]);
      expect(await search(A, { q: 'bao hiem y te', type: 'faq' })).toMatchObject({ total: 0, items: [] });
      expect((await page(A, { q: 'bao hiem y te' }))).toContain('Không tìm thấy kết quả nào');
      expect(ids(await search(B, { q: 'bao hiem y te' }))).toEqual(['bao-hiem']); // enabled there
      // The province-wide search leaves out A's notices, keeps the province's documents.
      expect(ids(await search(PROVINCE, { q: 'bao hiem y te', allUnits: true }))).toEqual(['bao-hiem']);
    } finally {
      await setEnabled(A, true);
    }
    expect(ids(await search(A, { q: 'bao hiem y te' }))).toEqual(['bao-hiem', 'thong-bao-bhyt']);
  });

  it('keeps a unit-scoped source to its unit, and finds it from the province on a province-wide search with the unit facet', async () => {
    await index(A, { type: 'notice', id: 'lich-tiep-dan', title: 'Lịch tiếp công dân tháng 12', daysAgo: 3 });
    expect(ids(await search(A, { q: 'tiep cong dan' }))).toEqual(['lich-tiep-dan']);
    expect(ids(await search(B, { q: 'tiep cong dan' }))).toEqual([]);
    const all = await search(PROVINCE, { q: 'tiep cong dan', allUnits: true });
    expect(ids(all)).toEqual(['lich-tiep-dan']);
    expect(all.items[0]).toMatchObject({ type: 'notice', unit: { slug: A } });
    expect(all.facets!.units.map((u) => [u.slug, u.count])).toEqual([[A, 1]]);
  });

  it('pages through the unit\'s content and the province\'s documents without a hit twice or left out', async () => {
    const articles = [];
    for (let i = 1; i <= 3; i++) articles.push(await publish(A, `Chuyển đổi số cấp xã đợt ${i}`));
    await index(PROVINCE, { type: 'faq', id: 'cds-1', title: 'Chuyển đổi số cấp xã là gì', daysAgo: 0 });
    await index(PROVINCE, { type: 'faq', id: 'cds-2', title: 'Chuyển đổi số cấp xã cần gì', daysAgo: 5 });
    const expected = [...articles.map((a) => a.id), 'cds-1', 'cds-2'].sort();

    const whole = await search(A, { q: 'chuyen doi so cap xa' });
    expect(whole).toMatchObject({ total: 5, totalIsExact: true });
    expect(ids(whole)).toEqual(expected);
    const seen: string[] = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const part = await search(A, { q: 'chuyen doi so cap xa', limit: 2, offset });
      expect(part.total).toBe(5);
      seen.push(...part.items.map((i) => i.id));
    }
    expect(seen).toEqual(whole.items.map((i) => i.id));
    // The newest first among title matches: the document of today before the articles, the one of five days ago last.
    expect(seen[0]).toBe('cds-1');
    expect(seen.at(-1)).toBe('cds-2');
  });

  it('shows a source\'s hits with its label, in the type filter, in Vietnamese and English; a removed document is gone', async () => {
    await index(PROVINCE, { type: 'faq', id: 'cap-nuoc', title: 'Hỏi về giá nước sạch sinh hoạt', daysAgo: 1 });
    const vi = await page(A, { q: 'gia nuoc sach' });
    expect(vi).toContain(`<a href="/t/${A}/hoi-dap/cap-nuoc">Hỏi về giá nước sạch sinh hoạt</a>`);
    expect(vi).toContain('<span class="type">Hỏi đáp thử</span>');
    expect(vi).toContain('<option value="hoi-dap-thu">Hỏi đáp thử</option><option value="thong-bao">Thông báo</option>');
    const filtered = await page(A, { q: 'gia nuoc sach', loai: 'hoi-dap-thu' });
    expect(filtered).toContain('<option value="hoi-dap-thu" selected>');
    expect(filtered).toContain('/hoi-dap/cap-nuoc"');
    expect(await page(A, { q: 'gia nuoc sach', loai: 'tin' })).not.toContain('/hoi-dap/cap-nuoc"');

    // On the English site, when asked for: the English label, the Vietnamese title marked as such.
    expect(await page(A, { q: 'gia nuoc sach' }, '/en')).not.toContain('/hoi-dap/cap-nuoc"');
    const en = await page(A, { q: 'gia nuoc sach', loai: 'hoi-dap-thu' }, '/en');
    expect(en).toContain('<option value="hoi-dap-thu" selected>Test FAQ</option>');
    expect(en).toContain(`<a href="/t/${A}/hoi-dap/cap-nuoc" lang="vi">Hỏi về giá nước sạch sinh hoạt</a>`);
    expect(en).toContain('<span class="type">Test FAQ</span>');

    await remove('faq', 'cap-nuoc');
    expect(await page(A, { q: 'gia nuoc sach' })).not.toContain('/hoi-dap/cap-nuoc"');
  });
});
