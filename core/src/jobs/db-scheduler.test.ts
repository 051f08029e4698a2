import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { LoggerService, ScheduleDefinition } from '@cong/sdk';
import { createDatabase, type Database } from '../db/create-database.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DbJobQueue } from './db-job-queue.js';
import { DbScheduler } from './db-scheduler.js';

interface LogLine {
  readonly level: string;
  readonly message: string;
}

function memoryLogger(lines: LogLine[] = []): LoggerService & { lines: LogLine[] } {
  const write = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: () => memoryLogger(lines) };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const MINUTE = 60_000;
/** A minute boundary, so interval ticks are easy to read. */
const T0 = 1_800_000_000_000 - (1_800_000_000_000 % MINUTE);

describeEachDialect('DbScheduler', (dialect) => {
  let db: TestDatabase;
  let clock: number;
  const now = (): number => clock;
  const extra: Database[] = [];
  const schedulers: DbScheduler[] = [];

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    clock = T0 + 10_000;
    await db.kysely.deleteFrom('core_jobs').execute();
    await db.kysely.deleteFrom('core_schedules').execute();
  });
  afterEach(async () => {
    await Promise.all(schedulers.splice(0).map((s) => s.stop()));
    await Promise.all(extra.splice(0).map((d) => d.destroy()));
  });

  /** A scheduler with its own queue, as one process of the platform has; `separate` opens its own pool. */
  async function makeProcess(options: { separate?: boolean; logger?: LoggerService; registerJob?: boolean; checkIntervalMs?: number } = {}) {
    let database: Database = db;
    if (options.separate) {
      database = await createDatabase(parseDatabaseUrl(db.url, process.cwd()));
      extra.push(database);
    }
    const logger = options.logger ?? memoryLogger();
    const queue = new DbJobQueue({ db: database, logger, now });
    if (options.registerJob !== false) {
      queue.register({
        owner: 'hello',
        name: 'tick',
        definition: { handler: () => undefined },
        context: () => ({ pluginId: 'hello', version: '1.0.0', logger, get: () => undefined as never, getOptional: () => undefined }),
        isAvailable: () => true,
      });
    }
    const scheduler = new DbScheduler({ db: database, queue, logger, now, ...(options.checkIntervalMs === undefined ? {} : { checkIntervalMs: options.checkIntervalMs }) });
    schedulers.push(scheduler);
    return { queue, scheduler, logger };
  }

  async function jobs(): Promise<{ dedupe_key: string; payload: string }[]> {
    return db.kysely.selectFrom('core_jobs').select(['dedupe_key', 'payload']).orderBy('dedupe_key').execute();
  }

  async function nextRunAt(name: string): Promise<number> {
    const row = await db.kysely.selectFrom('core_schedules').select('next_run_at').where('name', '=', name).executeTakeFirstOrThrow();
    return Number(row.next_run_at);
  }

  const everyMinute: ScheduleDefinition = { job: 'tick', everyMs: MINUTE, payload: { kind: 'digest' } };

  it('two schedulers on one database produce exactly one job per interval tick, on ticks aligned to the epoch', async () => {
    const a = await makeProcess();
    const b = await makeProcess({ separate: true });
    a.scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });
    b.scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });

    // First sight: the schedule starts at the next aligned tick, never a past one.
    expect(await a.scheduler.check()).toBe(0);
    expect(await b.scheduler.check()).toBe(0);
    expect(await nextRunAt('hello.digest')).toBe(T0 + MINUTE);

    const ticks: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const tick = T0 + i * MINUTE;
      ticks.push(tick);
      clock = tick + 250;
      let fired: number[];
      if (dialect === 'mysql') {
        // A true race: both compare-and-set the same tick on separate connections at once.
        fired = await Promise.all([a.scheduler.check(), b.scheduler.check()]);
      } else {
        // Two SQLite connections in one Node process cannot overlap write transactions: the second
        // one's busy wait blocks the event loop the first needs to commit. Alternate who goes first.
        const order = i % 2 === 0 ? [a, b] : [b, a];
        fired = [await order[0]!.scheduler.check(), await order[1]!.scheduler.check()];
      }
      expect(fired[0]! + fired[1]!).toBe(1);
      // A second look at the same moment fires nothing.
      expect((await a.scheduler.check()) + (await b.scheduler.check())).toBe(0);
    }

    const rows = await jobs();
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual(ticks.map((t) => `schedule:hello.digest:${t}`).sort());
    expect(JSON.parse(rows[0]!.payload)).toEqual({ kind: 'digest' });
    expect(await a.queue.drain()).toBe(5);
  });

  it('runs a missed tick once after downtime, then continues from the next tick after now', async () => {
    const { scheduler } = await makeProcess();
    scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });
    await scheduler.check();

    clock = T0 + 10 * MINUTE + 5000;
    expect(await scheduler.check()).toBe(1);
    expect(await scheduler.check()).toBe(0);
    expect((await jobs()).map((r) => r.dedupe_key)).toEqual([`schedule:hello.digest:${T0 + MINUTE}`]);
    expect(await nextRunAt('hello.digest')).toBe(T0 + 11 * MINUTE);

    clock = T0 + 11 * MINUTE;
    expect(await scheduler.check()).toBe(1);
    expect((await jobs()).map((r) => r.dedupe_key)).toContain(`schedule:hello.digest:${T0 + 11 * MINUTE}`);
  });

  it('fires cron ticks in the schedule’s time zone', async () => {
    const { scheduler } = await makeProcess();
    // 07:00 in Hà Nội is 00:00 UTC.
    scheduler.add({ owner: 'hello', name: 'morning', definition: { job: 'tick', cron: '0 7 * * *', timezone: 'Asia/Ho_Chi_Minh' } });
    clock = Date.UTC(2027, 0, 10, 12, 0, 0);
    expect(await scheduler.check()).toBe(0);
    const first = Date.UTC(2027, 0, 11, 0, 0, 0);
    expect(await nextRunAt('hello.morning')).toBe(first);

    clock = first - 1;
    expect(await scheduler.check()).toBe(0);
    clock = first + 400;
    expect(await scheduler.check()).toBe(1);
    expect((await jobs()).map((r) => r.dedupe_key)).toEqual([`schedule:hello.morning:${first}`]);
    expect(await nextRunAt('hello.morning')).toBe(Date.UTC(2027, 0, 12, 0, 0, 0));
  });

  it('restarts from the new timing when a schedule’s definition changes', async () => {
    const first = await makeProcess();
    first.scheduler.add({ owner: 'hello', name: 'digest', definition: { job: 'tick', everyMs: 60 * MINUTE } });
    await first.scheduler.check();
    expect(await nextRunAt('hello.digest')).toBe(T0 - (T0 % (60 * MINUTE)) + 60 * MINUTE);

    const second = await makeProcess();
    second.scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });
    expect(await second.scheduler.check()).toBe(0);
    expect(await nextRunAt('hello.digest')).toBe(T0 + MINUTE);
  });

  it('keeps a tick due, and stores no job, when enqueueing its job fails', async () => {
    const logger = memoryLogger();
    const { scheduler, queue } = await makeProcess({ registerJob: false, logger });
    scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });
    await scheduler.check();
    clock = T0 + MINUTE;
    expect(await scheduler.check()).toBe(0);
    expect(await scheduler.check()).toBe(0);
    expect(await nextRunAt('hello.digest')).toBe(T0 + MINUTE);
    expect(await jobs()).toEqual([]);
    // Logged once for the tick, not once per check.
    expect(logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);

    queue.register({
      owner: 'hello',
      name: 'tick',
      definition: { handler: () => undefined },
      context: () => ({ pluginId: 'hello', version: '1', logger, get: () => undefined as never, getOptional: () => undefined }),
      isAvailable: () => true,
    });
    expect(await scheduler.check()).toBe(1);
    expect(await jobs()).toHaveLength(1);
  });

  it('checks on its own once started, and stops', async () => {
    const { scheduler } = await makeProcess({ checkIntervalMs: 10 });
    scheduler.add({ owner: 'hello', name: 'digest', definition: everyMinute });
    scheduler.start();
    await waitFor(async () => (await db.kysely.selectFrom('core_schedules').selectAll().execute()).length === 1, 5000, 'the schedule row');
    clock = T0 + MINUTE;
    await waitFor(async () => (await jobs()).length === 1, 5000, 'the tick to fire');
    await scheduler.stop();
    clock = T0 + 2 * MINUTE;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobs()).toHaveLength(1);
  });

  it('refuses invalid schedules with an error naming the schedule', async () => {
    const { scheduler } = await makeProcess();
    const invalid: [string, ScheduleDefinition][] = [
      ['not-cron', { job: 'tick', cron: 'every day' }],
      ['bad-minute', { job: 'tick', cron: '61 * * * *' }],
      ['three-fields', { job: 'tick', cron: '* * *' }],
      ['with-year', { job: 'tick', cron: '0 0 0 1 1 * 2030' }],
      ['never', { job: 'tick', cron: '0 0 30 2 *' }],
      ['bad-zone', { job: 'tick', cron: '0 7 * * *', timezone: 'Asia/Nowhere' }],
      ['too-often', { job: 'tick', everyMs: 10 }],
      ['fractional', { job: 'tick', everyMs: 1500.5 }],
      ['both', { job: 'tick', everyMs: MINUTE, cron: '* * * * *' } as unknown as ScheduleDefinition],
      ['no-job', { job: '', everyMs: MINUTE }],
    ];
    for (const [name, definition] of invalid) {
      let error: unknown;
      try {
        scheduler.add({ owner: 'hello', name, definition });
      } catch (e) {
        error = e;
      }
      expect(error, name).toMatchObject({ code: 'CONG_ERR_SCHEDULE_INVALID' });
      expect((error as Error).message, name).toContain(`Schedule ${name} of hello is invalid`);
    }
    expect(() => scheduler.add({ owner: 'hello', name: 'valid', definition: { job: 'tick', cron: '*/5 * * * *' } })).not.toThrow();
    expect(() => scheduler.add({ owner: 'hello', name: 'seconds', definition: { job: 'tick', cron: '30 0 7 * * 1-5' } })).not.toThrow();
    expect(() => scheduler.add({ owner: 'hello', name: 'valid', definition: everyMinute })).toThrowError(/already registered/);
  });
});
