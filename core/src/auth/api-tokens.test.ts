import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { CongError } from '@cong/sdk';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { ApiTokens, apiTokenPrincipal } from './api-tokens.js';
import { createLoginLimiter } from './login-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { UserStore } from './user-store.js';

const START = 1_800_000_000_000;
const DAY = 24 * 3_600_000;

describeEachDialect('ApiTokens', (dialect) => {
  let db: TestDatabase;
  let tokens: ApiTokens;
  let users: UserStore;
  let clock: number;
  const now = (): number => clock;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    tokens = new ApiTokens({ db, now });
    const limiter = await createLoginLimiter({ db });
    users = new UserStore({ db, limiter, hasher: new PasswordHasher({ parameters: { memoryCost: 1024, timeCost: 1, parallelism: 1 } }), now });
  });
  afterAll(async () => db?.drop());
  beforeEach(() => {
    clock = START;
  });

  it('returns the plaintext once and verifies it to its tenant and permissions', async () => {
    const { token, info } = await tokens.create({ name: 'Đồng bộ', tenantId: 'lao-cai', permissions: ['gazette.issue.read', 'qa.answer.write'] });
    expect(token).toMatch(/^cong_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ name: 'Đồng bộ', tenantId: 'lao-cai', expiresAt: null, revokedAt: null, lastUsedAt: null });
    expect(token.startsWith(info.prefix)).toBe(true);
    const rows = await db.kysely.selectFrom('core_api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token.slice(-43));

    const verified = await tokens.verify(token, { tenantId: 'lao-cai' });
    expect(verified).toEqual({ tokenId: info.id, tenantId: 'lao-cai', permissions: ['gazette.issue.read', 'qa.answer.write'], name: 'Đồng bộ' });
    const principal = apiTokenPrincipal(verified!);
    expect(principal.kind).toBe('token');
    expect(principal.permissions.has('qa.answer.write')).toBe(true);
    expect((await tokens.list('lao-cai'))[0]?.lastUsedAt).toEqual(new Date(START));
  });

  it('is refused for another tenant', async () => {
    const { token } = await tokens.create({ name: 'A', tenantId: 'ha-giang', permissions: ['x.read'] });
    expect(await tokens.verify(token, { tenantId: 'lao-cai' })).toBeUndefined();
    expect(await tokens.verify(token, { tenantId: 'ha-giang' })).toBeDefined();
  });

  it('refuses tampered and malformed tokens', async () => {
    const { token } = await tokens.create({ name: 'B', tenantId: 'lao-cai', permissions: [] });
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(await tokens.verify(`${token.slice(0, -1)}${last}`)).toBeUndefined();
    const other = await tokens.create({ name: 'C', tenantId: 'lao-cai', permissions: [] });
    // Another token's secret under this token's id.
    expect(await tokens.verify(`${token.slice(0, 42)}${other.token.slice(42)}`)).toBeUndefined();
    for (const bad of ['', 'cong_', token.toUpperCase(), `${token}x`, `Bearer ${token}`]) expect(await tokens.verify(bad)).toBeUndefined();
  });

  it('stops working at its expiry', async () => {
    const { token } = await tokens.create({ name: 'D', tenantId: 'lao-cai', permissions: [], expiresAt: new Date(START + DAY) });
    clock = START + DAY - 1;
    expect(await tokens.verify(token)).toBeDefined();
    clock = START + DAY;
    expect(await tokens.verify(token)).toBeUndefined();
    await expect(tokens.create({ name: 'E', tenantId: 'lao-cai', permissions: [], expiresAt: new Date(START - 1) })).rejects.toSatisfy(
      (e) => CongError.is(e) && e.status === 400,
    );
  });

  it('is revoked for good (only within its tenant), and listed without secrets', async () => {
    const { token, info } = await tokens.create({ name: 'F', tenantId: 'yen-bai', permissions: ['a.b'] });
    expect(await tokens.revoke(info.id, { tenantId: 'lao-cai' })).toBe(false);
    expect(await tokens.revoke(info.id, { tenantId: 'yen-bai' })).toBe(true);
    expect(await tokens.revoke(info.id)).toBe(false);
    expect(await tokens.verify(token)).toBeUndefined();
    expect(await tokens.list('yen-bai')).toEqual([]);
    const listed = await tokens.list('yen-bai', { includeRevoked: true });
    expect(listed.map((t) => t.id)).toEqual([info.id]);
    expect(JSON.stringify(listed)).not.toContain(token.slice(-43));
  });

  it('stops working when its creator is disabled; refuses bad permission ids', async () => {
    const creator = await users.create({ username: 'tokenmaker', password: 'một mật khẩu đủ dài' });
    const { token } = await tokens.create({ name: 'G', tenantId: 'lao-cai', permissions: ['a.b'], createdBy: creator.id });
    expect(await tokens.verify(token)).toBeDefined();
    await users.disable(creator.id);
    expect(await tokens.verify(token)).toBeUndefined();
    await expect(tokens.create({ name: 'H', tenantId: 'lao-cai', permissions: ['ok', 'not ok'] })).rejects.toSatisfy((e) => CongError.is(e) && e.status === 400);
  });
});
