import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';

/** The issuer authenticator apps show next to the account. */
export const TOTP_ISSUER = 'Cổng';
/** RFC 6238 defaults, the only ones every authenticator app supports: 30-second steps, 6 digits, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Secret size: 20 bytes, the HMAC-SHA1 block-friendly size RFC 4226 recommends. */
const SECRET_BYTES = 20;

/** A new random TOTP secret, base32 (upper case, no padding): the form stored and shown for manual entry. */
export function generateTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(SECRET_BYTES));
}

/** The `otpauth://totp/…` URI authenticator apps read from a QR code. */
export function totpKeyUri(secret: string, accountName: string, issuer: string = TOTP_ISSUER): string {
  return createTOTPKeyURI(issuer, accountName, decodeSecret(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The 30-second step `nowMs` falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / (TOTP_PERIOD_SECONDS * 1000));
}

/** Options of {@link verifyTotp}. */
export interface VerifyTotpOptions {
  /** The clock, in epoch milliseconds. */
  readonly now: number;
  /**
   * The step of the last accepted code: codes of this step and earlier are refused, so an observed
   * code cannot be replayed, not even within its own 30 seconds. Default is none.
   */
  readonly lastStep?: number | null;
  /**
   * Steps accepted either side of the current one. Default is 1 (±30 s): enough for a phone clock a
   * little off and for a code typed as it rolls over, while keeping 3 live codes out of a million.
   */
  readonly window?: number;
}

/**
 * Checks a code typed by the user and returns the step it matched, to be stored as the new
 * `lastStep`, or undefined. Spaces inside the code are ignored (`123 456` as apps display it). The
 * comparison is constant-time per step; the current step is tried first, then the earlier and later.
 */
export function verifyTotp(secret: string, code: string, options: VerifyTotpOptions): number | undefined {
  const typed = code.replace(/\s+/g, '');
  if (!/^[0-9]{6}$/.test(typed)) return undefined;
  const key = decodeSecret(secret);
  const current = totpStep(options.now);
  const window = options.window ?? 1;
  const lastStep = options.lastStep ?? -1;
  const steps = [current];
  for (let i = 1; i <= window; i++) steps.push(current - i, current + i);
  for (const step of steps) {
    if (step <= lastStep || step < 0) continue;
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, typed)) return step;
  }
  return undefined;
}

function decodeSecret(secret: string): Uint8Array {
  return decodeBase32IgnorePadding(secret.replace(/\s+/g, '').toUpperCase());
}
