import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretBox, secretBoxKey } from './secret-box.js';

const dir = mkdtempSync(join(tmpdir(), 'cong-secret-box-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('seals differently each time and opens to the same text', () => {
    const a = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const b = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(255);
    expect([box.open(a), box.open(b)]).toEqual(['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP']);
  });

  it('refuses a value altered by one bit, anywhere, or sealed with another key', () => {
    const sealed = box.seal('secret');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const altered = Buffer.from(raw);
      altered[at]! ^= 1; // the IV, the tag, the ciphertext
      expect(() => box.open(`v1.${altered.toString('base64url')}`), `byte ${at}`).toThrow();
    }
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('reads a value stored before sealing existed as it is', () => {
    expect(box.open('JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('secretBoxKey', () => {
  it('takes a configured key as 64 hex characters or base64', () => {
    const key = randomBytes(32);
    expect(secretBoxKey(key.toString('hex'), join(dir, 'unused'))).toEqual(key);
    expect(secretBoxKey(key.toString('base64'), join(dir, 'unused'))).toEqual(key);
    expect(() => secretBoxKey('c2hvcnQ=', join(dir, 'unused'))).toThrow(/32 bytes/);
  });

  it('without one, makes a key file readable by its owner only, and reads the same key next time', () => {
    const file = join(dir, 'keys', 'secret.key');
    const first = secretBoxKey(undefined, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(secretBoxKey(undefined, file)).toEqual(first);
  });
});
