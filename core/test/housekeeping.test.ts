import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import { createTestPlatform, type TestPlatform } from '@cong/sdk/testing';
import { describeEachDialect } from '../src/testing/describe-each-dialect.js';

/** Polls `condition` every 25 ms until it holds; fails after `timeoutMs` naming `what`. */
async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const LONG_AGO = 1_000_000_000_000;

describeEachDialect('the nightly housekeeping', (dialect) => {
  let t: TestPlatform;
  let db: Database;
  let password: string;

  beforeAll(async () => {
    t = await createTestPlatform({ plugins: [], database: dialect, config: { demo: true, jobs: { autoStart: true, pollIntervalMs: 50 } } });
    db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
    password = t.platform.takeDemoCredentials()!.password;
  });
  afterAll(async () => {
    await db?.destroy();
    await t?.stop();
  });

  async function signIn(): Promise<void> {
    const res = await fetch(new URL('/api/core/auth/login', t.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(res.status).toBe(200);
  }

  it('is scheduled for 03:15 Vietnam time, and when due deletes ended sessions and old finished jobs but keeps live ones', async () => {
    const k = db.kysely;
    await waitFor('the schedule row', async () => (await k.selectFrom('core_schedules').select('name').where('name', '=', 'core.housekeeping').executeTakeFirst()) !== undefined);
    const schedule = await k.selectFrom('core_schedules').select(['next_run_at', 'spec']).where('name', '=', 'core.housekeeping').executeTakeFirstOrThrow();
    const next = new Date(Number(schedule.next_run_at));
    // 03:15 in UTC+7 is 20:15 UTC the day before.
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([20, 15, 0]);
    expect(Number(schedule.next_run_at)).toBeGreaterThan(Date.now());

    await signIn();
    await signIn();
    const sessions = await k.selectFrom('core_sessions').select('id').orderBy('created_at').execute();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const ended = sessions[0]!.id;
    await k.updateTable('core_sessions').set({ expires_at: LONG_AGO, last_seen_at: LONG_AGO }).where('id', '=', ended).execute();
    const row = (id: string, status: string, finishedAt: number | null) => ({
      id,
      name: 'core.housekeeping',
      owner: 'core',
      tenant_id: null,
      payload: '{}',
      status,
      attempts: 1,
      max_attempts: 1,
      run_at: LONG_AGO,
      locked_by: null,
      locked_until: null,
      last_error: status === 'dead' ? 'old failure' : null,
      dedupe_key: null,
      created_at: LONG_AGO,
      updated_at: LONG_AGO,
      finished_at: finishedAt,
    });
    const recentlyDead = Date.now() - 86_400_000;
    await k
      .insertInto('core_jobs')
      .values([
        row('00000000-0000-4000-8000-000000000001', 'done', LONG_AGO),
        row('00000000-0000-4000-8000-000000000002', 'dead', LONG_AGO),
        row('00000000-0000-4000-8000-000000000003', 'dead', recentlyDead),
      ])
      .execute();

    // Bring the tick forward: the running scheduler fires it and the running queue does the job.
    await k.updateTable('core_schedules').set({ next_run_at: Date.now() - 1000 }).where('name', '=', 'core.housekeeping').execute();
    await waitFor('the housekeeping job to finish', async () => {
      const run = await k.selectFrom('core_jobs').select('status').where('name', '=', 'core.housekeeping').where('dedupe_key', 'is not', null).executeTakeFirst();
      return run?.status === 'done';
    });

    const left = await k.selectFrom('core_sessions').select('id').execute();
    expect(left.map((s) => s.id)).not.toContain(ended);
    expect(left).toHaveLength(sessions.length - 1);
    const jobs = await k.selectFrom('core_jobs').select('id').where('dedupe_key', 'is', null).execute();
    expect(jobs.map((j) => j.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
  });
});
