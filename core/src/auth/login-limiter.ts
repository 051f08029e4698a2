import { sql } from 'kysely';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { CongError } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_LOGIN_THROTTLED } from '../errors.js';
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
export type LoginAttempt =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Which bucket is full. For logs only: never tell the client. */
      readonly scope: 'account' | 'ip';
      /** Whole seconds until the bucket allows attempts again, for `Retry-After`. */
      readonly retryAfterSeconds: number;
    };

/** The table the counters live in (core migration `2026_11_28_0009_create_auth`). */
const TABLE = 'core_login_limits';
const ACCOUNT_PREFIX = 'login-account';
const IP_PREFIX = 'login-ip';
/** The counters' key column is VARCHAR(255); the prefix takes at most 14 of it. */
const MAX_KEY_LENGTH = 240;

/**
 * Creates the login throttle on the database's own store: rate-limiter-flexible's
 * `RateLimiterSQLite` on SQLite and `RateLimiterMySQL` on MySQL/MariaDB, both over the native driver
 * handle of {@link Database.native} and the `core_login_limits` table the core migrations create, so
 * counters survive restarts and are shared by every process using one MySQL database. The library is
 * loaded here, when a limiter is first needed.
 */
export async function createLoginLimiter(options: LoginLimiterOptions): Promise<LoginLimiter> {
  const rlf = await import('rate-limiter-flexible');
  const accountPoints = positiveInteger(options.accountLimit ?? 5, 'accountLimit');
  const accountDuration = positiveInteger(options.accountWindowSeconds ?? 6 * 3600, 'accountWindowSeconds');
  const ipPoints = positiveInteger(options.ipLimit ?? 50, 'ipLimit');
  const ipDuration = positiveInteger(options.ipWindowSeconds ?? 3600, 'ipWindowSeconds');
  const { db } = options;
  let make: (keyPrefix: string, points: number, duration: number) => RateLimiterAbstract;
  if (db.dialect === 'sqlite') {
    make = (keyPrefix, points, duration) =>
      new rlf.RateLimiterSQLite({
        storeClient: db.native,
        storeType: 'better-sqlite3',
        tableName: TABLE,
        tableCreated: true,
        // Expired rows are purged by purgeExpired(), not by the library's timer, which would outlive
        // the connection in tests and throw on a closed database.
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
      });
  } else {
    // The MySQL store qualifies the table with a schema name; use the one the pool is connected to.
    const { rows } = await sql<{ name: string | null }>`select database() as name`.execute(db.kysely);
    const dbName = rows[0]?.name;
    if (!dbName) throw new Error('The MySQL connection has no default database; the login throttle needs one');
    make = (keyPrefix, points, duration) =>
      new rlf.RateLimiterMySQL({
        storeClient: db.native,
        storeType: 'pool',
        dbName,
        tableName: TABLE,
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration,
      });
  }
  return new LoginLimiter(db, make(ACCOUNT_PREFIX, accountPoints, accountDuration), make(IP_PREFIX, ipPoints, ipDuration));
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
  async consume(username: string, ip: string): Promise<LoginAttempt> {
    const ipRes = await take(this.#ip, ipKey(ip));
    if (ipRes.refused) return { allowed: false, scope: 'ip', retryAfterSeconds: seconds(ipRes.res) };
    const accountRes = await take(this.#account, accountKey(username));
    if (accountRes.refused) return { allowed: false, scope: 'account', retryAfterSeconds: seconds(accountRes.res) };
    return { allowed: true };
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

  /** Deletes counters whose window ended; run it now and then (a daily job). Returns rows deleted. */
  async purgeExpired(nowMs: number = Date.now()): Promise<number> {
    const result = await this.#db.kysely.deleteFrom(TABLE).where('expire', '<', nowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** `CONG_ERR_LOGIN_THROTTLED` (429) with `Retry-After`, for the route that answers a throttled sign-in. */
export function loginThrottledError(retryAfterSeconds: number): CongError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return CONG_ERR_LOGIN_THROTTLED.create({ seconds: s }, { headers: { 'Retry-After': String(s) } });
}

function accountKey(username: string): string {
  return normalizeUsername(username).slice(0, MAX_KEY_LENGTH);
}

function ipKey(ip: string): string {
  return ip.trim().toLowerCase().slice(0, MAX_KEY_LENGTH);
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<{ refused: false } | { refused: true; res: RateLimiterRes }> {
  try {
    await limiter.consume(key, 1);
    return { refused: false };
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when the limit is reached and with an Error when the
    // store fails; a store failure must not let attempts through (fail secure), so it propagates.
    if (rejection instanceof Error) throw rejection;
    return { refused: true, res: rejection as RateLimiterRes };
  }
}

function seconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`LoginLimiter option ${name} must be a positive integer, got ${value}`);
  return value;
}
