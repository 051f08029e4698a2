import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform } from '@cong/sdk/testing';
import { inTenant } from './support/unit-client.js';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { englishState, type TranslatedPair } from '../src/organisation/english-tracking.js';
import { isoWeekOf, shiftWeek, weekDates } from '../src/organisation/iso-week.js';

const portal = fileURLToPath(new URL('..', import.meta.url));
const A = 'so-tai-chinh';
const B = 'so-y-te';
const WRITE = 'portal.organisation.write';
const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('ISO weeks', () => {
  it('names weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(weekDates('2026-W48')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(weekDates('2027-W53')).toBeUndefined();
    expect(weekDates('2026-W00')).toBeUndefined();
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
  });
});

describe('English tracking (POR-23)', () => {
  const pairs: TranslatedPair[] = [
    { field: 'name', vi: 'name_vi', en: 'name_en' },
    { field: 'duties', vi: 'duties_vi', en: 'duties_en', rich: true },
  ];
  const row = { name_vi: 'Văn phòng', name_en: 'Office', duties_vi: '<p>Tham mưu</p>', duties_en: '<p>Advise</p>', en_stale: 0, en_updated_at: 5 };

  it('flags a Vietnamese change alone, clears on English written, and counts empty rich text as missing', () => {
    expect(englishState(pairs, row, { name_vi: 'Văn phòng Sở' }, 9)).toEqual({ en_stale: 1, en_updated_at: 5 });
    expect(englishState(pairs, row, { name_vi: 'Văn phòng Sở', name_en: 'Department Office' }, 9)).toEqual({ en_stale: 0, en_updated_at: 9 });
    expect(englishState(pairs, { ...row, en_stale: 1 }, { name_en: 'The Office' }, 9)).toEqual({ en_stale: 0, en_updated_at: 9 });
    expect(englishState(pairs, { ...row, en_stale: 1 }, { duties_vi: '<p>Tham mưu</p>' }, 9).en_stale).toBe(1); // unchanged Vietnamese: still behind
    expect(englishState(pairs, row, { duties_en: '<p></p>' }, 9).en_stale).toBe(1); // no English text left
    expect(englishState(pairs, undefined, { name_vi: 'Mới', name_en: '', duties_vi: '', duties_en: '' }, 9)).toEqual({ en_stale: 1, en_updated_at: null });
    expect(englishState(pairs, undefined, { name_vi: 'Mới', name_en: 'New', duties_vi: '<p></p>', duties_en: '' }, 9)).toEqual({ en_stale: 0, en_updated_at: 9 });
  });
});

