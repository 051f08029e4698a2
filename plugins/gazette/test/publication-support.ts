// Shared by the publication and correction tests: the gazette platform (as gazette-support.ts boots it)
// with issue signing configured with the test PKI's organisational PKCS#12, helpers that take a document
// from intake to `passed` through the real routes, and the text of a published PDF's pages (pdfjs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestClient } from '@cong/sdk/testing';
import { testPki } from './fixtures/test-certificate.js';
import { COMPARE, decision, GAZETTE, ok, PROVINCE, RECEIVE, SmtpSink, SUBMIT, type Documents, type Harness } from './gazette-support.js';

export const COMPOSE = 'gazette.compose';
export const PUBLISH = 'gazette.publish';
export const OFFICE_STAFF = [COMPOSE, PUBLISH, RECEIVE, COMPARE] as const;

/** The environment variable the test platform's signing config names for the P12 passphrase. */
const PASSPHRASE_ENV = 'CONG_GAZETTE_TEST_P12_PASSPHRASE';

/** The harness with the signing certificate's file, which a test may take away to make signing fail. */
export interface PublicationHarness extends Harness {
  readonly p12File: string;
}

/** Boots the gazette platform on `dialect` with `signing.mode: p12` (the test PKI's organisation). */
export async function startPublicationPlatform(dialect: 'sqlite' | 'mysql'): Promise<PublicationHarness> {
  const pki = testPki();
  const dir = mkdtempSync(join(tmpdir(), 'cong-gazette-publication-'));
  const p12File = join(dir, 'to-chuc.p12');
  writeFileSync(p12File, pki.organisation.p12, { mode: 0o600 });
  // signerFromConfig reads the passphrase from process.env, where production keeps it.
  process.env[PASSPHRASE_ENV] = pki.organisation.passphrase;
  const sink = new SmtpSink();
  await sink.listen();
  const t = await createTestPlatform({
    plugins: [GAZETTE],
    database: dialect,
    config: {
      demo: true,
      mail: { from: 'Công báo tỉnh Quảng Trị <congbao@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
      pluginConfig: { gazette: { signing: { mode: 'p12', p12: { file: p12File, passphraseEnv: PASSPHRASE_ENV } } } },
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
    p12File,
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

/** An issuer in `unit` sends a document with the correct copy; the office registers, compares and passes it. Returns its id. */
export async function passedSubmission(h: Harness, docs: Documents, unit: string, overrides: Record<string, unknown>): Promise<string> {
  const issuer = h.as('chuyen-vien', [SUBMIT], unit);
  const id = ok(await issuer.post('/api/gazette/submissions', decision(overrides)), 201).id as string;
  ok(await h.upload('chuyen-vien', [SUBMIT], unit, `/api/gazette/submissions/${id}/original`, { bytes: docs.originalPdf, name: 'ban-goc.pdf' }));
  ok(await h.upload('chuyen-vien', [SUBMIT], unit, `/api/gazette/submissions/${id}/electronic`, { bytes: docs.correctDocx, name: 'ban-dien-tu.docx' }));
  ok(await issuer.post(`/api/gazette/submissions/${id}/send`, {}));
  await passAtOffice(h, id);
  return id;
}

/** The office enters a document itself (its own correction notice: the office is the issuer), and passes it. */
export async function officeEnteredSubmission(h: Harness, docs: Documents, overrides: Record<string, unknown>): Promise<string> {
  const clerk = h.as('van-thu', [RECEIVE], PROVINCE);
  const id = ok(await clerk.post('/api/gazette/intake', { ...decision(overrides), issuerUnitId: PROVINCE, sourceChannel: 'other' }), 201).id as string;
  ok(await h.upload('van-thu', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/original`, { bytes: docs.originalPdf, name: 'dinh-chinh.pdf' }));
  ok(await h.upload('van-thu', [RECEIVE], PROVINCE, `/api/gazette/intake/${id}/electronic`, { bytes: docs.correctDocx, name: 'dinh-chinh.docx' }));
  await passAtOffice(h, id);
  return id;
}

async function passAtOffice(h: Harness, id: string): Promise<void> {
  ok(await h.as('van-thu', [RECEIVE], PROVINCE).post(`/api/gazette/intake/${id}/register`, {}));
  const reviewer = h.as('bien-tap', [COMPARE], PROVINCE);
  const round = ok(await reviewer.post(`/api/gazette/review/${id}/rounds`), 201);
  ok(await reviewer.post(`/api/gazette/review/${id}/rounds/${round.round}/pass`, {}));
}

/** The text of each page of a PDF (1-based index 0 unused), whitespace collapsed. */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loaded = await pdfjs.getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [''];
  for (let n = 1; n <= loaded.numPages; n++) {
    const content = await (await loaded.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await loaded.destroy();
  return pages;
}

/** Expects an error answer with `code`. */
export function refused(res: { status: number; body: any }, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code, JSON.stringify(res.body)).toBe(code);
}
