import type { Database } from '../db/create-database.js';
import { ApiTokens } from './api-tokens.js';
import { createLoginLimiter, type LoginLimiter, type LoginLimiterOptions } from './login-limiter.js';
import { PasswordHasher, type PasswordHasherOptions } from './password-hasher.js';
import { PasswordPolicy, type PasswordPolicyOptions } from './password-policy.js';
import { PasswordReset, type PasswordResetOptions } from './password-reset.js';
import { createPasswordResetLimiter, type PasswordResetLimiter, type PasswordResetLimiterOptions } from './password-reset-limiter.js';
import { SessionStore, type SessionStoreOptions } from './session-store.js';
import type { SecretSealer } from './secret-box.js';
import { UserStore } from './user-store.js';

/** Options of {@link createAuthServices}; every group is optional and has the defaults of its service. */
export interface AuthServicesOptions {
  readonly db: Database;
  readonly hasher?: PasswordHasherOptions;
  readonly policy?: PasswordPolicyOptions;
  /** Login throttle limits. Defaults: 5 failures per account in 6 hours, 50 per address in an hour. */
  readonly limits?: Omit<LoginLimiterOptions, 'db'>;
  /** Password-reset request limits. Defaults: 3 per login and 20 per address in an hour. */
  readonly resetLimits?: Omit<PasswordResetLimiterOptions, 'db'>;
  /** Session timeouts. Defaults: 30 minutes idle, 12 hours absolute. */
  readonly sessions?: Omit<SessionStoreOptions, 'db' | 'now'>;
  /** Reset link lifetime and mail. Default: 30 minutes, the Vietnamese message. */
  readonly passwordReset?: Omit<PasswordResetOptions, 'db' | 'users' | 'sessions' | 'now'>;
  /** See {@link UserStoreOptions.requireTotpForSuperAdmins}. Default is false. */
  readonly requireTotpForSuperAdmins?: boolean;
  /** One clock for every service, in epoch milliseconds. Default is `Date.now`. */
  readonly now?: () => number;
  /** Seals TOTP seeds at rest (see {@link UserStoreOptions.secrets}). */
  readonly secrets?: SecretSealer;
}

/** The authentication services, sharing one database, clock, hasher and policy. */
export interface AuthServices {
  readonly hasher: PasswordHasher;
  readonly policy: PasswordPolicy;
  readonly limiter: LoginLimiter;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly passwordReset: PasswordReset;
  readonly resetLimiter: PasswordResetLimiter;
  readonly apiTokens: ApiTokens;
}

/**
 * Builds the authentication services over a migrated database, for the HTTP layer to wire: sign-in
 * (`users.authenticate`, then `sessions.create`), session lookup per request (`sessions.get`, with the
 * cookie from `sessionCookie`), password reset and API tokens (`apiTokens.verify`).
 */
export async function createAuthServices(options: AuthServicesOptions): Promise<AuthServices> {
  const { db } = options;
  const now = options.now ?? Date.now;
  const hasher = new PasswordHasher(options.hasher);
  const policy = new PasswordPolicy(options.policy);
  const limiter = await createLoginLimiter({ db, ...options.limits });
  const sessions = new SessionStore({ db, ...options.sessions, now });
  const users = new UserStore({ db, limiter, hasher, policy, now, requireTotpForSuperAdmins: options.requireTotpForSuperAdmins ?? false, ...(options.secrets ? { secrets: options.secrets } : {}) });
  const passwordReset = new PasswordReset({ db, users, sessions, ...options.passwordReset, now });
  const resetLimiter = await createPasswordResetLimiter({ db, ...options.resetLimits });
  const apiTokens = new ApiTokens({ db, now });
  return Object.freeze({ hasher, policy, limiter, users, sessions, passwordReset, resetLimiter, apiTokens });
}
