import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { A, A_OFFICE, B, canonicalOf, PROVINCE, startSyndicationPlatform, type Harness } from './syndication-support.js';

const PROPOSE = 'sites.syndication.propose';
const REVIEW = 'sites.syndication.review';

interface Proposal {
  id: string;
  status: string;
  reason: string | null;
  categoryId: string | null;
  provincePath: string | null;
  unit: { id: string; slug: string; name: string };
  province: { id: string; slug: string };
  article: { id: string; title: string; url: string } | null;
  history: { action: string; actorId: string; unitId: string; remark: string | null }[];
}

describeEachDialect('sites: syndication up to the province (TEN-07)', (dialect) => {
  let h: Harness;
  let unitA: TestClient; // A's editor who proposes
  let board: TestClient; // the province's editorial board
  let categoryId: string;

  const propose = async (articleId: string, note?: string): Promise<Proposal> => {
    const res = await unitA.post('/api/sites/syndication/proposals', { articleId, ...(note ? { note } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Proposal;
  };
  const accept = async (id: string, body: Record<string, unknown> = { categoryId }): Promise<Proposal> => {
    const res = await board.post(`/api/sites/syndication/queue/${id}/accept`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Proposal;
  };
  /** The audit actions of one object in the unit's log, sorted (the log lists newest first). */
  const auditOf = async (unit: string, objectId: string) =>
    ((await h.as('kiem-toan', ['core.audit.read'], unit).get('/api/core/audit', { query: { objectId, limit: 50 } })).body.items as { action: string }[]).map((e) => e.action).sort();

  beforeAll(async () => {
    h = await startSyndicationPlatform(dialect);
    unitA = h.as('bien-tap-stc', [PROPOSE], A);
    board = h.as('ban-bien-tap', [REVIEW], PROVINCE);
    const category = await h.as('bien-tap-tinh', ['portal.content.write'], PROVINCE).post('/api/portal/categories', { slug: 'tin-so-nganh', name: { vi: 'Tin sở, ngành', en: 'Departments' } });
    expect(category.status).toBe(201);
    categoryId = category.body.id;
  });
  afterAll(async () => h?.t.stop());

  it('proposes, accepts with a category: the province lists the article with attribution and a canonical link to the source', async () => {
    const article = await h.publish(A, { title: 'Công khai dự toán ngân sách năm 2027', slug: 'cong-khai-du-toan-2027', summary: 'Dự toán được công khai.', translations: { en: { title: 'Budget estimate 2027 published' } } });

    const listed = await unitA.get('/api/sites/published-articles');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: article.id, url: 'https://so-tai-chinh.localhost/tin/cong-khai-du-toan-2027', proposal: null }));

    const proposed = await propose(article.id, 'Đề nghị đăng mục Tin sở, ngành');
    expect(proposed).toMatchObject({ status: 'proposed', unit: { slug: A, name: 'Sở Tài chính' }, province: { slug: PROVINCE }, article: { id: article.id, title: 'Công khai dự toán ngân sách năm 2027' }, provincePath: null });
    expect((await unitA.get('/api/sites/published-articles')).body.items.find((a: { id: string }) => a.id === article.id).proposal).toEqual({ id: proposed.id, status: 'proposed' });
    // One open proposal per article.
    const again = await unitA.post('/api/sites/syndication/proposals', { articleId: article.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SITES_ERR_ALREADY_PROPOSED');

    const queue = await board.get('/api/sites/syndication/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((p: Proposal) => p.id)).toContain(proposed.id);
    expect((await board.get('/api/sites/syndication/categories')).body.items).toContainEqual(expect.objectContaining({ id: categoryId, slug: 'tin-so-nganh' }));

    const accepted = await accept(proposed.id);
    expect(accepted).toMatchObject({ status: 'accepted', categoryId, reason: null });
    expect(accepted.provincePath).toMatch(/^\/tin-lien-ket\/[0-9a-f-]{36}$/);
    expect(accepted.history.map((s) => [s.action, s.actorId])).toEqual([['propose', 'bien-tap-stc'], ['accept', 'ban-bien-tap']]);
    expect((await board.post(`/api/sites/syndication/queue/${proposed.id}/accept`, {})).body.code).toBe('SITES_ERR_PROPOSAL_TRANSITION');

    // The province's home page, its category and its feeds list it, marked with its source.
    const home = await h.page(PROVINCE, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain(`href="/t/${PROVINCE}${accepted.provincePath}"`);
    expect(home.body).toContain('data-linked="syndicated"');
    expect(home.body).toContain('Nguồn: <a href="http://so-tai-chinh.localhost/tin/cong-khai-du-toan-2027">Sở Tài chính</a>');
    const category = await h.page(PROVINCE, '/chuyen-muc/tin-so-nganh');
    expect(category.body).toContain('Công khai dự toán ngân sách năm 2027');
    const rss = await h.page(PROVINCE, '/rss.xml');
    expect(rss.body).toContain(`<link>${new URL(`/t/${PROVINCE}${accepted.provincePath}`, h.t.url).href}</link>`);
    expect((await h.page(PROVINCE, '/chuyen-muc/tin-so-nganh/rss.xml')).body).toContain('Công khai dự toán ngân sách năm 2027');
    const sitemap = await h.page(PROVINCE, '/sitemap.xml');
    expect(sitemap.body).toContain(`<loc>${new URL(`/t/${PROVINCE}${accepted.provincePath}`, h.t.url).href}</loc>`);

    // The item's page: the source's text, attribution, and the canonical link to the source article.
    const shown = await h.page(PROVINCE, accepted.provincePath!);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('<h1>Công khai dự toán ngân sách năm 2027</h1>');
    expect(shown.body).toContain('Nguồn: <a href="http://so-tai-chinh.localhost/tin/cong-khai-du-toan-2027">Sở Tài chính</a>');
    expect(canonicalOf(shown.body)).toBe('http://so-tai-chinh.localhost/tin/cong-khai-du-toan-2027');
    expect(shown.body).toContain(`<a href="/t/${PROVINCE}/chuyen-muc/tin-so-nganh">Tin sở, ngành</a>`);
    const english = await h.page(PROVINCE, `/en${accepted.provincePath}`);
    expect(english.body).toContain('<h1>Budget estimate 2027 published</h1>');
    expect(canonicalOf(english.body)).toBe('http://so-tai-chinh.localhost/en/tin/cong-khai-du-toan-2027');

    // The province's search finds it as its own content, at its address on the province site.
    const found = await h.t.client.get('/api/portal/search', { query: { q: 'du toan ngan sach 2027' }, headers: { 'x-cong-tenant': PROVINCE } });
    expect(found.status).toBe(200);
    expect(found.body.items).toContainEqual(expect.objectContaining({ url: accepted.provincePath, unitId: h.ids[PROVINCE] }));

    // Each unit's audit log holds its own steps.
    expect(await auditOf(A, proposed.id)).toEqual(['sites.syndication.propose']);
    expect(await auditOf(PROVINCE, proposed.id)).toEqual(['sites.syndication.accept']);
  });

  it('rejects with a reason the proposing unit sees; the article can then be proposed again', async () => {
    const article = await h.publish(A, { title: 'Thông báo nội bộ về lịch trực', slug: 'lich-truc-noi-bo' });
    const proposed = await propose(article.id);
    const blank = await board.post(`/api/sites/syndication/queue/${proposed.id}/reject`, { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '/reason' })]);
    const rejected = await board.post(`/api/sites/syndication/queue/${proposed.id}/reject`, { reason: 'Tin nội bộ, không phù hợp với Cổng tỉnh' });
    expect(rejected.status).toBe(200);

    const seen = await unitA.get(`/api/sites/syndication/proposals/${proposed.id}`);
    expect(seen.body).toMatchObject({ status: 'rejected', reason: 'Tin nội bộ, không phù hợp với Cổng tỉnh', provincePath: null });
    expect(seen.body.history.map((s: Proposal['history'][number]) => [s.action, s.remark])).toEqual([['propose', null], ['reject', 'Tin nội bộ, không phù hợp với Cổng tỉnh']]);
    expect((await unitA.get('/api/sites/syndication/proposals', { query: { status: 'rejected' } })).body.items.map((p: Proposal) => p.id)).toContain(proposed.id);
    expect((await h.page(PROVINCE, '/')).body).not.toContain('Thông báo nội bộ về lịch trực');
    expect((await propose(article.id)).status).toBe('proposed');
  });

  it('propagates a new published revision at the source, and hides the item while the source is being edited', async () => {
    const article = await h.publish(A, { title: 'Hướng dẫn quyết toán vốn đầu tư', slug: 'huong-dan-quyet-toan' });
    const accepted = await accept((await propose(article.id)).id);

    await h.reopen(A, article.id);
    expect((await h.page(PROVINCE, accepted.provincePath!)).status).toBe(404);
    expect((await h.page(PROVINCE, '/')).body).not.toContain('Hướng dẫn quyết toán vốn đầu tư');
    expect((await unitA.get(`/api/sites/syndication/proposals/${accepted.id}`)).body.status).toBe('accepted');

    const current = await h.as('phong-vien-so-tai-chinh', ['portal.content.write'], A).get(`/api/portal/articles/${article.id}`);
    const edited = await h.as('phong-vien-so-tai-chinh', ['portal.content.write'], A).patch(`/api/portal/articles/${article.id}`, { title: 'Hướng dẫn quyết toán vốn đầu tư (sửa đổi)', revision: current.body.revision });
    expect(edited.status).toBe(200);
    await h.as('phong-vien-so-tai-chinh', ['portal.content.write'], A).post(`/api/portal/articles/${article.id}/transitions/submit`, {});
    expect((await h.as('truong-ban-so-tai-chinh', ['portal.content.write', 'portal.content.approve'], A).post(`/api/portal/articles/${article.id}/transitions/approve`, {})).body.status).toBe('published');

    const shown = await h.page(PROVINCE, accepted.provincePath!);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('<h1>Hướng dẫn quyết toán vốn đầu tư (sửa đổi)</h1>');
    expect((await h.page(PROVINCE, '/')).body).toContain('Hướng dẫn quyết toán vốn đầu tư (sửa đổi)');
    const found = await h.t.client.get('/api/portal/search', { query: { q: 'quyet toan sua doi' }, headers: { 'x-cong-tenant': PROVINCE } });
    expect(found.body.items.map((i: { url: string }) => i.url)).toContain(accepted.provincePath);
  });

  it('withdraws the province\'s copy when the source article is withdrawn (410 at its address)', async () => {
    const article = await h.publish(A, { title: 'Kế hoạch kiểm tra tài chính 2027', slug: 'ke-hoach-kiem-tra-2027' });
    const accepted = await accept((await propose(article.id)).id);
    expect((await h.page(PROVINCE, accepted.provincePath!)).status).toBe(200);

    await h.archive(A, article.id);
    const gone = await h.page(PROVINCE, accepted.provincePath!);
    expect(gone.status).toBe(410);
    expect(canonicalOf(gone.body)).not.toBe('http://so-tai-chinh.localhost/tin/ke-hoach-kiem-tra-2027');
    expect((await h.page(PROVINCE, '/')).body).not.toContain('Kế hoạch kiểm tra tài chính 2027');
    expect((await h.page(PROVINCE, '/sitemap.xml')).body).not.toContain(accepted.provincePath!);
    const found = await h.t.client.get('/api/portal/search', { query: { q: 'ke hoach kiem tra tai chinh 2027' }, headers: { 'x-cong-tenant': PROVINCE } });
    expect(found.body.items.map((i: { url: string }) => i.url)).not.toContain(accepted.provincePath);

    const seen = (await unitA.get(`/api/sites/syndication/proposals/${accepted.id}`)).body as Proposal;
    expect(seen).toMatchObject({ status: 'withdrawn', provincePath: null });
    expect(seen.history.map((s) => [s.action, s.actorId])).toEqual([['propose', 'bien-tap-stc'], ['accept', 'ban-bien-tap'], ['source-withdraw', 'system']]);
    expect(await auditOf(A, accepted.id)).toEqual(['sites.syndication.propose', 'sites.syndication.source-withdraw']);
  });

  it('lets the unit withdraw its proposal and the province withdraw its acceptance, each with a reason on record', async () => {
    const first = await h.publish(A, { title: 'Tin đơn vị tự rút', slug: 'tin-tu-rut' });
    const byUnit = await accept((await propose(first.id)).id, {});
    expect(byUnit.categoryId).toBeNull();
    const withdrawn = await unitA.post(`/api/sites/syndication/proposals/${byUnit.id}/withdraw`, { remark: 'Số liệu cần cập nhật' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', reason: 'Số liệu cần cập nhật', provincePath: null });
    expect((await h.page(PROVINCE, byUnit.provincePath!)).status).toBe(410);

    const second = await h.publish(A, { title: 'Tin tỉnh gỡ xuống', slug: 'tin-tinh-go' });
    const accepted = await accept((await propose(second.id)).id);
    expect((await board.post(`/api/sites/syndication/queue/${accepted.id}/revoke`, {})).status).toBe(400);
    const revoked = await board.post(`/api/sites/syndication/queue/${accepted.id}/revoke`, { reason: 'Đã có văn bản thay thế' });
    expect(revoked.body).toMatchObject({ status: 'revoked', reason: 'Đã có văn bản thay thế' });
    expect((await h.page(PROVINCE, accepted.provincePath!)).status).toBe(410);
    expect((await unitA.get(`/api/sites/syndication/proposals/${accepted.id}`)).body).toMatchObject({ status: 'revoked', reason: 'Đã có văn bản thay thế' });
    expect(await auditOf(PROVINCE, accepted.id)).toEqual(['sites.syndication.accept', 'sites.syndication.revoke']);
    // The source article itself is untouched on its own site.
    expect((await h.page(A, '/tin/tin-tinh-go')).status).toBe(200);
  });

  it('refuses what cannot be proposed: drafts, another unit\'s articles, the province\'s own', async () => {
    const draft = await h.as('phong-vien-so-tai-chinh', ['portal.content.write'], A).post('/api/portal/articles', { title: 'Bản nháp', slug: 'ban-nhap-de-xuat' });
    const refused = await unitA.post('/api/sites/syndication/proposals', { articleId: draft.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SITES_ERR_ARTICLE_NOT_PUBLISHED');

    const ofB = await h.publish(B, { title: 'Tin của Sở Y tế', slug: 'tin-so-y-te' });
    const foreign = await unitA.post('/api/sites/syndication/proposals', { articleId: ofB.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ pointer: '/articleId' })]);

    const own = await h.publish(PROVINCE, { title: 'Tin của tỉnh', slug: 'tin-cua-tinh' });
    const atProvince = await h.as('bien-tap-tinh', [PROPOSE], PROVINCE).post('/api/sites/syndication/proposals', { articleId: own.id });
    expect(atProvince.status).toBe(409);
    expect(atProvince.body.code).toBe('SITES_ERR_PROPOSER_IS_PROVINCE');

    // A unit two levels down proposes to the province too (the root of its tree).
    const office = await h.publish(A_OFFICE, { title: 'Tin của Phòng Ngân sách', slug: 'tin-phong-ngan-sach' });
    const fromOffice = await h.as('bien-tap-pns', [PROPOSE], A_OFFICE).post('/api/sites/syndication/proposals', { articleId: office.id });
    expect(fromOffice.status).toBe(201);
    expect(fromOffice.body.province.slug).toBe(PROVINCE);
  });

  it('keeps proposals to their units: permissions answer 403, other units\' proposals 404', async () => {
    const article = await h.publish(A, { title: 'Tin kiểm tra quyền', slug: 'tin-kiem-tra-quyen' });
    const proposed = await propose(article.id);
    const noPermission = h.as('khach', ['portal.content.write'], A);
    for (const [method, path] of [
      ['GET', '/api/sites/syndication/proposals'],
      ['POST', '/api/sites/syndication/proposals'],
      ['GET', `/api/sites/syndication/proposals/${proposed.id}`],
      ['POST', `/api/sites/syndication/proposals/${proposed.id}/withdraw`],
      ['GET', '/api/sites/published-articles'],
    ] as const) {
      const res = await noPermission.request(method, path, method === 'POST' ? { body: { articleId: article.id } } : {});
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const proposerAtQueue = await unitA.get('/api/sites/syndication/queue');
    expect(proposerAtQueue.status).toBe(403);

    // B (a sibling with every permission) reaches neither A's proposal nor the province's queue.
    const unitB = h.as('bien-tap-syt', [PROPOSE, REVIEW], B);
    expect((await unitB.get(`/api/sites/syndication/proposals/${proposed.id}`)).status).toBe(404);
    expect((await unitB.post(`/api/sites/syndication/proposals/${proposed.id}/withdraw`, {})).status).toBe(404);
    expect((await unitB.get(`/api/sites/syndication/queue/${proposed.id}`)).status).toBe(404);
    expect((await unitB.post(`/api/sites/syndication/queue/${proposed.id}/accept`, {})).status).toBe(404);
    expect((await unitB.post(`/api/sites/syndication/queue/${proposed.id}/reject`, { reason: 'từ B' })).status).toBe(404);
    expect((await unitB.get('/api/sites/syndication/queue')).body.items).toEqual([]);
    // The proposing unit cannot decide its own proposal from its own unit either.
    expect((await h.as('bien-tap-stc', [PROPOSE, REVIEW], A).post(`/api/sites/syndication/queue/${proposed.id}/accept`, {})).status).toBe(404);
    expect((await unitA.get(`/api/sites/syndication/proposals/${proposed.id}`)).body.status).toBe('proposed');
  });
});
