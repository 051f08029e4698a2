import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { MailMessage, MailService } from '@cong/sdk';
import { CONG_ERR_PASSWORD_POLICY, CONG_ERR_RESET_TOKEN_INVALID } from '../errors.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createLoginLimiter } from './login-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordReset } from './password-reset.js';
import { SessionStore } from './session-store.js';
import { UserStore, type User } from './user-store.js';

const START = 1_800_000_000_000;
const PASSWORD = 'một mật khẩu đủ dài';
const NEW_PASSWORD = 'con cò bay lả bay la';

/** A MailService that records what it was asked to send. */
class RecordingMail implements MailService {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<string> {
    this.sent.push(message);
    return `mail-${this.sent.length}`;
  }
}

const resetUrl = (token: string): string => `https://cong.example.gov.vn/dat-lai-mat-khau#${token}`;

function tokenOf(message: MailMessage | undefined): string {
  const match = /#([A-Za-z0-9_-]{43})/.exec(message?.text ?? '');
  if (!match) throw new Error('no token in the mail');
  return match[1]!;
}

describeEachDialect('PasswordReset', (dialect) => {
  let db: TestDatabase;
  let users: UserStore;
  let sessions: SessionStore;
  let resets: PasswordReset;
  let mail: RecordingMail;
  let clock: number;
  const now = (): number => clock;
  let user: User;
  let n = 0;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    const limiter = await createLoginLimiter({ db });
    users = new UserStore({ db, limiter, hasher: new PasswordHasher({ parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } }), now });
    sessions = new SessionStore({ db, now });
    resets = new PasswordReset({ db, users, sessions, now });
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    clock = START;
    mail = new RecordingMail();
    n++;
    user = await users.create({ username: `user${n}`, email: `user${n}@tinh.gov.vn`, password: PASSWORD, displayName: 'Trần Thị Mai' });
  });

  it('resolves the same for a real and an unknown account, and mails only the real one', async () => {
    const real = await resets.request(`USER${n}@tinh.gov.vn`, { mail, resetUrl });
    const unknown = await resets.request('khong-co@tinh.gov.vn', { mail, resetUrl });
    const unknownName = await resets.request('khong-co-ai', { mail, resetUrl });
    expect(real).toBeUndefined();
    expect(unknown).toBe(real);
    expect(unknownName).toBe(real);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({ to: `user${n}@tinh.gov.vn` });
    expect(mail.sent[0]!.text).toContain('Trần Thị Mai');
    expect(mail.sent[0]!.text).toContain('30 phút');
    // Stored hashed only.
    const rows = await db.kysely.selectFrom('core_password_resets').selectAll().where('user_id', '=', user.id).execute();
    expect(JSON.stringify(rows)).not.toContain(tokenOf(mail.sent[0]));
  });

  it('also finds the account by username; sends nothing to a disabled account or one without an address', async () => {
    await resets.request(`user${n}`, { mail, resetUrl });
    expect(mail.sent).toHaveLength(1);
    const noMail = await users.create({ username: `nomail${n}`, password: PASSWORD });
    await resets.request(noMail.username, { mail, resetUrl });
    await users.disable(user.id);
    await resets.request(`user${n}`, { mail, resetUrl });
    expect(mail.sent).toHaveLength(1);
  });

  it('sets the password once, ends every session, and refuses the link a second time', async () => {
    const a = await sessions.create(user.id);
    const b = await sessions.create(user.id);
    await resets.request(user.email!, { mail, resetUrl });
    const token = tokenOf(mail.sent[0]);
    expect(await resets.isValid(token)).toBe(true);
    expect(await resets.complete(token, NEW_PASSWORD)).toEqual({ userId: user.id });
    expect(await sessions.get(a.token)).toBeUndefined();
    expect(await sessions.get(b.token)).toBeUndefined();
    expect((await users.authenticate(user.username, NEW_PASSWORD, { ip: `198.51.100.${n}` })).kind).toBe('ok');
    expect(await resets.isValid(token)).toBe(false);
    await expect(resets.complete(token, 'một mật khẩu khác nữa')).rejects.toSatisfy((e) => CONG_ERR_RESET_TOKEN_INVALID.is(e));
  });

  it('expires after 30 minutes', async () => {
    await resets.request(user.email!, { mail, resetUrl });
    const token = tokenOf(mail.sent[0]);
    clock += 30 * 60_000;
    expect(await resets.isValid(token)).toBe(false);
    await expect(resets.complete(token, NEW_PASSWORD)).rejects.toSatisfy((e) => CONG_ERR_RESET_TOKEN_INVALID.is(e));
  });

  it('voids older links when a new one is requested', async () => {
    await resets.request(user.email!, { mail, resetUrl });
    clock += 60_000;
    await resets.request(user.email!, { mail, resetUrl });
    const [first, second] = mail.sent.map(tokenOf);
    expect(second).not.toBe(first);
    await expect(resets.complete(first!, NEW_PASSWORD)).rejects.toSatisfy((e) => CONG_ERR_RESET_TOKEN_INVALID.is(e));
    await resets.complete(second!, NEW_PASSWORD);
  });

  it('keeps the link usable when the new password is refused; refuses malformed links alike', async () => {
    await resets.request(user.email!, { mail, resetUrl });
    const token = tokenOf(mail.sent[0]);
    await expect(resets.complete(token, 'matkhau123456')).rejects.toSatisfy((e) => CONG_ERR_PASSWORD_POLICY.is(e));
    await expect(resets.complete(token, user.email!)).rejects.toSatisfy((e) => CONG_ERR_PASSWORD_POLICY.is(e));
    expect(await resets.isValid(token)).toBe(true);
    await resets.complete(token, NEW_PASSWORD);
    for (const bad of ['', 'abc', `${token.slice(0, -1)}A`]) {
      await expect(resets.complete(bad, NEW_PASSWORD)).rejects.toSatisfy((e) => CONG_ERR_RESET_TOKEN_INVALID.is(e));
    }
  });
});
