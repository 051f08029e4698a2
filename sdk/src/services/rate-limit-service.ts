import type { RouteRequest } from '../http/route.js';

/** How many attempts a bucket allows per window: `points` per `durationSeconds` (a fixed window). */
export interface RateLimitRule {
  /** 1 to 1,000,000. */
  readonly points: number;
  /** 1 s to 7 days. */
  readonly durationSeconds: number;
}

/** The answer of one attempt. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Attempts left in the window after this one. */
  readonly remaining: number;
  /** Whole seconds until the window ends (for `Retry-After` when refused). */
  readonly retryAfterSeconds: number;
}

/**
 * Counters for a plugin's own limits beyond a route's `rateLimit` (per verified e-mail address, per
 * citizen, per object): buckets named by the plugin, keyed by what it counts. Counters live in the
 * platform's database (shared by every process on MySQL/MariaDB) and survive restarts.
 */
export interface RateLimitService {
  /**
   * Takes one point from the bucket `name` (the plugin's own namespace; name it after what it limits:
   * `question-by-email`) for `key`. A request carrying a valid bypass key (config
   * `http.rateLimitBypassKeys`, header `X-Cong-Rate-Limit-Bypass`: benchmarks, trusted imports) is never
   * limited and takes nothing.
   */
  consume(name: string, key: string, rule: RateLimitRule, request?: RouteRequest): Promise<RateLimitDecision>;
  /** {@link consume}, refusing with `CONG_ERR_RATE_LIMITED` (429, `Retry-After`) when the bucket is empty. */
  enforce(name: string, key: string, rule: RateLimitRule, request?: RouteRequest): Promise<void>;
  /**
   * Whether the request carries a valid bypass key, so limits do not apply to it: for a plugin's own
   * anti-abuse checks that are not buckets (a proof-of-work, say) and should be lifted with them.
   */
  exempts(request: RouteRequest): boolean;
}
