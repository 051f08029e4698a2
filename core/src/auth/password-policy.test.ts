import { describe, expect, it } from 'vitest';
import { CONG_ERR_PASSWORD_POLICY } from '../errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { PasswordPolicy, codePointLength } from './password-policy.js';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it('counts code points, not UTF-16 units or bytes: 11 Vietnamese letters are too short, 12 are enough', async () => {
    const eleven = 'ệệệệệệệệệệệ'; // 11 code points, 33 bytes of UTF-8
    expect(codePointLength(eleven)).toBe(11);
    expect(await policy.check(eleven)).toBe('too-short');
    expect(await policy.check(`${eleven}ữ`)).toBeUndefined();
    // Astral characters are two UTF-16 units each but one code point.
    expect(await policy.check('😀'.repeat(11))).toBe('too-short');
    expect(await policy.check('😀'.repeat(12))).toBeUndefined();
  });

  it('counts after NFKC, so a decomposed password has the length of its precomposed form', async () => {
    const nfd = 'ệệệệệệệệệệệ'.normalize('NFD'); // 33 code points before normalising
    expect(codePointLength(nfd)).toBe(33);
    expect(await policy.check(nfd)).toBe('too-short');
  });

  it('allows 128 code points and refuses 129', async () => {
    expect(await policy.check('đường dài '.repeat(13).slice(0, 128))).toBeUndefined();
    expect(await policy.check('ơ'.repeat(129))).toBe('too-long');
  });

  it('refuses common passwords whatever their case, including Vietnamese ones', async () => {
    expect(await policy.check('Password1234')).toBe('common');
    expect(await policy.check('MATKHAU123456')).toBe('common');
    expect(await policy.check('anhyeuem123456')).toBe('common');
    expect(await policy.check('qwertyuiop123')).toBe('common');
    expect(await policy.check('trâu vàng gặm cỏ non')).toBeUndefined();
  });

  it('ships a list with the well-known entries, one lower-case entry per line', () => {
    const entries = COMMON_PASSWORDS.split('\n').filter(Boolean);
    expect(entries.length).toBeGreaterThan(1000);
    for (const entry of ['123456', 'password', 'matkhau123', '123456789', 'anhyeuem']) expect(entries).toContain(entry);
    expect(entries.every((e) => e === e.toLowerCase())).toBe(true);
  });

  it('refuses a password equal to the username or e-mail address', async () => {
    expect(await policy.check('NguyenVanAnh1990', { username: 'nguyenvananh1990' })).toBe('matches-identity');
    expect(await policy.check('anh.nguyen@tinh.gov.vn', { username: 'anh', email: 'Anh.Nguyen@tinh.gov.vn' })).toBe('matches-identity');
    expect(await policy.check('NguyenVanAnh1990!', { username: 'nguyenvananh1990' })).toBeUndefined();
  });

  it('assert throws CONG_ERR_PASSWORD_POLICY naming the rule, never the password', async () => {
    const error = await policy.assert('ngắn quá').catch((e: unknown) => e);
    expect(CONG_ERR_PASSWORD_POLICY.is(error)).toBe(true);
    expect((error as Error).message).toContain('too-short');
    expect((error as Error).message).not.toContain('ngắn');
    expect((error as { status: number }).status).toBe(400);
    await expect(policy.assert('một câu đủ dài để qua')).resolves.toBeUndefined();
  });

  it('takes site-specific extra words', async () => {
    const local = new PasswordPolicy({ extraCommonPasswords: ['UBND tỉnh Lào Cai'] });
    expect(await local.check('ubnd tỉnh lào cai')).toBe('common');
  });
});
