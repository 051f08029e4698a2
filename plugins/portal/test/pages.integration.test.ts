import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin } from '@cong/sdk';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';

/** Payloads from the sanitiser's corpus (test/sanitize-html.test.ts) that reach a page body and its public page. */
const XSS = [
  '<script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://a.vn/x.png" alt="a" onerror="alert(1)">',
  '<IMG SRC="javascript:alert(1);" alt="x">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="a">',
  '<svg onload=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a title=\'x" onmouseover="alert(1)\' href="https://a.vn">x</a>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<form action="javascript:alert(1)"><input type="submit"></form>',
  '<details open ontoggle=alert(1)>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<a href="https://a.vn" target="_blank" rel="opener">x</a>',
];

/** Nothing in the markup can run (the same checks as the sanitiser's test). */
function expectInert(out: string): void {
  const markup = out.replace(/="[^"]*"/gu, '=""');
  expect(markup).not.toMatch(/<\s*(script|style|svg|math|iframe|object|embed|form|input|button|textarea|xmp|noscript|template|base|meta|link|frame|frameset|video|audio|source|details|marquee)\b/iu);
  expect(markup).not.toMatch(/\son[a-z]+\s*=/iu);
  expect(out).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data|file|about)\s*:/iu);
  expect(out).not.toMatch(/javascript\s*:/iu);
}

