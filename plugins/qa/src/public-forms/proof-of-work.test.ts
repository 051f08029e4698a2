import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkProof, issueProofChallenge, leadingZeroBits } from './proof-of-work.js';
import { UsedChallenges } from './used-challenges.js';

const KEY = 'k'.repeat(43);
const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const LATER = NOW + 3_600_000;

/**
 * The first nonce that gives `bits` zero bits, as a browser finds it; also the first that does not
 * (searched on past the good one when that came first, as it does once in 256 challenges at 8 bits).
 */
function solve(challenge: string, bits: number): { good: string; bad: string } {
  let good: string | undefined;
  let bad: string | undefined;
  for (let nonce = 0; good === undefined || bad === undefined; nonce++) {
    const proof = `${challenge}:${nonce}`;
    if (leadingZeroBits(createHash('sha256').update(proof).digest()) >= bits) good ??= proof;
    else bad ??= proof;
  }
  return { good, bad };
}

describe('proof-of-work challenges', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0xff]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01, 0xff]))).toBe(7);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x20]))).toBe(10);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('issues a signed challenge and accepts its solution, for the unit it was issued to only', () => {
    const issued = issueProofChallenge(KEY, 'unit-a', 8, LATER);
    expect(issued).toMatchObject({ bits: 8, expiresAt: new Date(LATER).toISOString() });
    expect(issued.challenge).toMatch(/^8\.\d{13}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    // Two challenges never share a salt.
    expect(issueProofChallenge(KEY, 'unit-a', 8, LATER).challenge).not.toBe(issued.challenge);
    const { good, bad } = solve(issued.challenge, 8);
    expect(checkProof(KEY, 'unit-a', good, 8, NOW)).toEqual({ ok: true, challenge: issued.challenge, expiresAt: LATER });
    expect(checkProof(KEY, 'unit-a', bad, 8, NOW)).toEqual({ ok: false, reason: 'unsolved' });
    expect(checkProof(KEY, 'unit-b', good, 8, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(checkProof('another-key', 'unit-a', good, 8, NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses a missing, malformed, tampered, expired or too easy solution', () => {
    const issued = issueProofChallenge(KEY, 'unit-a', 8, LATER);
    const { good } = solve(issued.challenge, 8);
    expect(checkProof(KEY, 'unit-a', undefined, 8, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkProof(KEY, 'unit-a', '', 8, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkProof(KEY, 'unit-a', issued.challenge, 8, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkProof(KEY, 'unit-a', `${issued.challenge}:12a`, 8, NOW)).toEqual({ ok: false, reason: 'malformed' });
    // The difficulty and the expiry are signed: lowering or extending them breaks the signature.
    const [, expires, salt, mac] = issued.challenge.split('.');
    const nonce = good.split(':')[1];
    expect(checkProof(KEY, 'unit-a', `1.${expires}.${salt}.${mac}:${nonce}`, 8, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(checkProof(KEY, 'unit-a', `8.${Number(expires) + 1000}.${salt}.${mac}:${nonce}`, 8, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(checkProof(KEY, 'unit-a', `8.${expires}.${salt}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}:${nonce}`, 8, NOW)).toEqual({ ok: false, reason: 'forged' });
    // Expired at its time.
    expect(checkProof(KEY, 'unit-a', good, 8, LATER)).toEqual({ ok: false, reason: 'expired' });
    // The form now asks more than the challenge did (the setting was raised).
    expect(checkProof(KEY, 'unit-a', good, 9, NOW)).toEqual({ ok: false, reason: 'too-easy' });
    // A challenge that asks more than the form needs is fine, when solved to its own difficulty.
    const harder = issueProofChallenge(KEY, 'unit-a', 10, LATER);
    const solvedHarder = solve(harder.challenge, 10).good;
    expect(checkProof(KEY, 'unit-a', solvedHarder, 8, NOW).ok).toBe(true);
  });

  it('accepts a challenge once: the spent set refuses it again until it expires', () => {
    const used = new UsedChallenges();
    const issued = issueProofChallenge(KEY, 'unit-a', 8, LATER);
    const { good } = solve(issued.challenge, 8);
    const check = (now: number) => checkProof(KEY, 'unit-a', good, 8, now, (c) => used.has(c, now));
    expect(check(NOW).ok).toBe(true);
    expect(used.claim(issued.challenge, LATER, NOW)).toBe(true);
    expect(check(NOW + 1)).toEqual({ ok: false, reason: 'used' });
    expect(used.claim(issued.challenge, LATER, NOW + 1)).toBe(false);
    // Another nonce for the same challenge is the same challenge.
    let other = '';
    for (let n = Number(good.split(':')[1]) + 1; !other; n++) {
      const candidate = `${issued.challenge}:${n}`;
      if (leadingZeroBits(createHash('sha256').update(candidate).digest()) >= 8) other = candidate;
    }
    expect(checkProof(KEY, 'unit-a', other, 8, NOW + 1, (c) => used.has(c, NOW + 1))).toEqual({ ok: false, reason: 'used' });
  });

  it('keeps the spent set bounded: expired entries go first, then the oldest claims', () => {
    const used = new UsedChallenges(3);
    expect(used.claim('a', NOW + 10, NOW)).toBe(true);
    expect(used.claim('b', NOW + 1000, NOW)).toBe(true);
    expect(used.claim('c', NOW + 1000, NOW)).toBe(true);
    // Full: "a" has expired by now and makes room; "b" and "c" stay spent.
    expect(used.claim('d', NOW + 1000, NOW + 20)).toBe(true);
    expect(used.size).toBe(3);
    expect(used.has('a', NOW + 20)).toBe(false);
    expect(used.has('b', NOW + 20)).toBe(true);
    // Full with nothing expired: the oldest claim ("b") goes.
    expect(used.claim('e', NOW + 1000, NOW + 30)).toBe(true);
    expect(used.size).toBe(3);
    expect(used.has('b', NOW + 30)).toBe(false);
    expect(used.has('c', NOW + 30)).toBe(true);
    expect(used.claim('c', NOW + 1000, NOW + 30)).toBe(false);
  });
});
