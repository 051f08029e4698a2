import { CongError, type CongErrorOptions } from './cong-error.js';

/** Parameters a message template interpolates: `{plugin}` in the template reads `params.plugin`. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** A registered error code: makes errors with that code and recognises them. */
export interface ErrorCode {
  readonly code: string;
  readonly status: number;
  /** The message template, with `{name}` placeholders. */
  readonly template: string;
  /** Makes an error; `params` fill the template. */
  create(params?: ErrorParams, options?: CongErrorOptions): CongError;
  /** True when `value` is an error with this code. */
  is(value: unknown): value is CongError;
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*_ERR_[A-Z0-9_]+$/;

/**
 * Declares an error code. Every package keeps its codes in one registry file built with this function,
 * and `docs/reference/errors.md` lists each one (a test keeps them in sync).
 *
 * @example
 * ```ts
 * export const GAZETTE_ERR_ISSUE_LOCKED = createErrorCode(
 *   'GAZETTE_ERR_ISSUE_LOCKED', 'Issue {issue} is signed and cannot change', 409);
 * throw GAZETTE_ERR_ISSUE_LOCKED.create({ issue: '12/2026' });
 * ```
 */
export function createErrorCode(code: string, template: string, status = 500): ErrorCode {
  if (!CODE_PATTERN.test(code)) {
    throw new TypeError(`Error code "${code}" must look like PREFIX_ERR_NAME`);
  }
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(`Error code "${code}" needs an HTTP error status, got ${status}`);
  }
  return Object.freeze({
    code,
    status,
    template,
    create(params: ErrorParams = {}, options: CongErrorOptions = {}) {
      return new CongError(code, formatTemplate(template, params), status, options);
    },
    is(value: unknown): value is CongError {
      return CongError.is(value) && value.code === code;
    },
  });
}

export function formatTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}
