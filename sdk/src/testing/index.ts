// @cong/sdk/testing: boot a real core in-process with chosen plugins, on SQLite or MySQL, and talk
// to it over HTTP. Plugin authors add @cong/core as a devDependency; this module loads it lazily so
// @cong/sdk itself never depends on the core.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlinePlugin } from '../plugin/inline-plugin.js';
import type { Principal } from '../http/route.js';

/** A plugin given to the test platform: a package name, a directory, or an inline definition. */
export type TestPluginSource = string | InlinePlugin;

/** Options of {@link createTestPlatform}. */
export interface TestPlatformOptions {
  /** Plugins to load, by package name, path or inline definition. */
  readonly plugins: readonly TestPluginSource[];
  /**
   * `sqlite` (default): a fresh temporary file. `mysql`: a fresh database on the server named by
   * `CONG_TEST_MYSQL_URL`, dropped at `stop()`.
   */
  readonly database?: 'sqlite' | 'mysql';
  /** Configuration overrides, as in cong.config.json. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Start plugins and listen. Default is true; false stops after migrations (to inspect a failed boot). */
  readonly listen?: boolean;
}

/** A response as the test client reads it. */
export interface TestResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  readonly body: T;
  readonly text: string;
}

/** Options of one test request. */
export interface TestRequestOptions {
  readonly body?: unknown;
  /** Sent as it is, without JSON encoding (for malformed-body tests). */
  readonly rawBody?: string | Uint8Array;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An HTTP client bound to the test platform. */
export interface TestClient {
  request<T = any>(method: string, path: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  get<T = any>(path: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  post<T = any>(path: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  put<T = any>(path: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  patch<T = any>(path: string, body?: unknown, options?: TestRequestOptions): Promise<TestResponse<T>>;
  delete<T = any>(path: string, options?: TestRequestOptions): Promise<TestResponse<T>>;
  /** A client whose requests carry this principal (test platforms only). */
  as(principal: { readonly id: string; readonly permissions: readonly string[] }): TestClient;
}

/** The running test platform. */
export interface TestPlatform {
  readonly url: string;
  /** The database the platform runs on; open a second connection to check what was written. */
  readonly databaseUrl: string;
  readonly client: TestClient;
  /** The boot report: each plugin's state, version, timings and error. */
  readonly report: BootReportLike;
  /** The core's platform object, for white-box tests. */
  readonly platform: any;
  /** Runs every due background job now, and returns how many ran. */
  drainJobs(): Promise<number>;
  stop(): Promise<void>;
}

interface BootReportLike {
  readonly state: string;
  readonly plugins: readonly { readonly id: string; readonly state: string; readonly error?: { readonly code: string; readonly message: string } }[];
}

/** The header a test platform reads its principal from. Real platforms never read it. */
export const TEST_PRINCIPAL_HEADER = 'x-cong-test-principal';

/**
 * Boots a real Cổng core in this process with the given plugins, on a fresh database, listening on a
 * random loopback port.
 *
 * @example
 * ```ts
 * const t = await createTestPlatform({ plugins: ['@acme/cong-plugin-notices'], database: 'sqlite' });
 * const res = await t.client.get('/api/notices/items');
 * expect(res.status).toBe(200);
 * await t.stop();
 * ```
 */
export async function createTestPlatform(options: TestPlatformOptions): Promise<TestPlatform> {
  const core = await loadCore();
  const dialect = options.database ?? 'sqlite';
  const database = await core.createTestDatabase(dialect);
  let platform: any;
  try {
    platform = await core.createPlatform({
      config: { database: database.url, http: { port: 0, host: '127.0.0.1' }, log: { level: process.env.CONG_TEST_LOG_LEVEL ?? 'silent', requests: false }, jobs: { autoStart: false }, demoContent: false, ...options.config },
      plugins: options.plugins,
      configFile: false,
      env: {},
      testPrincipalHeader: TEST_PRINCIPAL_HEADER,
      handleSignals: false,
    });
    await platform.start();
    if (options.listen !== false) await platform.listen();
  } catch (error) {
    await platform?.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
  const url: string = platform.url ?? '';
  return {
    url,
    databaseUrl: database.url,
    client: makeClient(url, {}),
    get report() {
      return platform.report();
    },
    platform,
    drainJobs: () => platform.drainJobs(),
    async stop() {
      try {
        await platform.stop();
      } finally {
        await database.drop();
      }
    },
  };
}

function makeClient(base: string, extraHeaders: Record<string, string>): TestClient {
  const request = async (method: string, path: string, options: TestRequestOptions = {}): Promise<TestResponse> => {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.append(k, String(v));
    const headers: Record<string, string> = { ...extraHeaders, ...options.headers };
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url, { method: method.toUpperCase(), headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (/json/.test(type) && text.length > 0) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    request,
    get: (path, o) => request('GET', path, o),
    post: (path, body, o) => request('POST', path, { ...o, body }),
    put: (path, body, o) => request('PUT', path, { ...o, body }),
    patch: (path, body, o) => request('PATCH', path, { ...o, body }),
    delete: (path, o) => request('DELETE', path, o),
    as: (principal) =>
      makeClient(base, {
        ...extraHeaders,
        [TEST_PRINCIPAL_HEADER]: JSON.stringify({ id: principal.id, permissions: principal.permissions }),
      }),
  };
}

/** Re-exported for test files that build principals by hand. */
export type { Principal };

async function loadCore(): Promise<any> {
  try {
    return await import('@cong/core/testing' as string);
  } catch {
    // @cong/sdk does not depend on @cong/core; resolve it from the project under test.
    const require = createRequire(join(process.cwd(), 'package.json'));
    const resolved = require.resolve('@cong/core/testing');
    return import(pathToFileURL(resolved).href);
  }
}
