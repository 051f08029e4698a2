import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

// The vendor plugin on a real core and database, with the portal it contributes to: staff enter and
// publish notices through the API; the public reads them on the unit's site, in the Atom feed, in the
// widget's JSON and on the portal home page; other units, anonymous callers and bad input are refused.
const PORTAL = fileURLToPath(new URL('../../../plugins/portal', import.meta.url));
const PROCUREMENT = fileURLToPath(new URL('..', import.meta.url));
const FINANCE = 'so-tai-chinh';
const JUSTICE = 'so-tu-phap';
const MANAGE = 'procurement.manage';
const PUBLISH = 'procurement.publish';

function unitClient(t: TestPlatform, permissions: string[], unit: string): TestClient {
  const client = t.client.as({ id: `staff-${unit}`, permissions });
  const headers = { 'x-cong-tenant': unit };
  return {
    ...client,
    request: (m, p, o = {}) => client.request(m, p, { ...o, headers: { ...headers, ...o.headers } }),
    get: (p, o = {}) => client.get(p, { ...o, headers: { ...headers, ...o.headers } }),
    post: (p, b, o = {}) => client.post(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    patch: (p, b, o = {}) => client.patch(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    put: (p, b, o = {}) => client.put(p, b, { ...o, headers: { ...headers, ...o.headers } }),
    delete: (p, o = {}) => client.delete(p, { ...o, headers: { ...headers, ...o.headers } }),
  };
}

const road = {
  kind: 'project',
  name: 'Nâng cấp đường tỉnh 582 đoạn Đông Hà – Cửa Việt',
  objective: 'Mở rộng mặt đường lên 12 m, dài 14,5 km; hoàn thành năm 2027.',
  field: 'Giao thông',
  projectGroup: 'group-b',
  startOn: '2025-03-01',
  endOn: '2027-12-31',
  budgetVnd: 450_000_000_000,
  funding: 'state-budget',
  status: 'in-progress',
};

describeEachDialect('procurement notices (vendor example)', (dialect) => {
  let t: TestPlatform;
  let finance: TestClient;
  let clerk: TestClient;
  let justice: TestClient;
  let roadId: string;

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [PORTAL, PROCUREMENT], database: dialect, config: { demo: true } });
    expect(t.report.plugins.map((p) => [p.id, p.state])).toEqual(expect.arrayContaining([['portal', 'started'], ['procurement', 'started']]));
    finance = unitClient(t, [MANAGE, PUBLISH], FINANCE);
    clerk = unitClient(t, [MANAGE], FINANCE);
    justice = unitClient(t, [MANAGE, PUBLISH], JUSTICE);
  });
  afterAll(async () => t?.stop());

  it('creates a draft with a slug made from the Vietnamese name', async () => {
    const res = await clerk.post('/api/procurement/notices', road);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ slug: 'nang-cap-duong-tinh-582-doan-dong-ha-cua-viet', budgetVnd: 450_000_000_000, publishedAt: null, projectGroup: 'group-b' });
    roadId = res.body.id;
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const unknown = await clerk.post('/api/procurement/notices', { ...road, colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('colour');
    const dates = await clerk.post('/api/procurement/notices', { ...road, name: 'Đường mới', startOn: '2026-05-01', endOn: '2026-01-01' });
    expect(dates.status).toBe(400);
    expect(dates.body.code).toBe('PROCUREMENT_ERR_DATES');
    expect(JSON.stringify(dates.body)).toContain('/endOn');
    const tender = await clerk.post('/api/procurement/notices', { ...road, name: 'Gói thầu số 5', kind: 'tender', status: 'open' });
    expect(tender.status).toBe(400);
    expect(tender.body.code).toBe('PROCUREMENT_ERR_TENDER_CLOSE');
    const clash = await clerk.post('/api/procurement/notices', { ...road, slug: 'nang-cap-duong-tinh-582-doan-dong-ha-cua-viet' });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('PROCUREMENT_ERR_SLUG_TAKEN');
    expect((await clerk.get('/api/procurement/notices')).body.total).toBe(1);
  });

  it('needs the permissions: manage to write, publish to make public', async () => {
    expect((await t.client.post('/api/procurement/notices', road, { headers: { 'x-cong-tenant': FINANCE } })).status).toBe(401);
    expect((await unitClient(t, [], FINANCE).post('/api/procurement/notices', road)).status).toBe(403);
    const publish = await clerk.post(`/api/procurement/notices/${roadId}/publish`, undefined);
    expect(publish.status).toBe(403);
    expect(publish.body.code).toBe('CONG_ERR_FORBIDDEN');
  });

  it('keeps units apart: another unit gets 404 for every route on the notice', async () => {
    expect((await justice.get(`/api/procurement/notices/${roadId}`)).status).toBe(404);
    expect((await justice.patch(`/api/procurement/notices/${roadId}`, { status: 'completed' })).status).toBe(404);
    expect((await justice.post(`/api/procurement/notices/${roadId}/publish`, undefined)).status).toBe(404);
    expect((await justice.delete(`/api/procurement/notices/${roadId}`)).status).toBe(404);
    expect((await justice.get('/api/procurement/notices')).body.total).toBe(0);
  });

  it('shows nothing publicly before publication', async () => {
    expect((await t.client.get(`/t/${FINANCE}/mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet`)).status).toBe(404);
    expect((await t.client.get(`/t/${FINANCE}/procurement/notices`)).body.total).toBe(0);
  });

  it('publishes: the list, the detail page, the feed, the widget JSON and the portal home page show it', async () => {
    const home = await t.client.get(`/t/${FINANCE}/`);
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('Đông Hà – Cửa Việt');

    const published = await finance.post(`/api/procurement/notices/${roadId}/publish`, undefined);
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toMatch(/^\d{4}-/);

    const list = await t.client.get(`/t/${FINANCE}/mua-sam-cong`, { query: { q: 'dong ha cua viet' } });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/text\/html/);
    expect(list.text).toContain(`href="/t/${FINANCE}/mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet"`);
    expect(list.text).toContain('1 kết quả');

    const detail = await t.client.get(`/t/${FINANCE}/mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet`);
    expect(detail.status).toBe(200);
    for (const shown of ['Dự án nhóm B', 'Ngân sách nhà nước', '450.000.000.000 đồng', '01/03/2025 – 31/12/2027', 'Đang thực hiện', 'Giao thông']) expect(detail.text).toContain(shown);
    expect(detail.text).toContain('"@type":"GovernmentService"');

    const feed = await t.client.get(`/t/${FINANCE}/mua-sam-cong/feed.atom`);
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    expect(feed.text).toMatch(/<entry>\s*<id>http:\/\/[^<]+\/t\/so-tai-chinh\/mua-sam-cong\/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet<\/id>/);

    const json = await t.client.get(`/t/${FINANCE}/procurement/notices`, { query: { kind: 'project' } });
    expect(json.body).toMatchObject({ total: 1, items: [{ name: road.name, budgetVnd: 450_000_000_000, funding: 'state-budget' }] });
    expect(Object.keys(json.body.items[0])).not.toContain('createdAt');

    // The portal dropped the unit's cached home page on the event: the block shows at once.
    const after = await t.client.get(`/t/${FINANCE}/`);
    expect(after.text).toContain('Đầu tư công, mua sắm công');
    expect(after.text).toContain('href="mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet"');
  });

  it('the search finds words with or without diacritics, and other units\' sites do not show the notice', async () => {
    for (const q of ['Đông Hà', 'dong ha', 'DUONG TINH 582']) {
      expect((await t.client.get(`/t/${FINANCE}/procurement/notices`, { query: { q } })).body.total, q).toBe(1);
    }
    expect((await t.client.get(`/t/${FINANCE}/procurement/notices`, { query: { q: '100%' } })).body.total).toBe(0);
    expect((await t.client.get(`/t/${JUSTICE}/procurement/notices`)).body.total).toBe(0);
    expect((await t.client.get(`/t/${JUSTICE}/mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet`)).status).toBe(404);
  });

  it('refuses to delete a public notice; unpublished, it leaves the site and can be deleted', async () => {
    const refused = await finance.delete(`/api/procurement/notices/${roadId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PROCUREMENT_ERR_PUBLISHED');
    expect((await finance.post(`/api/procurement/notices/${roadId}/unpublish`, undefined)).body.publishedAt).toBeNull();
    expect((await t.client.get(`/t/${FINANCE}/mua-sam-cong/nang-cap-duong-tinh-582-doan-dong-ha-cua-viet`)).status).toBe(404);
    expect((await t.client.get(`/t/${FINANCE}/`)).text).not.toContain('mua-sam-cong/nang-cap');
    expect((await finance.delete(`/api/procurement/notices/${roadId}`)).status).toBe(204);
    expect((await finance.get(`/api/procurement/notices/${roadId}`)).status).toBe(404);
  });
});
