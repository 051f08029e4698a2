import { sql } from 'kysely';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { CongError, ErrorCode } from '@cong/sdk';
import type { Database } from '../db/create-database.js';

/** The table every throttle's counters live in (core migration `2026_11_28_0009_create_auth`). */
export const LIMITS_TABLE = 'core_login_limits';
/** The counters' key column is VARCHAR(255); a bucket's prefix takes at most 14 of it. */
const MAX_KEY_LENGTH = 240;

/** The answer of a two-bucket throttle: the client's address and the account or login it names. */
export type ThrottleDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Which bucket is full. For logs only: never tell the client. */
      readonly scope: 'account' | 'ip';
      /** Whole seconds until the bucket allows attempts again, for `Retry-After`. */
      readonly retryAfterSeconds: number;
    };

/** Makes one fixed-window counter bucket over the database, named by its key prefix. */
export type BucketFactory = (keyPrefix: string, points: number, durationSeconds: number) => RateLimiterAbstract;

/**
 * Buckets on the database's own store: rate-limiter-flexible's `RateLimiterSQLite` on SQLite and
 * `RateLimiterMySQL` on MySQL/MariaDB, both over the native driver handle of {@link Database.native}
 * and {@link LIMITS_TABLE}, so counters survive restarts and are shared by every process using one
 * MySQL database. The library is loaded here, when a throttle is first needed.
 *
 * On SQLite the store writes through the same better-sqlite3 connection as kysely, outside kysely's
 * queue: use the buckets outside transactions, or a rollback there also undoes a counted attempt.
 */
export async function createBucketFactory(db: Database): Promise<BucketFactory> {
  const rlf = await import('rate-limiter-flexible');
  const bucket = (keyPrefix: string, points: number, duration: number) => ({
    storeClient: db.native,
    tableName: LIMITS_TABLE,
    tableCreated: true,
    // Expired rows are purged by purgeExpiredCounters() (the nightly housekeeping), not by the
    // library's timer, which would outlive the connection in tests and throw on a closed database.
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration,
  });
  if (db.dialect === 'sqlite') {
    return (keyPrefix, points, duration) => new rlf.RateLimiterSQLite({ ...bucket(keyPrefix, points, duration), storeType: 'better-sqlite3' });
  }
  // The MySQL store qualifies the table with a schema name; use the one the pool is connected to.
  const { rows } = await sql<{ name: string | null }>`select database() as name`.execute(db.kysely);
  const dbName = rows[0]?.name;
  if (!dbName) throw new Error('The MySQL connection has no default database; the sign-in throttles need one');
  return (keyPrefix, points, duration) => new rlf.RateLimiterMySQL({ ...bucket(keyPrefix, points, duration), storeType: 'pool', dbName });
}

/** Deletes the counters of every throttle whose window ended. Returns rows deleted. */
export async function purgeExpiredCounters(db: Database, nowMs: number = Date.now()): Promise<number> {
  const result = await db.kysely.deleteFrom(LIMITS_TABLE).where('expire', '<', nowMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A client address as a bucket key. */
export function addressKey(ip: string): string {
  return ip.trim().toLowerCase().slice(0, MAX_KEY_LENGTH);
}

/** Any other bucket key, cut to the column. */
export function bucketKey(value: string): string {
  return value.slice(0, MAX_KEY_LENGTH);
}

/**
 * Takes a point from each bucket in order; the first full one refuses, and buckets after it are not
 * touched (so an address that is blocked does not also use up the account's points).
 */
export async function takeFromBuckets(buckets: readonly (readonly [RateLimiterAbstract, string, 'account' | 'ip'])[]): Promise<ThrottleDecision> {
  for (const [bucket, key, scope] of buckets) {
    try {
      await bucket.consume(key, 1);
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when the limit is reached and with an Error when the
      // store fails; a store failure must not let attempts through (fail secure), so it propagates.
      if (rejection instanceof Error) throw rejection;
      const res = rejection as RateLimiterRes;
      return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    }
  }
  return { allowed: true };
}

/** A throttle's 429 error (`code` takes a `{seconds}` parameter), with `Retry-After` in whole seconds. */
export function throttledError(code: ErrorCode, retryAfterSeconds: number): CongError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return code.create({ seconds: s }, { headers: { 'Retry-After': String(s) } });
}

/** Checks a limit option: a whole number of at least 1. */
export function positiveInteger(value: number, name: string, owner: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${owner} option ${name} must be a positive integer, got ${value}`);
  return value;
}
