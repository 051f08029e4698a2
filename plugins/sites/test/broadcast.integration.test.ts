import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestClient } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { A, A_OFFICE, A_TEAM, B, canonicalOf, PROVINCE, startSyndicationPlatform, type Harness } from './syndication-support.js';

const PUBLISH = 'sites.broadcast.publish';

interface Broadcast {
  id: string;
  status: string;
  scope: string;
  root: { slug: string };
  targetCount: number;
  endCause: string | null;
  endReason: string | null;
  targets: { unit: { slug: string }; path: string; removedAt: string | null }[];
}

describeEachDialect('sites: broadcast down to a subtree (TEN-07, TEN-08)', (dialect) => {
  let h: Harness;
  let province: TestClient; // the province's editors who send
  const send = async (client: TestClient, body: Record<string, unknown>): Promise<Broadcast> => {
    const res = await client.post('/api/sites/broadcasts', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Broadcast;
  };
  const pathOn = (b: Broadcast, unit: string) => b.targets.find((x) => x.unit.slug === unit)!.path;

  beforeAll(async () => {
    h = await startSyndicationPlatform(dialect);
    province = h.as('van-phong-tinh', [PUBLISH], PROVINCE);
  });
  afterAll(async () => h?.t.stop());

  it('reaches exactly the chosen subtree, marked as provincial content, and the sender alone ends it', async () => {
    const notice = await h.publish(PROVINCE, { title: 'Thông báo nghỉ Tết Nguyên đán 2027', slug: 'nghi-tet-2027', summary: 'Lịch nghỉ Tết của các cơ quan.' });
    const units = await province.get('/api/sites/broadcasts/units');
    expect(units.status).toBe(200);
    expect(units.body.items).toContainEqual(expect.objectContaining({ slug: A_TEAM, parentId: h.ids[A_OFFICE] }));

    const sent = await send(province, { articleId: notice.id, scope: 'subtree', rootId: h.ids[A], note: 'Thông báo bắt buộc' });
    expect(sent).toMatchObject({ status: 'active', scope: 'subtree', root: { slug: A }, targetCount: 3 });
    expect(sent.targets.map((x) => x.unit.slug).sort()).toEqual([A, A_OFFICE, A_TEAM].sort());

    for (const unit of [A, A_OFFICE, A_TEAM]) {
      const home = await h.page(unit, '/');
      expect(home.body, unit).toContain('Thông báo nghỉ Tết Nguyên đán 2027');
      expect(home.body, unit).toContain('<span class="provincial" data-linked="broadcast">Tin từ Tỉnh Quảng Trị</span>');
      expect(home.body, unit).toContain(`href="/t/${unit}${pathOn(sent, unit)}"`);
      expect((await h.page(unit, '/rss.xml')).body, unit).toContain('Thông báo nghỉ Tết Nguyên đán 2027');
      const item = await h.page(unit, pathOn(sent, unit));
      expect(item.status, unit).toBe(200);
      expect(item.body).toContain('Tin từ Tỉnh Quảng Trị');
      expect(canonicalOf(item.body)).toBe('http://localhost/tin/nghi-tet-2027');
    }
    for (const unit of [B, PROVINCE]) expect((await h.page(unit, '/')).body, unit).not.toContain('data-linked="broadcast"');

    // A receiving unit can neither edit nor remove it: the broadcast and the article are not its own.
    const receiver = h.as('quan-tri-stc', [PUBLISH, 'portal.content.write', 'portal.content.approve'], A);
    expect((await receiver.get(`/api/sites/broadcasts/${sent.id}`)).status).toBe(404);
    expect((await receiver.post(`/api/sites/broadcasts/${sent.id}/end`, {})).status).toBe(404);
    expect((await receiver.get('/api/sites/broadcasts')).body.items).toEqual([]);
    expect((await receiver.patch(`/api/portal/articles/${notice.id}`, { title: 'Sửa từ Sở' })).status).toBe(404);
    expect((await receiver.post(`/api/portal/articles/${notice.id}/transitions/archive`, {})).status).toBe(404);
    expect((await h.page(A, pathOn(sent, A))).status).toBe(200);

    // A receiving unit's search finds it as its own content; the province-wide search finds it once, at its source.
    const search = (unit: string, query: Record<string, string>) => h.t.client.get('/api/portal/search', { query, headers: { 'x-cong-tenant': unit } });
    const atUnit = await search(A_TEAM, { q: 'nghi tet nguyen dan 2027' });
    expect(atUnit.body.items.map((i: { url: string }) => i.url)).toEqual([pathOn(sent, A_TEAM)]);
    const everywhere = await search(PROVINCE, { q: 'nghi tet nguyen dan 2027', allUnits: 'true' });
    expect(everywhere.status, JSON.stringify(everywhere.body)).toBe(200);
    expect(everywhere.body.items.map((i: { unitId: string; url: string }) => [i.unitId, i.url])).toEqual([[h.ids[PROVINCE], '/tin/nghi-tet-2027']]);
    expect(everywhere.body.facets.units.map((u: { slug: string; count: number }) => [u.slug, u.count])).toEqual([[PROVINCE, 1]]);

    // Edits at the source show everywhere.
    await h.republish(PROVINCE, notice.id, { title: 'Thông báo nghỉ Tết Nguyên đán 2027 (điều chỉnh)' });
    for (const unit of [A, A_OFFICE, A_TEAM]) expect((await h.page(unit, pathOn(sent, unit))).body, unit).toContain('<h1>Thông báo nghỉ Tết Nguyên đán 2027 (điều chỉnh)</h1>');

    const ended = await province.post(`/api/sites/broadcasts/${sent.id}/end`, { reason: 'Hết thời hạn thông báo' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endCause: 'sender', endReason: 'Hết thời hạn thông báo' });
    expect((ended.body as Broadcast).targets.every((x) => x.removedAt !== null)).toBe(true);
    for (const unit of [A, A_OFFICE, A_TEAM]) {
      expect((await h.page(unit, pathOn(sent, unit))).status, unit).toBe(410);
      expect((await h.page(unit, '/')).body, unit).not.toContain('Thông báo nghỉ Tết Nguyên đán 2027');
    }
    expect((await province.post(`/api/sites/broadcasts/${sent.id}/end`, {})).body.code).toBe('SITES_ERR_BROADCAST_ENDED');
    const audit = await h.as('kiem-toan', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: sent.id, limit: 10 } });
    expect((audit.body.items as { action: string; actorId: string }[]).map((e) => [e.action, e.actorId]).sort()).toEqual([['sites.broadcast.end', 'van-phong-tinh'], ['sites.broadcast.publish', 'van-phong-tinh']]);
  });

  it('lets any unit send to its own subtree only; one active broadcast per article', async () => {
    const circular = await h.publish(A, { title: 'Hướng dẫn lập dự toán cho các phòng', slug: 'huong-dan-lap-du-toan' });
    const sender = h.as('van-phong-stc', [PUBLISH], A);
    const sideways = await sender.post('/api/sites/broadcasts', { articleId: circular.id, scope: 'subtree', rootId: h.ids[B] });
    expect(sideways.status).toBe(400);
    expect(sideways.body.code).toBe('SITES_ERR_BROADCAST_SCOPE');
    const upwards = await sender.post('/api/sites/broadcasts', { articleId: circular.id, scope: 'subtree', rootId: PROVINCE });
    expect(upwards.body.code).toBe('SITES_ERR_BROADCAST_SCOPE');
    const rootless = await sender.post('/api/sites/broadcasts', { articleId: circular.id, scope: 'subtree' });
    expect(rootless.status).toBe(400);
    expect(rootless.body.errors).toEqual([expect.objectContaining({ pointer: '/rootId' })]);

    const sent = await send(sender, { articleId: circular.id, scope: 'all' });
    expect(sent.targets.map((x) => x.unit.slug).sort()).toEqual([A_OFFICE, A_TEAM].sort());
    expect((await h.page(A_TEAM, pathOn(sent, A_TEAM))).body).toContain('Tin từ Sở Tài chính');
    const twice = await sender.post('/api/sites/broadcasts', { articleId: circular.id, scope: 'subtree', rootId: A_TEAM });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SITES_ERR_ALREADY_BROADCAST');
    expect((await sender.get('/api/sites/published-articles')).body.items.find((a: { id: string }) => a.id === circular.id).broadcast).toEqual({ id: sent.id });

    const leaf = await h.publish(A_TEAM, { title: 'Tin của tổ', slug: 'tin-cua-to' });
    const nobody = await h.as('to-truong', [PUBLISH], A_TEAM).post('/api/sites/broadcasts', { articleId: leaf.id, scope: 'all' });
    expect(nobody.status).toBe(409);
    expect(nobody.body.code).toBe('SITES_ERR_BROADCAST_NO_TARGETS');
    const draft = await h.as('phong-vien-so-tai-chinh', ['portal.content.write'], A).post('/api/portal/articles', { title: 'Nháp', slug: 'nhap-gui-xuong' });
    expect((await sender.post('/api/sites/broadcasts', { articleId: draft.body.id, scope: 'all' })).body.code).toBe('SITES_ERR_ARTICLE_NOT_PUBLISHED');
  });

  it('ends the broadcast when the source article is withdrawn', async () => {
    const alert = await h.publish(PROVINCE, { title: 'Cảnh báo mưa lớn diện rộng', slug: 'canh-bao-mua-lon' });
    const sent = await send(province, { articleId: alert.id, scope: 'subtree', rootId: A_OFFICE });
    expect(sent.targetCount).toBe(2);
    await h.archive(PROVINCE, alert.id);
    const after = (await province.get(`/api/sites/broadcasts/${sent.id}`)).body as Broadcast;
    expect(after).toMatchObject({ status: 'ended', endCause: 'source-withdrawn' });
    expect((await h.page(A_OFFICE, pathOn(sent, A_OFFICE))).status).toBe(410);
    expect((await province.get('/api/sites/broadcasts', { query: { status: 'ended' } })).body.items.map((b: Broadcast) => b.id)).toContain(sent.id);
  });

  it('needs sites.broadcast.publish in the sending unit', async () => {
    const article = await h.publish(PROVINCE, { title: 'Tin thử quyền gửi', slug: 'tin-thu-quyen-gui' });
    const editor = h.as('bien-tap-tinh', ['portal.content.write', 'sites.syndication.propose'], PROVINCE);
    for (const [method, path] of [
      ['GET', '/api/sites/broadcasts'],
      ['POST', '/api/sites/broadcasts'],
      ['GET', '/api/sites/broadcasts/units'],
    ] as const) {
      const res = await editor.request(method, path, method === 'POST' ? { body: { articleId: article.id, scope: 'all' } } : {});
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await h.as('khach', ['portal.content.write'], PROVINCE).get('/api/sites/published-articles')).status).toBe(403);
  });
  it('reaches units that join the scope later: a new unit below, or one moved in with its subtree', async () => {
    const notice = await h.publish(PROVINCE, { title: 'Lịch tiếp công dân quý I', slug: 'lich-tiep-cong-dan-quy-1' });
    const sent = await send(province, { articleId: notice.id, scope: 'subtree', rootId: A_OFFICE });
    expect(sent.targetCount).toBe(2);
    const admin = h.t.client.as({ id: 'quan-tri', permissions: ['core.tenants.manage'] });
    const created = await admin.post('/api/core/tenants', { slug: 'to-quyet-toan', nameVi: 'Tổ Quyết toán', kind: 'department', parentId: h.ids[A_OFFICE] });
    expect(created.status).toBe(201);
    // Outside the subtree: B's new office does not receive it; moved under A's office, it does.
    const elsewhere = await admin.post('/api/core/tenants', { slug: 'phong-kiem-tra', nameVi: 'Phòng Kiểm tra', kind: 'department', parentId: h.ids[B] });
    const after = (await province.get(`/api/sites/broadcasts/${sent.id}`)).body as Broadcast;
    expect(after.targets.map((x) => x.unit.slug).sort()).toEqual([A_OFFICE, A_TEAM, 'to-quyet-toan'].sort());
    expect(after.targetCount).toBe(3);
    expect((await h.page('to-quyet-toan', pathOn(after, 'to-quyet-toan'))).body).toContain('Lịch tiếp công dân quý I');
    expect((await admin.post(`/api/core/tenants/${elsewhere.body.id}/move`, { parentId: h.ids[A_OFFICE] })).status).toBe(200);
    const moved = (await province.get(`/api/sites/broadcasts/${sent.id}`)).body as Broadcast;
    expect(moved.targets.map((x) => x.unit.slug)).toContain('phong-kiem-tra');
    expect(moved.targetCount).toBe(4);
  });
});
