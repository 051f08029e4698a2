import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createAuthServices, type AuthServices } from './create-auth-services.js';

// The sign-in sequence the HTTP layer will wire, end to end over one clock.
describeEachDialect('createAuthServices', (dialect) => {
  let db: TestDatabase;
  let auth: AuthServices;
  let clock = 1_800_000_000_000;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    auth = await createAuthServices({
      db,
      hasher: { parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
      limits: { accountLimit: 3, ipLimit: 10 },
      sessions: { idleTimeoutMs: 5 * 60_000 },
      now: () => clock,
    });
  });
  afterAll(async () => db?.drop());

  it('signs in with a fresh session, shares the clock, and logs out everywhere', async () => {
    const user = await auth.users.create({ username: 'Thu.Ha', email: 'thuha@tinh.gov.vn', password: 'sông Hồng đỏ nặng phù sa' });
    const anonymous = await auth.sessions.create(user.id);
    const result = await auth.users.authenticate('thu.ha', 'sông Hồng đỏ nặng phù sa', { ip: '203.0.113.7' });
    expect(result.kind).toBe('ok');
    const { token } = await auth.sessions.create(user.id, { replaces: anonymous.token, ip: '203.0.113.7' });
    expect(token).not.toBe(anonymous.token);
    const other = await auth.sessions.create(user.id);
    expect((await auth.sessions.get(token))?.userId).toBe(user.id);
    expect(await auth.sessions.revokeAll(user.id, { except: token })).toBe(1);
    expect(await auth.sessions.get(other.token)).toBeUndefined();
    clock += 5 * 60_000;
    expect(await auth.sessions.get(token)).toBeUndefined();
    expect(auth.policy.minLength).toBe(12);
  });
});