describeEachDialect('portal pages', (dialect) => {
  let t: TestPlatform;
  // A consumer of the shared search index, to see what the pages area indexed.
  const probe = {
    manifest: { id: 'probe', pluginApi: '^1.0.0', requires: { portal: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({
      register: (reg) => {
        reg.routes((route) => {
          route.get('/pages', {
            summary: 'What the index holds for pages',
            schema: { query: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { type: 'string' } } } },
            handler: async (req, ctx) => {
              const { q } = req.query as { q: string };
              const result = await ctx.get(coreServices.search).search({ text: q, tenantIds: [req.tenantId!], plugins: ['portal'], types: ['page', 'page-en'] });
              return { urls: result.hits.map((h) => h.url) };
            },
          });
        });
      },
    }),
  };
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  let writer: TestClient;
  let chief: TestClient;
  let both: TestClient;
  const step = (client: TestClient, id: string, action: string, body: Record<string, unknown> = {}) => client.post(`/api/portal/pages/${id}/transitions/${action}`, body);
  const create = async (body: Record<string, unknown>, client = writer) => {
    const res = await client.post('/api/portal/pages', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; slug: string; revision: number; status: string };
  };
  const publish = async (id: string) => {
    expect((await step(writer, id, 'submit')).status).toBe(200);
    const res = await step(chief, id, 'approve');
    expect(res.body.status, JSON.stringify(res.body)).toBe('published');
  };
  const site = async (path: string, unit = A) => {
    const res = await fetch(new URL(`/t/${unit}${path}`, t.url), { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal, probe], database: dialect, config: { demo: true } });
    writer = inUnit('bien-tap-vien', ['portal.pages.write']);
    chief = inUnit('truong-ban', ['portal.content.approve']);
    both = inUnit('ca-hai', ['portal.pages.write', 'portal.content.approve']);
  });
  afterAll(async () => t?.stop());

  it('runs the workflow: the writer cannot approve, the author cannot approve their own page, another approver publishes', async () => {
    const page = await create({ title: 'Giới thiệu chung', summary: 'Về Sở', body: '<p>Chức năng, nhiệm vụ</p>' });
    expect(page).toMatchObject({ slug: 'gioi-thieu-chung', status: 'draft', revision: 1 });
    expect((await step(writer, page.id, 'approve')).status).toBe(403); // no approve permission
    const early = await step(chief, page.id, 'approve');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PORTAL_ERR_PAGE_APPROVAL_REQUIRED');
    expect((await step(chief, page.id, 'submit')).status).toBe(403); // submitting is the writer's

    const own = await create({ title: 'Trang của người duyệt' }, both);
    await step(both, own.id, 'submit');
    const self = await step(both, own.id, 'approve');
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('PORTAL_ERR_SELF_APPROVAL');

    await step(writer, page.id, 'submit');
    const rejectBare = await step(chief, page.id, 'reject');
    expect(rejectBare.status).toBe(400);
    expect(rejectBare.body.errors[0].pointer).toBe('/remarks');
    const rejected = await step(chief, page.id, 'reject', { remarks: 'Bổ sung sơ đồ tổ chức' });
    expect(rejected.body).toMatchObject({ status: 'draft', remarks: 'Bổ sung sơ đồ tổ chức' });
    await publish(page.id);
    const published = await writer.get(`/api/portal/pages/${page.id}`);
    expect(published.body).toMatchObject({ status: 'published', approverId: 'truong-ban', authorId: 'bien-tap-vien' });
    // Published pages are in the site's search, by type and without accents.
    const found = (await fetch(new URL(`/t/${A}/api/portal/search?q=${encodeURIComponent('gioi thieu chung')}&type=page`, t.url)).then((r) => r.json())) as { items: { type: string; url: string }[] };
    expect(found.items.map((i: { type: string; url: string }) => [i.type, i.url])).toEqual([['page', '/trang/gioi-thieu-chung']]);
    expect(await fetch(new URL(`/t/${A}/tim-kiem?q=${encodeURIComponent('gioi thieu')}&loai=trang`, t.url)).then((r) => r.text())).toContain('<span class="type">Trang</span>');

    const edit = await writer.patch(`/api/portal/pages/${page.id}`, { title: 'Khác' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('PORTAL_ERR_PAGE_NOT_EDITABLE');
    expect((await step(writer, page.id, 'reopen')).status).toBe(403); // taking it offline is the approver's

    const audit = await inUnit('kiem-toan', ['core.audit.read']).get('/api/core/audit', { query: { objectId: page.id, limit: 50 } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['portal.page.create', 'portal.page.submit', 'portal.page.reject', 'portal.page.approve']));

    const view = await site('/trang/gioi-thieu-chung');
    expect(view.status).toBe(200);
    expect(view.body).toContain('Chức năng, nhiệm vụ');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(view.body)![1]!);
    expect(ld).toMatchObject({ '@type': 'WebPage', name: 'Giới thiệu chung' });
    expect(view.body).toContain('<meta name="DC.title" content="Giới thiệu chung">');

    // In the XML sitemap in both languages, with the human site map.
    const xml = (await site('/sitemap.xml')).body;
    expect(xml).toContain(`/t/${A}/trang/gioi-thieu-chung</loc>`);
    expect(xml).toContain(`/t/${A}/en/trang/gioi-thieu-chung"`);
    expect(xml).toContain(`/t/${A}/so-do-trang</loc>`);
    expect(xml).not.toContain('trang-cua-nguoi-duyet'); // in review, not public

    // Indexed once published, under its public address.
    const hits = await writer.get('/api/probe/pages', { query: { q: 'gioi thieu chung' } });
    expect(hits.body.urls).toContain('/trang/gioi-thieu-chung');
  });

  it('keeps the tree: breadcrumbs, child pages, moves and the human sitemap; refuses cycles', async () => {
    const root = await create({ title: 'Tổng quan', slug: 'tong-quan' });
    const child = await create({ title: 'Lịch sử hình thành', slug: 'lich-su', parentId: root.id, order: 2 });
    const first = await create({ title: 'Chức năng nhiệm vụ', slug: 'chuc-nang', parentId: root.id, order: 1 });
    const grandchild = await create({ title: 'Giai đoạn 1945', slug: 'giai-doan-1945', parentId: child.id });
    for (const p of [root, child, first, grandchild]) await publish(p.id);

    const cycle = await writer.patch(`/api/portal/pages/${root.id}`, { parentId: grandchild.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].pointer).toBe('/parentId');
    const foreignParent = await inUnit('b', ['portal.pages.write'], B).post('/api/portal/pages', { title: 'Lạc', parentId: root.id });
    expect(foreignParent.status).toBe(400); // another unit's page is no parent

    const deep = await site('/trang/giai-doan-1945');
    const crumbs = /<nav class="breadcrumbs"[^>]*>(.*?)<\/nav>/s.exec(deep.body)![1]!;
    expect([...crumbs.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual([`/t/${A}/`, `/t/${A}/trang/tong-quan`, `/t/${A}/trang/lich-su`, `/t/${A}/trang/giai-doan-1945`]);
    expect(crumbs).toContain('aria-current="page"');

    const childList = (body: string) => /<section aria-labelledby="trang-con">(.*?)<\/section>/s.exec(body)![1]!;
    const parent = await site('/trang/tong-quan');
    const listed = [...childList(parent.body).matchAll(/<li><a href="\/t\/so-tai-chinh\/trang\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(['chuc-nang', 'lich-su']); // sibling order

    // Moving a published page is allowed and shows at once.
    const moved = await writer.patch(`/api/portal/pages/${first.id}`, { order: 3 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = await site('/trang/tong-quan');
    expect([...childList(after.body).matchAll(/<li><a href="\/t\/so-tai-chinh\/trang\/([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(['lich-su', 'chuc-nang']);

    const map = await site('/so-do-trang');
    expect(map.status).toBe(200);
    expect(map.body).toMatch(/Tổng quan<\/a><ul><li><a href="\/t\/so-tai-chinh\/trang\/lich-su">Lịch sử hình thành<\/a><ul><li><a href="\/t\/so-tai-chinh\/trang\/giai-doan-1945">/);
    expect((await site('/en/so-do-trang')).body).toContain('<h1>Site map</h1>');
  });

  it('answers a former slug with 301 and an archived page with 410', async () => {
    const page = await create({ title: 'Liên hệ công tác', slug: 'lien-he-cu' });
    await publish(page.id);
    expect((await site('/trang/lien-he-cu')).status).toBe(200);
    expect((await step(chief, page.id, 'reopen')).body.status).toBe('draft');
    expect((await site('/trang/lien-he-cu')).status).toBe(404); // a draft is not public
    expect((await writer.patch(`/api/portal/pages/${page.id}`, { slug: 'lien-he' })).status).toBe(200);
    await publish(page.id);
    const moved = await site('/trang/lien-he-cu');
    expect(moved.status).toBe(301);
    expect(moved.location).toBe(`/t/${A}/trang/lien-he`);
    const movedEn = await site('/en/trang/lien-he-cu');
    expect(movedEn.location).toBe(`/t/${A}/en/trang/lien-he`);
    const resolved = await writer.get('/api/portal/pages/resolve', { query: { slug: 'lien-he-cu' } });
    expect(resolved.body).toMatchObject({ kind: 'moved', slug: 'lien-he' });

    expect((await step(chief, page.id, 'archive')).body.status).toBe('archived');
    expect((await site('/trang/lien-he')).status).toBe(410);
    expect((await site('/trang/lien-he-cu')).status).toBe(410);
    const hits = await writer.get('/api/probe/pages', { query: { q: 'lien he cong tac' } });
    expect(hits.body.urls).not.toContain('/trang/lien-he'); // gone from the index
    expect((await site('/trang/khong-ton-tai')).status).toBe(404);
  });

  it('keeps revisions: lists, diffs by word, restores as a new revision', async () => {
    const page = await create({ title: 'Cơ cấu tổ chức', body: '<p>Ban giám đốc gồm ba người</p>' });
    await writer.patch(`/api/portal/pages/${page.id}`, { body: '<p>Ban giám đốc gồm bốn người</p>', revision: 1 });
    const stale = await writer.patch(`/api/portal/pages/${page.id}`, { title: 'Xung đột', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PORTAL_ERR_PAGE_STALE_REVISION');
    const list = await writer.get(`/api/portal/pages/${page.id}/revisions`);
    expect(list.body.items.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([[2, 'update'], [1, 'create']]);
    const diff = await writer.get(`/api/portal/pages/${page.id}/diff`, { query: { from: 1, to: 2 } });
    expect(diff.body.changes).toHaveLength(1);
    expect(diff.body.changes[0].field).toBe('body');
    expect(diff.body.changes[0].words).toEqual(expect.arrayContaining([{ op: 'delete', text: 'ba' }, { op: 'insert', text: 'bốn' }]));
    const restored = await writer.post(`/api/portal/pages/${page.id}/restore`, { revision: 1 });
    expect(restored.body).toMatchObject({ body: '<p>Ban giám đốc gồm ba người</p>', revision: 3 });
    expect((await writer.get(`/api/portal/pages/${page.id}/revisions`)).body.items[0].action).toBe('restore:1');
    expect((await writer.get(`/api/portal/pages/${page.id}/diff`, { query: { from: 1, to: 9 } })).status).toBe(400);
  });

  it('translates field by field, flags the English stale when the Vietnamese changes, and serves it at /en', async () => {
    const page = await create({ title: 'Chức năng, nhiệm vụ', slug: 'chuc-nang-nhiem-vu', summary: 'Tóm tắt', body: '<p>Nội dung tiếng Việt</p>', translations: { en: { title: 'Functions and duties', body: '<p>English text</p>' } } });
    const fresh = await writer.get(`/api/portal/pages/${page.id}`);
    expect(fresh.body.translations.en.title).toEqual({ value: 'Functions and duties', stale: false });
    expect(fresh.body.enStale).toBe(false);
    const changed = await writer.patch(`/api/portal/pages/${page.id}`, { body: '<p>Nội dung mới</p>' });
    expect(changed.body.translations.en.body.stale).toBe(true);
    expect(changed.body.translations.en.title.stale).toBe(false);
    expect(changed.body.enStale).toBe(true);
    const tree = await writer.get('/api/portal/pages', { query: { text: 'chuc nang, nhiem' } });
    expect(tree.body.items).toEqual([expect.objectContaining({ id: page.id, hasEnglish: true, enStale: true })]);
    const refreshed = await writer.patch(`/api/portal/pages/${page.id}`, { translations: { en: { body: '<p>New English text</p>' } } });
    expect(refreshed.body.enStale).toBe(false);
    await publish(page.id);

    const en = await site('/en/trang/chuc-nang-nhiem-vu');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('<h1>Functions and duties</h1>');
    expect(en.body).toContain('New English text');
    expect(en.body).toContain('<p class="summary" lang="vi"><strong>Tóm tắt</strong></p>'); // no English summary: Vietnamese, marked
    const vi = await site('/trang/chuc-nang-nhiem-vu');
    expect(vi.body).toContain('Nội dung mới');
  });

  it('sanitises the XSS corpus in the body and the translation, and the public page stays inert', async () => {
    const body = XSS.map((p) => `<p>${p}</p>`).join('');
    const page = await create({ title: 'Trang <script>alert(1)</script> "thử"', slug: 'trang-thu', body, translations: { en: { body } } });
    const stored = await writer.get(`/api/portal/pages/${page.id}`);
    expectInert(stored.body.body);
    expectInert(stored.body.translations.en.body.value);
    await publish(page.id);
    for (const path of ['/trang/trang-thu', '/en/trang/trang-thu']) {
      const res = await site(path);
      const main = /<main[^>]*>(.*)<\/main>/s.exec(res.body)![1]!;
      expectInert(main);
      expect(main).toContain('Trang &lt;script&gt;alert(1)&lt;/script&gt; &quot;thử&quot;');
    }
  });

  it('keeps units apart (404) and checks permissions (403)', async () => {
    const page = await create({ title: 'Nội bộ A' });
    const other = inUnit('b', ['portal.pages.write', 'portal.content.approve'], B);
    expect((await other.get(`/api/portal/pages/${page.id}`)).status).toBe(404);
    expect((await other.patch(`/api/portal/pages/${page.id}`, { title: 'x' })).status).toBe(404);
    expect((await other.post(`/api/portal/pages/${page.id}/transitions/archive`, {})).status).toBe(404);
    expect((await other.get(`/api/portal/pages/${page.id}/revisions`)).status).toBe(404);
    expect((await other.get('/api/portal/pages')).body.items.map((p: { id: string }) => p.id)).not.toContain(page.id);
    const reader = inUnit('khach', ['portal.content.write']);
    expect((await reader.get('/api/portal/pages')).status).toBe(403);
    expect((await reader.post('/api/portal/pages', { title: 'x' })).status).toBe(403);
    expect((await chief.post('/api/portal/pages', { title: 'x' })).status).toBe(403);
    expect((await t.client.get('/api/portal/pages', { headers: { 'x-cong-tenant': A } })).status).toBe(401);
    const invalid = await writer.post('/api/portal/pages', { title: '', slug: 'Sai Slug', colour: 'do' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/title', '/slug']));
    const dup = await writer.post('/api/portal/pages', { title: 'Trùng', slug: 'gioi-thieu-chung' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PORTAL_ERR_SLUG_TAKEN');
    expect((await site('/trang/gioi-thieu-chung', B)).status).toBe(404); // A's page is not on B's site
  });
});
