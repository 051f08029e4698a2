// Shared by the questions tests: a platform with the Q&A plugin (built, loaded from its folder) on the
// demo province, e-mail delivered over SMTP to a real in-process smtp-server, and helpers to ask as a
// citizen and to act as the board or an agency.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { createTestPlatform, type TestClient, type TestPlatform, type TestResponse } from '@cong/sdk/testing';
import { SmtpSink } from '../../../tests/support/smtp-sink.js';

export const QA = fileURLToPath(new URL('..', import.meta.url));
/** The province (root of the demo tree): its board triages. */
export const PROVINCE = 'quang-tri';
export const TRIAGE = 'qa.questions.triage';
export const ANSWER = 'qa.questions.answer';
export const BYPASS = 'qa-bench-key-0123456789abcdef0123456789abcdef';

export { SmtpSink, type ReceivedMail } from '../../../tests/support/smtp-sink.js';

export interface Harness {
  readonly t: TestPlatform;
  readonly sink: SmtpSink;
  /** A staff caller working in `unit` (slug). */
  as(user: string, permissions: readonly string[], unit: string): TestClient;
  /** An anonymous caller of the API naming `unit`. */
  anon(unit: string): TestClient;
  /** Runs the job queue (mail delivery) and returns the messages that arrived meanwhile. */
  deliver(): Promise<readonly { to: readonly string[]; subject: string; text: string }[]>;
  stop(): Promise<void>;
}

/** Boots the platform on `dialect`: the form's fill time is 1 s and the limits are the test's. */
export async function startQaPlatform(dialect: 'sqlite' | 'mysql', questions: Record<string, unknown> = {}): Promise<Harness> {
  const sink = new SmtpSink();
  await sink.listen();
  const t = await createTestPlatform({
    plugins: [QA],
    database: dialect,
    config: {
      demo: true,
      // The whole `http` section replaces the test platform's: keep its port and host.
      http: { port: 0, host: '127.0.0.1', rateLimitBypassKeys: [BYPASS] },
      mail: { from: 'Cổng thông tin tỉnh Quảng Trị <hoidap@quangtri.gov.vn>', smtp: { host: '127.0.0.1', port: sink.port } },
      pluginConfig: { qa: { questions: { minFillSeconds: 1, ...questions } } },
    },
  });
  expect(t.report.plugins.find((p) => p.id === 'qa')?.state, JSON.stringify(t.report.plugins)).toBe('started');
  const withUnit = (client: TestClient, unit: string): TestClient => {
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
  let seen = 0;
  return {
    t,
    sink,
    as: (user, permissions, unit) => withUnit(t.client.as({ id: user, permissions: [...permissions] }), unit),
    anon: (unit) => withUnit(t.client, unit),
    async deliver() {
      await t.drainJobs();
      const fresh = sink.received.slice(seen);
      seen = sink.received.length;
      return fresh;
    },
    async stop() {
      await t.stop();
      await sink.close();
    },
  };
}

/** A question as the widget sends it, with overrides. */
export function question(formToken: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Nguyễn Thị Lan',
    email: 'lan.nguyen@example.vn',
    phone: '0912 345 678',
    address: 'Số 12 đường Hùng Vương, phường Đông Hà',
    field: 'dat-dai',
    title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu',
    content: 'Gia đình tôi sử dụng đất ổn định từ năm 1990, không có tranh chấp. Xin hỏi hồ sơ và thời hạn cấp giấy chứng nhận lần đầu?',
    consentProcessing: true,
    consentPublish: true,
    formToken,
    ...overrides,
  };
}

/** The verification token in a mailed link. */
export function linkToken(text: string): string {
  const match = /\/hoi-dap\/xac-nhan\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

/** Expects a status and returns the body. */
export function ok<T = any>(res: TestResponse, status = 200): T {
  expect(res.status, res.text).toBe(status);
  return res.body as T;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
