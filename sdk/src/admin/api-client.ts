import { ApiError, type ApiFieldError } from './api-error.js';

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Default is the page's origin (`''`). */
  readonly baseUrl?: string;
  /** The unit calls act on (slug or id), sent as `X-Cong-Tenant`. Default: none (the province). */
  readonly tenant?: string;
  /** Default is the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Called with every failure before it is thrown: the admin shell shows a toast here. */
  readonly onError?: (error: ApiError) => void;
}

/** Options of one call. */
export interface ApiCallOptions {
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly signal?: AbortSignal;
}

/** A JSON client for the platform's API. */
export interface ApiClient {
  get<T = unknown>(path: string, options?: ApiCallOptions): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: ApiCallOptions): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: ApiCallOptions): Promise<T>;
  patch<T = unknown>(path: string, body?: unknown, options?: ApiCallOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: ApiCallOptions): Promise<T>;
  /** The same client acting on another unit. */
  withTenant(tenant: string): ApiClient;
}

/**
 * Creates the API client admin elements receive as their `api` property. It sends the session cookie
 * (same origin), names the unit, encodes JSON, and turns problem documents into {@link ApiError}s.
 *
 * @example
 * ```ts
 * const api = createApiClient({ tenant: 'so-tai-chinh' });
 * try {
 *   await api.post('/api/hello/greetings', { name });
 * } catch (error) {
 *   if (error instanceof ApiError) this.errors = error.fieldErrors();
 * }
 * ```
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const call = async <T>(method: string, path: string, body: unknown, call: ApiCallOptions = {}): Promise<T> => {
    const url = new URL(path, options.baseUrl || (globalThis as { location?: { origin: string } }).location?.origin || 'http://localhost');
    for (const [key, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.tenant) headers['x-cong-tenant'] = options.tenant;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw report(new ApiError(0, 'CONG_ERR_SERVICE_UNAVAILABLE', 'Không kết nối được máy chủ (the server cannot be reached)'));
    }
    const text = await response.text();
    const parsed: unknown = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text || undefined;
    if (response.ok) return parsed as T;
    const problem = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { code?: string; detail?: string; title?: string; errors?: ApiFieldError[]; reqId?: string };
    const retryAfter = Number(response.headers.get('retry-after'));
    throw report(
      new ApiError(
        response.status,
        problem.code ?? `HTTP_${response.status}`,
        problem.detail ?? problem.title ?? response.statusText,
        problem.errors ?? [],
        problem.reqId,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      ),
    );
  };
  const report = (error: ApiError) => {
    options.onError?.(error);
    return error;
  };
  return {
    get: (path, o) => call('GET', path, undefined, o),
    post: (path, body, o) => call('POST', path, body, o),
    put: (path, body, o) => call('PUT', path, body, o),
    patch: (path, body, o) => call('PATCH', path, body, o),
    delete: (path, o) => call('DELETE', path, undefined, o),
    withTenant: (tenant) => createApiClient({ ...options, tenant }),
  };
}
