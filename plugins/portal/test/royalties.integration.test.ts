import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { periodOf, periodRange } from '../src/royalties/royalty.repository.js';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const MANAGE = 'portal.royalties.manage';

it('puts a time into its month in Vietnam time, and a month back into its range', () => {
  expect(periodOf(Date.parse('2026-11-30T17:30:00Z'))).toBe('2026-12'); // 00:30 on 1 December in Hà Nội
  expect(periodOf(Date.parse('2026-11-30T16:59:59Z'))).toBe('2026-11');
  expect(periodRange('2026-12')).toEqual([Date.parse('2026-11-30T17:00:00Z'), Date.parse('2026-12-31T17:00:00Z')]);
});

describeEachDialect('portal royalties', (dialect) => {
  let t: TestPlatform;
  const inUnit = (id: string, permissions: string[], tenant = A): TestClient => inTenant(t.client.as({ id, permissions }), tenant);
  let office: TestClient; // the editorial office: records royalties
  let chief: TestClient; // approves
  let writer: TestClient;
  let article: { id: string; title: string };
  let period: string;

  const publish = async (title: string, unit = A) => {
    const author = inUnit('phong-vien', ['portal.content.write'], unit);
    const approver = inUnit('truong-ban', ['portal.content.write', 'portal.content.approve'], unit);
    const res = await author.post('/api/portal/articles', { title, summary: 'Tóm tắt', body: '<p>Nội dung</p>' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await author.post(`/api/portal/articles/${res.body.id}/transitions/submit`, {})).status).toBe(200);
    expect((await approver.post(`/api/portal/articles/${res.body.id}/transitions/approve`)).body.status).toBe('published');
    return res.body as { id: string; title: string };
  };
  const setUnitValue = async (value: number | null, unit = A) => {
    const admin = inUnit('quan-tri', ['core.settings.manage'], unit);
    const res = await admin.put('/api/core/plugins/portal/settings', { values: value === null ? {} : { royaltyUnitValueVnd: value } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const record = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/portal/royalties', { articleId: article.id, recipient: { name: 'Nguyễn Văn An', userId: 'phong-vien' }, role: 'author', genre: 'bai-viet', coefficient: 12.5, ...body });

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    office = inUnit('van-phong', [MANAGE, 'portal.content.write']);
    chief = inUnit('truong-ban', [MANAGE]);
    writer = inUnit('phong-vien', ['portal.content.write', MANAGE]);
    article = await publish('Hội nghị tổng kết công tác năm 2026');
    period = periodOf(Date.now());
  });
  afterAll(async () => t?.stop());

  it('asks for the unit value first, refuses drafts, then prices a royalty at coefficient × unit value', async () => {
    const unset = await record(office, {});
    expect(unset.status).toBe(409);
    expect(unset.body.code).toBe('PORTAL_ERR_ROYALTY_UNIT_VALUE');
    await setUnitValue(100_000);

    const draft = await office.post('/api/portal/articles', { title: 'Bản nháp', summary: 'x', body: '<p>x</p>' });
    const refused = await office.post('/api/portal/royalties', { articleId: draft.body.id, recipient: { name: 'X' }, role: 'author', genre: 'tin', coefficient: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PORTAL_ERR_ROYALTY_NOT_PUBLISHED');

    const res = await record(office, {});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      subject: { kind: 'article', id: article.id, title: article.title },
      period,
      recipient: { name: 'Nguyễn Văn An', userId: 'phong-vien' },
      coefficient: 12.5,
      unitValueVnd: 100_000,
      amountVnd: 1_250_000,
      status: 'proposed',
      createdBy: 'van-phong',
    });
  });

  it('validates the input, naming the field', async () => {
    for (const [body, pointer] of [
      [{ coefficient: 0 }, '/coefficient'],
      [{ coefficient: 1.234 }, '/coefficient'],
      [{ genre: 'tieu-thuyet' }, '/genre'],
      [{ role: 'boss' }, '/role'],
      [{ recipient: { name: '' } }, '/recipient/name'],
      [{ amountVnd: 1 }, '/amountVnd'],
    ] as const) {
      const res = await record(office, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer), JSON.stringify(body)).toContain(pointer);
    }
  });

  it('keeps recorded amounts when the unit value changes; a change while proposed prices again', async () => {
    const first = (await office.get(`/api/portal/royalties?articleId=${article.id}`)).body.items[0];
    await setUnitValue(120_000);
    expect((await office.get(`/api/portal/royalties/${first.id}`)).body.amountVnd).toBe(1_250_000);
    const changed = await office.patch(`/api/portal/royalties/${first.id}`, { coefficient: 10 });
    expect(changed.body).toMatchObject({ coefficient: 10, unitValueVnd: 120_000, amountVnd: 1_200_000 });
  });

  it('is approved by someone other than the recipient and the recorder, then paid; each step is final', async () => {
    const id = (await office.get(`/api/portal/royalties?articleId=${article.id}`)).body.items[0].id as string;
    for (const self of [writer, office]) {
      const own = await self.post(`/api/portal/royalties/${id}/approve`);
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('PORTAL_ERR_ROYALTY_OWN');
    }
    expect((await office.post(`/api/portal/royalties/${id}/paid`)).body.code).toBe('PORTAL_ERR_ROYALTY_STATE');
    const approved = await chief.post(`/api/portal/royalties/${id}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'truong-ban' });
    expect((await office.patch(`/api/portal/royalties/${id}`, { coefficient: 20 })).status).toBe(409);
    expect((await office.delete(`/api/portal/royalties/${id}`)).status).toBe(409);
    expect((await office.post(`/api/portal/royalties/${id}/paid`)).body.status).toBe('paid');
    expect((await office.post(`/api/portal/royalties/${id}/approve`)).status).toBe(409);
    const audit = await inUnit('kiem-tra', ['core.audit.read']).get('/api/core/audit?actionPrefix=portal.royalty&limit=50');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['portal.royalty.create', 'portal.royalty.update', 'portal.royalty.approve', 'portal.royalty.paid']));
  });

  it('sums a period by recipient, lists published articles still without a royalty, and exports a safe CSV', async () => {
    const second = await publish('Tin chưa tính nhuận bút');
    const formula = await record(office, { recipient: { name: '=HYPERLINK("http://x")' }, role: 'photographer', genre: 'anh', coefficient: 2 });
    expect(formula.status).toBe(201);
    const summary = await office.get(`/api/portal/royalties/summary?period=${period}`);
    expect(summary.status).toBe(200);
    expect(summary.body.unitValueVnd).toBe(120_000);
    expect(summary.body.recipients).toEqual(expect.arrayContaining([
      { name: 'Nguyễn Văn An', userId: 'phong-vien', items: 1, proposedVnd: 0, approvedVnd: 0, paidVnd: 1_200_000 },
      { name: '=HYPERLINK("http://x")', userId: null, items: 1, proposedVnd: 240_000, approvedVnd: 0, paidVnd: 0 },
    ]));
    expect(summary.body.totalVnd).toBe(1_440_000);
    expect(summary.body.unrecorded.map((a: { id: string }) => a.id)).toContain(second.id);
    expect(summary.body.unrecorded.map((a: { id: string }) => a.id)).not.toContain(article.id);

    const csv = await office.get(`/api/portal/royalties.csv?period=${period}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="nhuan-but-${period}.csv"`);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFF?Người nhận,Vai trò,Thể loại,Tin bài,Ngày đăng,Hệ số/); // fetch's text() drops the byte-order mark
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")",photographer,anh`);
    expect(csv.text).toContain('Nguyễn Văn An,author,bai-viet,Hội nghị tổng kết công tác năm 2026');
    expect((await office.get('/api/portal/royalties/summary?period=2026-13')).status).toBe(400);
  });

  it('keeps each unit\'s royalties to itself (404) and asks for the permission (403)', async () => {
    const id = (await office.get(`/api/portal/royalties?articleId=${article.id}`)).body.items[0].id as string;
    const other = inUnit('van-phong-b', [MANAGE], B);
    expect((await other.get(`/api/portal/royalties/${id}`)).status).toBe(404);
    expect((await other.post(`/api/portal/royalties/${id}/approve`)).status).toBe(404);
    expect((await other.get('/api/portal/royalties')).body.total).toBe(0);
    expect((await other.post('/api/portal/royalties', { articleId: article.id, recipient: { name: 'X' }, role: 'author', genre: 'tin', coefficient: 1 })).status).toBe(404);
    expect((await other.get(`/api/portal/royalties.csv?period=${period}`)).text).not.toContain('Nguyễn Văn An');
    const none = inUnit('phong-vien-2', ['portal.content.write']);
    expect((await none.get('/api/portal/royalties')).status).toBe(403);
    expect((await none.post(`/api/portal/royalties/${id}/approve`)).status).toBe(403);
  });
});
