import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** sha256 hex of a secret; what is stored instead of a verification token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A single-use verification token: 32 random bytes, base64url (43 characters). */
export function newVerificationToken(): string {
  return randomBytes(32).toString('base64url');
}

export const VERIFICATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Letters and digits nobody misreads: no 0/O, 1/I/L, U (Crockford-like). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A tracking code such as `HD-2026-7K3F9Q`: the year and six unambiguous characters (about 7×10⁸ per year). */
export function newTrackingCode(year: number): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `HD-${year}-${tail}`;
}

/** A code as typed by a person: trimmed, upper case, `O`→`0` confusions left to fail. */
export function normalizeTrackingCode(input: string): string {
  return input.trim().toUpperCase();
}

/** Constant-time equality of two strings (hashed first, so their lengths leak nothing). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/**
 * The form's fill-time token: when the form was served, for which unit, signed with the plugin's key.
 * `<issuedAtMs>.<hmac>`; a bot that posts without loading the form, or faster than a person can type,
 * is told so.
 */
export function signFormToken(key: string, tenantId: string, issuedAt: number): string {
  return `${issuedAt}.${createHmac('sha256', key).update(`${tenantId}|${issuedAt}`).digest('base64url')}`;
}

/** The time the token was issued, or undefined when it is forged, malformed or for another unit. */
export function readFormToken(key: string, tenantId: string, token: string): number | undefined {
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const issuedAt = Number(match[1]);
  return sameSecret(signFormToken(key, tenantId, issuedAt), token) ? issuedAt : undefined;
}
