import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEvent, definePlugin } from '@cong/sdk';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const HOUR = 3_600_000;

// Refs by name, as a consumer without the plugin's source would declare them.
const published = defineEvent<{ id: string; tenantId: string }>('portal.article-published');
const unpublished = defineEvent<{ id: string; tenantId: string }>('portal.article-unpublished');

describeEachDialect('portal content', (dialect) => {
  let t: TestPlatform;
  const heard: string[] = [];
  const listener = {
    manifest: { id: 'listener', pluginApi: '^1.0.0', requires: { portal: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({
      register: (reg) => {
        reg.on(published, (e) => void heard.push(`published:${e.id}`));
        reg.on(unpublished, (e) => void heard.push(`unpublished:${e.id}`));
      },
    }),
  };

  /** A client acting in a unit with the given permissions. */
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  let writer: TestClient;
  let editor: TestClient; // writes and approves
  let chief: TestClient; // approves
  const step = (client: TestClient, id: string, action: string, body: Record<string, unknown> = {}) => client.post(`/api/portal/articles/${id}/transitions/${action}`, body);
  const draft = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await writer.post('/api/portal/articles', { title, summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; slug: string; revision: number; status: string };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal, listener], database: dialect, config: { demo: true } });
    writer = inUnit('phong-vien', ['portal.content.write']);
    editor = inUnit('bien-tap', ['portal.content.write', 'portal.content.approve']);
    chief = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve']);
  });
  afterAll(async () => t?.stop());

  it('creates a draft: slug from the folded title, body sanitised, a first revision', async () => {
    const res = await writer.post('/api/portal/articles', {
      title: 'Đăng ký hộ kinh doanh trực tuyến',
      summary: 'Hướng dẫn',
      body: '<p>Xin chào<script>alert(1)</script><img src="https://example.vn/a.png" alt="ảnh" onerror="alert(2)"></p>',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/portal/articles/${res.body.id}`);
    expect(res.body).toMatchObject({ slug: 'dang-ky-ho-kinh-doanh-truc-tuyen', status: 'draft', authorId: 'phong-vien', revision: 1, approverId: null });
    expect(res.body.body).not.toContain('<script');
    expect(res.body.body).not.toContain('alert');
    expect(res.body.body).not.toContain('onerror');
    expect(res.body.body).toContain('Xin chào');
    const updated = await writer.patch(`/api/portal/articles/${res.body.id}`, { body: '<p onclick="x()">Sửa<script>steal()</script></p>' });
    expect(updated.status).toBe(200);
    expect(updated.body.body).toBe('<p>Sửa</p>');
    expect(updated.body.revision).toBe(2);
  });

  it('runs the workflow: submit, the author cannot approve, another approver publishes; events after commit', async () => {
    const a = await draft('Thông báo lịch tiếp công dân');
    expect((await step(writer, a.id, 'approve')).status).toBe(403); // no approve permission
    const early = await step(editor, a.id, 'approve');
    expect(early.status).toBe(409); // the unit requires review first
    expect(early.body.code).toBe('PORTAL_ERR_APPROVAL_REQUIRED');

    const submitted = await step(writer, a.id, 'submit');
    expect(submitted.body).toMatchObject({ status: 'in_review', submittedBy: 'phong-vien' });
    expect((await step(writer, a.id, 'submit')).body.code).toBe('PORTAL_ERR_TRANSITION');

    const rejected = await step(chief, a.id, 'reject', { remarks: 'Bổ sung giờ tiếp' });
    expect(rejected.body).toMatchObject({ status: 'draft', remarks: 'Bổ sung giờ tiếp' });
    expect((await step(chief, a.id, 'reject', { remarks: 'Lần nữa' })).body.code).toBe('PORTAL_ERR_TRANSITION'); // a draft cannot be rejected

    await step(editor, a.id, 'submit'); // the editor submits: now the editor cannot approve
    const self = await step(editor, a.id, 'approve');
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('PORTAL_ERR_SELF_APPROVAL');
    expect(heard).not.toContain(`published:${a.id}`);

    const approved = await step(chief, a.id, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', approverId: 'truong-ban' });
    expect(approved.body.publishedAt).toMatch(/^\d{4}-/);
    expect(heard).toContain(`published:${a.id}`);

    const edit = await writer.patch(`/api/portal/articles/${a.id}`, { title: 'Khác' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('PORTAL_ERR_NOT_EDITABLE');

    const archived = await step(chief, a.id, 'archive');
    expect(archived.body.status).toBe('archived');
    expect(heard).toContain(`unpublished:${a.id}`);

    const revisions = await writer.get(`/api/portal/articles/${a.id}/revisions`);
    expect(revisions.body.items.map((r: { action: string }) => r.action)).toEqual(['archive', 'approve', 'submit', 'reject', 'submit', 'create']);
    const audit = await inUnit('kiem-toan', ['core.audit.read']).get('/api/core/audit', { query: { objectId: a.id, limit: 50 } });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['portal.article.create', 'portal.article.submit', 'portal.article.reject', 'portal.article.approve', 'portal.article.archive']),
    );
  });

  it('lets the author approve when the unit does not separate the roles, and publish without review when it does not require it', async () => {
    const settings = inUnit('quan-tri', ['core.settings.manage'], B);
    const saved = await settings.put('/api/core/plugins/portal/settings', { values: { approvalRequired: false, approverMustDiffer: false } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const solo = inUnit('mot-minh', ['portal.content.write', 'portal.content.approve'], B);
    const created = await solo.post('/api/portal/articles', { title: 'Tin nhanh' });
    const direct = await step(solo, created.body.id, 'approve');
    expect(direct.status).toBe(200);
    expect(direct.body.status).toBe('published');
  });

  it('publishes and withdraws by the clock, and never publishes an article still in review', async () => {
    const future = new Date(Date.now() + HOUR).toISOString();
    const past = new Date(Date.now() - HOUR).toISOString();

    const waiting = await draft('Chờ duyệt nhưng đã đến giờ');
    await step(writer, waiting.id, 'schedule', { publishAt: past });
    await step(writer, waiting.id, 'submit');

    const timed = await draft('Hẹn giờ đăng');
    await step(writer, timed.id, 'submit', { publishAt: future, unpublishAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    const approved = await step(chief, timed.id, 'approve');
    expect(approved.body).toMatchObject({ status: 'scheduled', publishAt: future, publishedAt: null });

    // Not due yet: nothing happens, and the one in review stays in review although its time passed.
    expect((await chief.post('/api/portal/content-clock')).body).toEqual({ published: [], unpublished: [] });
    expect((await writer.get(`/api/portal/articles/${waiting.id}`)).body.status).toBe('in_review');

    // The approver moves the publish time into the past: the next tick publishes it.
    expect((await step(writer, timed.id, 'schedule', { publishAt: past })).status).toBe(403); // the writer cannot move an approved date
    const moved = await step(chief, timed.id, 'schedule', { publishAt: past });
    expect(moved.body.status).toBe('scheduled');
    const tick = await chief.post('/api/portal/content-clock');
    expect(tick.body).toEqual({ published: [timed.id], unpublished: [] });
    expect((await writer.get(`/api/portal/articles/${timed.id}`)).body).toMatchObject({ status: 'published' });
    expect((await writer.get(`/api/portal/articles/${waiting.id}`)).body.status).toBe('in_review');
    expect(heard).toContain(`published:${timed.id}`);
    expect(heard).not.toContain(`published:${waiting.id}`);

    // Withdrawal time comes: archived by the clock.
    const bad = await step(chief, timed.id, 'schedule', { unpublishAt: new Date(Date.now() - 2 * HOUR).toISOString() });
    expect(bad.status).toBe(400); // before its publish time
    expect(bad.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/unpublishAt' })]);
    await step(chief, timed.id, 'schedule', { unpublishAt: new Date(Date.now() - 1000).toISOString() });
    expect((await chief.post('/api/portal/content-clock')).body).toEqual({ published: [], unpublished: [timed.id] });
    expect((await writer.get(`/api/portal/articles/${timed.id}`)).body.status).toBe('archived');
    expect(heard).toContain(`unpublished:${timed.id}`);
    const actions = (await writer.get(`/api/portal/articles/${timed.id}/revisions`)).body.items.map((r: { action: string }) => r.action);
    expect(actions.slice(0, 2)).toEqual(['scheduled-unpublish', 'schedule']);
    expect(actions).toContain('scheduled-publish');

    // Editing an approved, scheduled article sends it back to draft.
    const again = await draft('Sửa sau khi duyệt');
    await step(writer, again.id, 'submit', { publishAt: future });
    await step(chief, again.id, 'approve');
    const edited = await writer.patch(`/api/portal/articles/${again.id}`, { summary: 'Đã sửa' });
    expect(edited.body).toMatchObject({ status: 'draft', approverId: null });
    expect((await chief.post('/api/portal/content-clock')).body.published).toEqual([]);
  });

  it('keeps revisions: diff by field and by word, restore as a new revision', async () => {
    const a = await draft('Kế hoạch năm 2026', { body: '<p>Một hai ba bốn</p>' });
    await writer.patch(`/api/portal/articles/${a.id}`, { body: '<p>Một hai năm bốn sáu</p>', title: 'Kế hoạch năm 2027', revision: 1 });
    const stale = await writer.patch(`/api/portal/articles/${a.id}`, { title: 'Cũ', revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PORTAL_ERR_STALE_REVISION');

    const diff = await writer.get(`/api/portal/articles/${a.id}/diff`, { query: { from: 1, to: 2 } });
    expect(diff.status).toBe(200);
    expect(diff.body.changes.map((c: { field: string }) => c.field)).toEqual(['body', 'title']);
    const body = diff.body.changes[0];
    expect(body.words).toEqual([
      { op: 'equal', text: '<p>Một hai ' },
      { op: 'delete', text: 'ba' },
      { op: 'insert', text: 'năm' },
      { op: 'equal', text: ' bốn' },
      { op: 'insert', text: ' sáu' },
      { op: 'equal', text: '</p>' },
    ]);
    expect((await writer.get(`/api/portal/articles/${a.id}/diff`, { query: { from: 1, to: 9 } })).status).toBe(400);

    const restored = await writer.post(`/api/portal/articles/${a.id}/restore`, { revision: 1 });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ title: 'Kế hoạch năm 2026', body: '<p>Một hai ba bốn</p>', revision: 3 });
    const revisions = (await writer.get(`/api/portal/articles/${a.id}/revisions`)).body.items;
    expect(revisions[0]).toMatchObject({ revision: 3, action: 'restore:1', authorId: 'phong-vien' });
    expect((await writer.get(`/api/portal/articles/${a.id}/diff`, { query: { from: 1, to: 3 } })).body.changes).toEqual([]);
  });

  it('records the old slug for a 301, and answers 410 for a withdrawn article', async () => {
    const a = await draft('Tin cũ', { slug: 'tin-cu' });
    await writer.patch(`/api/portal/articles/${a.id}`, { slug: 'tin-moi' });
    const moved = await writer.get('/api/portal/articles/resolve', { query: { slug: 'tin-cu' } });
    expect(moved.body).toMatchObject({ kind: 'moved', id: a.id, slug: 'tin-moi' });
    expect((await writer.get('/api/portal/articles/resolve', { query: { slug: 'tin-moi' } })).body.kind).toBe('current');
    const taken = await writer.post('/api/portal/articles', { title: 'Trùng', slug: 'tin-moi' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'PORTAL_ERR_SLUG_TAKEN', errors: [expect.objectContaining({ pointer: '/slug' })] });
    await step(chief, a.id, 'archive');
    expect((await writer.get('/api/portal/articles/resolve', { query: { slug: 'tin-cu' } })).body.kind).toBe('gone');
    // A new article may take the old slug: it wins the address.
    const b = await draft('Tin cũ lại', { slug: 'tin-cu' });
    expect((await writer.get('/api/portal/articles/resolve', { query: { slug: 'tin-cu' } })).body).toMatchObject({ kind: 'current', id: b.id });
  });

  it('flags an English translation stale when the Vietnamese source changes', async () => {
    const a = await draft('Giới thiệu Sở', { translations: { en: { title: 'About the Department', body: '<p>Hi<script>x</script></p>' } } });
    const read = await writer.get(`/api/portal/articles/${a.id}`);
    expect(read.body.translations).toEqual({ en: { title: { value: 'About the Department', stale: false }, body: { value: '<p>Hi</p>', stale: false } } });
    await writer.patch(`/api/portal/articles/${a.id}`, { title: 'Giới thiệu Sở Tài chính' });
    const after = (await writer.get(`/api/portal/articles/${a.id}`)).body.translations.en;
    expect(after.title.stale).toBe(true);
    expect(after.body.stale).toBe(false);
    await writer.patch(`/api/portal/articles/${a.id}`, { translations: { en: { title: 'About the Department of Finance' } } });
    expect((await writer.get(`/api/portal/articles/${a.id}`)).body.translations.en.title).toEqual({ value: 'About the Department of Finance', stale: false });
  });

  it('lists with paging, filters (folded text, status, category) and an allowlisted sort', async () => {
    const cat = await writer.post('/api/portal/categories', { slug: 'tin-tuc', name: { vi: 'Tin tức', en: 'News' } });
    expect(cat.status).toBe(201);
    const sub = await writer.post('/api/portal/categories', { slug: 'su-kien', name: { vi: 'Sự kiện' }, parentId: cat.body.id, order: 2 });
    expect(sub.body).toMatchObject({ parentId: cat.body.id, order: 2, name: { vi: 'Sự kiện', en: null } });
    expect((await writer.patch(`/api/portal/categories/${cat.body.id}`, { parentId: sub.body.id })).status).toBe(400); // a cycle
    await draft('Đường điện nông thôn', { categoryId: sub.body.id });
    const found = await writer.get('/api/portal/articles', { query: { text: 'duong dien', sort: 'title', order: 'asc' } });
    expect(found.body.items.map((a: { title: string }) => a.title)).toEqual(['Đường điện nông thôn']);
    expect((await writer.get('/api/portal/articles', { query: { categoryId: sub.body.id } })).body.total).toBe(1);
    expect((await writer.get('/api/portal/articles', { query: { text: '100%' } })).body.total).toBe(0);
    const page = await writer.get('/api/portal/articles', { query: { status: 'archived', limit: 1 } });
    expect(page.body).toMatchObject({ limit: 1, offset: 0 });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
    expect(page.body.items).toHaveLength(1);
    const badSort = await writer.get('/api/portal/articles', { query: { sort: 'author_id' } });
    expect(badSort.status).toBe(400);
    expect(badSort.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/sort' })]);
    const inUse = await writer.delete(`/api/portal/categories/${sub.body.id}`);
    expect(inUse.body.code).toBe('PORTAL_ERR_CATEGORY_IN_USE');
  });

  it('validates input, naming the field', async () => {
    const bad = await writer.post('/api/portal/articles', { title: '', slug: 'Có Dấu', tenant_id: B, status: 'published' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', pointer: '/title', keyword: 'minLength' }),
        expect.objectContaining({ in: 'body', pointer: '/slug', keyword: 'pattern' }),
        expect.objectContaining({ in: 'body', pointer: '/tenant_id', message: 'is not allowed' }),
        expect.objectContaining({ in: 'body', pointer: '/status', message: 'is not allowed' }),
      ]),
    );
    const noCategory = await writer.post('/api/portal/articles', { title: 'X', categoryId: '7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00' });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/categoryId' })]);
    const badAction = await writer.post('/api/portal/articles/7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00/transitions/publish-now', {});
    expect(badAction.body.errors).toEqual([expect.objectContaining({ in: 'params', pointer: '/action' })]);
    const reject = await chief.post('/api/portal/articles/7d3f3c7e-3b1a-4a53-9a51-0f5d3c2b1a00/transitions/reject', {});
    expect(reject.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/remarks' })]);
    expect((await t.client.post('/api/portal/articles', { title: 'x' }, { headers: { 'x-cong-tenant': A } })).status).toBe(401);
    expect((await inUnit('doc-gia', []).get('/api/portal/articles')).status).toBe(403);
  });

  it('keeps units apart: another unit\'s article and category are 404 for every route, and absent from lists', async () => {
    const a = await draft('CANARY-A bài của Sở Tài chính');
    const cat = await writer.post('/api/portal/categories', { slug: 'rieng-a', name: { vi: 'CANARY-A' } });
    const other = inUnit('bien-tap-b', ['portal.content.write', 'portal.content.approve', 'core.settings.manage'], B);
    const paths: [string, string, unknown?][] = [
      ['GET', `/api/portal/articles/${a.id}`],
      ['PATCH', `/api/portal/articles/${a.id}`, { title: 'x' }],
      ['POST', `/api/portal/articles/${a.id}/transitions/submit`, {}],
      ['POST', `/api/portal/articles/${a.id}/transitions/archive`, {}],
      ['GET', `/api/portal/articles/${a.id}/revisions`],
      ['GET', `/api/portal/articles/${a.id}/diff?from=1&to=1`],
      ['POST', `/api/portal/articles/${a.id}/restore`, { revision: 1 }],
      ['GET', `/api/portal/categories/${cat.body.id}`],
      ['PATCH', `/api/portal/categories/${cat.body.id}`, { order: 1 }],
      ['DELETE', `/api/portal/categories/${cat.body.id}`],
      ['GET', `/api/portal/articles/resolve?slug=${a.slug}`],
    ];
    for (const [method, path, body] of paths) {
      const res = await other.request(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text).not.toContain('CANARY-A');
    }
    for (const path of ['/api/portal/articles?limit=100', '/api/portal/articles?text=canary', '/api/portal/categories']) {
      const res = await other.get(path);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('CANARY-A');
    }
    // Moving B's article into A's category is refused as an unknown category.
    const own = await other.post('/api/portal/articles', { title: 'Bài B' });
    expect((await other.patch(`/api/portal/articles/${own.body.id}`, { categoryId: cat.body.id })).status).toBe(400);
    // B's clock does not touch A's articles.
    expect((await writer.get(`/api/portal/articles/${a.id}`)).body.status).toBe('draft');
  });
});
