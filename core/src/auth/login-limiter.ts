import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { CongError } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_LOGIN_THROTTLED } from '../errors.js';
import {
  addressKey,
  bucketKey,
  createBucketFactory,
  positiveInteger,
  purgeExpiredCounters,
  takeFromBuckets,
  throttledError,
  type ThrottleDecision,
} from './db-rate-limiter.js';
import { normalizeUsername } from './identifiers.js';

/** Options of {@link createLoginLimiter}. */
export interface LoginLimiterOptions {
  readonly db: Database;
  /**
   * Failed attempts one account may take in {@link accountWindowSeconds}. Default is 5 per 6 hours
   * (STACK.md "Rate limiting"): far below ASVS 2.2.1's ceiling of 100 per hour, and a window long
   * enough that slow guessing gets nowhere, with no permanent lockout an attacker could abuse.
   */
  readonly accountLimit?: number;
  /** Default is 21600 (6 hours). */
  readonly accountWindowSeconds?: number;
  /**
   * Failed attempts one client address may make in {@link ipWindowSeconds}, over all accounts.
   * Default is 50 per hour: room for an office behind one NAT, not for password spraying.
   */
  readonly ipLimit?: number;
  /** Default is 3600 (1 hour). */
  readonly ipWindowSeconds?: number;
}

/** The answer of {@link LoginLimiter.consume}. */
export type LoginAttempt = ThrottleDecision;

const ACCOUNT_PREFIX = 'login-account';
const IP_PREFIX = 'login-ip';

/**
 * Creates the login throttle on the database's own store (`core_login_limits`, see
 * {@link createBucketFactory}): counters survive restarts and are shared by every process using one
 * MySQL database.
 */
export async function createLoginLimiter(options: LoginLimiterOptions): Promise<LoginLimiter> {
  const make = await createBucketFactory(options.db);
  const owner = 'LoginLimiter';
  const accountPoints = positiveInteger(options.accountLimit ?? 5, 'accountLimit', owner);
  const accountDuration = positiveInteger(options.accountWindowSeconds ?? 6 * 3600, 'accountWindowSeconds', owner);
  const ipPoints = positiveInteger(options.ipLimit ?? 50, 'ipLimit', owner);
  const ipDuration = positiveInteger(options.ipWindowSeconds ?? 3600, 'ipWindowSeconds', owner);
  return new LoginLimiter(options.db, make(ACCOUNT_PREFIX, accountPoints, accountDuration), make(IP_PREFIX, ipPoints, ipDuration));
}

/**
 * Drupal-style flood control for sign-in, with two buckets: one per account (the normalised
 * username, whether or not such an account exists) and one per client address. Every attempt takes a
 * point from both *before* the password is checked, atomically in the store, so parallel guesses
 * cannot slip past the limit; the caller then settles the attempt:
 *
 * - a wrong password keeps both points (it is a failure);
 * - a success ({@link succeed}) clears the account bucket and gives the address its point back, so
 *   a user who mistypes twice and then succeeds starts afresh, while an address that keeps failing
 *   stays blocked (even valid credentials are refused from it until the window ends);
 * - an attempt that was neither ({@link refund}: right password, second factor still to come) gives
 *   both points back.
 *
 * Buckets are fixed windows that start at the first failure; nothing is locked for good.
 *
 * On SQLite the store writes through the same better-sqlite3 connection as kysely, outside kysely's
 * queue: call the limiter outside transactions, or a rollback there also undoes a counted attempt.
 */
export class LoginLimiter {
  readonly #db: Database;
  readonly #account: RateLimiterAbstract;
  readonly #ip: RateLimiterAbstract;

  /** Use {@link createLoginLimiter}. */
  constructor(db: Database, account: RateLimiterAbstract, ip: RateLimiterAbstract) {
    this.#db = db;
    this.#account = account;
    this.#ip = ip;
  }

  /**
   * Counts one attempt for `username` from `ip`. Refused when either bucket is already full; the
   * address is checked first, and an attempt it refuses does not count against the account.
   */
  consume(username: string, ip: string): Promise<LoginAttempt> {
    return takeFromBuckets([
      [this.#ip, ipKey(ip), 'ip'],
      [this.#account, accountKey(username), 'account'],
    ]);
  }

  /** Settles a successful sign-in: clears the account's failures and returns the address's point. */
  async succeed(username: string, ip: string): Promise<void> {
    await this.#account.delete(accountKey(username));
    await this.#ip.reward(ipKey(ip), 1);
  }

  /** Settles an attempt that was not a failure (password right, second factor pending): both points back. */
  async refund(username: string, ip: string): Promise<void> {
    await this.#account.reward(accountKey(username), 1);
    await this.#ip.reward(ipKey(ip), 1);
  }

  /** Clears an account's failures, for an administrator unlocking it. */
  async reset(username: string): Promise<void> {
    await this.#account.delete(accountKey(username));
  }

  /**
   * Deletes counters whose window ended, of this and every other throttle on the table (the password
   * reset's too); the nightly housekeeping calls it. Returns rows deleted.
   */
  purgeExpired(nowMs: number = Date.now()): Promise<number> {
    return purgeExpiredCounters(this.#db, nowMs);
  }
}

/** `CONG_ERR_LOGIN_THROTTLED` (429) with `Retry-After`, for the route that answers a throttled sign-in. */
export function loginThrottledError(retryAfterSeconds: number): CongError {
  return throttledError(CONG_ERR_LOGIN_THROTTLED, retryAfterSeconds);
}

function accountKey(username: string): string {
  return bucketKey(normalizeUsername(username));
}

function ipKey(ip: string): string {
  return addressKey(ip);
}
