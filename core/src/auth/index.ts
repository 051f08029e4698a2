// Authentication of @cong/core: staff accounts, sessions, login throttle, TOTP, password reset and
// API tokens. Services and storage only; the HTTP layer wires routes, cookies and CSRF on top.
export { createAuthServices, type AuthServices, type AuthServicesOptions } from './create-auth-services.js';
export { ApiTokens, apiTokenPrincipal, type ApiTokenInfo, type ApiTokensOptions, type NewApiToken, type VerifiedApiToken } from './api-tokens.js';
export { checkEmail, checkUsername, normalizeEmail, normalizeUsername } from './identifiers.js';
export { LoginLimiter, createLoginLimiter, loginThrottledError, type LoginAttempt, type LoginLimiterOptions } from './login-limiter.js';
export { DEFAULT_ARGON2_PARAMETERS, PasswordHasher, normalizePassword, type Argon2Parameters, type PasswordHasherOptions } from './password-hasher.js';
export { PasswordPolicy, codePointLength, type PasswordIdentity, type PasswordPolicyOptions, type PasswordRule } from './password-policy.js';
export {
  PasswordReset,
  defaultPasswordResetMessage,
  type PasswordResetMessageInput,
  type PasswordResetOptions,
  type PasswordResetRequestOptions,
} from './password-reset.js';
export { PasswordResetLimiter, createPasswordResetLimiter, resetThrottledError, type PasswordResetLimiterOptions } from './password-reset-limiter.js';
export type { ThrottleDecision } from './db-rate-limiter.js';
export {
  SessionStore,
  hashToken,
  sessionCookie,
  type CreateSessionOptions,
  type Session,
  type SessionCookieSettings,
  type SessionListEntry,
  type SessionStoreOptions,
} from './session-store.js';
export { TOTP_DIGITS, TOTP_ISSUER, TOTP_PERIOD_SECONDS, generateTotpSecret, totpKeyUri, totpStep, verifyTotp, type VerifyTotpOptions } from './totp.js';
export {
  UserStore,
  type AuthenticateOptions,
  type AuthenticationResult,
  type NewUser,
  type User,
  type UserStatus,
  type UserStoreOptions,
} from './user-store.js';
