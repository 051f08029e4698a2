import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestClient } from '@cong/sdk/testing';
import type { Database } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { vietnamDate } from '../src/intake/vietnam-date.js';
import { makeTextPdf } from './fixtures/gazette-documents.js';
import { testPki } from './fixtures/test-certificate.js';
import { A, B, GAZETTE, makeDocuments, ok, PROVINCE, SmtpSink, type Documents, type Harness } from './gazette-support.js';
import { OFFICE_STAFF, passedSubmission } from './publication-support.js';
import { getOnHost, openDatabase, seedIssue, unitId, type SeedDb } from './public-support.js';

// The public verification page and its API twin (GAZ-05, GAZ-23) on both dialects, against an issue
// published by the real job and signed with the test PKI's organisation, the test root configured as
// trusted: the published file matches and verifies; a changed byte breaks both; an unsigned PDF, a
// non-PDF, hash look-ups, another unit's gazette, the link from the issue page and the rate limit.

const PASSPHRASE_ENV = 'CONG_GAZETTE_TEST_P12_PASSPHRASE';
const documents: Promise<Documents> = makeDocuments();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The publication platform of publication-support.ts, with the test root as the verification's trusted root. */
async function startVerificationPlatform(dialect: 'sqlite' | 'mysql'): Promise<Harness> {
  const pki = testPki();
  const dir = mkdtempSync(join(tmpdir(), 'cong-gazette-verification-'));
  const p12File = join(dir, 'to-chuc.p12');
  const rootFile = join(dir, 'root.pem');
  writeFileSync(p12File, pki.organisation.p12, { mode: 0o600 });
  writeFileSync(rootFile, pki.rootPem);
  process.env[PASSPHRASE_ENV] = pki.organisation.passphrase;
  const sink = new SmtpSink();
  await sink.listen();
  const t = await createTestPlatform({
    plugins: [GAZETTE],
    database: dialect,
    config: {
      demo: true,
      mail: { from: 'Công báo tỉnh Quảng Trị <congbao@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
      pluginConfig: { gazette: { signing: { mode: 'p12', p12: { file: p12File, passphraseEnv: PASSPHRASE_ENV }, trustedRootFiles: [rootFile] } } },
    },
  });
  expect(t.report.plugins.find((p) => p.id === 'gazette')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  const as = (user: string, permissions: readonly string[], unit: string): TestClient => {
    const client = t.client.as({ id: user, permissions: [...permissions] });
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
  };
  return {
    t,
    sink,
    as,
    async upload(user, permissions, unit, path, file) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
      const res = await fetch(new URL(path, t.url), { method: 'PUT', body: form, headers: { 'x-cong-tenant': unit, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: user, permissions }) } });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text };
    },
    async stop() {
      await t.stop();
      await sink.close();
    },
  };
}

