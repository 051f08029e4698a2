import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONG_ERR_LOGIN_THROTTLED } from '../errors.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createLoginLimiter, loginThrottledError, type LoginLimiter } from './login-limiter.js';

// SECURITY.md §6.6 test configuration: 3 per account, 10 per address.
describeEachDialect('LoginLimiter', (dialect) => {
  let db: TestDatabase;
  let limiter: LoginLimiter;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    limiter = await createLoginLimiter({ db, accountLimit: 3, ipLimit: 10 });
  });
  afterAll(async () => db?.drop());

  it('refuses the 4th attempt on an account after 3 failures, from any address, with a retry time', async () => {
    for (let i = 0; i < 3; i++) expect(await limiter.consume('alice', `10.0.0.${i}`)).toEqual({ allowed: true });
    const refused = await limiter.consume('alice', '10.0.0.99');
    expect(refused).toMatchObject({ allowed: false, scope: 'account' });
    const seconds = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(seconds).toBeGreaterThan(6 * 3600 - 60);
    expect(seconds).toBeLessThanOrEqual(6 * 3600);
  });

  it('keeps `Admin`, `ADMIN` and full-width `ａｄｍｉｎ` in one bucket', async () => {
    expect((await limiter.consume('Admin', '10.1.0.1')).allowed).toBe(true);
    expect((await limiter.consume('ADMIN', '10.1.0.2')).allowed).toBe(true);
    expect((await limiter.consume('ａｄｍｉｎ', '10.1.0.3')).allowed).toBe(true);
    expect((await limiter.consume(' admin ', '10.1.0.4')).allowed).toBe(false);
  });

  it('clears the account bucket on success (a success before the 3rd failure resets the count)', async () => {
    await limiter.consume('bob', '10.2.0.1');
    await limiter.consume('bob', '10.2.0.1');
    await limiter.consume('bob', '10.2.0.1');
    await limiter.succeed('bob', '10.2.0.1');
    for (let i = 0; i < 3; i++) expect((await limiter.consume('bob', '10.2.0.1')).allowed).toBe(true);
    expect((await limiter.consume('bob', '10.2.0.1')).allowed).toBe(false);
    await limiter.reset('BOB');
    expect((await limiter.consume('bob', '10.2.0.1')).allowed).toBe(true);
  });

  it('blocks an address after 10 failures over any accounts, and a success does not count against it', async () => {
    await limiter.consume('carol', '10.3.0.1');
    await limiter.succeed('carol', '10.3.0.1');
    for (let i = 0; i < 10; i++) expect((await limiter.consume(`user${i}`, '10.3.0.1')).allowed).toBe(true);
    expect(await limiter.consume('dave', '10.3.0.1')).toMatchObject({ allowed: false, scope: 'ip' });
    // The refused attempt did not touch dave's account bucket: three fresh attempts from elsewhere.
    for (let i = 0; i < 3; i++) expect((await limiter.consume('dave', '10.3.0.2')).allowed).toBe(true);
  });

  it('gives both points back on refund', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await limiter.consume('erin', '10.4.0.1')).allowed).toBe(true);
      await limiter.refund('erin', '10.4.0.1');
    }
  });

  it('purges expired counters', async () => {
    expect(await limiter.purgeExpired(Date.now() + 7 * 3600_000)).toBeGreaterThan(0);
    expect((await limiter.consume('alice', '10.0.0.1')).allowed).toBe(true);
  });

  it('makes a 429 error with Retry-After', () => {
    const error = loginThrottledError(12.2);
    expect(CONG_ERR_LOGIN_THROTTLED.is(error)).toBe(true);
    expect(error.status).toBe(429);
    expect(error.headers['Retry-After']).toBe('13');
  });
});
