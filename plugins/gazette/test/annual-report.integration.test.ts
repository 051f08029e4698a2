import { strFromU8, unzipSync } from 'fflate';
import { TEST_PRINCIPAL_HEADER } from '@cong/sdk/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { addCalendarDays, vietnamDate } from '../src/intake/vietnam-date.js';
import { A, B, COMPARE, decision, makeDocuments, ok, PROVINCE, RECEIVE, SUBMIT, type Documents } from './gazette-support.js';
import { COMPOSE, OFFICE_STAFF, officeEnteredSubmission, passedSubmission, pdfPageTexts, startPublicationPlatform, type PublicationHarness } from './publication-support.js';
import { parseXmlInChromium } from './public-support.js';

// The annual report (GAZ-32) over a period of real data built through the routes on both dialects:
// documents sent on time and late, one returned for discrepancies, one the office received a month ago
// and published late, one still pending; two issues (one grouped) published by the job with a real
// signature; a correction of each case. Then the figures, the DOCX, XLSX and PDF, and the refusals.

const documents: Promise<Documents> = makeDocuments();
const today = vietnamDate(Date.now());
const daysAgo = (n: number) => addCalendarDays(today, -n);
const year = Number(today.slice(0, 4));
const later = addCalendarDays(today, 30);

interface Table {
  id: string;
  title: { vi: string; en: string };
  columns: { key: string; label: { vi: string; en: string } }[];
  rows: Record<string, string | number>[];
}

