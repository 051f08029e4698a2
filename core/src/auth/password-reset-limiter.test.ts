import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONG_ERR_RESET_THROTTLED } from '../errors.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createLoginLimiter } from './login-limiter.js';
import { createPasswordResetLimiter, resetThrottledError, type PasswordResetLimiter } from './password-reset-limiter.js';

describeEachDialect('PasswordResetLimiter', (dialect) => {
  let db: TestDatabase;
  let limiter: PasswordResetLimiter;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    limiter = await createPasswordResetLimiter({ db, loginLimit: 2, ipLimit: 5 });
  });
  afterAll(async () => db?.drop());

  it('refuses a login’s 3rd request from any address, treating case, width and spaces as one login', async () => {
    expect(await limiter.consume('An@Tinh.gov.vn', '10.0.0.1')).toEqual({ allowed: true });
    expect(await limiter.consume(' ａｎ@tinh.gov.vn', '10.0.0.2')).toEqual({ allowed: true });
    const refused = await limiter.consume('an@tinh.gov.vn', '10.0.0.3');
    expect(refused).toMatchObject({ allowed: false, scope: 'account' });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(3500);
  });

  it('refuses an address after 5 requests over any logins, without using up the next login’s points', async () => {
    for (let i = 0; i < 5; i++) expect((await limiter.consume(`user${i}`, '10.1.0.1')).allowed).toBe(true);
    expect(await limiter.consume('binh', '10.1.0.1')).toMatchObject({ allowed: false, scope: 'ip' });
    expect((await limiter.consume('binh', '10.1.0.2')).allowed).toBe(true);
    expect((await limiter.consume('binh', '10.1.0.3')).allowed).toBe(true);
  });

  it('keeps its counters apart from the sign-in throttle’s, on the same table', async () => {
    const login = await createLoginLimiter({ db, accountLimit: 1, ipLimit: 100 });
    expect((await login.consume('chi', '10.2.0.1')).allowed).toBe(true);
    expect((await login.consume('chi', '10.2.0.1')).allowed).toBe(false);
    expect((await limiter.consume('chi', '10.2.0.1')).allowed).toBe(true);
    // The sign-in throttle's purge clears expired reset counters too (one table).
    expect(await login.purgeExpired(Date.now() + 2 * 3600_000)).toBeGreaterThan(0);
    expect((await limiter.consume('an@tinh.gov.vn', '10.0.0.9')).allowed).toBe(true);
  });

  it('refuses bad limits and makes a 429 error with Retry-After', async () => {
    await expect(createPasswordResetLimiter({ db, loginLimit: 0 })).rejects.toThrow(/loginLimit/);
    const error = resetThrottledError(59.1);
    expect(CONG_ERR_RESET_THROTTLED.is(error)).toBe(true);
    expect(error.status).toBe(429);
    expect(error.headers['Retry-After']).toBe('60');
  });
});
