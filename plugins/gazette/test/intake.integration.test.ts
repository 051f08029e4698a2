import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { A, B, COMPARE, decision, makeDocuments, makeScannedOriginal, ok, PROVINCE, RECEIVE, startGazettePlatform, SUBMIT, type Documents, type Harness } from './gazette-support.js';

// The intake register (GAZ-10, GAZ-11, GAZ-12, GAZ-13, GAZ-01): submissions with real files, the
// office's register numbered per year, intake flags (never a refusal), who sees what, permissions,
// and problem+json answers that name the field.

const documents: Promise<Documents> = makeDocuments();
const scanned: Promise<Uint8Array> = makeScannedOriginal();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const THIS_YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));

describeEachDialect('gazette intake: submissions and the register', (dialect) => {
  let h: Harness;
  const issuerA = () => h.as('chuyen-vien-a', [SUBMIT], A);
  const issuerB = () => h.as('chuyen-vien-b', [SUBMIT], B);
  const clerk = () => h.as('van-thu-cong-bao', [RECEIVE], PROVINCE);

  /** Creates, attaches both files and (unless `send` is false) sends a submission of `unit`. */
  const submit = async (unit: string, user: string, attributes: Record<string, unknown>, files: { original: Uint8Array; electronic: Uint8Array }, send = true) => {
    const client = h.as(user, [SUBMIT], unit);
    const id = ok(await client.post('/api/gazette/submissions', decision(attributes)), 201).id as string;
    ok(await h.upload(user, [SUBMIT], unit, `/api/gazette/submissions/${id}/original`, { bytes: files.original, name: 'ban-goc-da-ky.pdf' }));
    ok(await h.upload(user, [SUBMIT], unit, `/api/gazette/submissions/${id}/electronic`, { bytes: files.electronic, name: 'ban-dien-tu.docx' }));
    return send ? ok(await client.post(`/api/gazette/submissions/${id}/send`, {})) : ok(await client.get(`/api/gazette/submissions/${id}`));
  };

  beforeAll(async () => {
    h = await startGazettePlatform(dialect);
  });
  afterAll(async () => h?.stop());

  it('registers what arrives with register numbers sequential in the year, and keeps each file with its SHA-256', async () => {
    const docs = await documents;
    const first = await submit(A, 'chuyen-vien-a', { numberSymbol: '01/2026/QĐ-UBND' }, { original: docs.originalPdf, electronic: docs.correctDocx });
    expect(first).toMatchObject({ status: 'sent', number: '1', year: 2026, symbol: 'QĐ-UBND', sourceChannel: 'portal', origin: 'issuer', register: null, issuer: { slug: A } });
    expect(first.files.map((f: Record<string, unknown>) => [f.role, f.fileName, f.mediaType, f.size, f.sha256])).toEqual([
      ['electronic', 'ban-dien-tu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docs.correctDocx.byteLength, sha256(docs.correctDocx)],
      ['original', 'ban-goc-da-ky.pdf', 'application/pdf', docs.originalPdf.byteLength, sha256(docs.originalPdf)],
    ]);
    const second = await submit(B, 'chuyen-vien-b', { numberSymbol: '07/2026/QĐ-STP', issuingAgency: 'Sở Tư pháp' }, { original: docs.originalPdf, electronic: docs.correctDocx });

    // The office enters a third one that came by post, and registers it with the day it arrived.
    const onBehalf = ok(await clerk().post('/api/gazette/intake', { ...decision({ numberSymbol: '15/2026/NQ-HĐND', documentType: 'nghi-quyet', issuingAgency: 'Hội đồng nhân dân tỉnh' }), issuerUnitId: A, sourceChannel: 'post' }), 201);
    expect(onBehalf).toMatchObject({ status: 'draft', origin: 'office', sourceChannel: 'post', issuer: { slug: A } });
    ok(await h.upload('van-thu-cong-bao', [RECEIVE], PROVINCE, `/api/gazette/intake/${onBehalf.id}/original`, { bytes: docs.originalPdf, name: 'nq-15.pdf' }));
    ok(await h.upload('van-thu-cong-bao', [RECEIVE], PROVINCE, `/api/gazette/intake/${onBehalf.id}/electronic`, { bytes: docs.correctDocx, name: 'nq-15.docx' }));

    const labels: string[] = [];
    for (const id of [first.id, second.id, onBehalf.id]) {
      const registered = ok(await clerk().post(`/api/gazette/intake/${id}/register`, id === onBehalf.id ? { receivedAt: new Date(Date.now() - 3600_000).toISOString() } : { remark: 'Đã nhận đủ hồ sơ' }));
      expect(registered.status).toBe('registered');
      expect(registered.register).toMatchObject({ year: THIS_YEAR, registeredBy: 'van-thu-cong-bao' });
      labels.push(registered.register.label);
    }
    expect(labels).toEqual([`1/${THIS_YEAR}`, `2/${THIS_YEAR}`, `3/${THIS_YEAR}`]);
    const register = ok(await clerk().get('/api/gazette/intake', { query: { registerYear: THIS_YEAR } }));
    expect(register.items.map((s: { register: { number: number } }) => s.register.number)).toEqual([1, 2, 3]);
    expect(register.items.map((s: { issuer: { slug: string } }) => s.issuer.slug)).toEqual([A, B, A]);

    // Registering twice is refused; the register keeps its numbers.
    const again = await clerk().post(`/api/gazette/intake/${first.id}/register`, {});
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.body.code).toBe('GAZETTE_ERR_SUBMISSION_TRANSITION');

    // The office-entered document is dated when it arrived, not when it was typed in.
    const entered = ok(await clerk().get(`/api/gazette/intake/${onBehalf.id}`));
    expect(entered.timeline.map((s: { action: string }) => s.action)).toEqual(['sent', 'created', 'file-attached', 'file-attached', 'registered', 'intake-checked']);
    expect(Date.parse(entered.sentAt)).toBeLessThan(Date.parse(entered.register.registeredAt));
  });

  it('flags a missing marker, a scanned original and a duplicate number, and never refuses them', async () => {
    const docs = await documents;
    const unmarked = await submit(A, 'chuyen-vien-a', { numberSymbol: '20/2026/QĐ-UBND' }, { original: docs.unmarkedPdf, electronic: docs.correctDocx });
    expect(unmarked.status).toBe('sent');
    expect(unmarked.flags.map((f: { code: string }) => f.code)).toEqual(['marker-missing']);
    expect(unmarked.flags[0].message.vi).toContain('VĂN BẢN GỬI ĐĂNG CÔNG BÁO');
    expect(unmarked.timeline.find((s: { action: string }) => s.action === 'intake-checked').detail.flags).toEqual(unmarked.flags);

    const scan = await submit(A, 'chuyen-vien-a', { numberSymbol: '21/2026/QĐ-UBND' }, { original: await scanned, electronic: docs.correctDocx });
    expect(scan.status).toBe('sent');
    const codes = scan.flags.map((f: { code: string }) => f.code);
    expect(codes).toContain('original-scanned');
    // OCR read the scan (Tesseract with the Vietnamese model is installed here): the missing marker is found on it too.
    expect(codes).toContain('marker-missing');

    // The same number and symbol from the same issuer: flagged on sending (written differently, still the same).
    const duplicate = await submit(A, 'chuyen-vien-a', { numberSymbol: '020 / 2026 / qđ-ubnd' }, { original: docs.originalPdf, electronic: docs.correctDocx });
    expect(duplicate.status).toBe('sent');
    expect(duplicate.flags.map((f: { code: string }) => f.code)).toEqual(['duplicate-number']);
    expect(duplicate.flags[0].message.vi).toContain('trùng');
    // Another issuer may use the same number.
    const otherIssuer = await submit(B, 'chuyen-vien-b', { numberSymbol: '20/2026/QĐ-UBND' }, { original: docs.originalPdf, electronic: docs.correctDocx });
    expect(otherIssuer.flags).toEqual([]);
  });

  it('shows an issuer only its own submissions and the office only what was sent to it (404 otherwise)', async () => {
    const docs = await documents;
    const draft = await submit(A, 'chuyen-vien-a', { numberSymbol: '30/2026/QĐ-UBND' }, { original: docs.originalPdf, electronic: docs.correctDocx }, false);
    expect(draft.status).toBe('draft');
    // Another unit: 404 on every route, and nothing in its list.
    expect((await issuerB().get(`/api/gazette/submissions/${draft.id}`)).status).toBe(404);
    expect((await issuerB().patch(`/api/gazette/submissions/${draft.id}`, { summary: 'Sửa trộm' })).status).toBe(404);
    expect((await issuerB().post(`/api/gazette/submissions/${draft.id}/send`, {})).status).toBe(404);
    expect((await issuerB().post(`/api/gazette/submissions/${draft.id}/withdraw`, { reason: 'Rút trộm' })).status).toBe(404);
    expect((await h.upload('chuyen-vien-b', [SUBMIT], B, `/api/gazette/submissions/${draft.id}/original`, { bytes: docs.originalPdf, name: 'x.pdf' })).status).toBe(404);
    expect((ok(await issuerB().get('/api/gazette/submissions')).items as { id: string }[]).map((s) => s.id)).not.toContain(draft.id);
    // The office does not see an unsent draft…
    expect((await clerk().get(`/api/gazette/intake/${draft.id}`)).status).toBe(404);
    expect((ok(await clerk().get('/api/gazette/intake', { query: { limit: 100 } })).items as { id: string }[]).map((s) => s.id)).not.toContain(draft.id);
    // …and sees it once sent.
    ok(await issuerA().post(`/api/gazette/submissions/${draft.id}/send`, {}));
    expect(ok(await clerk().get(`/api/gazette/intake/${draft.id}`)).status).toBe('sent');
    // A unit below the province is no office: its register is empty, the document 404.
    const notOffice = h.as('van-thu-so', [RECEIVE], B);
    expect(ok(await notOffice.get('/api/gazette/intake')).total).toBe(0);
    expect((await notOffice.get(`/api/gazette/intake/${draft.id}`)).status).toBe(404);
    expect((await notOffice.post(`/api/gazette/intake/${draft.id}/register`, {})).status).toBe(404);
    // The issuer may withdraw what is not yet published, with a reason in the timeline.
    const withdrawn = ok(await issuerA().post(`/api/gazette/submissions/${draft.id}/withdraw`, { reason: 'Văn bản bị thay thế' }));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: 'Văn bản bị thay thế' });
    expect(withdrawn.timeline.at(-1)).toMatchObject({ action: 'withdrawn', actorId: 'chuyen-vien-a', remark: 'Văn bản bị thay thế' });
  });

  it('refuses each action without its permission', async () => {
    const docs = await documents;
    const sent = await submit(A, 'chuyen-vien-a', { numberSymbol: '40/2026/QĐ-UBND' }, { original: docs.originalPdf, electronic: docs.correctDocx });
    const nobody = (unit: string) => h.as('khach', ['gazette.compose'], unit);
    expect((await nobody(A).post('/api/gazette/submissions', decision())).status).toBe(403);
    expect((await nobody(A).get('/api/gazette/submissions')).status).toBe(403);
    expect((await nobody(A).get(`/api/gazette/submissions/${sent.id}`)).status).toBe(403);
    expect((await nobody(A).put('/api/gazette/contact', { email: 'a@b.vn' })).status).toBe(403);
    expect((await h.upload('khach', ['gazette.compose'], A, `/api/gazette/submissions/${sent.id}/original`, { bytes: docs.originalPdf, name: 'x.pdf' })).status).toBe(403);
    // The office's steps each need their own permission: receiving is not comparing, and the reverse.
    const comparer = h.as('bien-tap', [COMPARE], PROVINCE);
    expect((await comparer.get('/api/gazette/intake')).status).toBe(403);
    expect((await comparer.post(`/api/gazette/intake/${sent.id}/register`, {})).status).toBe(403);
    expect((await comparer.get('/api/gazette/deadlines')).status).toBe(403);
    ok(await clerk().post(`/api/gazette/intake/${sent.id}/register`, {}));
    expect((await clerk().post(`/api/gazette/review/${sent.id}/rounds`)).status).toBe(403);
    expect((await clerk().get('/api/gazette/review')).status).toBe(403);
    // An issuer cannot act as the office, even in the province unit.
    expect((await h.as('chuyen-vien-tinh', [SUBMIT], PROVINCE).get('/api/gazette/intake')).status).toBe(403);
    const round = ok(await comparer.post(`/api/gazette/review/${sent.id}/rounds`), 201);
    expect(round.round).toBe(1);
    expect((ok(await comparer.get('/api/gazette/review')).items as { id: string }[]).map((s) => s.id)).toContain(sent.id);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const docs = await documents;
    const post = (body: Record<string, unknown>) => issuerA().post('/api/gazette/submissions', body);
    const pointers = async (body: Record<string, unknown>) => {
      const res = await post(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      return (res.body.errors as { pointer: string }[]).map((e) => e.pointer);
    };
    const { summary: _summary, ...withoutSummary } = decision();
    expect(await pointers(withoutSummary)).toContain('/summary');
    expect(await pointers(decision({ numberSymbol: 'Quyết định số bốn mốt' }))).toEqual(['/numberSymbol']);
    expect(await pointers(decision({ signedOn: '12/03/2026' }))).toContain('/signedOn');
    expect(await pointers(decision({ effectiveOn: '2026-03-01' }))).toEqual(['/effectiveOn']);
    expect(await pointers(decision({ signedOn: '2099-01-01', effectiveOn: null }))).toEqual(['/signedOn']);
    expect(await pointers(decision({ documentType: 'cong-van' }))).toContain('/documentType');
    expect(await pointers(decision({ submitterEmail: 'không phải thư' }))).toContain('/submitterEmail');
    expect(await pointers(decision({ tenantId: 'so-y-te' }))).toContain('/tenantId');
    const office = await clerk().post('/api/gazette/intake', { ...decision(), issuerUnitId: 'khong-co-don-vi-nay', sourceChannel: 'email' });
    expect(office.status).toBe(400);
    expect(office.body.errors[0].pointer).toBe('/issuerUnitId');

    // A DOCX is no signed original (type sniffed from the bytes), and a draft without files cannot be sent.
    const id = ok(await post(decision({ numberSymbol: '50/2026/QĐ-UBND' })), 201).id as string;
    const wrongType = await h.upload('chuyen-vien-a', [SUBMIT], A, `/api/gazette/submissions/${id}/original`, { bytes: docs.correctDocx, name: 'ban-goc.pdf' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.errors[0].pointer).toBe('/file');
    const unsendable = await issuerA().post(`/api/gazette/submissions/${id}/send`, {});
    expect(unsendable.status).toBe(409);
    expect(unsendable.body.code).toBe('GAZETTE_ERR_FILES_MISSING');

    // A draft's attributes can be corrected (the sending deadline follows the signing date); a sent document's cannot.
    const edited = ok(await issuerA().patch(`/api/gazette/submissions/${id}`, { signedOn: '2026-03-13', summary: 'Trích yếu đã sửa' }));
    expect(edited).toMatchObject({ signedOn: '2026-03-13', summary: 'Trích yếu đã sửa', deadlines: { send: { due: '2026-03-16' } } });
    expect((await issuerA().patch(`/api/gazette/submissions/${id}`, {})).body.errors[0].pointer).toBe('');
    ok(await h.upload('chuyen-vien-a', [SUBMIT], A, `/api/gazette/submissions/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('chuyen-vien-a', [SUBMIT], A, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu.docx' }));
    ok(await issuerA().post(`/api/gazette/submissions/${id}/send`, {}));
    const late = await issuerA().patch(`/api/gazette/submissions/${id}`, { summary: 'Sửa sau khi gửi' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('GAZETTE_ERR_SUBMISSION_TRANSITION');
  });
});
