import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreServices, definePlugin, type PluginContext } from '@cong/sdk';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { COMPARE, decision, makeDocuments, ok, PROVINCE, RECEIVE, startGazettePlatform, SUBMIT, type Documents, type Harness } from './gazette-support.js';

// Deadlines (GAZ-15, GAZ-16, GAZ-01) from the gazette's rule pack, on the core calendar: around
// Quốc khánh 2026 (Monday 31/8 swapped off, 1–2/9 holidays), a period ending on a day off ends on the
// next working day, and "at once" is the next working day. The dashboard lists what is at risk and
// overdue, by issuer, and says who each item waits on.

const documents: Promise<Documents> = makeDocuments();
const C = 'so-xay-dung';
const D = 'so-y-te';

interface Deadline {
  due: string;
  rule: string;
  metOn: string | null;
  state: string;
}

describeEachDialect('gazette deadlines and the at-risk dashboard', (dialect) => {
  let h: Harness;
  let probe: PluginContext;
  const consumer = {
    manifest: { id: 'deadline-probe', pluginApi: '^1.0.0', requires: { gazette: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({ register: () => undefined, start: (c) => void (probe = c) }),
  };
  const clerk = () => h.as('van-thu-cong-bao', [RECEIVE], PROVINCE);
  const reviewer = () => h.as('bien-tap-cong-bao', [COMPARE], PROVINCE);

  /** The office enters a document that reached it at `receivedAt`, attaches the files and registers it. */
  const arrived = async (issuer: string, attributes: Record<string, unknown>, receivedAt: string, electronic?: Uint8Array) => {
    const docs = await documents;
    const id = ok(await clerk().post('/api/gazette/intake', { ...decision(attributes), issuerUnitId: issuer, sourceChannel: 'email' }), 201).id as string;
    ok(await h.upload('van-thu-cong-bao', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('van-thu-cong-bao', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/electronic`, { bytes: electronic ?? docs.correctDocx, name: 'ban-dien-tu.docx' }));
    return ok(await clerk().post(`/api/gazette/intake/${id}/register`, { receivedAt }));
  };

  beforeAll(async () => {
    h = await startGazettePlatform(dialect, [consumer]);
  });
  afterAll(async () => h?.stop());

  it('ships the deadlines as a dated rule pack with citations, the current figures marked as defaults', async () => {
    const rules = probe.get(coreServices.rules);
    const send = await rules.history('gazette.sendDeadline');
    expect(send.map((r) => [r.effectiveFrom, r.effectiveTo, r.value])).toEqual([
      ['2016-07-01', '2025-03-31', { days: 3, count: 'calendar-days' }],
      ['2025-04-01', null, { days: 3, count: 'calendar-days' }],
    ]);
    expect(send[0]!.citation).toBe('Luật 80/2015/QH13 Điều 150 khoản 2');
    expect(send[1]!.citation).toMatch(/^Luật 64\/2025\/QH15; NĐ 78\/2025\/NĐ-CP; TT 02\/2025\/TT-VPCP .*cần đối chiếu/);
    expect((await rules.get('gazette.publishDeadline', '2026-08-18')).value).toEqual({ days: 15, count: 'calendar-days' });
    expect((await rules.get('gazette.publishDeadline.inForceOnSigning', '2026-08-28')).value).toEqual({ days: 1, count: 'working-days' });

    // A document signed under the old law records the old version.
    const old = ok(await h.as('chuyen-vien', [SUBMIT], C).post('/api/gazette/submissions', decision({ numberSymbol: '90/2024/QĐ-UBND', signedOn: '2024-12-30', effectiveOn: null })), 201);
    expect(old.deadlines.send).toEqual({ due: '2025-01-02', rule: `gazette.sendDeadline@${send[0]!.version}`, metOn: null, state: 'overdue' });
    ok(await h.as('chuyen-vien', [SUBMIT], C).post(`/api/gazette/submissions/${old.id}/withdraw`, { reason: 'Nhập thử' }));
  });

  it('counts across Quốc khánh 2026 and lists what is at risk and overdue, with who it waits on', async () => {
    const docs = await documents;
    // X: signed Fri 14/8, reached the office Tue 18/8 (after its sending deadline, Mon 17/8).
    // 18/8 + 15 days is Wed 2/9, a holiday: the deadline is Thu 3/9.
    const x = await arrived(C, { numberSymbol: '61/2026/QĐ-UBND', signedOn: '2026-08-14', effectiveOn: '2026-08-25' }, '2026-08-18T09:00:00+07:00');
    expect(x.deadlines.send as Deadline).toMatchObject({ due: '2026-08-17', metOn: '2026-08-18', state: 'late' });
    expect(x.deadlines.publish as Deadline).toMatchObject({ due: '2026-09-03', metOn: null, state: 'overdue' });
    expect(x.deadlines.publish.rule).toMatch(/^gazette\.publishDeadline@/);

    // Y: in force on signing (Fri 28/8), received the same day: "at once" is the next working day, Thu 3/9;
    // its sending deadline, 28/8 + 3 = Mon 31/8 (swapped off), rolls over the holidays to Thu 3/9 too.
    const y = await arrived(C, { numberSymbol: '62/2026/QĐ-UBND', signedOn: '2026-08-28', effectiveOn: '2026-08-28', inForceOnSigning: true }, '2026-08-28T10:00:00+07:00');
    expect(y.deadlines.send as Deadline).toMatchObject({ due: '2026-09-03', metOn: '2026-08-28', state: 'met' });
    expect(y.deadlines.publish as Deadline).toMatchObject({ due: '2026-09-03', state: 'overdue' });
    expect(y.deadlines.publish.rule).toMatch(/^gazette\.publishDeadline\.inForceOnSigning@/);

    // Z: signed Fri 28/8 by D and never sent.
    const z = ok(await h.as('chuyen-vien-d', [SUBMIT], D).post('/api/gazette/submissions', decision({ numberSymbol: '63/2026/QĐ-UBND', signedOn: '2026-08-28', effectiveOn: null })), 201);
    expect(z.deadlines).toMatchObject({ send: { due: '2026-09-03', metOn: null }, publish: null });

    // W: D's document received Fri 21/8 (due Mon 7/9), returned with a discrepancy and not corrected.
    const w = await arrived(D, { numberSymbol: '64/2026/QĐ-UBND', signedOn: '2026-08-20', effectiveOn: null }, '2026-08-21T08:00:00+07:00', docs.inaccurateDocx);
    expect(w.deadlines.send as Deadline).toMatchObject({ due: '2026-08-24', state: 'met' });
    expect(w.deadlines.publish as Deadline).toMatchObject({ due: '2026-09-07' });
    ok(await reviewer().post(`/api/gazette/review/${w.id}/rounds`), 201);
    ok(await reviewer().post(`/api/gazette/review/${w.id}/rounds/1/return`, {}));

    const dashboard = async (query: Record<string, string | number>) => ok(await clerk().get('/api/gazette/deadlines', { query }));
    const summary = (items: { submission: { id: string }; stage: string; state: string; workingDays: number; cause: string; sentLate: boolean; due: string }[]) =>
      Object.fromEntries(items.map((i) => [i.submission.id, [i.stage, i.due, i.state, i.workingDays, i.cause, i.sentLate]]));

    // Tue 1/9 (a holiday), two working days ahead: 3/9 is one working day away; W's 7/9 is three.
    const before = await dashboard({ asOf: '2026-09-01', withinWorkingDays: 2 });
    expect(before).toMatchObject({ asOf: '2026-09-01', withinWorkingDays: 2 });
    expect(summary(before.items)).toEqual({
      [x.id]: ['publish', '2026-09-03', 'at-risk', 1, 'office', true],
      [y.id]: ['publish', '2026-09-03', 'at-risk', 1, 'office', false],
      [z.id]: ['send', '2026-09-03', 'at-risk', 1, 'issuer-not-sent', false],
    });

    // Tue 8/9: everything is overdue; X and Y are the office's, Z and W wait on the issuer D.
    const after = await dashboard({ asOf: '2026-09-08' });
    expect(after.withinWorkingDays).toBe(2);
    expect(summary(after.items)).toEqual({
      [x.id]: ['publish', '2026-09-03', 'overdue', 3, 'office', true],
      [y.id]: ['publish', '2026-09-03', 'overdue', 3, 'office', false],
      [z.id]: ['send', '2026-09-03', 'overdue', 3, 'issuer-not-sent', false],
      [w.id]: ['publish', '2026-09-07', 'overdue', 1, 'issuer-correction', false],
    });
    expect(after.byIssuer.map((b: { issuer: { slug: string }; atRisk: number; overdue: number; overdueByIssuer: number; overdueByOffice: number }) => [b.issuer.slug, b.atRisk, b.overdue, b.overdueByIssuer, b.overdueByOffice])).toEqual([
      [C, 0, 2, 0, 2],
      [D, 0, 2, 2, 0],
    ]);
    const onlyD = await dashboard({ asOf: '2026-09-08', issuerUnitId: D });
    expect(onlyD.items.map((i: { submission: { id: string } }) => i.submission.id).sort()).toEqual([z.id, w.id].sort());
  });
});
