import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin, type PluginContext } from '@cong/sdk';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { gazetteSubmissionsRef } from '../src/api/index.js';
import { A, COMPARE, decision, makeDocuments, ok, PROVINCE, RECEIVE, startGazettePlatform, SUBMIT, type Documents, type Harness } from './gazette-support.js';

// The comparison workflow end to end (GAZ-10, GAZ-13, GAZ-14, GAZ-22): an issuer sends a real PDF
// original and a DOCX copy with one wrong figure; the office registers and compares it, finds exactly
// that discrepancy and returns it; the issuer is told by e-mail (received by a real SMTP server); the
// corrected copy passes the next round, and the issue composer's service says the document is ready.

const documents: Promise<Documents> = makeDocuments();

describeEachDialect('gazette review: comparison rounds, issuer notice, readiness', (dialect) => {
  let h: Harness;
  let composer: PluginContext;
  const consumer = {
    manifest: { id: 'composer-test', pluginApi: '^1.0.0', requires: { gazette: '^0.1.0' } },
    version: '1.0.0',
    plugin: definePlugin({ register: () => undefined, start: (c) => void (composer = c) }),
  };
  const issuer = () => h.as('chuyen-vien-vp', [SUBMIT], A);
  const clerk = () => h.as('van-thu-cong-bao', [RECEIVE], PROVINCE);
  const reviewer = () => h.as('bien-tap-cong-bao', [COMPARE], PROVINCE);

  beforeAll(async () => {
    h = await startGazettePlatform(dialect, [consumer]);
  });
  afterAll(async () => h?.stop());

  it('finds exactly the wrong figure, notifies the issuer by e-mail, and passes the corrected copy', async () => {
    const docs = await documents;
    ok(await issuer().put('/api/gazette/contact', { name: 'Đầu mối Công báo VP', email: 'dau-moi.congbao@vp.quangtri.gov.vn' }));
    const created = ok(await issuer().post('/api/gazette/submissions', decision({ submitterEmail: 'chuyen.vien@vp.quangtri.gov.vn' })), 201);
    const id = created.id as string;
    ok(await h.upload('chuyen-vien-vp', [SUBMIT], A, `/api/gazette/submissions/${id}/original`, { bytes: docs.originalPdf, name: 'QD-41-2026-ban-goc.pdf' }));
    ok(await h.upload('chuyen-vien-vp', [SUBMIT], A, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.inaccurateDocx, name: 'QD-41-2026.docx' }));
    const sent = ok(await issuer().post(`/api/gazette/submissions/${id}/send`, {}));
    expect(sent.status).toBe('sent');
    expect(sent.flags).toEqual([]);

    const registered = ok(await clerk().post(`/api/gazette/intake/${id}/register`, {}));
    expect(registered.status).toBe('registered');

    // Round 1: the comparison finds the one changed figure and nothing else.
    const round1 = ok(await reviewer().post(`/api/gazette/review/${id}/rounds`), 201);
    expect(round1).toMatchObject({ round: 1, status: 'open', identical: false, original: { method: 'pdf-text', version: 1 }, electronic: { method: 'docx-text', version: 1 } });
    expect(round1.discrepancies).toHaveLength(1);
    expect(round1.discrepancies[0]).toMatchObject({ original: '15', electronic: '10' });
    expect(round1.discrepancies[0].after).toMatch(/^ngày làm việc/);
    expect(round1.original.text.replace(/\s+/g, ' ')).toContain('chậm nhất sau 15 ngày làm việc');
    expect(round1.electronic.text.replace(/\s+/g, ' ')).toContain('chậm nhất sau 10 ngày làm việc');

    const returned = ok(await reviewer().post(`/api/gazette/review/${id}/rounds/1/return`, { notes: ['Điều 3: thời hạn đăng tải ghi sai so với bản gốc.'] }));
    expect(returned).toMatchObject({ status: 'returned', reviewerNotes: ['Điều 3: thời hạn đăng tải ghi sai so với bản gốc.'], decidedBy: 'bien-tap-cong-bao' });
    expect([...returned.notifiedTo].sort()).toEqual(['chuyen.vien@vp.quangtri.gov.vn', 'dau-moi.congbao@vp.quangtri.gov.vn']);

    // The issuer sees the status and the round at once…
    const seen = ok(await issuer().get(`/api/gazette/submissions/${id}`));
    expect(seen.status).toBe('returned');
    expect(seen.rounds).toEqual([expect.objectContaining({ round: 1, status: 'returned', discrepancyCount: 1 })]);
    expect(ok(await issuer().get(`/api/gazette/submissions/${id}/rounds/1`)).discrepancies).toEqual(round1.discrepancies);
    // …and by e-mail, delivered over SMTP by the core's mail queue.
    expect(await h.t.drainJobs()).toBeGreaterThan(0);
    expect(h.sink.received).toHaveLength(1);
    const mail = h.sink.received[0]!;
    expect([...mail.to].sort()).toEqual(['chuyen.vien@vp.quangtri.gov.vn', 'dau-moi.congbao@vp.quangtri.gov.vn']);
    expect(mail.subject).toBe('[Công báo] Văn bản 41/2026/QĐ-UBND chưa khớp với bản gốc / Discrepancies in 41/2026/QĐ-UBND');
    expect(mail.text).toContain('bản gốc / original: "15" — bản điện tử / electronic copy: "10"');
    expect(mail.text).toContain('Điều 3: thời hạn đăng tải ghi sai so với bản gốc.');
    expect(mail.text).toContain('gửi lại bản điện tử (hoặc bản gốc) đúng ngay trong ngày');

    // Not ready for an issue while returned.
    const submissions = composer.get(gazetteSubmissionsRef);
    expect(await submissions.isReadyForIssue(id)).toBe(false);
    expect(await submissions.readiness(id)).toMatchObject({ ready: false, status: 'returned' });

    // The corrected copy is recorded with its time; round 2 compares it and passes.
    const corrected = ok(await h.upload('chuyen-vien-vp', [SUBMIT], A, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.correctDocx, name: 'QD-41-2026-da-sua.docx' }));
    expect(corrected.status).toBe('corrected');
    expect(corrected.files.filter((f: { role: string }) => f.role === 'electronic').map((f: { version: number; current: boolean }) => [f.version, f.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const round2 = ok(await reviewer().post(`/api/gazette/review/${id}/rounds`), 201);
    expect(round2).toMatchObject({ round: 2, identical: true, discrepancies: [], electronic: { version: 2, fileName: 'QD-41-2026-da-sua.docx' } });
    const passed = ok(await reviewer().post(`/api/gazette/review/${id}/rounds/2/pass`, { remark: 'Khớp bản gốc.' }));
    expect(passed).toMatchObject({ status: 'passed', decidedBy: 'bien-tap-cong-bao' });

    expect(await submissions.isReadyForIssue(id)).toBe(true);
    const forIssue = await submissions.get(id);
    expect(forIssue).toMatchObject({ status: 'passed', numberSymbol: '41/2026/QĐ-UBND', documentTypeName: { vi: 'Quyết định' }, electronic: { version: 2, fileName: 'QD-41-2026-da-sua.docx' } });
    expect((await submissions.listReady(forIssue!.officeId)).map((s) => s.id)).toContain(id);

    // The timeline attributes every step: who, in which unit, when.
    const detail = ok(await issuer().get(`/api/gazette/submissions/${id}`));
    expect(detail.timeline.map((s: { action: string; actorId: string }) => [s.action, s.actorId])).toEqual([
      ['created', 'chuyen-vien-vp'],
      ['file-attached', 'chuyen-vien-vp'],
      ['file-attached', 'chuyen-vien-vp'],
      ['sent', 'chuyen-vien-vp'],
      ['intake-checked', 'system'],
      ['registered', 'van-thu-cong-bao'],
      ['comparison-opened', 'bien-tap-cong-bao'],
      ['comparison-returned', 'bien-tap-cong-bao'],
      ['issuer-notified', 'bien-tap-cong-bao'],
      ['correction-received', 'chuyen-vien-vp'],
      ['intake-checked', 'system'],
      ['comparison-opened', 'bien-tap-cong-bao'],
      ['comparison-passed', 'bien-tap-cong-bao'],
    ]);
    const times = detail.timeline.map((s: { at: string }) => s.at);
    expect([...times].sort()).toEqual(times);

    // Publication (by the issue composer) closes it: no longer ready, and no longer withdrawable.
    await submissions.markPublished(id, { publishedAt: new Date(), issueRef: 'Số 12/2026', actorId: 'bien-tap-cong-bao', actorUnitId: forIssue!.officeId });
    expect(await submissions.readiness(id)).toMatchObject({ ready: false, status: 'published' });
    const late = await issuer().post(`/api/gazette/submissions/${id}/withdraw`, { reason: 'Thử rút' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('GAZETTE_ERR_SUBMISSION_TRANSITION');
  });

  it('refuses a decision on a round that is not open, and a return with nothing to return', async () => {
    const docs = await documents;
    const id = ok(await issuer().post('/api/gazette/submissions', decision({ numberSymbol: '42/2026/QĐ-UBND' })), 201).id as string;
    ok(await h.upload('chuyen-vien-vp', [SUBMIT], A, `/api/gazette/submissions/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('chuyen-vien-vp', [SUBMIT], A, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu.docx' }));
    ok(await issuer().post(`/api/gazette/submissions/${id}/send`, {}));
    // Comparing before registering is refused.
    expect((await reviewer().post(`/api/gazette/review/${id}/rounds`)).body.code).toBe('GAZETTE_ERR_SUBMISSION_TRANSITION');
    ok(await clerk().post(`/api/gazette/intake/${id}/register`, {}));
    const round = ok(await reviewer().post(`/api/gazette/review/${id}/rounds`), 201);
    expect(round.identical).toBe(true);
    const nothing = await reviewer().post(`/api/gazette/review/${id}/rounds/1/return`, {});
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors[0].pointer).toBe('/notes');
    ok(await reviewer().post(`/api/gazette/review/${id}/rounds/1/pass`, {}));
    const again = await reviewer().post(`/api/gazette/review/${id}/rounds/1/pass`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('GAZETTE_ERR_ROUND_NOT_OPEN');
    expect((await reviewer().get(`/api/gazette/review/${id}/rounds/2`)).status).toBe(404);
  });
});
