import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../core/src/testing/describe-each-dialect.js';
import { startCli, type CliProcess } from '../../core/test/cli-process.js';

// Acceptance: two core processes on one database run a scheduled job exactly once per tick and never
// run one job twice. Real processes, real database (MariaDB in CI; also SQLite with two processes).
const tickPlugin = fileURLToPath(new URL('../fixtures/tick-plugin', import.meta.url));

describeEachDialect('two platform processes on one database', (dialect) => {
  let db: TestDatabase;
  let dir: string;
  let processes: CliProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'cong-two-'));
    const env = {
      CONG_DATABASE: db.url,
      CONG_PLUGINS: JSON.stringify([tickPlugin]),
      CONG_HTTP__PORT: '0',
      CONG_JOBS__POLL_INTERVAL_MS: '100',
      CONG_JOBS__CONCURRENCY: '4',
    };
    // The first process migrates; the second starts once the schema is there.
    processes.push(startCli(dir, ['start'], env));
    await processes[0]!.url;
    processes.push(startCli(dir, ['start'], env));
    await processes[1]!.url;
  }, 60_000);

  afterAll(async () => {
    for (const p of processes) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
    processes = [];
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each of 120 queued jobs exactly once, spread over both processes', async () => {
    const res = await fetch(`${await processes[0]!.url}/api/tick/burst`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n: 120 }),
    });
    expect(res.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let done = 0;
    while (Date.now() < deadline) {
      done = await count(sql`select count(*) as n from core_jobs where name = 'tick.work' and status = 'done'`);
      if (done === 120) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(done).toBe(120);
    const runs = await db.kysely.selectFrom('tick_runs').select(['job_id', 'pid']).where('kind', '=', 'work').execute();
    expect(runs).toHaveLength(120);
    expect(new Set(runs.map((r) => r.job_id)).size).toBe(120);
    expect(new Set(runs.map((r) => r.pid)).size).toBe(2);
  }, 60_000);

  it('runs the every-second schedule once per tick', async () => {
    await new Promise((r) => setTimeout(r, 4_500));
    const ticks = await db.kysely.selectFrom('core_jobs').select(['id', 'dedupe_key']).where('name', '=', 'tick.on-tick').execute();
    const runs = await db.kysely.selectFrom('tick_runs').select(['job_id', 'at']).where('kind', '=', 'tick').execute();
    // One job per tick: the tick times in the dedupe keys are distinct whole seconds. (A tick both
    // processes slept through is run once late, not twice, so gaps may be longer than a second.)
    const tickTimes = ticks.map((t) => Number(String(t.dedupe_key).split(':').at(-1))).sort((a, b) => a - b);
    expect(tickTimes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(tickTimes).size).toBe(tickTimes.length);
    for (const time of tickTimes) expect(time % 1000).toBe(0);
    // Every run belongs to a distinct job: no tick ran twice.
    const finished = runs.filter((r) => ticks.some((t) => t.id === r.job_id));
    expect(new Set(finished.map((r) => r.job_id)).size).toBe(finished.length);
    expect(finished.length).toBeGreaterThanOrEqual(tickTimes.length - 1);
  }, 30_000);

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    const result = await query.execute(db.kysely);
    return Number((result.rows[0] as { n: number }).n);
  }
});
