import { InputError } from '@cong/sdk';

/** Longest username, in code points after normalisation; fits the 191-character unique index. */
export const MAX_USERNAME_LENGTH = 64;
/** RFC 5321's limit on a forward path. */
export const MAX_EMAIL_LENGTH = 254;

/** Letters (any script, with their combining marks), digits, and `.` `_` `-` `@`. */
const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}._@-]+$/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const EMAIL_PATTERN = /^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+\.[^\s@\u0000-\u001f\u007f]+$/u;

/**
 * The one form a username is stored, looked up and throttled under: NFKC, lower case, outer spaces
 * trimmed. `Admin`, `ADMIN` and full-width `ａｄｍｉｎ` are the same account and share one login
 * throttle bucket, so changing case never buys an attacker fresh attempts.
 */
export function normalizeUsername(username: string): string {
  // Lower-casing can leave a string that is no longer in NFKC (`İ` → `i̇`); normalise again.
  return username.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}

/** The stored form of an e-mail address: NFC, lower case, trimmed. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Normalises a new account's username and throws `InputError` (400) when it cannot be one. */
export function checkUsername(username: string): string {
  const normalized = normalizeUsername(username);
  const length = [...normalized].length;
  if (length < 2 || length > MAX_USERNAME_LENGTH || !USERNAME_PATTERN.test(normalized)) {
    throw new InputError(`username must have 2 to ${MAX_USERNAME_LENGTH} letters, digits or . _ - @`, {
      errors: [{ in: 'body', pointer: '/username', message: 'is not a valid username', keyword: 'pattern' }],
    });
  }
  return normalized;
}

/** Normalises an e-mail address and throws `InputError` (400) when it does not look like one. */
export function checkEmail(email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(normalized)) {
    throw new InputError('email is not a valid e-mail address', {
      errors: [{ in: 'body', pointer: '/email', message: 'is not a valid e-mail address', keyword: 'format' }],
    });
  }
  return normalized;
}