describeEachDialect('portal organisation', (dialect) => {
  let t: TestPlatform;
  let writer: TestClient;
  const writerIn = (tenant: string): TestClient => inTenant(t.client.as({ id: `to-chuc-${tenant}`, permissions: [WRITE] }), tenant);
  /** Staff of the unit without the organisation permission: reads, never writes. */
  const staff = (tenant: string): TestClient => inTenant(t.client.as({ id: `nhan-vien-${tenant}`, permissions: ['portal.content.write'] }), tenant);
  const created = async (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const pointers = (res: { body: any }) => (res.body.errors ?? []).map((e: { pointer: string }) => e.pointer);
  const page = async (path: string) => {
    const res = await fetch(new URL(`/t/${A}${path}`, t.url));
    return { status: res.status, cache: res.headers.get('x-cache'), body: await res.text() };
  };

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [portal], database: dialect, config: { demo: true } });
    writer = writerIn(A);
  });
  afterAll(async () => t?.stop());

  it('builds the chart: one root, moves that would make a cycle refused, a node with children kept', async () => {
    const root = await created(await writer.post('/api/portal/organisation/units', { name: { vi: 'Sở Tài chính', en: 'Department of Finance' }, functions: { vi: '<p>Tham mưu <script>x</script>về tài chính</p>', en: '<p>Advises on finance</p>' } }));
    expect(root.functions.vi).toBe('<p>Tham mưu về tài chính</p>'); // sanitised on write
    expect(root).toMatchObject({ parentId: null, revision: 1, englishStale: false, englishMissing: [] });
    const second = await writer.post('/api/portal/organisation/units', { name: { vi: 'Gốc thứ hai', en: 'Second root' } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PORTAL_ERR_ORG_ROOT_EXISTS');

    const office = await created(await writer.post('/api/portal/organisation/units', { parentId: root.id, name: { vi: 'Văn phòng Sở', en: 'Office' }, headName: 'Nguyễn Văn An', headPosition: { vi: 'Chánh Văn phòng', en: 'Chief of Office' } }));
    const budget = await created(await writer.post('/api/portal/organisation/units', { parentId: root.id, name: { vi: 'Phòng Ngân sách', en: 'Budget Division' } }));
    const team = await created(await writer.post('/api/portal/organisation/units', { parentId: budget.id, name: { vi: 'Tổ Dự toán', en: 'Estimates Team' } }));
    expect([office.order, budget.order]).toEqual([0, 1]);

    for (const parentId of [budget.id, team.id]) {
      const cycle = await writer.patch(`/api/portal/organisation/units/${budget.id}`, { parentId });
      expect(cycle.status).toBe(409);
      expect(cycle.body.code).toBe('PORTAL_ERR_ORG_UNIT_CYCLE');
      expect(pointers(cycle)).toEqual(['/parentId']);
    }
    const moved = await writer.patch(`/api/portal/organisation/units/${team.id}`, { parentId: office.id });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ parentId: office.id, revision: 2 });

    const refused = await writer.delete(`/api/portal/organisation/units/${office.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PORTAL_ERR_ORG_UNIT_HAS_CHILDREN');

    const reordered = await writer.post('/api/portal/organisation/units/reorder', { ids: [budget.id, office.id] });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    const children = reordered.body.items.filter((u: { parentId: string }) => u.parentId === root.id).map((u: { id: string }) => u.id);
    expect(children).toEqual([budget.id, office.id]);
    expect((await writer.post('/api/portal/organisation/units/reorder', { ids: [budget.id, team.id] })).status).toBe(400); // not siblings

    expect((await writer.delete(`/api/portal/organisation/units/${team.id}`)).status).toBe(204);
    expect((await writer.get(`/api/portal/organisation/units/${team.id}`)).status).toBe(404);
    const list = await staff(A).get('/api/portal/organisation/units');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { name: { vi: string } }) => u.name.vi)).toEqual(['Sở Tài chính', 'Phòng Ngân sách', 'Văn phòng Sở']);
  });

  it('refuses invalid input, naming the fields', async () => {
    const unit = await writer.post('/api/portal/organisation/units', { name: { vi: '' }, email: 'not-an-email', phone: 'call me', colour: 'red' });
    expect(unit.status).toBe(400);
    expect(pointers(unit)).toEqual(expect.arrayContaining(['/name/vi', '/email', '/phone']));

    const noAlt = await writer.post('/api/portal/organisation/leaders', { fullName: 'Trần Thị Bình', position: { vi: 'Giám đốc' }, portraitUrl: 'https://anh.example.vn/binh.jpg' });
    expect(noAlt.status).toBe(400);
    expect(pointers(noAlt)).toEqual(['/portraitAlt/vi']);
    const script = await writer.post('/api/portal/organisation/leaders', { fullName: 'X', position: { vi: 'Y' }, portraitUrl: 'javascript:alert(1)', portraitAlt: { vi: 'Ảnh' } });
    expect(pointers(script)).toEqual(['/portraitUrl']);
    const term = await writer.post('/api/portal/organisation/leaders', { fullName: 'X', position: { vi: 'Y' }, termStart: '2026-01-01', termEnd: '2025-01-01', orgUnitId: '00000000-0000-4000-8000-000000000000' });
    expect(pointers(term)).toEqual(['/termEnd', '/orgUnitId']);

    const official = await writer.post('/api/portal/organisation/contacts', { kind: 'official', email: 'a@b', phone: '12' });
    expect(official.status).toBe(400);
    expect(pointers(official)).toEqual(expect.arrayContaining(['/email', '/phone']));
    const missing = await writer.post('/api/portal/organisation/contacts', { kind: 'official', position: { vi: 'Chuyên viên' } });
    expect(pointers(missing)).toEqual(['/personName']);

    const entry = await writer.post('/api/portal/organisation/schedule', { date: '2026-11-24', startTime: '09:00', endTime: '08:00', title: { vi: 'Họp' }, status: 'cancelled', presidingLeaderIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(entry.status).toBe(400);
    expect(pointers(entry)).toEqual(['/endTime', '/statusNote', '/presidingLeaderIds/0']);
    const time = await writer.post('/api/portal/organisation/schedule', { date: '2026-02-30', startTime: '25:00', title: { vi: 'Họp' } });
    expect(pointers(time)).toEqual(expect.arrayContaining(['/date', '/startTime']));
  });

  it('tracks English (POR-23): a Vietnamese change alone makes the row stale, English written clears it, both together keep it fresh', async () => {
    const c = await created(await writer.post('/api/portal/organisation/contacts', { kind: 'official', role: 'focal', personName: 'Lê Văn Cường', position: { vi: 'Chuyên viên', en: 'Officer' }, unit: { vi: 'Văn phòng', en: 'Office' }, phone: '0233 3852 111', email: 'cuong@quangtri.gov.vn' }));
    expect(c).toMatchObject({ englishStale: false, englishMissing: [] });
    expect(c.englishUpdatedAt).not.toBeNull();

    const viOnly = await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { position: { vi: 'Phó Chánh Văn phòng' } });
    expect(viOnly.body).toMatchObject({ englishStale: true, englishMissing: [] });
    const status = await staff(A).get('/api/portal/organisation/english-status');
    expect(status.status).toBe(200);
    expect(status.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'contact', id: c.id, label: 'Lê Văn Cường', mandatory: true, missing: [] })]));

    const unrelated = await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { phone: '0233 3852 112' });
    expect(unrelated.body.englishStale).toBe(true); // still behind
    const en = await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { position: { en: 'Deputy Chief of Office' } });
    expect(en.body.englishStale).toBe(false);
    const both = await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { unit: { vi: 'Văn phòng Sở', en: 'Department Office' } });
    expect(both.body.englishStale).toBe(false);
    const same = await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { unit: { vi: 'Văn phòng Sở Tài chính', en: 'Department Office' } });
    expect(same.body.englishStale).toBe(true); // the English was sent but did not change
    await writer.patch(`/api/portal/organisation/contacts/${c.id}`, { unit: { en: 'Office of the Department of Finance' } });

    const agency = await created(await writer.post('/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Trụ sở chính' }, officeHours: { vi: 'Sáng 7:30–11:30', en: '' } }));
    expect(agency).toMatchObject({ englishStale: true, englishMissing: ['label', 'officeHours'] });
    const after = await staff(A).get('/api/portal/organisation/english-status');
    const ids = after.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(agency.id);
    expect(ids).not.toContain(c.id);
    expect(after.body.items.find((i: { id: string }) => i.id === agency.id).missing).toEqual(['label', 'officeHours']);
    const fixed = await writer.patch(`/api/portal/organisation/contacts/${agency.id}`, { label: { en: 'Head office' }, officeHours: { en: 'Mornings 7:30–11:30' } });
    expect(fixed.body).toMatchObject({ englishStale: false, englishMissing: [] });
    expect((await staff(A).get('/api/portal/organisation/english-status', { query: { kind: 'contact' } })).body.items).toEqual([]);
    expect((await staff(A).get('/api/portal/organisation/english-status', { query: { kind: 'people' } })).status).toBe(400);
  });

  it('answers 409 to an edit from an older revision', async () => {
    const l = await created(await writer.post('/api/portal/organisation/leaders', { fullName: 'Phạm Minh Dũng', position: { vi: 'Phó Giám đốc', en: 'Deputy Director' } }));
    expect((await writer.patch(`/api/portal/organisation/leaders/${l.id}`, { revision: 1, phone: '0912 345 678' })).body.revision).toBe(2);
    const stale = await writer.patch(`/api/portal/organisation/leaders/${l.id}`, { revision: 1, phone: '0912 000 000' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PORTAL_ERR_ORG_STALE_REVISION');
    expect(pointers(stale)).toEqual(['/revision']);
    expect((await writer.get(`/api/portal/organisation/leaders/${l.id}`)).body.phone).toBe('0912 345 678');
    expect((await writer.delete(`/api/portal/organisation/leaders/${l.id}`)).status).toBe(204);
  });

  it('lists the work schedule by ISO week, and keeps a presiding leader from being deleted', async () => {
    const l = await created(await writer.post('/api/portal/organisation/leaders', { fullName: 'Hoàng Thu Hà', position: { vi: 'Giám đốc Sở', en: 'Director' } }));
    const monday = await created(await writer.post('/api/portal/organisation/schedule', { date: '2026-11-23', startTime: '08:00', endTime: '11:00', title: { vi: 'Giao ban tuần', en: 'Weekly briefing' }, presidingLeaderIds: [l.id], location: 'Phòng họp số 1' }));
    await created(await writer.post('/api/portal/organisation/schedule', { date: '2026-11-29', startTime: '07:30', title: { vi: 'Kiểm tra dự án' }, public: false }));
    await created(await writer.post('/api/portal/organisation/schedule', { date: '2026-11-30', startTime: '14:00', title: { vi: 'Tuần sau' } }));
    const week = await staff(A).get('/api/portal/organisation/schedule', { query: { week: '2026-W48' } });
    expect(week.status, JSON.stringify(week.body)).toBe(200);
    expect(week.body).toMatchObject({ week: '2026-W48', previousWeek: '2026-W47', nextWeek: '2026-W49', from: '2026-11-23', to: '2026-11-29' });
    expect(week.body.items.map((e: { title: { vi: string } }) => e.title.vi)).toEqual(['Giao ban tuần', 'Kiểm tra dự án']);
    expect(week.body.items[0]).toMatchObject({ presidingLeaderIds: [l.id], status: 'planned', public: true });
    expect((await staff(A).get('/api/portal/organisation/schedule', { query: { week: '2027-W53' } })).status).toBe(400);

    const pub = await t.client.get(`/t/${A}/api/portal/public/organisation/schedule?week=2026-W48`);
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body.items.map((e: { title: { vi: string } }) => e.title.vi)).toEqual(['Giao ban tuần']); // the non-public entry stays off
    expect(pub.body.items[0].presiding).toEqual([{ fullName: 'Hoàng Thu Hà', position: { vi: 'Giám đốc Sở', en: 'Director' } }]);

    const del = await writer.delete(`/api/portal/organisation/leaders/${l.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('PORTAL_ERR_ORG_LEADER_SCHEDULED');
    const cancelled = await writer.patch(`/api/portal/organisation/schedule/${monday.id}`, { status: 'cancelled', statusNote: 'Lùi sang tuần sau' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusNote: 'Lùi sang tuần sau' });
  });

  it('keeps units apart (404 across units) and needs portal.organisation.write to change anything (403)', async () => {
    const unit = (await writer.get('/api/portal/organisation/units')).body.items[0];
    const leader = await created(await writer.post('/api/portal/organisation/leaders', { fullName: 'Đỗ Quang Khải', position: { vi: 'Phó Giám đốc', en: 'Deputy Director' } }));
    const contact = await created(await writer.post('/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Bộ phận một cửa', en: 'One-stop desk' } }));
    const entry = await created(await writer.post('/api/portal/organisation/schedule', { date: '2026-11-25', startTime: '15:00', title: { vi: 'Làm việc với Sở Y tế', en: 'Meeting the Health Department' } }));
    const other = writerIn(B);
    for (const [path, body] of [
      [`/api/portal/organisation/units/${unit.id}`, { name: { vi: 'Đổi tên' } }],
      [`/api/portal/organisation/leaders/${leader.id}`, { fullName: 'Đổi tên' }],
      [`/api/portal/organisation/contacts/${contact.id}`, { label: { vi: 'Đổi tên' } }],
      [`/api/portal/organisation/schedule/${entry.id}`, { title: { vi: 'Đổi' } }],
    ] as const) {
      expect((await other.get(path)).status, path).toBe(404);
      expect((await other.patch(path, body)).status, path).toBe(404);
      expect((await other.delete(path)).status, path).toBe(404);
      expect((await staff(A).get(path)).status, path).toBe(200);
      expect((await staff(A).patch(path, body)).status, path).toBe(403);
      expect((await staff(A).delete(path)).status, path).toBe(403);
    }
    expect((await other.post('/api/portal/organisation/leaders/reorder', { ids: [leader.id] })).status).toBe(400);
    expect((await staff(A).post('/api/portal/organisation/units', { parentId: unit.id, name: { vi: 'Mới' } })).status).toBe(403);
    expect((await t.client.get('/api/portal/organisation/units', { headers: { 'x-cong-tenant': A } })).status).toBe(401);
    expect((await other.get('/api/portal/organisation/units')).body.items).toEqual([]);
    expect((await writer.get(`/api/portal/organisation/leaders/${leader.id}`)).body.fullName).toBe('Đỗ Quang Khải');

    const audit = await inTenant(t.client.as({ id: 'kiem-toan', permissions: ['core.audit.read'] }), A).get('/api/core/audit', { query: { objectId: leader.id, limit: 50 } });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('portal.leader.create');
  });

  it('renders the public pages with the data, escaped, English falling back to Vietnamese per field', async () => {
    const units = (await writer.get('/api/portal/organisation/units')).body.items;
    const budget = units.find((u: { name: { vi: string } }) => u.name.vi === 'Phòng Ngân sách');
    await writer.patch(`/api/portal/organisation/units/${budget.id}`, { name: { vi: `Phòng ${XSS}`, en: '' }, duties: { vi: '<p>Lập dự toán</p><img src="https://x.vn/a.png">' } });
    const l = await created(await writer.post('/api/portal/organisation/leaders', {
      fullName: `Ngô ${XSS}`,
      position: { vi: 'Giám đốc', en: 'Director' },
      portraitUrl: '/files/chan-dung.jpg',
      portraitAlt: { vi: 'Chân dung ông Ngô' },
      biography: { vi: '<p>Sinh năm 1975 tại Quảng Trị.</p>' },
      phone: '0233 111 222',
      email: 'ngo@quangtri.gov.vn',
    }));
    const official = await created(await writer.post('/api/portal/organisation/contacts', { kind: 'official', role: 'competent', personName: 'Vũ Thị Lan', position: { vi: 'Trưởng phòng', en: 'Head of Division' }, unit: { vi: 'Phòng Pháp chế' }, phone: '0233 3555 666', email: 'lan@quangtri.gov.vn' }));
    await writer.patch(`/api/portal/organisation/contacts/${official.id}`, { unit: { en: 'Legal Division' } });
    await created(await writer.post('/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Trụ sở Sở Tài chính', en: 'Department head office' }, address: '01 Hùng Vương, Đông Hà', phone: '0233 3852 000', fax: '0233 3852 001', email: 'stc@quangtri.gov.vn', mapUrl: 'https://maps.example.vn/stc' }));

    const chart = await page('/co-cau-to-chuc');
    expect(chart.status).toBe(200);
    expect(chart.body).toContain('class="org-tree"');
    expect(chart.body).toContain('Phòng &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(chart.body).not.toContain('<script>alert(1)');
    expect(chart.body).not.toContain('<img src=x');
    expect(chart.body).toContain('Lập dự toán');
    expect(chart.body).not.toContain('x.vn/a.png'); // an image without alt text is dropped
    expect(chart.body).toContain('"@type":"GovernmentOrganization"');
    expect(chart.body).toContain('"subOrganization"');
    const chartEn = await page('/en/co-cau-to-chuc');
    expect(chartEn.body).toContain('Department of Finance');
    expect(chartEn.body).toMatch(/<span lang="vi">Phòng &lt;script&gt;/); // no English name: Vietnamese, marked

    const leaders = await page('/lanh-dao');
    expect(leaders.status).toBe(200);
    expect(leaders.body).toContain('Ngô &lt;script&gt;');
    expect(leaders.body).toContain('<img src="/files/chan-dung.jpg" alt="Chân dung ông Ngô"');
    expect(leaders.body).toContain('Sinh năm 1975');
    expect(leaders.body).not.toContain('0233 111 222'); // contact not public
    expect(leaders.body).toContain('"@type":"Person"');
    expect(leaders.body).toContain('"jobTitle":"Giám đốc"');
    expect(leaders.body).toContain('"worksFor"');
    expect(leaders.body).not.toContain('<script>alert');
    const leadersEn = await page('/en/lanh-dao');
    expect(leadersEn.body).toContain('"jobTitle":"Director"');
    expect(leadersEn.body).toMatch(/alt="Chân dung ông Ngô" lang="vi"/);
    expect(leadersEn.body).toMatch(/<div class="body" lang="vi"><p>Sinh năm 1975/);
    const json = await t.client.get(`/t/${A}/api/portal/public/organisation/leaders`);
    expect(json.body.items.find((i: { id: string }) => i.id === l.id)).toMatchObject({ phone: null, email: null });

    const contact = await page('/lien-he');
    expect(contact.status).toBe(200);
    expect(contact.body).toContain('<a href="tel:02333852000">0233 3852 000</a>');
    expect(contact.body).toContain('<a href="mailto:stc@quangtri.gov.vn">');
    expect(contact.body).toContain('<th scope="row">Vũ Thị Lan');
    expect(contact.body).toContain('"contactPoint"');
    expect(contact.body).toContain('"@type":"GovernmentOrganization"');
    expect((await page('/en/lien-he')).body).toContain('Legal Division');

    const schedule = await page('/lich-cong-tac?tuan=2026-W48');
    expect(schedule.status).toBe(200);
    expect(schedule.body).toContain('Giao ban tuần');
    expect(schedule.body).not.toContain('Kiểm tra dự án'); // not public
    expect(schedule.body).toContain('<s>Giao ban tuần</s>'); // cancelled, struck
    expect(schedule.body).toContain('Lùi sang tuần sau');
    expect(schedule.body).toContain('href="/t/so-tai-chinh/lich-cong-tac?tuan=2026-W47"');
    expect(schedule.body).toContain('href="/t/so-tai-chinh/lich-cong-tac?tuan=2026-W49"');
    expect(schedule.body).toContain('<th scope="col">');
    expect(schedule.body).toContain('scope="rowgroup"');
    const scheduleEn = await page('/en/lich-cong-tac?tuan=2026-W48');
    expect(scheduleEn.body).toContain('Weekly briefing');
    expect(scheduleEn.body).toContain('href="/t/so-tai-chinh/en/lich-cong-tac?tuan=2026-W49"');
  });

  it('shows a change on the public pages at once (the cached page is dropped)', async () => {
    const first = await page('/lien-he');
    expect((await page('/lien-he')).cache).toBe('hit');
    expect(first.body).not.toContain('Bộ phận tiếp công dân');
    await created(await writer.post('/api/portal/organisation/contacts', { kind: 'agency', label: { vi: 'Bộ phận tiếp công dân', en: 'Citizen reception' } }));
    const after = await page('/lien-he');
    expect(after.cache).toBe('miss');
    expect(after.body).toContain('Bộ phận tiếp công dân');

    await page('/lanh-dao');
    const leader = (await writer.get('/api/portal/organisation/leaders')).body.items[0];
    await writer.patch(`/api/portal/organisation/leaders/${leader.id}`, { position: { vi: 'Bí thư Đảng ủy, Giám đốc' } });
    expect((await page('/lanh-dao')).body).toContain('Bí thư Đảng ủy, Giám đốc');
  });
});
