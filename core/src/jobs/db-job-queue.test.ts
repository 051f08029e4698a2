import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { JobDefinition, LoggerService, PluginContext } from '@cong/sdk';
import { createDatabase, type Database } from '../db/create-database.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { createJobService } from './create-job-service.js';
import { DbJobQueue } from './db-job-queue.js';
import type { JobRegistration } from './job-queue.js';

interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

function memoryLogger(lines: LogLine[] = [], bound: Record<string, unknown> = {}): LoggerService & { lines: LogLine[] } {
  const write = (level: string) => (message: string, fields: Record<string, unknown> = {}) => {
    lines.push({ level, message, fields: { ...bound, ...fields } });
  };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => memoryLogger(lines, { ...bound, ...fields }),
  };
}

function contextFor(owner: string, logger: LoggerService): JobRegistration['context'] {
  return () => ({
    pluginId: owner,
    version: '1.0.0',
    logger,
    get: () => {
      throw new Error('no services in this test');
    },
    getOptional: () => undefined,
  });
}

/** Polls `condition` every 10 ms until it holds, failing after `timeoutMs`. */
async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function gate(): { readonly promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const START = 1_800_000_000_000;

describeEachDialect('DbJobQueue', (dialect) => {
  let db: TestDatabase;
  let clock: number;
  const now = (): number => clock;
  const extra: Database[] = [];
  const queues: DbJobQueue[] = [];

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    clock = START;
    await db.kysely.deleteFrom('core_jobs').execute();
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop(2000)));
    await Promise.all(extra.splice(0).map((d) => d.destroy()));
  });

  /** A second connection pool to the same database, as a second process would have. */
  async function secondConnection(): Promise<Database> {
    const other = await createDatabase(parseDatabaseUrl(db.url, process.cwd()));
    extra.push(other);
    return other;
  }

  function makeQueue(options: { db?: Database; logger?: LoggerService; workerId?: string; pollIntervalMs?: number; concurrency?: number; leaseMs?: number } = {}): DbJobQueue {
    const queue = new DbJobQueue({ db: options.db ?? db, logger: options.logger ?? memoryLogger(), now, ...options });
    queues.push(queue);
    return queue;
  }

  function register(queue: DbJobQueue, name: string, definition: JobDefinition<any>, extraOptions: Partial<JobRegistration> = {}): void {
    queue.register({ owner: 'hello', name, definition, context: contextFor('hello', memoryLogger()), isAvailable: () => true, ...extraOptions });
  }

  async function countJobs(): Promise<number> {
    const row = await db.kysely.selectFrom('core_jobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('runs an enqueued job once, hands it the payload and its context, and marks it done', async () => {
    const queue = makeQueue();
    const calls: { payload: unknown; ctx: PluginContext & { attempt: number; jobId: string } }[] = [];
    register(queue, 'greet', { handler: (payload, ctx) => void calls.push({ payload, ctx }) });

    const id = await queue.enqueue('hello', 'greet', { name: 'Nguyễn Văn A' });
    expect(await queue.get('hello', id)).toMatchObject({ id, name: 'greet', status: 'queued', attempts: 0, lastError: null });
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(START);

    expect(await queue.drain()).toBe(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.payload).toEqual({ name: 'Nguyễn Văn A' });
    expect(calls[0]!.ctx).toMatchObject({ pluginId: 'hello', version: '1.0.0', attempt: 1, jobId: id });
    expect(calls[0]!.ctx.getOptional({ id: 'x.y' } as never)).toBeUndefined();
    expect(await queue.get('hello', id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await queue.drain()).toBe(0);
  });

  it('does not run a job before runAt', async () => {
    const queue = makeQueue();
    let runs = 0;
    register(queue, 'later', { handler: () => void runs++ });
    await queue.enqueue('hello', 'later', {}, { runAt: new Date(START + 5000) });
    expect(await queue.drain()).toBe(0);
    clock += 5000;
    expect(await queue.drain()).toBe(1);
    expect(runs).toBe(1);
  });

  it('retries a failing job with exponential backoff, then marks it dead with the last error', async () => {
    const queue = makeQueue();
    let runs = 0;
    register(queue, 'flaky', {
      maxAttempts: 3,
      backoffMs: 1000,
      handler: () => {
        runs++;
        throw new Error(`boom ${runs}`);
      },
    });
    const id = await queue.enqueue('hello', 'flaky', {});

    expect(await queue.drain()).toBe(1);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom 1' });
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(clock + 1000);

    clock += 999;
    expect(await queue.drain()).toBe(0);
    clock += 1;
    expect(await queue.drain()).toBe(1);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'queued', attempts: 2, lastError: 'boom 2' });
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(clock + 2000);

    clock += 2000;
    expect(await queue.drain()).toBe(1);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'boom 3' });
    clock += 3_600_000;
    expect(await queue.drain()).toBe(0);
    expect(runs).toBe(3);
  });

  it('caps the backoff at one hour and honours maxAttempts given at enqueue', async () => {
    const queue = makeQueue();
    register(queue, 'slow-retry', {
      backoffMs: 3_000_000,
      handler: () => {
        throw new Error('no');
      },
    });
    const id = await queue.enqueue('hello', 'slow-retry', {}, { maxAttempts: 3 });
    await queue.drain();
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(clock + 3_000_000);
    clock += 3_000_000;
    await queue.drain();
    // 3_000_000 * 2 would be 100 minutes.
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(clock + 3_600_000);
    clock += 3_600_000;
    await queue.drain();
    expect(await queue.get('hello', id)).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('marks a job dead at once when its error says retryable = false', async () => {
    const queue = makeQueue();
    let runs = 0;
    register(queue, 'permanent', {
      maxAttempts: 5,
      handler: () => {
        runs++;
        throw Object.assign(new Error('550 mailbox unavailable'), { retryable: false });
      },
    });
    const id = await queue.enqueue('hello', 'permanent', {});
    expect(await queue.drain()).toBe(1);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'dead', attempts: 1, lastError: '550 mailbox unavailable' });
    clock += 3_600_000;
    expect(await queue.drain()).toBe(0);
    expect(runs).toBe(1);
  });

  it('returns the existing job for a duplicate dedupeKey of the same owner, also under a race between two connections', async () => {
    const queue = makeQueue();
    const other = makeQueue({ db: await secondConnection() });
    for (const q of [queue, other]) {
      register(q, 'digest', { handler: () => undefined });
      q.register({ owner: 'gazette', name: 'digest', definition: { handler: () => undefined }, context: contextFor('gazette', memoryLogger()), isAvailable: () => true });
    }

    const first = await queue.enqueue('hello', 'digest', { day: 1 }, { dedupeKey: 'day-1' });
    expect(await queue.enqueue('hello', 'digest', { day: 1 }, { dedupeKey: 'day-1' })).toBe(first);
    const otherOwner = await queue.enqueue('gazette', 'digest', { day: 1 }, { dedupeKey: 'day-1' });
    expect(otherOwner).not.toBe(first);
    expect(await countJobs()).toBe(2);

    // Still deduplicated once the first job has run: the row exists.
    await queue.drain();
    expect(await queue.enqueue('hello', 'digest', {}, { dedupeKey: 'day-1' })).toBe(first);

    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? queue : other).enqueue('hello', 'digest', { i }, { dedupeKey: 'race' })),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await countJobs()).toBe(3);
  });

  it('purges done and dead jobs past their retention, keeps queued ones and younger ones, and frees their dedupe keys', async () => {
    const queue = makeQueue();
    register(queue, 'ok', { handler: () => undefined });
    register(queue, 'fails', { maxAttempts: 1, handler: () => { throw new Error('no'); } });
    const done = await queue.enqueue('hello', 'ok', {}, { dedupeKey: 'once' });
    const dead = await queue.enqueue('hello', 'fails', {});
    await queue.drain();
    const waiting = await queue.enqueue('hello', 'ok', {}, { runAt: new Date(START + 365 * 86_400_000) });
    const retention = { doneOlderThanMs: 1000, deadOlderThanMs: 5000 };

    clock += 1000;
    expect(await queue.purgeFinished(retention)).toBe(0);
    clock += 1;
    expect(await queue.purgeFinished(retention)).toBe(1);
    expect(await queue.get('hello', done)).toBeUndefined();
    expect(await queue.get('hello', dead)).toMatchObject({ status: 'dead' });
    clock += 4000;
    expect(await queue.purgeFinished(retention)).toBe(1);
    expect(await queue.get('hello', dead)).toBeUndefined();
    expect(await queue.get('hello', waiting)).toMatchObject({ status: 'queued' });

    const again = await queue.enqueue('hello', 'ok', {}, { dedupeKey: 'once' });
    expect(again).not.toBe(done);
    await expect(queue.purgeFinished({ doneOlderThanMs: -1, deadOlderThanMs: 0 })).rejects.toThrow(/doneOlderThanMs/);
  });

  it('stores a job enqueued in a transaction only if the transaction commits', async () => {
    const queue = makeQueue();
    register(queue, 'outbox', { handler: () => undefined });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await queue.enqueue('hello', 'outbox', { n: 1 }, { trx });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await countJobs()).toBe(0);
    expect(await queue.drain()).toBe(0);

    const id = await db.kysely.transaction().execute((trx) => queue.enqueue('hello', 'outbox', { n: 2 }, { trx, dedupeKey: 'k' }));
    expect(await queue.get('hello', id)).toMatchObject({ status: 'queued' });
    expect(await queue.drain()).toBe(1);
  });

  it('refuses unknown jobs, payloads that fail the schema, payloads that are not plain JSON, and bad options', async () => {
    const queue = makeQueue();
    register(queue, 'typed', {
      schema: { type: 'object', additionalProperties: false, required: ['count'], properties: { count: { type: 'integer', minimum: 1 } } },
      handler: () => undefined,
    });

    await expect(queue.enqueue('hello', 'nope', {})).rejects.toMatchObject({ code: 'CONG_ERR_JOB_UNKNOWN', message: 'Plugin hello has no job named nope' });
    // A job name of another owner is not this owner's job.
    await expect(queue.enqueue('gazette', 'typed', { count: 1 })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_UNKNOWN' });

    const missing = await queue.enqueue('hello', 'typed', {}).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'CONG_ERR_JOB_PAYLOAD', errors: [{ in: 'body', pointer: '/count', keyword: 'required' }] });
    await expect(queue.enqueue('hello', 'typed', { count: 0 })).rejects.toMatchObject({
      code: 'CONG_ERR_JOB_PAYLOAD',
      errors: [{ pointer: '/count', keyword: 'minimum' }],
    });
    await expect(queue.enqueue('hello', 'typed', { count: 1, extra: true })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_PAYLOAD' });

    const cyclic: Record<string, unknown> = { count: 1 };
    cyclic.self = cyclic;
    for (const payload of [undefined, { count: 1, at: new Date() }, { count: 10n }, { count: 1, f: () => 1 }, { count: Number.NaN }, cyclic, [1, undefined]]) {
      await expect(queue.enqueue('hello', 'typed', payload)).rejects.toMatchObject({ code: 'CONG_ERR_JOB_PAYLOAD' });
    }
    await expect(queue.enqueue('hello', 'typed', { count: 1, huge: 'x'.repeat(70_000) })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_PAYLOAD' });
    await expect(queue.enqueue('hello', 'typed', { count: 1 }, { maxAttempts: 0 })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_OPTIONS' });
    await expect(queue.enqueue('hello', 'typed', { count: 1 }, { runAt: new Date(Number.NaN) })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_OPTIONS' });
    await expect(queue.enqueue('hello', 'typed', { count: 1 }, { dedupeKey: 'k'.repeat(256) })).rejects.toMatchObject({ code: 'CONG_ERR_JOB_OPTIONS' });
    expect(await countJobs()).toBe(0);

    // undefined properties are dropped, as JSON does.
    await queue.enqueue('hello', 'typed', { count: 1, note: undefined });
    expect(await countJobs()).toBe(1);
  });

  it('refuses a duplicate registration and a schema that does not compile', () => {
    const queue = makeQueue();
    register(queue, 'once', { handler: () => undefined });
    expect(() => register(queue, 'once', { handler: () => undefined })).toThrowError(expect.objectContaining({ code: 'CONG_ERR_JOB_REGISTRATION' }));
    expect(() => register(queue, 'typo', { schema: { type: 'object', maxLenght: 3 }, handler: () => undefined })).toThrowError(
      expect.objectContaining({ code: 'CONG_ERR_JOB_REGISTRATION' }),
    );
    expect(() => register(queue, 'bad.name', { handler: () => undefined })).toThrowError(expect.objectContaining({ code: 'CONG_ERR_JOB_REGISTRATION' }));
  });

  it('reads only the owner’s own jobs, through get and the JobService', async () => {
    const queue = makeQueue();
    register(queue, 'mine', { handler: () => undefined });
    const service = createJobService(queue, 'hello');
    const id = await service.enqueue('mine', { a: 1 });
    expect(await service.get(id)).toMatchObject({ id, name: 'mine', status: 'queued' });
    expect(await queue.get('gazette', id)).toBeUndefined();
    expect(await createJobService(queue, 'gazette').get(id)).toBeUndefined();
  });

  it('leaves the jobs of an unavailable owner queued until it is available again', async () => {
    const queue = makeQueue();
    let available = false;
    let runs = 0;
    register(queue, 'paused', { handler: () => void runs++ }, { isAvailable: () => available });
    const id = await queue.enqueue('hello', 'paused', {});
    expect(await queue.drain()).toBe(0);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'queued', attempts: 0 });
    available = true;
    expect(await queue.drain()).toBe(1);
    expect(runs).toBe(1);
  });

  it('never claims a job this process has no handler for', async () => {
    const producer = makeQueue();
    register(producer, 'elsewhere', { handler: () => undefined });
    const id = await producer.enqueue('hello', 'elsewhere', {});
    const worker = makeQueue({ db: await secondConnection() });
    register(worker, 'other-job', { handler: () => undefined });
    expect(await worker.drain()).toBe(0);
    expect(await producer.get('hello', id)).toMatchObject({ status: 'queued' });
  });

  it('reclaims a running job whose lease expired (its process died), and ignores the late outcome of the old run', async () => {
    const logger = memoryLogger();
    const stalled = makeQueue({ workerId: 'stalled-worker', leaseMs: 60_000, pollIntervalMs: 10, logger });
    const rescuer = makeQueue({ db: await secondConnection(), workerId: 'rescuer', leaseMs: 60_000 });
    const firstRun = gate();
    const attempts: number[] = [];
    for (const q of [stalled, rescuer]) {
      register(q, 'long', {
        handler: async (_payload, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt === 1) await firstRun.promise;
        },
      });
    }
    const id = await stalled.enqueue('hello', 'long', {});
    stalled.start();
    await waitFor(async () => (await stalled.get('hello', id))?.status === 'running', 5000, 'the job to run');

    // The lease still holds: nobody else may take the job.
    expect(await rescuer.drain()).toBe(0);
    clock += 60_001;
    // The stalled worker keeps polling; on MySQL its SKIP LOCKED claim can hold the row for an instant,
    // so the rescuer may need a second look. It must get the job, and run it exactly once.
    await waitFor(async () => (await rescuer.drain()) === 1, 5000, 'the rescuer to reclaim the job');
    expect(attempts).toEqual([1, 2]);
    expect(await rescuer.get('hello', id)).toMatchObject({ status: 'done', attempts: 2 });

    // The stalled run finishes late: its outcome must not overwrite the rescuer's.
    firstRun.open();
    await waitFor(() => logger.lines.some((l) => l.message.startsWith('Job outcome not stored')), 5000, 'the stale outcome to be dropped');
    expect(await rescuer.get('hello', id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('marks a job dead when the process running its last attempt died', async () => {
    const queue = makeQueue();
    let runs = 0;
    register(queue, 'fragile', { maxAttempts: 1, handler: () => void runs++ });
    const id = await queue.enqueue('hello', 'fragile', {});
    await db.kysely
      .updateTable('core_jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'gone', locked_until: START - 1 })
      .where('id', '=', id)
      .execute();
    expect(await queue.drain()).toBe(1);
    expect(runs).toBe(0);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'dead', attempts: 2 });
    expect((await queue.get('hello', id))!.lastError).toMatch(/lease expired/);
  });

  it('records a timed-out attempt as failed but keeps the job unclaimable while its handler still runs', async () => {
    const queue = makeQueue({ leaseMs: 60_000 });
    const other = makeQueue({ db: await secondConnection() });
    const release = gate();
    let runs = 0;
    for (const q of [queue, other]) {
      register(q, 'stuck', {
        timeoutMs: 50,
        backoffMs: 1000,
        handler: async () => {
          runs++;
          await release.promise;
        },
      });
    }
    const id = await queue.enqueue('hello', 'stuck', {});
    // drain returns once the attempt has timed out, without waiting for the handler.
    expect(await queue.drain()).toBe(1);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'running', attempts: 1 });
    expect((await queue.get('hello', id))!.lastError).toMatch(/Timed out after 50 ms/);

    clock += 10_000;
    expect(await other.drain()).toBe(0);
    expect(await queue.drain()).toBe(0);
    expect(runs).toBe(1);

    release.open();
    await waitFor(async () => (await queue.get('hello', id))?.status === 'queued', 5000, 'the job to be re-queued');
    expect(await queue.get('hello', id)).toMatchObject({ attempts: 1, lastError: 'Timed out after 50 ms' });
    expect((await queue.get('hello', id))!.runAt.getTime()).toBe(clock + 1000);
  });

  it('wakes at once after a local enqueue and stop() waits for running jobs', async () => {
    const queue = makeQueue({ pollIntervalMs: 60_000 });
    const release = gate();
    const done: string[] = [];
    register(queue, 'wait', {
      handler: async (_p, ctx) => {
        await release.promise;
        done.push(ctx.jobId);
      },
    });
    queue.start();
    // The first poll has found nothing; the next would be a minute away.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const id = await queue.enqueue('hello', 'wait', {});
    await waitFor(async () => (await queue.get('hello', id))?.status === 'running', 5000, 'the enqueue to wake the queue');

    let stopped = false;
    const stopping = queue.stop(10_000).then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release.open();
    await stopping;
    expect(done).toEqual([id]);
    expect(await queue.get('hello', id)).toMatchObject({ status: 'done' });

    // Stopped: a new job stays queued.
    const later = await queue.enqueue('hello', 'wait', {});
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await queue.get('hello', later)).toMatchObject({ status: 'queued' });
  });

  it('runs each of 50 jobs exactly once when two queues on separate connections race for them', async () => {
    const other = await secondConnection();
    const logger = memoryLogger();
    const a = makeQueue({ workerId: 'worker-a', pollIntervalMs: 10, concurrency: 3, logger });
    const b = makeQueue({ db: other, workerId: 'worker-b', pollIntervalMs: 10, concurrency: 3, logger });
    const runs = new Map<string, number>();
    const ranBy = new Map<string, Set<string>>();
    let concurrentSameJob = 0;
    const inFlight = new Set<string>();
    for (const [queue, worker] of [[a, 'worker-a'], [b, 'worker-b']] as const) {
      register(queue, 'race', {
        handler: async (_payload, ctx) => {
          if (inFlight.has(ctx.jobId)) concurrentSameJob++;
          inFlight.add(ctx.jobId);
          runs.set(ctx.jobId, (runs.get(ctx.jobId) ?? 0) + 1);
          let workers = ranBy.get(worker);
          if (workers === undefined) ranBy.set(worker, (workers = new Set()));
          workers.add(ctx.jobId);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight.delete(ctx.jobId);
        },
      });
    }
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await a.enqueue('hello', 'race', { i }));
    a.start();
    b.start();
    // Also drain from both sides at the same time, as a CLI would while the workers poll.
    const drained = await Promise.all([a.drain(), b.drain()]);
    await waitFor(
      async () => {
        const row = await db.kysely.selectFrom('core_jobs').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'done').executeTakeFirstOrThrow();
        return Number(row.n) === 50;
      },
      20_000,
      'all 50 jobs to finish',
    );
    await Promise.all([a.stop(5000), b.stop(5000)]);

    expect(concurrentSameJob).toBe(0);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(drained[0] + drained[1]).toBeLessThanOrEqual(50);
    const attempts = await db.kysely.selectFrom('core_jobs').select('attempts').execute();
    expect(attempts.every((row) => Number(row.attempts) === 1)).toBe(true);
    expect(logger.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });
});
