// Shared by the intake and review tests: a platform with the gazette plugin (built, loaded from its
// folder) on the demo province, e-mail delivered over SMTP to a real in-process smtp-server, helpers to
// call the API as a unit and to upload files as multipart forms, and the submission documents built
// from the fixtures (a real DOCX and real PDFs with Vietnamese text).
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTestPlatform, TEST_PRINCIPAL_HEADER, type TestClient, type TestPlatform, type TestPluginSource, type TestResponse } from '@cong/sdk/testing';
import { SmtpSink } from '../../../tests/support/smtp-sink.js';
import { gazetteDocumentText, makeDocx, makeScannedPdf, makeTextPdf } from './fixtures/gazette-documents.js';

export const GAZETTE = fileURLToPath(new URL('..', import.meta.url));
/** The office: the root of the demo tree. */
export const PROVINCE = 'quang-tri';
/** Two issuing units below it. */
export const A = 'van-phong-ubnd';
export const B = 'so-tu-phap';

export const SUBMIT = 'gazette.submit';
export const RECEIVE = 'gazette.receive';
export const COMPARE = 'gazette.compare';

export { SmtpSink, type ReceivedMail } from '../../../tests/support/smtp-sink.js';

export interface Harness {
  readonly t: TestPlatform;
  readonly sink: SmtpSink;
  /** A caller working in `unit` (slug) with `permissions`. */
  as(user: string, permissions: readonly string[], unit: string): TestClient;
  /** Uploads `bytes` as the multipart field `file` with a PUT to `path`. */
  upload(user: string, permissions: readonly string[], unit: string, path: string, file: { bytes: Uint8Array; name: string }): Promise<TestResponse>;
  stop(): Promise<void>;
}

/** Boots the platform on `dialect` with the demo province; `extra` plugins load beside the gazette. */
export async function startGazettePlatform(dialect: 'sqlite' | 'mysql', extra: readonly TestPluginSource[] = []): Promise<Harness> {
  const sink = new SmtpSink();
  await sink.listen();
  const t = await createTestPlatform({
    plugins: [GAZETTE, ...extra],
    database: dialect,
    config: { demo: true, mail: { from: 'Công báo tỉnh Quảng Trị <congbao@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } } },
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
      const res = await fetch(new URL(path, t.url), {
        method: 'PUT',
        body: form,
        headers: { 'x-cong-tenant': unit, [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: user, permissions }) },
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text };
    },
    async stop() {
      await t.stop();
      await sink.close();
    },
  };
}

/** The documents the tests submit, built once per test file (the scanned PDF needs Chromium). */
export interface Documents {
  /** The signed original with a text layer: marker and "Công báo" in the recipients. */
  readonly originalPdf: Uint8Array;
  /** The electronic copy with one deliberate discrepancy ("10 ngày" for "15 ngày"). */
  readonly inaccurateDocx: Uint8Array;
  /** The corrected electronic copy: the same words as the original. */
  readonly correctDocx: Uint8Array;
  /** An original without the "VĂN BẢN GỬI ĐĂNG CÔNG BÁO" line. */
  readonly unmarkedPdf: Uint8Array;
}

export async function makeDocuments(): Promise<Documents> {
  const [originalPdf, inaccurateDocx, correctDocx, unmarkedPdf] = await Promise.all([
    makeTextPdf(gazetteDocumentText()),
    makeDocx(gazetteDocumentText({ discrepancy: true })),
    makeDocx(gazetteDocumentText()),
    makeTextPdf(gazetteDocumentText({ marker: false })),
  ]);
  return { originalPdf, inaccurateDocx, correctDocx, unmarkedPdf };
}

/** A scan of the signed original (pictures only), without the marker line. */
export function makeScannedOriginal(): Promise<Uint8Array> {
  return makeScannedPdf(gazetteDocumentText({ marker: false }));
}

/** The attributes of the fixture decision, with overrides. */
export function decision(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    documentType: 'quyet-dinh',
    numberSymbol: '41/2026/QĐ-UBND',
    summary: 'Ban hành quy định về quản lý, vận hành và khai thác Cổng thông tin điện tử tỉnh Quảng Trị',
    issuingAgency: 'Ủy ban nhân dân tỉnh Quảng Trị',
    signer: 'Nguyễn Văn Hùng',
    signedOn: '2026-03-12',
    effectiveOn: '2026-04-01',
    legalNormative: true,
    field: 'Thông tin và truyền thông',
    ...overrides,
  };
}

/** Expects a 2xx and returns the body. */
export function ok<T = any>(res: TestResponse, status = 200): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}
