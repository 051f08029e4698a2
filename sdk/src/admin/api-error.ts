/** One failing field of a request, as the server names it (`{ in: 'body', pointer: '/name' }`). */
export interface ApiFieldError {
  readonly in: string;
  readonly pointer: string;
  readonly message: string;
  readonly keyword?: string;
}

/**
 * A failed API call: the server's problem document (RFC 9457) as a typed error. `status` is 0 when
 * the server could not be reached.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    /** The stable code (`CONG_ERR_VALIDATION`); see the error reference. */
    readonly code: string,
    message: string,
    readonly errors: readonly ApiFieldError[] = [],
    /** The request id, for a support ticket. */
    readonly reqId?: string,
    /** Seconds to wait, from `Retry-After` (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Messages by field name for a form: `{ name: 'is required' }` (the first issue of each body field). */
  fieldErrors(): Readonly<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      if (e.in !== 'body') continue;
      const field = e.pointer.replace(/^\//, '').split('/')[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
      out[field] ??= e.message;
    }
    return out;
  }
}