/** The cells of each row of a worksheet, as written: numbers as numbers, inline strings as text. */
function sheetRows(xml: string): (string | number)[][] {
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) =>
    [...row[1]!.matchAll(/<c r="[A-Z]+\d+"( t="inlineStr")?[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((c) =>
      c[1] ? c[3]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : Number(c[2]),
    ),
  );
}

describeEachDialect('gazette annual report (GAZ-32)', (dialect) => {
  let h: PublicationHarness;
  const office = () => h.as('bien-tap-cong-bao', OFFICE_STAFF, PROVINCE);
  const reportPath = `/api/gazette/reports/annual`;
  const period = { year: String(year), from: daysAgo(60), to: today };
  let pages = 0;

  /** The issuer sends a copy with a discrepancy; the office returns it; the corrected copy passes. */
  async function returnedThenPassed(docs: Documents, unit: string, overrides: Record<string, unknown>): Promise<string> {
    const issuer = h.as('chuyen-vien', [SUBMIT], unit);
    const id = ok(await issuer.post('/api/gazette/submissions', decision(overrides)), 201).id as string;
    ok(await h.upload('chuyen-vien', [SUBMIT], unit, `/api/gazette/submissions/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('chuyen-vien', [SUBMIT], unit, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.inaccurateDocx, name: 'ban-dien-tu.docx' }));
    ok(await issuer.post(`/api/gazette/submissions/${id}/send`, {}));
    ok(await h.as('van-thu', [RECEIVE], PROVINCE).post(`/api/gazette/intake/${id}/register`, {}));
    const reviewer = h.as('bien-tap', [COMPARE], PROVINCE);
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds`), 201);
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds/1/return`, { notes: ['Điều 3: thời hạn ghi sai so với bản gốc.'] }));
    ok(await h.upload('chuyen-vien', [SUBMIT], unit, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu-sua.docx' }));
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds`), 201);
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds/2/pass`, {}));
    return id;
  }

  /** The office enters a document that reached it by post at `receivedAt`, on `unit`'s behalf, and passes it. */
  async function receivedByPost(docs: Documents, unit: string, receivedAt: string, overrides: Record<string, unknown>): Promise<string> {
    const clerk = h.as('van-thu', [RECEIVE], PROVINCE);
    const id = ok(await clerk.post('/api/gazette/intake', { ...decision(overrides), issuerUnitId: unit, sourceChannel: 'post' }), 201).id as string;
    ok(await h.upload('van-thu', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('van-thu', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu.docx' }));
    ok(await clerk.post(`/api/gazette/intake/${id}/register`, { receivedAt }));
    const reviewer = h.as('bien-tap', [COMPARE], PROVINCE);
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds`), 201);
    ok(await reviewer.post(`/api/gazette/review/${id}/rounds/1/pass`, {}));
    return id;
  }

  async function publish(publicationDate: string, submissionIds: readonly string[], numberCount = 1): Promise<number> {
    const issue = ok(await office().post('/api/gazette/issues', { publicationDate, numberCount }), 201);
    for (const submissionId of submissionIds) ok(await office().post(`/api/gazette/issues/${issue.id}/entries`, { submissionId }));
    ok(await office().post(`/api/gazette/issues/${issue.id}/publish`), 202);
    await h.t.drainJobs();
    const published = ok(await office().get(`/api/gazette/issues/${issue.id}`));
    expect(published.status, published.renderError).toBe('published');
    return published.pageCount as number;
  }

  beforeAll(async () => {
    h = await startPublicationPlatform(dialect);
    const docs = await documents;
    const ubnd = { issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị', effectiveOn: later };
    const stp = { issuingAgency: 'Sở Tư pháp tỉnh Quảng Trị', effectiveOn: later };
    // Issuer A: on time; sent late (signed ten days before sending); sent inaccurate, returned, corrected.
    const onTime = await passedSubmission(h, docs, A, { ...ubnd, numberSymbol: `101/${year}/QĐ-UBND`, signedOn: daysAgo(1) });
    const sentLate = await passedSubmission(h, docs, A, { ...ubnd, numberSymbol: `102/${year}/QĐ-UBND`, signedOn: daysAgo(10) });
    const inaccurate = await returnedThenPassed(docs, A, { ...ubnd, documentType: 'nghi-quyet', numberSymbol: `103/${year}/NQ-HĐND`, issuingAgency: 'Hội đồng nhân dân tỉnh Quảng Trị', signedOn: daysAgo(1) });
    // Received by post a month ago on A's behalf: the office publishes it late.
    const officeLate = await receivedByPost(docs, A, new Date(Date.parse(`${daysAgo(30)}T09:00:00+07:00`)).toISOString(), { ...ubnd, numberSymbol: `104/${year}/QĐ-UBND`, signedOn: daysAgo(31) });
    // Issuer B: published, later corrected after publication; one corrected before publication; one pending.
    const toCorrectAfter = await passedSubmission(h, docs, B, { ...stp, numberSymbol: `201/${year}/QĐ-STP`, signedOn: daysAgo(1) });
    const toCorrectBefore = await passedSubmission(h, docs, B, { ...stp, numberSymbol: `202/${year}/QĐ-STP`, signedOn: daysAgo(1) });
    const noticeBefore = await passedSubmission(h, docs, B, { ...stp, documentType: 'van-ban-khac', numberSymbol: '01/ĐC-STP', signedOn: today });
    const issuer = h.as('chuyen-vien', [SUBMIT], B);
    const pending = ok(await issuer.post('/api/gazette/submissions', decision({ ...stp, numberSymbol: `203/${year}/QĐ-STP`, signedOn: daysAgo(1) })), 201).id as string;
    ok(await h.upload('chuyen-vien', [SUBMIT], B, `/api/gazette/submissions/${pending}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
    ok(await h.upload('chuyen-vien', [SUBMIT], B, `/api/gazette/submissions/${pending}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu.docx' }));
    ok(await issuer.post(`/api/gazette/submissions/${pending}/send`, {}));

    const link = async (correctionSubmissionId: string, correctedSubmissionId: string, source: 'issuer' | 'office', reason: string) =>
      ok(await h.as('bien-tap', [COMPOSE], PROVINCE).post('/api/gazette/corrections', { correctionSubmissionId, correctedSubmissionId, source, reason }), 201);
    expect((await link(noticeBefore, toCorrectBefore, 'issuer', 'Sai số liệu tại Điều 2')).case).toBe('issuer-before');
    pages += await publish(today, [onTime, sentLate, inaccurate, officeLate, toCorrectAfter, toCorrectBefore, noticeBefore]);

    const noticeAfter = await passedSubmission(h, docs, B, { ...stp, documentType: 'van-ban-khac', numberSymbol: '02/ĐC-STP', signedOn: today });
    const noticeOffice = await officeEnteredSubmission(h, docs, { documentType: 'van-ban-khac', numberSymbol: '03/ĐC-VP', signedOn: today, effectiveOn: later, issuingAgency: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị' });
    expect((await link(noticeAfter, toCorrectAfter, 'issuer', 'Sai tên cơ quan ban hành')).case).toBe('issuer-after');
    expect((await link(noticeOffice, officeLate, 'office', 'Lỗi dàn trang của cơ quan Công báo')).case).toBe('office');
    pages += await publish(today, [noticeAfter, noticeOffice], 2);
  });
  afterAll(async () => h?.stop());

  it('counts what was received, compared, published on time or late by cause, pending, the issues and the corrections', async () => {
    const report = ok(await office().get(reportPath, { query: period }));
    expect(report).toMatchObject({ year, from: period.from, to: today, basis: { citation: expect.stringContaining('TT 02/2025/TT-VPCP'), dueDate: `${year + 1}-01-15` } });
    expect(report.basis.citation).toContain('cần đối chiếu');
    expect(report.totals).toEqual({
      received: 10,
      receivedFromIssuers: 8,
      receivedByOffice: 2,
      comparisonRoundsPassed: 9,
      comparisonRoundsReturned: 1,
      documentsWithDiscrepancies: 1,
      published: 9,
      publishedOnTime: 7,
      publishedLate: 2,
      lateSentByIssuer: 1,
      lateInaccurateByIssuer: 0,
      latePublishedByOffice: 1,
      pendingAtEnd: 1,
      withdrawn: 0,
      issues: 2,
      issuesOrdinary: 1,
      issuesGrouped: 1,
      issueNumbers: 3,
      issuePages: pages,
      corrections: 3,
      correctionsIssuerBefore: 1,
      correctionsIssuerAfter: 1,
      correctionsOffice: 1,
      correctionsPublished: 3,
    });
    const table = (id: string) => (report.tables as Table[]).find((t) => t.id === id)!;
    expect((report.tables as Table[]).map((t) => t.id)).toEqual(['summary', 'received-by-agency', 'by-type', 'issues', 'corrections-by-case', 'corrections-by-cause', 'issuers']);
    for (const t of report.tables as Table[]) {
      expect(t.title.vi && t.title.en).toBeTruthy();
      for (const row of t.rows) for (const c of t.columns) expect(row[c.key], `${t.id}.${c.key}`).toBeDefined();
    }
    expect(table('received-by-agency').rows).toEqual([
      { agency: 'Hội đồng nhân dân tỉnh Quảng Trị', received: 1 },
      { agency: 'Sở Tư pháp tỉnh Quảng Trị', received: 5 },
      { agency: 'Ủy ban nhân dân tỉnh Quảng Trị', received: 3 },
      { agency: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị', received: 1 },
    ]);
    expect(table('by-type').rows).toEqual([
      { type: 'Nghị quyết', received: 1, published: 1 },
      { type: 'Quyết định', received: 6, published: 5 },
      { type: 'Văn bản khác', received: 3, published: 3 },
    ]);
    expect(table('issues').rows.map((r) => [r.issue, r.documents])).toEqual([
      [`Số 1/${year}`, 7],
      [`Từ số 2 đến số 3/${year}`, 2],
    ]);
    expect(table('corrections-by-case').rows.map((r) => [r.corrections, r.published])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(table('corrections-by-cause').rows.map((r) => r.cause).sort()).toEqual(['Lỗi dàn trang của cơ quan Công báo', 'Sai số liệu tại Điều 2', 'Sai tên cơ quan ban hành']);
    const issuers = Object.fromEntries(table('issuers').rows.map((r) => [r.issuer, r]));
    expect(issuers['Văn phòng Ủy ban nhân dân tỉnh']).toEqual({ issuer: 'Văn phòng Ủy ban nhân dân tỉnh', received: 4, returned: 1, published: 4, onTime: 2, sentLate: 1, inaccurateLate: 0, officeLate: 1, pending: 0 });
    expect(issuers['Sở Tư pháp']).toEqual({ issuer: 'Sở Tư pháp', received: 5, returned: 0, published: 4, onTime: 4, sentLate: 0, inaccurateLate: 0, officeLate: 0, pending: 1 });
    expect(issuers['Tỉnh Quảng Trị']).toMatchObject({ received: 1, published: 1, onTime: 1 });

    // A period before any of it counts nothing; the default period is the whole year.
    const before = ok(await office().get(reportPath, { query: { year: String(year - 1) } }));
    expect(before).toMatchObject({ from: `${year - 1}-01-01`, to: `${year - 1}-12-31`, totals: { received: 0, published: 0, issues: 0, pendingAtEnd: 0 } });
  });

  it('downloads a DOCX, an XLSX and a PDF that carry the figures', async () => {
    const report = ok(await office().get(reportPath, { query: period }));
    const download = async (format: string) => {
      const res = await fetch(new URL(`${reportPath}?${new URLSearchParams({ ...period, format })}`, h.t.url), { headers: { 'x-cong-tenant': PROVINCE, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: 'bien-tap-cong-bao', permissions: [RECEIVE] }) } });
      expect(res.status, await res.clone().text()).toBe(200);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(new RegExp(`^attachment; filename="bao-cao-cong-tac-cong-bao-${year}-[\\d-]+\\.${format}"; filename\\*=UTF-8''`));
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`Báo cáo công tác Công báo năm ${year} ${period.from} đến ${period.to}.${format}`);
      return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
    };

    const docx = await download('docx');
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const word = unzipSync(docx.bytes);
    const documentXml = strFromU8(word['word/document.xml']!);
    const wordText = [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'VĂN PHÒNG', 'BÁO CÁO', `Tình hình thực hiện công tác Công báo năm ${year}`, 'TT 02/2025/TT-VPCP', `Quảng Trị, ngày ${today.slice(8, 10)} tháng ${today.slice(5, 7)} năm ${year}`, 'CHÁNH VĂN PHÒNG', 'Nơi nhận:', 'Sai tên cơ quan ban hành']) {
      expect(wordText).toContain(text);
    }
    expect(wordText).toContain('đã tiếp nhận 10 văn bản');
    expect(wordText).toMatch(/Chậm do cơ quan Công báo đăng muộn\|1\|/);

    const xlsx = await download('xlsx');
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = unzipSync(xlsx.bytes);
    expect(Object.keys(book)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet8.xml']));
    const workbook = strFromU8(book['xl/workbook.xml']!);
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['Thông tin', ...(report.tables as Table[]).map((t) => t.title.vi.slice(0, 31).trim())]);
    const sheets = Object.keys(book).filter((n) => n.startsWith('xl/') || n.endsWith('.xml') || n.endsWith('.rels')).map((n) => strFromU8(book[n]!));
    // Every part is well-formed XML (Chromium's strict parser).
    for (const parsed of await parseXmlInChromium(sheets)) expect(parsed.error).toBeNull();
    const summary = sheetRows(strFromU8(book['xl/worksheets/sheet2.xml']!));
    expect(summary[0]).toEqual(['Chỉ tiêu', 'Số lượng']);
    expect(summary).toContainEqual(['Văn bản tiếp nhận', 10]);
    expect(summary).toContainEqual(['Đăng đúng thời hạn', 7]);
    expect(summary).toContainEqual(['Tổng số trang', pages]);
    const issuerSheet = sheetRows(strFromU8(book['xl/worksheets/sheet8.xml']!));
    expect(issuerSheet).toContainEqual(['Văn phòng Ủy ban nhân dân tỉnh', 4, 1, 4, 2, 1, 0, 1, 0]);

    const pdf = await download('pdf');
    expect(pdf.type).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = (await pdfPageTexts(pdf.bytes)).join(' ');
    for (const phrase of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Văn bản tiếp nhận', 'Sở Tư pháp', 'Lỗi dàn trang của cơ quan Công báo', 'CHÁNH VĂN PHÒNG']) expect(text).toContain(phrase);
    expect(text).toContain('đã tiếp nhận 10 văn bản');
  });

  it('is for the gazette office with gazette.receive only, and names the field of a bad request', async () => {
    // Without the permission: 403; another unit with it: 404 (it is not a gazette office).
    expect((await h.as('bien-tap-vien', [COMPOSE], PROVINCE).get(reportPath, { query: period })).status).toBe(403);
    expect((await h.as('chuyen-vien', [RECEIVE, SUBMIT], A).get(reportPath, { query: period })).status).toBe(404);
    expect((await h.as('chuyen-vien', [RECEIVE], B).get(reportPath, { query: { ...period, format: 'xlsx' } })).status).toBe(404);
    const pointer = async (query: Record<string, string>) => {
      const res = await office().get(reportPath, { query });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('CONG_ERR_VALIDATION');
      return (res.body.errors as { pointer: string }[]).map((e) => e.pointer);
    };
    expect(await pointer({})).toContain('/year');
    expect(await pointer({ year: 'hai-nghin' })).toContain('/year');
    expect(await pointer({ year: '1999' })).toContain('/year');
    expect(await pointer({ year: String(year), from: `${year}-02-30` })).toContain('/from');
    expect(await pointer({ year: String(year), from: `${year}-03-01`, to: `${year}-02-01` })).toContain('/to');
    expect(await pointer({ year: String(year), format: 'csv' })).toContain('/format');
    expect(await pointer({ year: String(year), extra: '1' })).toContain('/extra');
  });
});
