import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { CongError } from '@cong/sdk';
import { CONG_ERR_PASSWORD_POLICY, CONG_ERR_TOTP_INVALID, CONG_ERR_USER_EXISTS } from '../errors.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createLoginLimiter, type LoginLimiter } from './login-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionStore } from './session-store.js';
import { totpStep } from './totp.js';
import { UserStore } from './user-store.js';

const START = 1_800_000_000_000;
/** Cheap argon2id parameters: these tests are about the store, not the cost. */
const fastHasher = new PasswordHasher({ parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });
const PASSWORD = 'trâu vàng gặm cỏ non';

function totpCode(secret: string, nowMs: number, offset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(totpStep(nowMs) + offset), 6);
}

describeEachDialect('UserStore', (dialect) => {
  let db: TestDatabase;
  let limiter: LoginLimiter;
  let users: UserStore;
  let clock: number;
  const now = (): number => clock;
  let ipCounter = 0;
  /** A fresh address per test, so the per-address bucket only matters where a test wants it to. */
  let ip: string;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    limiter = await createLoginLimiter({ db, accountLimit: 3, ipLimit: 10 });
    users = new UserStore({ db, limiter, hasher: fastHasher, now });
  });
  afterAll(async () => db?.drop());
  beforeEach(() => {
    clock = START;
    ip = `192.0.2.${++ipCounter}`;
  });

  it('creates accounts under the normalised username and finds them in any case', async () => {
    const user = await users.create({ username: 'Nguyễn.Văn.An', password: PASSWORD, email: 'An@Tinh.gov.vn', displayName: 'Nguyễn Văn An' });
    expect(user).toMatchObject({ username: 'nguyễn.văn.an', email: 'an@tinh.gov.vn', status: 'active', isSuperAdmin: false, totpEnabled: false });
    expect((await users.findByUsername('NGUYỄN.VĂN.AN'))?.id).toBe(user.id);
    expect((await users.findByUsername('Nguyễn.Văn.An'.normalize('NFD')))?.id).toBe(user.id);
    expect((await users.findByEmail('AN@tinh.gov.vn'))?.id).toBe(user.id);
    expect((await users.findByLogin('an@tinh.gov.vn'))?.id).toBe(user.id);
    expect(JSON.stringify(user)).not.toContain('argon2');
  });

  it('refuses a taken username (in another case) or address, a bad username and a weak password', async () => {
    await users.create({ username: 'binh', password: PASSWORD, email: 'binh@tinh.gov.vn' });
    await expect(users.create({ username: 'BINH', password: PASSWORD })).rejects.toSatisfy((e) => CONG_ERR_USER_EXISTS.is(e));
    await expect(users.create({ username: 'binh2', password: PASSWORD, email: 'Binh@tinh.gov.vn' })).rejects.toSatisfy(
      (e) => CONG_ERR_USER_EXISTS.is(e) && (e as Error).message.includes('email'),
    );
    await expect(users.create({ username: 'a b', password: PASSWORD })).rejects.toSatisfy((e) => CongError.is(e) && e.status === 400);
    await expect(users.create({ username: 'chi', password: 'matkhau123456' })).rejects.toSatisfy((e) => CONG_ERR_PASSWORD_POLICY.is(e));
    await expect(users.create({ username: 'chi', password: 'chi' + '1'.repeat(10), email: null })).resolves.toBeDefined();
    await expect(users.create({ username: 'dung', password: 'DUNG@tinh.gov.vn', email: 'dung@tinh.gov.vn' })).rejects.toSatisfy(
      (e) => CONG_ERR_PASSWORD_POLICY.is(e) && (e as Error).message.includes('matches-identity'),
    );
  });

  it('authenticates with the username in any case and a password typed in NFD; wrong ones are `invalid`', async () => {
    const user = await users.create({ username: 'giang', password: PASSWORD });
    const ok = await users.authenticate('Giang', PASSWORD.normalize('NFD'), { ip });
    expect(ok).toMatchObject({ kind: 'ok', user: { id: user.id, failedLogins: 0 } });
    expect((ok as { user: { lastLoginAt: Date } }).user.lastLoginAt).toEqual(new Date(START));
    expect(await users.authenticate('giang', 'trâu vàng gặm cỏ già', { ip })).toEqual({ kind: 'invalid' });
    expect((await users.findById(user.id))?.failedLogins).toBe(1);
  });

  it('answers `invalid` for an unknown username, after spending a hash verification like a wrong password', async () => {
    class CountingHasher extends PasswordHasher {
      dummies = 0;
      verifies = 0;
      override async verifyDummy(password: string): Promise<false> {
        this.dummies++;
        return super.verifyDummy(password);
      }
      override async verify(hash: string, password: string): Promise<boolean> {
        this.verifies++;
        return super.verify(hash, password);
      }
    }
    const hasher = new CountingHasher({ parameters: fastHasher.parameters });
    const counting = new UserStore({ db, limiter, hasher, now });
    expect(await counting.authenticate('nobody-here', PASSWORD, { ip })).toEqual({ kind: 'invalid' });
    expect(hasher.dummies).toBe(1);
    expect(hasher.verifies).toBe(1);
  });

  it('throttles per account: after 3 failures even the right password is refused; `Admin` and `admin` share it', async () => {
    await users.create({ username: 'hoa', password: PASSWORD });
    expect((await users.authenticate('HOA', 'wrong password 1', { ip })).kind).toBe('invalid');
    expect((await users.authenticate('Hoa', 'wrong password 2', { ip: `${ip}0` })).kind).toBe('invalid');
    expect((await users.authenticate('hoa', 'wrong password 3', { ip })).kind).toBe('invalid');
    const refused = await users.authenticate('hoa', PASSWORD, { ip: '198.51.100.1' });
    expect(refused.kind).toBe('throttled');
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    await limiter.reset('hoa');
    expect((await users.authenticate('hoa', PASSWORD, { ip })).kind).toBe('ok');
  });

  it('a success before the 3rd failure resets the account count', async () => {
    await users.create({ username: 'khanh', password: PASSWORD });
    await users.authenticate('khanh', 'wrong password 1', { ip });
    await users.authenticate('khanh', 'wrong password 2', { ip });
    expect((await users.authenticate('khanh', PASSWORD, { ip })).kind).toBe('ok');
    await users.authenticate('khanh', 'wrong password 3', { ip });
    await users.authenticate('khanh', 'wrong password 4', { ip });
    expect((await users.authenticate('khanh', PASSWORD, { ip })).kind).toBe('ok');
  });

  it('throttles per address: after 10 failures from one address, valid credentials are refused from it', async () => {
    await users.create({ username: 'lan', password: PASSWORD });
    for (let i = 0; i < 10; i++) expect((await users.authenticate(`ghost${i}`, 'wrong password', { ip })).kind).toBe('invalid');
    expect((await users.authenticate('lan', PASSWORD, { ip })).kind).toBe('throttled');
    expect((await users.authenticate('lan', PASSWORD, { ip: `${ip}9` })).kind).toBe('ok');
  });

  it('says `disabled` only to the right password, and disabling ends the sessions', async () => {
    const sessions = new SessionStore({ db, now });
    const user = await users.create({ username: 'minh', password: PASSWORD });
    const { token } = await sessions.create(user.id);
    await users.disable(user.id);
    expect(await sessions.get(token)).toBeUndefined();
    expect(await users.authenticate('minh', PASSWORD, { ip })).toEqual({ kind: 'disabled' });
    expect(await users.authenticate('minh', 'wrong password', { ip })).toEqual({ kind: 'invalid' });
    await users.enable(user.id);
    expect((await users.authenticate('minh', PASSWORD, { ip })).kind).toBe('ok');
  });

  it('sets a new password under the policy', async () => {
    const user = await users.create({ username: 'ngoc', password: PASSWORD });
    await expect(users.setPassword(user.id, 'qwerty123456')).rejects.toSatisfy((e) => CONG_ERR_PASSWORD_POLICY.is(e));
    clock += 1000;
    await users.setPassword(user.id, 'một mật khẩu mới dài');
    expect((await users.authenticate('ngoc', PASSWORD, { ip })).kind).toBe('invalid');
    expect((await users.authenticate('ngoc', 'một mật khẩu mới dài', { ip })).kind).toBe('ok');
    expect((await users.findById(user.id))?.passwordChangedAt).toEqual(new Date(START + 1000));
  });

  it('upgrades a hash made with weaker parameters at the next successful sign-in', async () => {
    const user = await users.create({ username: 'oanh', password: PASSWORD });
    const stronger = new UserStore({ db, limiter, hasher: new PasswordHasher({ parameters: { memoryCost: 2048, timeCost: 1, parallelism: 1 } }), now });
    const hashOf = async (): Promise<string> =>
      (await db.kysely.selectFrom('core_users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash as string;
    expect(await hashOf()).toContain('m=1024');
    expect((await stronger.authenticate('oanh', PASSWORD, { ip })).kind).toBe('ok');
    expect(await hashOf()).toContain('m=2048');
  });

  it('TOTP: enrol, enable with a valid code, then sign-in asks for a code, refuses wrong and replayed ones', async () => {
    const user = await users.create({ username: 'phuong', password: PASSWORD });
    const { secret, uri } = await users.beginTotpEnrolment(user.id);
    expect(uri).toContain(`secret=${secret}`);
    // Not on until a code is proven.
    expect((await users.authenticate('phuong', PASSWORD, { ip })).kind).toBe('ok');
    await expect(users.enableTotp(user.id, '000000' === totpCode(secret, clock) ? '111111' : '000000')).rejects.toSatisfy((e) => CONG_ERR_TOTP_INVALID.is(e));
    await users.enableTotp(user.id, totpCode(secret, clock));
    expect((await users.findById(user.id))?.totpEnabled).toBe(true);
    await expect(users.beginTotpEnrolment(user.id)).rejects.toSatisfy((e) => CongError.is(e) && e.status === 409);

    expect(await users.authenticate('phuong', PASSWORD, { ip })).toEqual({ kind: 'totp-required' });
    // The code used to enable is spent: replay refused.
    expect(await users.authenticate('phuong', PASSWORD, { ip, totpCode: totpCode(secret, clock) })).toEqual({ kind: 'invalid' });
    clock += 30_000;
    const code = totpCode(secret, clock);
    expect((await users.authenticate('phuong', PASSWORD, { ip, totpCode: code })).kind).toBe('ok');
    expect(await users.authenticate('phuong', PASSWORD, { ip, totpCode: code })).toEqual({ kind: 'invalid' });
    // One step late still works (clock skew); the wrong password never reaches the code.
    clock += 60_000;
    expect((await users.authenticate('phuong', PASSWORD, { ip, totpCode: totpCode(secret, clock, -1) })).kind).toBe('ok');
    expect((await users.authenticate('phuong', 'wrong password', { ip, totpCode: totpCode(secret, clock) })).kind).toBe('invalid');

    await users.disableTotp(user.id);
    expect((await users.authenticate('phuong', PASSWORD, { ip })).kind).toBe('ok');
  });

  it('wrong TOTP codes count as failures for the throttle', async () => {
    const user = await users.create({ username: 'quang', password: PASSWORD });
    const { secret } = await users.beginTotpEnrolment(user.id);
    await users.enableTotp(user.id, totpCode(secret, clock));
    const wrong = (offset: number): string => String((Number(totpCode(secret, clock)) + 500_000 + offset) % 1_000_000).padStart(6, '0');
    // Asking for the code (no code given) is free; three wrong codes lock the account.
    for (let i = 0; i < 5; i++) expect((await users.authenticate('quang', PASSWORD, { ip })).kind).toBe('totp-required');
    for (let i = 0; i < 3; i++) expect((await users.authenticate('quang', PASSWORD, { ip, totpCode: wrong(i) })).kind).toBe('invalid');
    clock += 30_000;
    expect((await users.authenticate('quang', PASSWORD, { ip, totpCode: totpCode(secret, clock) })).kind).toBe('throttled');
  });

  it('requires super-admins to enrol when configured', async () => {
    const strict = new UserStore({ db, limiter, hasher: fastHasher, now, requireTotpForSuperAdmins: true });
    const admin = await strict.create({ username: 'root-admin', password: PASSWORD, isSuperAdmin: true });
    await strict.create({ username: 'staff', password: PASSWORD });
    expect(await strict.authenticate('root-admin', PASSWORD, { ip })).toMatchObject({ kind: 'totp-enrolment-required', user: { id: admin.id } });
    expect((await strict.authenticate('staff', PASSWORD, { ip })).kind).toBe('ok');
    const { secret } = await strict.beginTotpEnrolment(admin.id);
    await strict.enableTotp(admin.id, totpCode(secret, clock));
    clock += 30_000;
    expect((await strict.authenticate('root-admin', PASSWORD, { ip, totpCode: totpCode(secret, clock) })).kind).toBe('ok');
  });
});
