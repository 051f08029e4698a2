import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const PROVINCE = 'quang-tri';
const A = 'so-tai-chinh';
const B = 'so-y-te';
const HOUR = 3_600_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();

describeEachDialect('portal emergency alerts', (dialect) => {
  let t: TestPlatform;
  const approver = (tenant: string): TestClient => inTenant(t.client.as({ id: `duyet-${tenant}`, permissions: ['portal.content.approve'] }), tenant);
  const post = async (tenant: string, body: Record<string, unknown>) => {
    const res = await approver(tenant).post('/api/portal/alerts', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; state: string };
  };
  const active = async (tenant: string, lang = 'vi') => {
    const res = await t.client.get(`/t/${tenant}/api/portal/public/alerts?lang=${lang}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res;
  };
  const messages = async (tenant: string) => (await active(tenant)).body.items.map((a: { message: string }) => a.message);

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
  });
  afterAll(async () => t?.stop());

  it('needs the approve permission to manage alerts', async () => {
    const writer = inTenant(t.client.as({ id: 'phong-vien', permissions: ['portal.content.write'] }), A);
    expect((await writer.post('/api/portal/alerts', { message: { vi: 'x' }, severity: 'info' })).status).toBe(403);
    expect((await writer.get('/api/portal/alerts')).status).toBe(403);
    expect((await t.client.post('/api/portal/alerts', { message: { vi: 'x' }, severity: 'info' }, { headers: { 'x-cong-tenant': A } })).status).toBe(401);
  });

  it('refuses invalid alerts, naming the fields', async () => {
    const res = await approver(A).post('/api/portal/alerts', { message: { vi: '' }, severity: 'critical', scope: 'world', colour: 'red' });
    expect(res.status).toBe(400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/message/vi', '/severity', '/scope']));
    const window = await approver(A).post('/api/portal/alerts', { message: { vi: 'Bão số 3' }, severity: 'danger', startsAt: at(HOUR), endsAt: at(-HOUR) });
    expect(window.status).toBe(400);
    expect(window.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/endsAt']);
    const blank = await approver(A).post('/api/portal/alerts', { message: { vi: '   ' }, severity: 'info' });
    expect(blank.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/message/vi']);
  });

  it('shows an alert only within its window, and ends it now on request; writes are audited', async () => {
    const now = await post(A, { message: { vi: 'Mất điện khu vực trung tâm', en: 'Power outage downtown' }, severity: 'warning', endsAt: at(HOUR) });
    expect(now.state).toBe('active');
    const later = await post(A, { message: { vi: 'Bảo trì hệ thống tối nay' }, severity: 'info', startsAt: at(2 * HOUR) });
    expect(later.state).toBe('scheduled');
    const past = await post(A, { message: { vi: 'Đã qua' }, severity: 'info', startsAt: at(-2 * HOUR), endsAt: at(-HOUR) });
    expect(past.state).toBe('ended');

    const res = await active(A);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.body.items).toEqual([
      { id: now.id, message: 'Mất điện khu vực trung tâm', lang: 'vi', severity: 'warning', startsAt: expect.any(String), endsAt: expect.any(String), unit: { slug: A, name: 'Sở Tài chính' } },
    ]);
    const en = await active(A, 'en');
    expect(en.body.items[0]).toMatchObject({ message: 'Power outage downtown', lang: 'en', unit: { name: 'Department of Finance' } });

    const list = await approver(A).get('/api/portal/alerts', { query: { state: 'scheduled' } });
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([later.id]);
    expect((await approver(A).get('/api/portal/alerts')).body.total).toBe(3);

    const moved = await approver(A).patch(`/api/portal/alerts/${later.id}`, { startsAt: at(-60_000), severity: 'danger' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ state: 'active', severity: 'danger' });
    expect(await messages(A)).toEqual(['Bảo trì hệ thống tối nay', 'Mất điện khu vực trung tâm']); // danger first
    const badPatch = await approver(A).patch(`/api/portal/alerts/${later.id}`, { endsAt: at(-HOUR) });
    expect(badPatch.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/endsAt']);

    const ended = await approver(A).post(`/api/portal/alerts/${now.id}/end`);
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.state).toBe('ended');
    expect(await messages(A)).toEqual(['Bảo trì hệ thống tối nay']);
    expect((await approver(B).post(`/api/portal/alerts/${later.id}/end`)).status).toBe(404); // another unit's

    const audit = await inTenant(t.client.as({ id: 'kiem-toan', permissions: ['core.audit.read'] }), A).get('/api/core/audit', { query: { objectId: now.id, limit: 50 } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['portal.alert.create', 'portal.alert.end']));
    await approver(A).post(`/api/portal/alerts/${later.id}/end`);
  });

  it('inherits subtree alerts of the units above, never unit-only ones nor a sibling\'s', async () => {
    await post(PROVINCE, { message: { vi: 'Bão số 3 đổ bộ: hạn chế ra đường' }, severity: 'danger', scope: 'subtree' });
    await post(PROVINCE, { message: { vi: 'Chỉ trên cổng tỉnh' }, severity: 'info' });
    await post(B, { message: { vi: 'Sở Y tế: toàn ngành' }, severity: 'warning', scope: 'subtree' });

    expect(await messages(A)).toEqual(['Bão số 3 đổ bộ: hạn chế ra đường']);
    const inherited = (await active(A)).body.items[0];
    expect(inherited.unit).toEqual({ slug: PROVINCE, name: 'Tỉnh Quảng Trị' });
    expect(await messages(B)).toEqual(['Bão số 3 đổ bộ: hạn chế ra đường', 'Sở Y tế: toàn ngành']);
    expect(await messages(PROVINCE)).toEqual(expect.arrayContaining(['Bão số 3 đổ bộ: hạn chế ra đường', 'Chỉ trên cổng tỉnh']));
    expect((await t.client.get('/api/portal/public/alerts')).status).toBe(404); // no unit named
  });
});
