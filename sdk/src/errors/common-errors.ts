import type { CongErrorOptions } from './cong-error.js';
import { CongError } from './cong-error.js';
import {
  CONG_ERR_CONFLICT,
  CONG_ERR_FORBIDDEN,
  CONG_ERR_NOT_FOUND,
  CONG_ERR_VALIDATION,
} from './error-codes.js';

/** The input is wrong in a way a schema could not say (a date range that ends before it starts). */
export class InputError extends CongError {
  override readonly name = 'InputError';
  constructor(detail: string, options: CongErrorOptions = {}) {
    super(CONG_ERR_VALIDATION.code, detail, CONG_ERR_VALIDATION.status, { ...options, detail });
  }
}

/** Nothing there, or nothing this caller may see: both answer 404 so ids do not leak across tenants. */
export class NotFoundError extends CongError {
  override readonly name = 'NotFoundError';
  constructor(detail = 'Not found', options: CongErrorOptions = {}) {
    super(CONG_ERR_NOT_FOUND.code, detail, CONG_ERR_NOT_FOUND.status, { ...options, detail });
  }
}

/** The request clashes with the current state (a duplicate slug, a stale revision). */
export class ConflictError extends CongError {
  override readonly name = 'ConflictError';
  constructor(detail: string, options: CongErrorOptions = {}) {
    super(CONG_ERR_CONFLICT.code, detail, CONG_ERR_CONFLICT.status, { ...options, detail });
  }
}

/** The caller is known but lacks a permission. */
export class NotAllowedError extends CongError {
  override readonly name = 'NotAllowedError';
  constructor(permission: string, options: CongErrorOptions = {}) {
    super(CONG_ERR_FORBIDDEN.code, `Permission ${permission} is required`, CONG_ERR_FORBIDDEN.status, options);
  }
}
