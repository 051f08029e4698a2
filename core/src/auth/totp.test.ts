import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { generateTotpSecret, totpKeyUri, totpStep, verifyTotp } from './totp.js';

const NOW = 1_800_000_000_000;

function codeAt(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
}

describe('TOTP', () => {
  const secret = generateTotpSecret();
  const step = totpStep(NOW);

  it('makes 20-byte base32 secrets and an otpauth URI with the issuer Cổng', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32IgnorePadding(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
    const text = totpKeyUri(secret, 'admin');
    expect(text.startsWith(`otpauth://totp/${encodeURIComponent('Cổng')}:admin?`)).toBe(true);
    const uri = new URL(text);
    expect(uri.searchParams.get('issuer')).toBe('Cổng');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });

  it('matches the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: key "12345678901234567890", T = 59 s → 94287082 (8 digits), 287082 in 6.
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(verifyTotp(rfcSecret, '287082', { now: 59_000 })).toBe(1);
  });

  it('accepts the current code and one step either side, not two', () => {
    expect(verifyTotp(secret, codeAt(secret, step), { now: NOW })).toBe(step);
    expect(verifyTotp(secret, codeAt(secret, step - 1), { now: NOW })).toBe(step - 1);
    expect(verifyTotp(secret, codeAt(secret, step + 1), { now: NOW })).toBe(step + 1);
    expect(verifyTotp(secret, codeAt(secret, step - 2), { now: NOW })).toBeUndefined();
    expect(verifyTotp(secret, codeAt(secret, step + 2), { now: NOW })).toBeUndefined();
    expect(verifyTotp(secret, codeAt(secret, step - 2), { now: NOW, window: 2 })).toBe(step - 2);
  });

  it('refuses a replay: a step at or before the last accepted one', () => {
    const code = codeAt(secret, step);
    expect(verifyTotp(secret, code, { now: NOW, lastStep: step })).toBeUndefined();
    expect(verifyTotp(secret, codeAt(secret, step - 1), { now: NOW, lastStep: step })).toBeUndefined();
    expect(verifyTotp(secret, codeAt(secret, step + 1), { now: NOW, lastStep: step })).toBe(step + 1);
  });

  it('refuses wrong and malformed codes, and ignores spaces', () => {
    const code = codeAt(secret, step);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const others = [codeAt(secret, step - 1), codeAt(secret, step + 1)];
    if (!others.includes(wrong)) expect(verifyTotp(secret, wrong, { now: NOW })).toBeUndefined();
    expect(verifyTotp(secret, '12345', { now: NOW })).toBeUndefined();
    expect(verifyTotp(secret, 'abcdef', { now: NOW })).toBeUndefined();
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now: NOW })).toBe(step);
  });
});
