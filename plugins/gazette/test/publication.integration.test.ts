import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { verifyPdfSignature } from '../src/signing/index.js';
import { testPki } from './fixtures/test-certificate.js';
import { A, B, decision, makeDocuments, ok, PROVINCE, startGazettePlatform, SUBMIT, type Documents, type Harness } from './gazette-support.js';
import { COMPOSE, OFFICE_STAFF, officeEnteredSubmission, passedSubmission, pdfPageTexts, PUBLISH, refused, startPublicationPlatform, type PublicationHarness } from './publication-support.js';

// Issues from intake to a signed, published PDF (GAZ-20…GAZ-29), through the real routes on both
// dialects: numbering per year and grouped ranges, composition, publication by the job (real Chromium,
// real P12 signature checked against the test root), immutability, the three correction cases and their
// placement rules, relations and validity with a manual override, isolation and permissions.

const documents: Promise<Documents> = makeDocuments();

describeEachDialect('gazette issues: composition, signed publication, corrections, validity', (dialect) => {
  let h: PublicationHarness;
  const office = () => h.as('bien-tap-cong-bao', OFFICE_STAFF, PROVINCE);
  const composerOnly = () => h.as('bien-tap-vien', [COMPOSE], PROVINCE);

  beforeAll(async () => {
    h = await startPublicationPlatform(dialect);
  });
  afterAll(async () => h?.stop());

  it('numbers issues per office and year without gaps, with grouped ranges, and under concurrency', async () => {
    const first = ok(await office().post('/api/gazette/issues', { publicationDate: '2030-01-10' }), 201);
    expect(first).toMatchObject({ year: 2030, numberFrom: 1, numberTo: 1, label: 'Số 1', status: 'draft', entries: [], pdfUrl: null });
    const grouped = ok(await office().post('/api/gazette/issues', { publicationDate: '2030-01-12', numberCount: 2 }), 201);
    expect(grouped).toMatchObject({ numberFrom: 2, numberTo: 3, label: 'Từ số 2 đến số 3' });
    // Two clerks at once: different numbers, no gap.
    const both = await Promise.all([office().post('/api/gazette/issues', { publicationDate: '2030-02-01' }), office().post('/api/gazette/issues', { publicationDate: '2030-02-01' })]);
    expect(both.map((r) => ok(r, 201).numberFrom).sort()).toEqual([4, 5]);
    // A new year restarts at 1.
    expect(ok(await office().post('/api/gazette/issues', { publicationDate: '2031-01-05' }), 201)).toMatchObject({ year: 2031, numberFrom: 1 });
    // Deleting an earlier draft would leave a gap; the last one may go.
    refused(await office().delete(`/api/gazette/issues/${first.id}`), 409, 'GAZETTE_ERR_ISSUE_NOT_LAST');
    const last = both.map((r) => r.body).find((b) => b.numberFrom === 5);
    expect((await office().delete(`/api/gazette/issues/${last.id}`)).status).toBe(204);
    expect(ok(await office().post('/api/gazette/issues', { publicationDate: '2030-03-01' }), 201).numberFrom).toBe(5);
    // Moving the date out of the year is refused.
    expect((await office().patch(`/api/gazette/issues/${first.id}`, { publicationDate: '2031-01-01' })).status).toBe(400);
    expect(ok(await office().get('/api/gazette/issues', { query: { year: 2030 } })).items.map((i: { numberFrom: number }) => i.numberFrom)).toEqual([5, 4, 2, 1]);
  });

  it('publishes an issue from intake to a signed PDF, and keeps the other units out', async () => {
    const docs = await documents;
    const d1 = await passedSubmission(h, docs, A, { numberSymbol: '41/2026/QĐ-UBND', effectiveOn: '2026-04-01' });
    const d2 = await passedSubmission(h, docs, B, { numberSymbol: '12/2026/QĐ-UBND', summary: 'Quy định mức thu phí thẩm định đề án khai thác nước', effectiveOn: '2026-04-01' });
    const notPassed = ok(await h.as('chuyen-vien', [SUBMIT], A).post('/api/gazette/submissions', decision({ numberSymbol: '99/2026/QĐ-UBND' })), 201).id as string;

    const issue = ok(await office().post('/api/gazette/issues', { publicationDate: '2026-11-30' }), 201);
    expect(issue).toMatchObject({ year: 2026, numberFrom: 1 });
    const ready = ok(await office().get('/api/gazette/issues/ready')).items.map((i: { submissionId: string }) => i.submissionId);
    expect(ready).toEqual(expect.arrayContaining([d1, d2]));
    ok(await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: d1, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' }));
    // The issuer's unsent draft is unknown to the office; a document in an issue is taken.
    expect((await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: notPassed })).status).toBe(404);
    const other = ok(await office().post('/api/gazette/issues', { publicationDate: '2026-12-01' }), 201);
    refused(await office().post(`/api/gazette/issues/${other.id}/entries`, { submissionId: d1 }), 409, 'GAZETTE_ERR_ENTRY_TAKEN');
    // Two composers place the same document in two issues at once: one wins, the other is told where it went.
    const race = await Promise.all([office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: d2 }), office().post(`/api/gazette/issues/${other.id}/entries`, { submissionId: d2 })]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('GAZETTE_ERR_ENTRY_TAKEN');
    if (race[1]!.status === 200) {
      ok(await office().delete(`/api/gazette/issues/${other.id}/entries/${d2}`));
      ok(await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: d2 }));
    }
    expect(ok(await office().get(`/api/gazette/issues/${other.id}`)).entries).toEqual([]);
    // Drag-to-order: the full order, each document once.
    refused(await office().put(`/api/gazette/issues/${issue.id}/entries`, { entries: [{ submissionId: d2 }] }), 400, 'GAZETTE_ERR_ENTRY_ORDER');
    const ordered = ok(await office().put(`/api/gazette/issues/${issue.id}/entries`, { entries: [{ submissionId: d2, section: 'VĂN BẢN QUY PHẠM PHÁP LUẬT' }, { submissionId: d1 }] }));
    expect(ordered.entries.map((e: { submissionId: string; section: string | null; position: number }) => [e.position, e.submissionId, e.section])).toEqual([
      [1, d2, 'VĂN BẢN QUY PHẠM PHÁP LUẬT'],
      [2, d1, 'VĂN BẢN QUY PHẠM PHÁP LUẬT'],
    ]);

    // Isolation: an issuer cannot compose or read; a unit that is not the office finds nothing; a composer cannot publish.
    expect((await h.as('chuyen-vien', [SUBMIT], A).get(`/api/gazette/issues/${issue.id}`)).status).toBe(403);
    expect((await h.as('chuyen-vien', [COMPOSE, PUBLISH], A).get(`/api/gazette/issues/${issue.id}`)).status).toBe(404);
    expect((await h.as('chuyen-vien', [COMPOSE, PUBLISH], A).post('/api/gazette/issues', { publicationDate: '2026-12-01' })).status).toBe(404);
    expect((await h.as('chuyen-vien', [COMPOSE, PUBLISH], A).post(`/api/gazette/issues/${issue.id}/publish`)).status).toBe(404);
    expect((await composerOnly().post(`/api/gazette/issues/${issue.id}/publish`)).status).toBe(403);
    expect((await h.t.client.get(`/api/gazette/issues/${issue.id}/pdf`)).status).toBe(404);

    const requested = ok(await office().post(`/api/gazette/issues/${issue.id}/publish`), 202);
    expect(requested.status).toBe('rendering');
    refused(await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: d1 }), 409, 'GAZETTE_ERR_ISSUE_BUSY');
    expect(await h.t.drainJobs()).toBeGreaterThan(0);

    const published = ok(await office().get(`/api/gazette/issues/${issue.id}`));
    expect(published, published.renderError).toMatchObject({ status: 'published', renderError: null, pdfUrl: `/api/gazette/issues/${issue.id}/pdf` });
    expect(published.signature).toMatchObject({ signerName: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị', reason: 'Phát hành Công báo tỉnh Quảng Trị Số 1 năm 2026' });
    const [e1, e2] = published.entries;
    expect(e1.firstPage).toBeGreaterThan(1);
    expect(e2.firstPage).toBeGreaterThan(e1.lastPage);
    expect(e2.lastPage).toBeLessThan(published.pageCount);
    expect(e2.eliPath).toBe('/eli/quyet-dinh/2026/41-2026-qd-ubnd');
    expect(e1.eliPath).toBe('/eli/quyet-dinh/2026/12-2026-qd-ubnd');

    // The public download: no sign-in, the recorded hash, a signature that verifies against the test root.
    const download = await fetch(new URL(published.pdfUrl, h.t.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await download.arrayBuffer());
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(published.sha256);
    const verification = await verifyPdfSignature(pdf, { trustedRoots: [testPki().rootPem] });
    expect(verification.signed).toBe(true);
    expect(verification.signatures[0]).toMatchObject({ valid: true, trusted: true, coversWholeDocument: true });
    const pages = await pdfPageTexts(pdf);
    expect(pages.length - 1).toBe(published.pageCount);
    for (const entry of published.entries) {
      const text = pages.slice(entry.firstPage, entry.lastPage + 1).join(' ');
      expect(text).toContain('chậm nhất sau 15 ngày làm việc');
      expect(text).toContain('Số: 41/2026/QĐ-UBND');
    }
    expect(pages[2]).toContain('Quy định mức thu phí thẩm định đề án khai thác nước');

    // The documents: attributes, text, the original's hash; the submission is published.
    const doc = ok(await office().get(`/api/gazette/documents/${e2.documentId}`));
    expect(doc).toMatchObject({ kind: 'document', numberSymbol: '41/2026/QĐ-UBND', firstPage: e2.firstPage, lastPage: e2.lastPage, validity: 'in-force', issue: { id: issue.id, label: 'Số 1', year: 2026 } });
    expect(doc.fullText.replace(/\s+/g, ' ')).toContain('chậm nhất sau 15 ngày làm việc');
    expect(doc.originalSha256).toBe(createHash('sha256').update(docs.originalPdf).digest('hex'));
    expect(ok(await h.as('chuyen-vien', [SUBMIT], A).get(`/api/gazette/submissions/${d1}`)).status).toBe('published');

    // Immutable: every change answers 409.
    for (const res of [
      await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId: d1 }),
      await office().put(`/api/gazette/issues/${issue.id}/entries`, { entries: [{ submissionId: d1 }, { submissionId: d2 }] }),
      await office().delete(`/api/gazette/issues/${issue.id}/entries/${d1}`),
      await office().patch(`/api/gazette/issues/${issue.id}`, { publicationDate: '2026-12-02' }),
      await office().delete(`/api/gazette/issues/${issue.id}`),
      await office().post(`/api/gazette/issues/${issue.id}/publish`),
    ]) {
      refused(res, 409, 'GAZETTE_ERR_ISSUE_PUBLISHED');
    }

    // Audited: composition steps and the publication, by the people who did them.
    const audit = ok(await h.as('kiem-tra', ['core.audit.read'], PROVINCE).get('/api/core/audit', { query: { objectId: issue.id, limit: 50 } }));
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(
      ['gazette.issue.create', 'gazette.issue.entry-add', 'gazette.issue.entry-add', 'gazette.issue.entry-order', 'gazette.issue.publish-request', 'gazette.issue.publish'].sort(),
    );
    expect(audit.items.find((e: { action: string }) => e.action === 'gazette.issue.publish')).toMatchObject({ actorId: 'bien-tap-cong-bao', tenantId: issue.officeId });

    // Another province-level office (a second root unit) sees none of it.
    const root = h.as('quan-tri', ['core.tenants.manage'], PROVINCE);
    const created = await root.post('/api/core/tenants', { slug: 'tinh-thu-hai', nameVi: 'Tỉnh Thử Hai', kind: 'province' });
    expect(created.status, created.text).toBe(201);
    const stranger = h.as('bien-tap-khac', OFFICE_STAFF, 'tinh-thu-hai');
    expect((await stranger.get(`/api/gazette/issues/${issue.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/gazette/documents/${e2.documentId}`)).status).toBe(404);
    expect((await stranger.post(`/api/gazette/issues/${other.id}/entries`, { submissionId: d2 })).status).toBe(404);
    expect(ok(await stranger.get('/api/gazette/issues')).items).toEqual([]);
    // Its own numbering starts at 1; and it cannot place the first office's documents.
    const theirs = ok(await stranger.post('/api/gazette/issues', { publicationDate: '2026-12-01' }), 201);
    expect(theirs.numberFrom).toBe(1);
    expect((await stranger.post(`/api/gazette/issues/${theirs.id}/entries`, { submissionId: d1 })).status).toBe(404);
  });

  // It signs and publishes several issues, Chromium rendering each PDF: 27–28 s alone on a slow two-core
  // machine, beyond the 30 s default once the rest of the suite runs beside it.
  it('places each correction case in the right issue and refuses the violations; relations and validity', async () => {
    const docs = await documents;
    const issues = ok(await office().get('/api/gazette/issues', { query: { year: 2026 } })).items as { id: string; numberFrom: number; status: string }[];
    const i1 = issues.find((i) => i.numberFrom === 1)!;
    const i2 = issues.find((i) => i.numberFrom === 2)!;
    const d1 = ok(await office().get(`/api/gazette/issues/${i1.id}`)).entries.find((e: { numberSymbol: string }) => e.numberSymbol === '41/2026/QĐ-UBND');
    const d2 = ok(await office().get(`/api/gazette/issues/${i1.id}`)).entries.find((e: { numberSymbol: string }) => e.numberSymbol === '12/2026/QĐ-UBND');

    // A third issue (#3) publishes d4 before #2 does.
    const d4 = await passedSubmission(h, docs, A, { numberSymbol: '50/2026/QĐ-UBND', effectiveOn: '2026-05-01' });
    const i3 = ok(await office().post('/api/gazette/issues', { publicationDate: '2026-12-03' }), 201);
    expect(i3.numberFrom).toBe(3);
    ok(await office().post(`/api/gazette/issues/${i3.id}/entries`, { submissionId: d4 }));
    // Signing fails in the job (the certificate file went away): the issue is failed, with the reason, and nothing was published.
    const p12 = readFileSync(h.p12File);
    ok(await office().post(`/api/gazette/issues/${i3.id}/publish`), 202);
    rmSync(h.p12File);
    await h.t.drainJobs();
    const failed = ok(await office().get(`/api/gazette/issues/${i3.id}`));
    expect(failed).toMatchObject({ status: 'failed', pdfUrl: null, sha256: null });
    expect(failed.renderError).toMatch(/^GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE/);
    expect(failed.entries[0].documentId).toBeNull();
    expect(ok(await h.as('chuyen-vien', [SUBMIT], A).get(`/api/gazette/submissions/${d4}`)).status).toBe('passed');
    // Retry once the certificate is back.
    writeFileSync(h.p12File, p12, { mode: 0o600 });
    ok(await office().post(`/api/gazette/issues/${i3.id}/publish`), 202);
    await h.t.drainJobs();
    expect(ok(await office().get(`/api/gazette/issues/${i3.id}`))).toMatchObject({ status: 'published', renderError: null });
    const d4doc = ok(await office().get(`/api/gazette/issues/${i3.id}`)).entries[0];
    expect(d4doc.documentId).toBeTruthy();

    const d3 = await passedSubmission(h, docs, A, { numberSymbol: '60/2026/QĐ-UBND', effectiveOn: '2027-06-01' });
    const c1 = await passedSubmission(h, docs, A, { numberSymbol: '61/2026/QĐ-UBND', documentType: 'van-ban-khac', summary: 'Đính chính Quyết định số 41/2026/QĐ-UBND' });
    const c2 = await passedSubmission(h, docs, A, { numberSymbol: '62/2026/QĐ-UBND', documentType: 'van-ban-khac', summary: 'Đính chính Quyết định số 60/2026/QĐ-UBND' });
    const c3 = await passedSubmission(h, docs, A, { numberSymbol: '63/2026/QĐ-UBND', documentType: 'van-ban-khac', summary: 'Đính chính Quyết định số 50/2026/QĐ-UBND' });
    const o1 = await officeEnteredSubmission(h, docs, { numberSymbol: '01/2026/ĐC-CB', documentType: 'thong-bao', summary: 'Đính chính sai sót khi đăng Quyết định số 41/2026/QĐ-UBND', issuingAgency: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị' });

    const link = (correctionSubmissionId: string, correctedSubmissionId: string, source: 'issuer' | 'office') =>
      office().post('/api/gazette/corrections', { correctionSubmissionId, correctedSubmissionId, source, reason: 'Sai sót kỹ thuật ở Điều 3.' });
    expect(ok(await link(c1, d1.submissionId, 'issuer'), 201)).toMatchObject({ case: 'issuer-after', correctedDocumentId: d1.documentId, due: expect.any(String) });
    expect(ok(await link(c2, d3, 'issuer'), 201)).toMatchObject({ case: 'issuer-before', correctedDocumentId: null });
    expect(ok(await link(c3, d4, 'issuer'), 201).case).toBe('issuer-after');
    expect(ok(await link(o1, d1.submissionId, 'office'), 201).case).toBe('office');
    refused(await link(c1, d2.submissionId, 'issuer'), 409, 'GAZETTE_ERR_CORRECTION_LINK');
    // The office's own notice needs a published document and the office as issuer.
    refused(await link(c2, d3, 'office'), 409, 'GAZETTE_ERR_CORRECTION_LINK');

    expect(ok(await office().get('/api/gazette/corrections', { query: { pending: true } })).items).toHaveLength(4);

    // issuer-after: not into an issue numbered before the corrected document's (#2 < #3).
    refused(await office().post(`/api/gazette/issues/${i2.id}/entries`, { submissionId: c3 }), 409, 'GAZETTE_ERR_CORRECTION_PLACEMENT');
    // issuer-before: the faulty document and its notice go into the same issue.
    ok(await office().post(`/api/gazette/issues/${i2.id}/entries`, { submissionId: d3 }));
    const i4 = ok(await office().post('/api/gazette/issues', { publicationDate: '2026-12-05' }), 201);
    refused(await office().post(`/api/gazette/issues/${i4.id}/entries`, { submissionId: c2 }), 409, 'GAZETTE_ERR_CORRECTION_PLACEMENT');
    ok(await office().post(`/api/gazette/issues/${i2.id}/entries`, { submissionId: c1 }));
    ok(await office().post(`/api/gazette/issues/${i2.id}/entries`, { submissionId: o1 }));
    refused(await office().post(`/api/gazette/issues/${i2.id}/publish`), 409, 'GAZETTE_ERR_CORRECTION_PLACEMENT');
    ok(await office().post(`/api/gazette/issues/${i2.id}/entries`, { submissionId: c2 }));
    // c3 is ready and must go into the next issue it can: #4 may not be published without it.
    refused(await office().post(`/api/gazette/issues/${i4.id}/publish`), 409, 'GAZETTE_ERR_ISSUE_EMPTY');
    ok(await office().post(`/api/gazette/issues/${i2.id}/publish`), 202);
    await h.t.drainJobs();
    const p2 = ok(await office().get(`/api/gazette/issues/${i2.id}`));
    expect(p2.status, p2.renderError).toBe('published');
    expect(p2.entries.map((e: { correction: { case: string } | null }) => e.correction?.case ?? null)).toEqual([null, 'issuer-after', 'office', 'issuer-before']);
    const byNumber = (n: string) => p2.entries.find((e: { numberSymbol: string }) => e.numberSymbol === n);
    expect(byNumber('01/2026/ĐC-CB').eliPath).toBe('/eli/thong-bao/2026/01-2026-dc-cb');

    const extra = await passedSubmission(h, docs, B, { numberSymbol: '70/2026/QĐ-UBND' });
    ok(await office().post(`/api/gazette/issues/${i4.id}/entries`, { submissionId: extra }));
    refused(await office().post(`/api/gazette/issues/${i4.id}/publish`), 409, 'GAZETTE_ERR_CORRECTION_PLACEMENT');

    const pending = ok(await office().get('/api/gazette/corrections', { query: { pending: true } })).items;
    expect(pending.map((c: { correctionSubmissionId: string }) => c.correctionSubmissionId)).toEqual([c3]);
    const published = ok(await office().get('/api/gazette/corrections', { query: { pending: false } })).items as { id: string }[];
    expect(published).toHaveLength(3);
    refused(await office().delete(`/api/gazette/corrections/${published[0]!.id}`), 409, 'GAZETTE_ERR_CORRECTION_LINK');

    // Both ways: the corrected document lists its corrections; the notices say what they correct.
    const corrected = ok(await office().get(`/api/gazette/documents/${d1.documentId}`));
    expect(corrected.corrections.map((c: { case: string; issue: { id: string } }) => [c.case, c.issue.id]).sort()).toEqual([
      ['issuer-after', i2.id],
      ['office', i2.id],
    ]);
    expect(corrected.relations.incoming.filter((r: { kind: string }) => r.kind === 'corrects')).toHaveLength(2);
    const d3doc = ok(await office().get(`/api/gazette/documents/${byNumber('60/2026/QĐ-UBND').documentId}`));
    expect(d3doc.corrections).toEqual([expect.objectContaining({ case: 'issuer-before', correctedDocumentId: d3doc.id, issue: expect.objectContaining({ id: i2.id }) })]);
    expect(ok(await office().get(`/api/gazette/documents/${byNumber('62/2026/QĐ-UBND').documentId}`))).toMatchObject({ kind: 'correction', corrects: [expect.objectContaining({ correctedDocumentId: d3doc.id })] });

    // Relations and validity.
    expect(d3doc.validity).toBe('not-yet-in-force');
    const rel = (from: string, body: Record<string, unknown>) => office().post(`/api/gazette/documents/${from}/relations`, body);
    // d2 (in force) repeals part of d4 → partly expired.
    expect(ok(await rel(d2.documentId, { toDocumentId: d4doc.documentId, kind: 'repeals', partial: true, note: 'Bãi bỏ Điều 5' })).relations.outgoing).toHaveLength(1);
    expect(ok(await office().get(`/api/gazette/documents/${d4doc.documentId}`)).validity).toBe('partly-expired');
    // d3 (not yet in force) replaces d1 → d1 stays in force until d3 takes effect.
    ok(await rel(d3doc.id, { toDocumentId: d1.documentId, kind: 'replaces' }));
    expect(ok(await office().get(`/api/gazette/documents/${d1.documentId}`)).validity).toBe('in-force');
    // d2 repeals d1 whole → expired.
    ok(await rel(d2.documentId, { toDocumentId: d1.documentId, kind: 'repeals' }));
    expect(ok(await office().get(`/api/gazette/documents/${d1.documentId}`)).validity).toBe('expired');
    refused(await rel(d2.documentId, { toDocumentId: d1.documentId, kind: 'repeals' }), 409, 'GAZETTE_ERR_RELATION_INVALID');
    refused(await rel(d2.documentId, { toDocumentId: d1.documentId, kind: 'guides', partial: true }), 409, 'GAZETTE_ERR_RELATION_INVALID');
    expect((await rel(d2.documentId, { toDocumentId: d1.documentId, kind: 'corrects' })).status).toBe(400);
    ok(await office().delete(`/api/gazette/documents/${d2.documentId}/relations/${d1.documentId}/repeals`));
    expect(ok(await office().get(`/api/gazette/documents/${d1.documentId}`)).validity).toBe('in-force');
    // An end date that has passed.
    expect(ok(await office().put(`/api/gazette/documents/${d2.documentId}/expiry`, { expiresOn: '2026-05-01' })).validity).toBe('expired');
    // A manual override needs a reason; clearing it returns to the computed validity.
    expect((await office().put(`/api/gazette/documents/${d1.documentId}/validity`, { validity: 'expired' })).status).toBe(400);
    const overridden = ok(await office().put(`/api/gazette/documents/${d1.documentId}/validity`, { validity: 'expired', reason: 'Hết hiệu lực theo Quyết định 99/QĐ-UBND' }));
    expect(overridden).toMatchObject({ validity: 'expired', validityOverride: { validity: 'expired', reason: 'Hết hiệu lực theo Quyết định 99/QĐ-UBND', setBy: 'bien-tap-cong-bao' } });
    expect(ok(await office().put(`/api/gazette/documents/${d1.documentId}/validity`, { validity: null, reason: 'Nhập nhầm' })).validity).toBe('in-force');
  }, 120_000);
});

describeEachDialect('gazette issues without a signer', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startGazettePlatform(dialect);
  });
  afterAll(async () => h?.stop());

  it('refuses to publish unsigned unless publication.allowUnsigned is set', async () => {
    const office = h.as('bien-tap-cong-bao', OFFICE_STAFF, PROVINCE);
    const issue = ok(await office.post('/api/gazette/issues', { publicationDate: '2026-12-01' }), 201);
    refused(await office.post(`/api/gazette/issues/${issue.id}/publish`), 409, 'GAZETTE_ERR_UNSIGNED_REFUSED');
    expect(ok(await office.get(`/api/gazette/issues/${issue.id}`)).status).toBe('draft');
  });
});
