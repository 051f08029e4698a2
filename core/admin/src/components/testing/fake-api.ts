import { ApiError, type ApiCallOptions, type ApiClient } from '@cong/sdk/admin';
import { configureLocalization } from '@lit/localize';
import { viPages } from '../../i18n/locales/vi-pages.js';

/** One call the fake client received. */
export interface FakeCall {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly query?: ApiCallOptions['query'];
  readonly tenant?: string;
}

type Handler = (call: FakeCall) => unknown;

/**
 * An in-memory {@link ApiClient} for component tests: `routes` answers by `"METHOD /path"` (a
 * `:param` segment matches anything); every call is recorded in `calls`. A handler that throws an
 * {@link ApiError} makes the call fail like the server would.
 */
export function fakeApi(routes: Record<string, Handler>, tenant?: string, calls: FakeCall[] = []): ApiClient & { calls: FakeCall[] } {
  const match = (method: string, path: string): Handler | undefined => {
    const clean = path.split('?')[0]!;
    for (const [key, handler] of Object.entries(routes)) {
      const [m, pattern] = key.split(' ');
      if (m !== method) continue;
      const re = new RegExp(`^${pattern!.replace(/:[^/]+/g, '[^/]+')}$`);
      if (re.test(clean)) return handler;
    }
    return undefined;
  };
  const call = async (method: string, path: string, body?: unknown, options: ApiCallOptions = {}) => {
    const record: FakeCall = { method, path, ...(body !== undefined ? { body } : {}), ...(options.query ? { query: options.query } : {}), ...(tenant ? { tenant } : {}) };
    calls.push(record);
    await Promise.resolve();
    const handler = match(method, path);
    if (!handler) throw new ApiError(404, 'CONG_ERR_NOT_FOUND', `No fake route for ${method} ${path}`);
    return structuredClone(await handler(record));
  };
  return {
    calls,
    get: (path, o) => call('GET', path, undefined, o) as never,
    post: (path, body, o) => call('POST', path, body, o) as never,
    put: (path, body, o) => call('PUT', path, body, o) as never,
    patch: (path, body, o) => call('PATCH', path, body, o) as never,
    delete: (path, o) => call('DELETE', path, undefined, o) as never,
    withTenant: (other) => fakeApi(routes, other, calls),
  };
}

/** Waits for pending promises and Lit updates to settle. */
export async function settle(...elements: (Element & { updateComplete?: Promise<unknown> })[]): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const element of elements) await element.updateComplete;
  }
}

let localeReady: Promise<void> | undefined;

/** Shows the shell's Vietnamese catalogue for the pages (as the shell does at start). */
export function useVietnamese(): Promise<void> {
  document.documentElement.lang = 'vi';
  localeReady ??= configureLocalization({
    sourceLocale: 'en',
    targetLocales: ['vi'],
    loadLocale: async () => ({ templates: viPages }),
  }).setLocale('vi');
  return localeReady;
}

/** Finds an element through shadow roots. */
export function deepQuery<E extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): E | null {
  const direct = root.querySelector<E>(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const found = deepQuery<E>(element.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}
