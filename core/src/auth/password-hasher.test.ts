import { describe, expect, it } from 'vitest';
import { DEFAULT_ARGON2_PARAMETERS, PasswordHasher, normalizePassword } from './password-hasher.js';

// The real parameters, once: each hash is ~30 ms, so this file keeps to a handful.
describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  // "Mật khẩu của tôi" typed precomposed (NFC) and decomposed (NFD, as some keyboards send it).
  const nfc = 'Mật khẩu của tôi 2026'.normalize('NFC');
  const nfd = nfc.normalize('NFD');

  it('hashes with argon2id at m=19456 KiB, t=2, p=1', async () => {
    const hash = await hasher.hash(nfc);
    const [, algorithm, version, params] = hash.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    expect(params!.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    expect(DEFAULT_ARGON2_PARAMETERS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('verifies a password typed in NFD against a hash made from NFC, and the other way round', async () => {
    expect(nfd).not.toBe(nfc);
    expect(normalizePassword(nfd)).toBe(normalizePassword(nfc));
    expect(await hasher.verify(await hasher.hash(nfc), nfd)).toBe(true);
    const fromNfd = await hasher.hash(nfd);
    expect(await hasher.verify(fromNfd, nfc)).toBe(true);
    expect(await hasher.verify(fromNfd, 'Mat khau cua toi 2026')).toBe(false);
  });

  it('answers false for a malformed hash and for the dummy, and wants a rehash of weaker or foreign hashes', async () => {
    expect(await hasher.verify('not a hash', nfc)).toBe(false);
    expect(await hasher.verifyDummy(nfc)).toBe(false);
    const weak = new PasswordHasher({ parameters: { memoryCost: 4096, timeCost: 1, parallelism: 1 } });
    expect(hasher.needsRehash(await weak.hash(nfc))).toBe(true);
    expect(hasher.needsRehash('$2b$10$abcdefghijklmnopqrstuv')).toBe(true);
  });
});
