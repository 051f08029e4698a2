/** One failing field of a request or a document, located by a JSON pointer. */
export interface FieldIssue {
  /** Where the value came from. */
  readonly in: 'body' | 'query' | 'params' | 'headers' | 'config' | 'manifest';
  /** JSON pointer (RFC 6901) to the failing value, `''` for the whole document. */
  readonly pointer: string;
  /** A human-readable reason, in English; the admin shell translates by `keyword`. */
  readonly message: string;
  /** The JSON Schema keyword that failed (`required`, `type`, `maxLength`, …), when known. */
  readonly keyword?: string;
}

/** Options common to every {@link CongError}. */
export interface CongErrorOptions {
  /** Detail for the `detail` field of the problem document. Default is the code's message. */
  readonly detail?: string;
  /** Failing fields, for validation errors. */
  readonly errors?: readonly FieldIssue[];
  /** Extra headers the HTTP edge sends with this error (`Retry-After`, `Allow`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The underlying error, kept for logs and never sent to clients. */
  readonly cause?: unknown;
}

/**
 * An error with a stable code (`CONG_ERR_*`, or `<PLUGIN>_ERR_*` for a plugin's own) and an HTTP status.
 * Business code throws these; only the core's HTTP error handler turns them into problem+json.
 */
export class CongError extends Error {
  override readonly name: string = 'CongError';
  readonly code: string;
  readonly status: number;
  readonly errors: readonly FieldIssue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: string, message: string, status: number, options: CongErrorOptions = {}) {
    super(options.detail ?? message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = status;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }

  /** True for any CongError, also one thrown by another copy of this package. */
  static is(value: unknown): value is CongError {
    return (
      value instanceof CongError ||
      (typeof value === 'object' &&
        value !== null &&
        typeof (value as { code?: unknown }).code === 'string' &&
        typeof (value as { status?: unknown }).status === 'number' &&
        /^[A-Z][A-Z0-9]*_ERR_[A-Z0-9_]+$/.test((value as { code: string }).code))
    );
  }
}
