import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { parseCsv } from '@cong/sdk';
import { TEST_PRINCIPAL_HEADER } from '@cong/sdk/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { ANSWER, linkToken, ok, PROVINCE, question, startQaPlatform, TRIAGE, type Harness } from './qa-support.js';

const APPROVE = 'qa.answers.approve';
const STATISTICS = 'qa.statistics.read';
/** 09:00 in Vietnam on a date: the platform runs in this process, so its clock is the test's. */
const at = (date: string) => vi.setSystemTime(new Date(`${date}T09:00:00+07:00`));
const PERIOD = { from: '2027-01-01', to: '2027-06-30' };
/** A commune whose name a spreadsheet would run as a formula, with a comma and quotes to quote. */
const FORMULA_COMMUNE = '=HYPERLINK("http://x.invalid","Xã, thử")';

// QA-03 statistics by field and by commune, counted in the database on both dialects, and their CSV
// export: the same scoping as the per-agency figures (the board its province, an agency itself),
// the medians of each group, the CSV's byte-order mark, CRLF lines, quoting and formula guard.
describeEachDialect('statistics by field and commune, and the CSV export', (dialect) => {
  let h: Harness;
  let asked = 0;
  const board = () => h.as('board-1', [TRIAGE], PROVINCE);
  const reader = (unit = PROVINCE) => h.as(`thong-ke-${unit}`, [STATISTICS], unit);

  async function forwarded(overrides: Record<string, unknown>, agency: string) {
    const { formToken } = ok(await h.anon(PROVINCE).get('/api/qa/public/form'));
    const sent = ok(await h.anon(PROVINCE).post('/api/qa/public/questions', question(formToken, { email: `thong-ke-${++asked}@example.vn`, title: `Câu hỏi thống kê số ${asked}`, ...overrides })), 202);
    const [mail] = await h.deliver();
    ok(await h.anon(PROVINCE).post('/api/qa/public/verify', { token: linkToken(mail!.text) }));
    ok(await board().post(`/api/qa/questions/${sent.id}/forward`, { agency }));
    await h.deliver();
    return sent.id as string;
  }

  async function answer(id: string, unit: string) {
    ok(await h.as(`clerk-${unit}`, [ANSWER], unit).put(`/api/qa/inbox/${id}/answer`, { body: 'Nội dung trả lời của cơ quan.' }));
    ok(await h.as(`clerk-${unit}`, [ANSWER], unit).post(`/api/qa/inbox/${id}/answer/submit`));
    ok(await h.as(`leader-${unit}`, [APPROVE], unit).post(`/api/qa/inbox/${id}/answer/approve`));
    await h.deliver();
  }

  beforeAll(async () => {
    h = await startQaPlatform(dialect, { minFillSeconds: 0, submitPerAddress: { points: 500, durationSeconds: 3600 } });
    const admin = h.as('quan-tri', ['core.tenants.manage'], PROVINCE);
    const provinceId = ok(await reader().get('/api/qa/statistics')).province.id as string;
    ok(await admin.post('/api/core/tenants', { slug: 'xa-cong-thuc', nameVi: FORMULA_COMMUNE, kind: 'commune', parentId: provinceId }), 201);
    ok(await admin.post('/api/core/tenants', { slug: 'tinh-thong-ke-khac', nameVi: 'Tỉnh Thống Kê Khác', kind: 'province' }), 201);
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 2 });
    // Monday 1 March 2027: four questions, answered after 2, 5 and 7 working days; one still open.
    at('2027-03-01');
    const a = await forwarded({ field: 'dat-dai', commune: 'xa-minh-hoa-01' }, 'so-xay-dung');
    await forwarded({ field: 'dat-dai', commune: 'xa-minh-hoa-01' }, 'so-y-te');
    const c = await forwarded({ field: 'y-te' }, 'so-y-te');
    const d = await forwarded({ field: 'dat-dai', commune: 'xa-cong-thuc' }, 'so-xay-dung');
    at('2027-03-03');
    await answer(a, 'so-xay-dung');
    at('2027-03-08');
    await answer(c, 'so-y-te');
    at('2027-03-10');
    await answer(d, 'so-xay-dung');
  }, 180_000);
  afterAll(async () => {
    vi.useRealTimers();
    await h?.stop();
  });

  const rowsOf = (s: any) => (s.groups as any[]).map((g) => [g.group.id, g.received, g.answered, g.answeredOnTime, g.open, g.medianWorkingDays]);

  it('groups the board’s figures by field and by commune, with medians counted per group', async () => {
    at('2027-03-10');
    const byField = ok(await reader().get('/api/qa/statistics', { query: { ...PERIOD, groupBy: 'field' } }));
    expect(byField.groupBy).toBe('field');
    expect(byField.agencies).toEqual([]);
    // dat-dai: answered in 2 and 7 working days (median 4.5), one open; y-te: 5 days.
    expect(rowsOf(byField)).toEqual([['dat-dai', 3, 2, 2, 1, 4.5], ['y-te', 1, 1, 1, 0, 5]]);
    expect(byField.groups[0].group).toMatchObject({ name: 'Đất đai' });
    expect(byField.totals).toMatchObject({ received: 4, answered: 3, answeredOnTime: 3, onTimeRate: 1, medianWorkingDays: 5 });
    expect(byField.board).toMatchObject({ received: 4, forwarded: 4 });

    const byCommune = ok(await reader().get('/api/qa/statistics', { query: { ...PERIOD, groupBy: 'commune' } }));
    const communes = byCommune.groups as any[];
    expect(communes.map((g) => [g.group.name, g.received, g.medianWorkingDays])).toEqual([['Xã Minh họa 01', 2, 2], [FORMULA_COMMUNE, 1, 7], [null, 1, 5]]);
    expect(communes.at(-1).group).toEqual({ id: null, name: null, nameEn: null });
    // The totals do not depend on the grouping; per agency (the default) is unchanged.
    const byAgency = ok(await reader().get('/api/qa/statistics', { query: PERIOD }));
    expect(byAgency.groupBy).toBe('agency');
    expect(byAgency.groups).toBeUndefined();
    expect(byAgency.totals).toEqual(byField.totals);
    expect(byCommune.totals).toEqual(byField.totals);
    // One agency, through the board, by field.
    const one = ok(await reader().get('/api/qa/statistics', { query: { ...PERIOD, agency: 'so-y-te', groupBy: 'field' } }));
    expect(rowsOf(one)).toEqual([['dat-dai', 1, 0, 0, 1, null], ['y-te', 1, 1, 1, 0, 5]]);
  });

  it('gives an agency its own groups only; permission, tenants and input as the per-agency figures', async () => {
    at('2027-03-10');
    const own = ok(await reader('so-xay-dung').get('/api/qa/statistics', { query: { ...PERIOD, groupBy: 'commune' } }));
    expect(own.board).toBeNull();
    expect((own.groups as any[]).map((g) => [g.group.id === null ? null : g.group.name, g.received])).toEqual([[FORMULA_COMMUNE, 1], ['Xã Minh họa 01', 1]]);
    expect((await reader('so-xay-dung').get('/api/qa/statistics', { query: { agency: 'so-y-te', groupBy: 'field' } })).status).toBe(404);
    expect((await reader('so-xay-dung').get('/api/qa/statistics.csv', { query: { agency: 'so-y-te' } })).status).toBe(404);
    // Another province sees none of this one's questions, and cannot name its agencies.
    const other = ok(await reader('tinh-thong-ke-khac').get('/api/qa/statistics', { query: { ...PERIOD, groupBy: 'field' } }));
    expect(other.groups).toEqual([]);
    expect(other.totals.received).toBe(0);
    expect((await reader('tinh-thong-ke-khac').get('/api/qa/statistics.csv', { query: { agency: 'so-y-te' } })).status).toBe(404);
    // Permission.
    expect((await board().get('/api/qa/statistics', { query: { groupBy: 'field' } })).status).toBe(403);
    expect((await board().get('/api/qa/statistics.csv')).status).toBe(403);
    expect((await h.anon(PROVINCE).get('/api/qa/statistics.csv')).status).toBe(401);
    // Input: problem+json naming the parameter; the public figures take no grouping.
    for (const path of ['/api/qa/statistics', '/api/qa/statistics.csv']) {
      const bad = await reader().get(path, { query: { groupBy: 'agency-and-field' } });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(bad.body)).toContain('groupBy');
    }
    expect((await h.anon(PROVINCE).get('/api/qa/public/statistics', { query: { groupBy: 'field' } })).status).toBe(400);
  });

  it('exports the same table as CSV: BOM, CRLF, quoted cells, formulas neutralised', async () => {
    at('2027-03-10');
    // Read as bytes: a text reader would drop the byte-order mark this test is about.
    const url = new URL('/api/qa/statistics.csv', h.t.url);
    for (const [k, v] of Object.entries({ ...PERIOD, groupBy: 'commune' })) url.searchParams.set(k, v);
    const res = await fetch(url, { headers: { 'x-cong-tenant': PROVINCE, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: 'thong-ke', permissions: [STATISTICS] }) } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(res.status, text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="thong-ke-hoi-dap-commune-2027-01-01-2027-06-30.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
    // The formula commune: apostrophe first, quoted for its comma and doubled quotes.
    expect(text).toContain(`"'=HYPERLINK(""http://x.invalid"",""Xã, thử"")"`);
    const rows = parseCsv(text);
    expect(rows[0]![0]).toBe('Xã, phường (Commune)');
    expect(rows[0]).toHaveLength(16);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[12], r[13]])).toEqual([
      ['Xã Minh họa 01', '2', '1', '100', '2'],
      [`'${FORMULA_COMMUNE}`, '1', '1', '100', '7'],
      ['Không ghi xã, phường (No commune given)', '1', '1', '100', '5'],
      ['Tổng cộng (Total)', '4', '3', '100', '5'],
    ]);
    // Per agency by default, with the same figures as the JSON.
    const agencies = parseCsv((await reader().get('/api/qa/statistics.csv', { query: PERIOD })).text);
    expect(agencies[0]![0]).toBe('Cơ quan (Agency)');
    expect(agencies.slice(1, -1).map((r) => [r[0], r[1]])).toEqual([['Sở Xây dựng', '2'], ['Sở Y tế', '2']]);
  });
});
