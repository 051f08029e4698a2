import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CongError } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_RESET_THROTTLED } from '../errors.js';
import { addressKey, bucketKey, createBucketFactory, positiveInteger, takeFromBuckets, throttledError, type ThrottleDecision } from './db-rate-limiter.js';

/** Options of {@link createPasswordResetLimiter}. */
export interface PasswordResetLimiterOptions {
  readonly db: Database;
  /**
   * Requests naming one login (e-mail address or username) in {@link loginWindowSeconds}. Default is
   * 3 per hour: a user who did not get the first mail can ask twice more; nobody can flood a mailbox.
   */
  readonly loginLimit?: number;
  /** Default is 3600 (1 hour). */
  readonly loginWindowSeconds?: number;
  /** Requests from one client address in {@link ipWindowSeconds}, over all logins. Default is 20 per hour. */
  readonly ipLimit?: number;
  /** Default is 3600 (1 hour). */
  readonly ipWindowSeconds?: number;
}

const LOGIN_PREFIX = 'reset-login';
const IP_PREFIX = 'reset-ip';

/** Creates the throttle of "forgot password" requests, on the same store as the sign-in throttle. */
export async function createPasswordResetLimiter(options: PasswordResetLimiterOptions): Promise<PasswordResetLimiter> {
  const make = await createBucketFactory(options.db);
  const owner = 'PasswordResetLimiter';
  return new PasswordResetLimiter(
    make(LOGIN_PREFIX, positiveInteger(options.loginLimit ?? 3, 'loginLimit', owner), positiveInteger(options.loginWindowSeconds ?? 3600, 'loginWindowSeconds', owner)),
    make(IP_PREFIX, positiveInteger(options.ipLimit ?? 20, 'ipLimit', owner), positiveInteger(options.ipWindowSeconds ?? 3600, 'ipWindowSeconds', owner)),
  );
}

/**
 * Limits password-reset requests per login and per client address. Every request counts, whether or
 * not the login names an account, so a refusal says nothing about which accounts exist. The login
 * is keyed as typed, trimmed and lower-cased: `An@x.vn` and `an@x.vn` share a bucket.
 */
export class PasswordResetLimiter {
  readonly #login: RateLimiterAbstract;
  readonly #ip: RateLimiterAbstract;

  /** Use {@link createPasswordResetLimiter}. */
  constructor(login: RateLimiterAbstract, ip: RateLimiterAbstract) {
    this.#login = login;
    this.#ip = ip;
  }

  /** Counts one request; refused when the address's or the login's bucket is full. */
  consume(login: string, ip: string): Promise<ThrottleDecision> {
    return takeFromBuckets([
      [this.#ip, addressKey(ip), 'ip'],
      [this.#login, bucketKey(login.normalize('NFKC').trim().toLowerCase()), 'account'],
    ]);
  }
}

/** `CONG_ERR_RESET_THROTTLED` (429) with `Retry-After`. */
export function resetThrottledError(retryAfterSeconds: number): CongError {
  return throttledError(CONG_ERR_RESET_THROTTLED, retryAfterSeconds);
}
