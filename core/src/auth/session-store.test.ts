import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createLoginLimiter } from './login-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionStore, hashToken, sessionCookie } from './session-store.js';
import { UserStore } from './user-store.js';

const START = 1_800_000_000_000;
const MINUTE = 60_000;

it('cookie settings: __Host-sid with Secure behind TLS, sid without; HttpOnly, Path=/, Strict for admin', () => {
  expect(sessionCookie({ secure: true })).toEqual({ name: '__Host-sid', httpOnly: true, secure: true, sameSite: 'strict', path: '/', signed: false, overwrite: true });
  expect(sessionCookie({ secure: false, admin: false })).toMatchObject({ name: 'sid', httpOnly: true, secure: false, sameSite: 'lax', path: '/' });
});

describeEachDialect('SessionStore', (dialect) => {
  let db: TestDatabase;
  let sessions: SessionStore;
  let clock: number;
  const now = (): number => clock;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    const limiter = await createLoginLimiter({ db });
    const users = new UserStore({ db, limiter, hasher: new PasswordHasher({ parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } }) });
    alice = (await users.create({ username: 'alice', password: 'một mật khẩu đủ dài' })).id;
    bob = (await users.create({ username: 'bob', password: 'một mật khẩu đủ dài' })).id;
    sessions = new SessionStore({ db, now });
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    clock = START;
    await db.kysely.deleteFrom('core_sessions').execute();
  });

  it('gives a new random token at every create and stores only its hash', async () => {
    const a = await sessions.create(alice, { ip: '203.0.113.5', userAgent: 'Firefox', tenantId: 'lao-cai' });
    const b = await sessions.create(alice);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b.token).not.toBe(a.token);
    expect(a.session).toMatchObject({ id: hashToken(a.token), userId: alice, tenantId: 'lao-cai', ip: '203.0.113.5', userAgent: 'Firefox' });
    const rows = await db.kysely.selectFrom('core_sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(a.token);
    expect(await sessions.get(a.token)).toMatchObject({ userId: alice, expiresAt: new Date(START + 12 * 60 * MINUTE) });
  });

  it('a sign-in replacing an earlier session gets a new token and the old one dies (no fixation)', async () => {
    const before = await sessions.create(alice);
    const after = await sessions.create(alice, { replaces: before.token });
    expect(after.token).not.toBe(before.token);
    expect(await sessions.get(before.token)).toBeUndefined();
    expect(await sessions.get(after.token)).toBeDefined();
  });

  it('ends a session idle for 30 minutes, and touches last_seen at most once a minute', async () => {
    const { token, session } = await sessions.create(alice);
    clock += 29 * MINUTE;
    expect((await sessions.get(token))?.lastSeenAt).toEqual(new Date(clock));
    clock += 30 * 1000;
    expect((await sessions.get(token))?.lastSeenAt).toEqual(new Date(START + 29 * MINUTE));
    clock = START + 29 * MINUTE + 30 * MINUTE - 1;
    expect(await sessions.get(token)).toBeDefined();
    clock += 30 * MINUTE;
    expect(await sessions.get(token)).toBeUndefined();
    expect(session.id).toBe(hashToken(token));
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const { token } = await sessions.create(alice);
    for (let t = 0; t < 12 * 60; t += 20) {
      clock = START + t * MINUTE;
      expect(await sessions.get(token), `at ${t} min`).toBeDefined();
    }
    clock = START + 12 * 60 * MINUTE;
    expect(await sessions.get(token)).toBeUndefined();
  });

  it('logs out one session; refuses malformed and unknown tokens', async () => {
    const { token } = await sessions.create(alice);
    expect(await sessions.revoke(token)).toBe(true);
    expect(await sessions.revoke(token)).toBe(false);
    expect(await sessions.get(token)).toBeUndefined();
    expect(await sessions.get('')).toBeUndefined();
    expect(await sessions.get('x'.repeat(43))).toBeUndefined();
    expect(await sessions.get("' or 1=1 --")).toBeUndefined();
  });

  it('logs out everywhere except the current session, and lists live sessions without tokens', async () => {
    const current = await sessions.create(alice, { userAgent: 'laptop' });
    clock += MINUTE;
    const phone = await sessions.create(alice, { userAgent: 'phone' });
    const other = await sessions.create(bob);
    const listed = await sessions.list(alice, { current: current.token });
    expect(listed.map((s) => [s.userAgent, s.current])).toEqual([
      ['phone', false],
      ['laptop', true],
    ]);
    expect(JSON.stringify(listed)).not.toContain(current.token);

    expect(await sessions.revokeAll(alice, { except: current.token })).toBe(1);
    expect(await sessions.get(phone.token)).toBeUndefined();
    expect(await sessions.get(current.token)).toBeDefined();
    expect(await sessions.get(other.token)).toBeDefined();
    expect(await sessions.revokeAll(alice)).toBe(1);
    expect(await sessions.get(current.token)).toBeUndefined();
    expect(await sessions.list(alice)).toEqual([]);
  });

  it('revokes by id only the owner’s session, and purges ended sessions', async () => {
    const mine = await sessions.create(alice);
    expect(await sessions.revokeById(bob, mine.session.id)).toBe(false);
    expect(await sessions.revokeById(alice, mine.session.id)).toBe(true);
    await sessions.create(bob);
    clock += 13 * 60 * MINUTE + 24 * 60 * MINUTE;
    expect(await sessions.purgeExpired()).toBe(2);
  });
});
