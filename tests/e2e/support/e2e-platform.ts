import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlatform, type Platform } from '@cong/core';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A running demo province for the browser tests: SQLite in a temp dir, the hello plugin and a deliberately
 * broken one (and the portal, the sites, the gazette or the Q&A plugin when asked; mail to an SMTP sink).
 */
export interface E2ePlatform {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly platform: Platform;
  /** Calls the API as the demo admin (its own session cookie, separate from the browser's). */
  api(method: string, path: string, body?: unknown, tenant?: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export interface E2ePlatformOptions {
  /** Also loads `plugins/portal` (built: `pnpm --filter @cong/plugin-portal build`). */
  readonly portal?: boolean;
  /** Also loads `plugins/sites` after the portal (built: `pnpm --filter @cong/plugin-sites build`); implies `portal`. */
  readonly sites?: boolean;
  /** Also loads `plugins/gazette` (built: `pnpm --filter @cong/plugin-gazette build`), signing issues with a PKCS#12 file. */
  readonly gazette?: E2eGazetteSigning;
  /** More plugin directories to load (built), after the others: a plugin made by the scaffolder. */
  readonly extraPlugins?: readonly string[];
  /** Also loads `plugins/qa` (built: `pnpm --filter @cong/plugin-qa build`), with this plugin configuration (`pluginConfig.qa`). */
  readonly qa?: { readonly config?: Record<string, unknown> };
  /** Sends the platform's mail over SMTP to this server (an in-process sink: `tests/support/smtp-sink.ts`). */
  readonly smtp?: { readonly host: string; readonly port: number; readonly from?: string };
}

/** The gazette's `signing` configuration for the browser tests (`signing.mode: p12`). */
export interface E2eGazetteSigning {
  readonly p12File: string;
  /**
   * The environment variable (in `process.env`, where the plugin reads it) holding the passphrase. Name it
   * `CONG_TEST_*` or without the `CONG_` prefix: other `CONG_*` names are platform configuration.
   */
  readonly passphraseEnv: string;
  /** PEM files of the roots the verification page trusts. Default none. */
  readonly trustedRootFiles?: readonly string[];
}

export async function startE2ePlatform(options: E2ePlatformOptions = {}): Promise<E2ePlatform> {
  const dir = mkdtempSync(join(tmpdir(), 'cong-e2e-'));
  const platform = createPlatform({
    configFile: false,
    env: {},
    config: {
      database: `sqlite:${join(dir, 'cong.db')}`,
      dataDir: join(dir, 'data'),
      demo: true,
      plugins: [
        join(root, 'examples/hello-plugin'),
        join(root, 'tests/fixtures/broken-admin-plugin'),
        ...(options.portal || options.sites ? [join(root, 'plugins/portal')] : []),
        ...(options.sites ? [join(root, 'plugins/sites')] : []),
        ...(options.gazette ? [join(root, 'plugins/gazette')] : []),
        ...(options.qa ? [join(root, 'plugins/qa')] : []),
        ...(options.extraPlugins ?? []),
      ],
      ...(options.gazette || options.qa
        ? { pluginConfig: { ...(options.gazette ? { gazette: { signing: gazetteSigning(options.gazette) } } : {}), ...(options.qa ? { qa: options.qa.config ?? {} } : {}) } }
        : {}),
      ...(options.smtp ? { mail: { from: options.smtp.from ?? 'Cổng thông tin tỉnh Quảng Trị <congthongtin@quangtri.gov.vn>', smtp: { host: options.smtp.host, port: options.smtp.port } } } : {}),
      http: { port: 0 },
      log: { level: 'warn' },
    },
  });
  await platform.start();
  const url = await platform.listen();
  const credentials = platform.takeDemoCredentials();
  if (!credentials) throw new Error('the demo province did not create its admin account');
  let cookie = '';
  const api: E2ePlatform['api'] = async (method, path, body, tenant) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        origin: url,
        ...(cookie ? { cookie } : {}),
        ...(tenant ? { 'x-cong-tenant': tenant } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
  };
  const login = await api('POST', '/api/core/auth/login', { username: credentials.username, password: credentials.password });
  if (login.status !== 200) throw new Error(`demo admin sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    url,
    username: credentials.username,
    password: credentials.password,
    platform,
    api,
    stop: async () => {
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function gazetteSigning(signing: E2eGazetteSigning): Record<string, unknown> {
  return {
    mode: 'p12',
    p12: { file: signing.p12File, passphraseEnv: signing.passphraseEnv },
    ...(signing.trustedRootFiles ? { trustedRootFiles: [...signing.trustedRootFiles] } : {}),
  };
}