describeEachDialect('gazette file verification page and API', (dialect) => {
  let h: Harness;
  let database: Database;
  let issuePdf: Uint8Array;
  let issue: { id: string; year: number; numberFrom: number; sha256: string };
  let unsignedPdf: Uint8Array;
  let foreignPdf: Uint8Array;
  let docs: Documents;

  /** Posts `bytes` as the page's form (field `tep`) to `/t/<unit>/cong-bao/kiem-tra`, anonymously. */
  const uploadPage = async (bytes: Uint8Array, name: string, unit = PROVINCE) => {
    const form = new FormData();
    form.append('tep', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(new URL(`/t/${unit}/cong-bao/kiem-tra`, h.t.url), { method: 'POST', body: form });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const uploadApi = async (bytes: Uint8Array, name: string, unit = PROVINCE) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(new URL('/api/gazette/v1/verify', h.t.url), { method: 'POST', body: form, headers: { 'x-cong-tenant': unit } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const page = (path: string, unit = PROVINCE) => h.t.client.get(`/t/${unit}${path}`);

  beforeAll(async () => {
    h = await startVerificationPlatform(dialect);
    docs = await documents;
    const office = h.as('bien-tap-cong-bao', OFFICE_STAFF, PROVINCE);
    const id = await passedSubmission(h, docs, A, { numberSymbol: '41/2026/QĐ-UBND', signedOn: vietnamDate(Date.now() - 86_400_000), effectiveOn: vietnamDate(Date.now() + 30 * 86_400_000) });
    const draft = ok(await office.post('/api/gazette/issues', { publicationDate: vietnamDate(Date.now()) }), 201);
    ok(await office.post(`/api/gazette/issues/${draft.id}/entries`, { submissionId: id }));
    ok(await office.post(`/api/gazette/issues/${draft.id}/publish`), 202);
    await h.t.drainJobs();
    const published = ok(await office.get(`/api/gazette/issues/${draft.id}`));
    expect(published.status, published.renderError).toBe('published');
    issue = { id: published.id, year: published.year, numberFrom: published.numberFrom, sha256: published.sha256 };
    issuePdf = new Uint8Array(await (await fetch(new URL(published.pdfUrl, h.t.url))).arrayBuffer());
    expect(sha256(issuePdf)).toBe(issue.sha256);
    unsignedPdf = await makeTextPdf(['Một tệp PDF không liên quan đến Công báo.']);
    foreignPdf = await makeTextPdf(['Công báo của một đơn vị khác.']);
    // Another unit's own gazette holds a published issue with the foreign file's hash.
    database = await openDatabase(h.t.databaseUrl);
    await seedIssue(database.kysely as SeedDb, await unitId(database.kysely, B), { year: issue.year, number_from: 1, sha256: sha256(foreignPdf) });
  });
  afterAll(async () => {
    await database?.destroy();
    await h?.stop();
  });

  it('shows the form, linked from the issue page and the legal value page', async () => {
    const form = await page('/cong-bao/kiem-tra');
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h1>Kiểm tra tệp Công báo</h1>');
    expect(form.text).toContain(`enctype="multipart/form-data"`);
    expect(form.text).toContain('<label for="f-tep">Tệp PDF (tối đa 50,0 MB)</label>');
    expect(form.text).toContain('name="tep"');
    expect(form.text).toContain('<label for="f-sha256">');
    const issuePage = await page(`/cong-bao/so/${issue.year}/${issue.numberFrom}`);
    expect(issuePage.text).toContain(`href="/t/${PROVINCE}/cong-bao/kiem-tra?sha256=${issue.sha256}"`);
    expect((await page('/cong-bao/gioi-thieu')).text).toContain(`href="/t/${PROVINCE}/cong-bao/kiem-tra"`);
    // On the province's own host, without the prefix.
    expect((await getOnHost(h.t.url, 'localhost', '/cong-bao/kiem-tra')).status).toBe(200);
  });

  it('recognises the published signed issue: a match and a valid, trusted signature', async () => {
    const res = await uploadPage(issuePdf, 'cong-bao-so-1.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain(issue.sha256);
    expect(res.text).toContain('<strong>Trùng khớp.</strong>');
    expect(res.text).toContain(`href="/t/${PROVINCE}/cong-bao/so/${issue.year}/${issue.numberFrom}">Công báo số ${issue.numberFrom} năm ${issue.year}</a>`);
    expect(res.text).toContain('✔ Chữ ký hợp lệ: nội dung tệp không bị thay đổi từ khi ký.');
    expect(res.text).toContain('Văn phòng Ủy ban nhân dân tỉnh Quảng Trị');
    expect(res.text).toContain('✔ còn hiệu lực tại thời điểm ký');
    expect(res.text).toContain('✔ Chứng thư số dẫn đến một chứng thư gốc tin cậy.');
    expect(res.text).not.toContain('Các vấn đề phát hiện');

    const api = await uploadApi(issuePdf, 'cong-bao-so-1.pdf');
    expect(api.status, JSON.stringify(api.body)).toBe(200);
    expect(api.body).toMatchObject({ sha256: issue.sha256, matched: true, documents: [], signature: { signed: true } });
    expect(api.body.issues).toEqual([{ year: issue.year, numbers: String(issue.numberFrom), publicationDate: expect.any(String), url: expect.stringContaining(`/cong-bao/so/${issue.year}/${issue.numberFrom}`), pdfUrl: expect.stringContaining(`/api/gazette/issues/${issue.id}/pdf`) }]);
    expect(api.body.signature.signatures[0]).toMatchObject({ valid: true, coversWholeDocument: true, trusted: true, certificateValidAtSigning: true, signer: { commonName: 'Văn phòng Ủy ban nhân dân tỉnh Quảng Trị' }, problems: [] });
  });

  it('a changed byte: no match, and the integrity check fails', async () => {
    const tampered = new Uint8Array(issuePdf);
    const stream = Buffer.from(tampered).indexOf('stream\n');
    expect(stream).toBeGreaterThan(0);
    tampered[stream + 20] = tampered[stream + 20]! ^ 0x01;
    const res = await uploadPage(tampered, 'cong-bao-so-1.pdf');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<strong>Không trùng khớp.</strong>');
    expect(res.text).toContain('✘ Chữ ký không hợp lệ hoặc tệp đã bị thay đổi sau khi ký.');
    expect(res.text).toContain('Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).');
    const api = await uploadApi(tampered, 'x.pdf');
    expect(api.body).toMatchObject({ sha256: sha256(tampered), matched: false, issues: [], documents: [], signature: { signed: true, signatures: [{ valid: false, trusted: false }] } });
  });

  it('an unrelated unsigned PDF: no match, no signature; a published document\'s original matches its document', async () => {
    const res = await uploadPage(unsignedPdf, 'khac.pdf');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<strong>Không trùng khớp.</strong>');
    expect(res.text).toContain('<strong>Tệp không có chữ ký số.</strong>');
    expect((await uploadApi(unsignedPdf, 'khac.pdf')).body).toMatchObject({ matched: false, signature: { signed: false, signatures: [] } });

    const original = await uploadPage(docs.originalPdf, 'ban-goc.pdf');
    expect(original.text).toContain('<strong>Trùng khớp.</strong>');
    expect(original.text).toContain(`Bản gốc đã ký của <a href="/t/${PROVINCE}/eli/quyet-dinh/2026/41-2026-qd-ubnd">Quyết định 41/2026/QĐ-UBND</a>`);
  });

  it('a file that is not a PDF: a clear 400 page; the API answers 415 naming the field', async () => {
    const text = new TextEncoder().encode('Đây không phải là tệp PDF.\n');
    const res = await uploadPage(text, 'ghi-chu.txt');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain('Tệp đã chọn không phải là tệp PDF.');
    const docx = await uploadPage(docs.correctDocx, 'ban-dien-tu.docx');
    expect(docx.status).toBe(400);
    const api = await uploadApi(text, 'ghi-chu.txt');
    expect(api.status).toBe(415);
    expect(api.body.errors[0].pointer).toBe('/file');
  });

  it('looks up a hash typed in: found, not found, upper case, and a bad one', async () => {
    const found = await page(`/cong-bao/kiem-tra?sha256=${issue.sha256.toUpperCase()}`);
    expect(found.status).toBe(200);
    expect(found.text).toContain('<strong>Trùng khớp.</strong>');
    expect(found.text).toContain('Tra cứu theo mã băm không kiểm tra chữ ký số');
    const missing = await page(`/cong-bao/kiem-tra?sha256=${sha256(unsignedPdf)}`);
    expect(missing.text).toContain('<strong>Không trùng khớp.</strong>');
    const bad = await page('/cong-bao/kiem-tra?sha256=abc%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Mã băm SHA-256 không hợp lệ');
    expect(bad.text).not.toContain('<script>');

    const api = await h.t.client.get('/api/gazette/v1/verify', { query: { sha256: issue.sha256 }, headers: { 'x-cong-tenant': PROVINCE } });
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    expect(api.body).toMatchObject({ matched: true, signature: null });
    const badApi = await h.t.client.get('/api/gazette/v1/verify', { query: { sha256: 'xyz' }, headers: { 'x-cong-tenant': PROVINCE } });
    expect(badApi.status).toBe(400);
    expect(badApi.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/sha256');
  });

  it('matches only the request unit\'s own gazette', async () => {
    // The province's signed issue is not a file of B's gazette, and B's file is not the province's.
    const onB = await uploadPage(issuePdf, 'cong-bao-so-1.pdf', B);
    expect(onB.text).toContain('<strong>Không trùng khớp.</strong>');
    expect((await uploadApi(issuePdf, 'x.pdf', B)).body).toMatchObject({ matched: false, issues: [] });
    expect((await page(`/cong-bao/kiem-tra?sha256=${sha256(foreignPdf)}`)).text).toContain('<strong>Không trùng khớp.</strong>');
    expect((await page(`/cong-bao/kiem-tra?sha256=${sha256(foreignPdf)}`, B)).text).toContain('<strong>Trùng khớp.</strong>');
  });

  it('keeps nothing uploaded, and rate-limits uploads per client address', async () => {
    // Uploads are checked in memory and removed from the file store.
    const names = ['khac.pdf', 'ghi-chu.txt', 'x.pdf', 'cong-bao-so-1.pdf'];
    const files = database.kysely as SeedDb & { selectFrom(t: 'core_files'): any };
    expect(await files.selectFrom('core_files').select('original_name').where('original_name', 'in', names).execute()).toEqual([]);
    // (The issuers' uploads, by contrast, are kept: the check looks at the right table.)
    expect((await files.selectFrom('core_files').select('original_name').where('original_name', '=', 'ban-goc.pdf').execute()).length).toBeGreaterThan(0);
    let limited: { status: number; headers: Headers; text: string } | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await uploadPage(unsignedPdf, 'khac.pdf', A);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
