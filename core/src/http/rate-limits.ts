import { createHash, timingSafeEqual } from 'node:crypto';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { CONG_ERR_RATE_LIMITED, type RateLimitDecision, type RateLimitRule, type RateLimitService, type RouteRequest } from '@cong/sdk';
import { bucketKey, type BucketFactory } from '../auth/db-rate-limiter.js';

/** The header a benchmark or a trusted import sends one of `http.rateLimitBypassKeys` in. */
export const BYPASS_HEADER = 'x-cong-rate-limit-bypass';

const MAX_POINTS = 1_000_000;
const MAX_DURATION = 7 * 24 * 3600;

/** Why a rule cannot be used, or undefined: checked when a route registers, and on every plugin call. */
export function ruleProblem(rule: unknown): string | undefined {
  if (typeof rule !== 'object' || rule === null) return 'rateLimit must be { points, durationSeconds }';
  const { points, durationSeconds, ...rest } = rule as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `rateLimit has an unknown option "${Object.keys(rest)[0]}"`;
  if (!Number.isSafeInteger(points) || (points as number) < 1 || (points as number) > MAX_POINTS) return `rateLimit.points must be an integer from 1 to ${MAX_POINTS}`;
  if (!Number.isSafeInteger(durationSeconds) || (durationSeconds as number) < 1 || (durationSeconds as number) > MAX_DURATION) {
    return `rateLimit.durationSeconds must be an integer from 1 to ${MAX_DURATION} (7 days)`;
  }
  return undefined;
}

/**
 * The platform's rate limits: fixed-window counters in the database (the sign-in throttles' table and
 * store), one bucket per name and rule. Bucket names are hashed into the store's short key prefix;
 * keys are cut to the column. A request carrying a configured bypass key takes nothing.
 */
export class RateLimits {
  readonly #buckets = new Map<string, RateLimiterAbstract>();
  readonly #bypass: readonly Buffer[];

  constructor(
    private readonly factory: () => Promise<BucketFactory>,
    bypassKeys: readonly string[] = [],
  ) {
    this.#bypass = bypassKeys.map((k) => createHash('sha256').update(k).digest());
  }

  /** Whether the request names a bypass key (compared in constant time, as digests). */
  bypassed(header: string | undefined): boolean {
    if (!header || this.#bypass.length === 0 || header.length > 512) return false;
    const offered = createHash('sha256').update(header).digest();
    return this.#bypass.some((k) => timingSafeEqual(k, offered));
  }

  async consume(name: string, key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
    const bucket = await this.#bucket(name, rule);
    try {
      const res = await bucket.consume(bucketKey(key), 1);
      return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (error) {
      if (error instanceof Error) throw error; // the store failed: not a refusal
      const res = error as RateLimiterRes;
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    }
  }

  /** Refuses with 429 and `Retry-After` when the bucket is empty. */
  async enforce(name: string, key: string, rule: RateLimitRule): Promise<void> {
    const decision = await this.consume(name, key, rule);
    if (!decision.allowed) throw CONG_ERR_RATE_LIMITED.create({}, { headers: { 'Retry-After': String(decision.retryAfterSeconds) }, detail: `Too many requests; try again in ${decision.retryAfterSeconds} seconds` });
  }

  /** The service a plugin gets: its buckets are named inside its own namespace. */
  forPlugin(pluginId: string): RateLimitService {
    const check = (rule: RateLimitRule) => {
      const problem = ruleProblem(rule);
      if (problem) throw new TypeError(problem);
    };
    const skip = (request: RouteRequest | undefined) => request !== undefined && this.bypassed(request.headers[BYPASS_HEADER] as string | undefined);
    return {
      consume: async (name, key, rule, request) => {
        check(rule);
        return skip(request) ? { allowed: true, remaining: rule.points, retryAfterSeconds: 0 } : this.consume(`${pluginId}:${name}`, key, rule);
      },
      enforce: async (name, key, rule, request) => {
        check(rule);
        if (!skip(request)) await this.enforce(`${pluginId}:${name}`, key, rule);
      },
      exempts: (request) => skip(request),
    };
  }

  async #bucket(name: string, rule: RateLimitRule): Promise<RateLimiterAbstract> {
    const id = `${name}|${rule.points}|${rule.durationSeconds}`;
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      // The store's key column leaves 14 characters for the prefix: a digest of the name and rule.
      const prefix = `r${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
      bucket = (await this.factory())(prefix, rule.points, rule.durationSeconds);
      this.#buckets.set(id, bucket);
    }
    return bucket;
  }
}
