import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { ExpressionBuilder, Kysely, Transaction, UpdateQueryBuilder, UpdateResult } from 'kysely';
import {
  CONG_ERR_JOB_OPTIONS,
  CONG_ERR_JOB_PAYLOAD,
  CONG_ERR_JOB_UNKNOWN,
  toFieldIssues,
  type EnqueueOptions,
  type FieldIssue,
  type JobRecord,
  type LoggerService,
  type PluginContext,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_JOB_REGISTRATION } from '../errors.js';
import { schemaCompiler, type SchemaCompiler } from '../validation/schema-compiler.js';
import type { JobQueue, JobRegistration, PurgeFinishedOptions } from './job-queue.js';

/** Options of {@link DbJobQueue}. */
export interface DbJobQueueOptions {
  readonly db: Database;
  readonly logger: LoggerService;
  /**
   * Written to `locked_by` of the jobs this queue claims. Default is `<host>:<pid>:<random>`, unique
   * per instance, so two queues in one process (tests) never mistake each other's leases for their own.
   */
  readonly workerId?: string;
  /** How often `start()` looks for due jobs when nothing wakes it. Default is 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Jobs this queue runs at once. Default is 2, one per core of the small servers the portal runs on. */
  readonly concurrency?: number;
  /**
   * How long a claim holds without a heartbeat. A running job renews it every third of this; when
   * its process dies, any worker reclaims the job once the lease has run out. Default is 60000 ms:
   * long enough to ride out a stalled event loop, short enough that a crash delays a job by a minute.
   */
  readonly leaseMs?: number;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one to step time. */
  readonly now?: () => number;
  /** Compiles payload schemas. Default is the process-wide compiler. */
  readonly schemaCompiler?: SchemaCompiler;
  /**
   * Whether the owner plugin is enabled for a job's tenant. A job for a tenant where its plugin is
   * disabled waits (not counted as an attempt) and is looked at again later. Default: always enabled.
   */
  readonly isTenantEnabled?: (tenantId: string, owner: string) => Promise<boolean>;
}

type JobStatus = JobRecord['status'];

interface JobsTable {
  id: string;
  name: string;
  owner: string;
  tenant_id: string | null;
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

interface JobsDb {
  core_jobs: JobsTable;
}

interface Registered {
  readonly registration: JobRegistration;
  readonly validate: ValidateFunction | undefined;
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

/** Defaults of a job definition (sdk `JobDefinition`). */
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 1000;
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** How long a job parked for a disabled tenant waits before it is looked at again. */
const PARKED_RECHECK_MS = 60_000;
/** Retries never wait longer than this, however many attempts a job allows. */
const MAX_BACKOFF_MS = 60 * 60_000;
/** MySQL TEXT holds 65535 bytes; refusing larger payloads up front keeps both dialects alike. */
const MAX_PAYLOAD_BYTES = 65_535;
const MAX_ERROR_LENGTH = 2000;
const OWNER_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;
const JOB_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,94}$/;
/** InnoDB deadlock and lock-wait timeout: a claim that meets them just tries again at the next poll. */
const MYSQL_RETRYABLE_ERRNOS = new Set([1213, 1205]);

/**
 * The default {@link JobQueue}: jobs are rows of `core_jobs`, claimed with a lease so that no job runs
 * twice at once, also across processes sharing one MySQL database. SQLite claims with one
 * `UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING *` (the database has one writer); MySQL/MariaDB
 * claims with `SELECT … FOR UPDATE SKIP LOCKED` and an `UPDATE` in a read-committed transaction, so
 * competing workers skip each other's rows instead of queueing behind them. Failed attempts are
 * retried with exponential backoff, and a job whose process died is reclaimed when its lease runs out.
 * Delivery is at least once: handlers must tolerate a rerun after a crash.
 */
export class DbJobQueue implements JobQueue {
  /** The `locked_by` value of this queue's claims. */
  readonly workerId: string;
  readonly #db: Database;
  readonly #kysely: Kysely<JobsDb>;
  readonly #logger: LoggerService;
  readonly #pollIntervalMs: number;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  readonly #now: () => number;
  readonly #isTenantEnabled: DbJobQueueOptions['isTenantEnabled'];
  readonly #compiler: SchemaCompiler;
  readonly #jobs = new Map<string, Registered>();
  /** Jobs whose handler has not settled yet, including ones past their timeout. */
  readonly #running = new Map<string, Promise<void>>();
  #busySlots = 0;
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #wakePending = false;
  /** Set by `stop()` when handlers outlived the grace period: their heartbeats end. */
  #abandoned = false;

  constructor(options: DbJobQueueOptions) {
    this.#db = options.db;
    this.#kysely = options.db.kysely as Kysely<JobsDb>;
    this.#logger = options.logger;
    this.workerId = (options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`).slice(0, 64);
    this.#pollIntervalMs = positive(options.pollIntervalMs ?? 1000, 'pollIntervalMs');
    this.#concurrency = Math.floor(positive(options.concurrency ?? 2, 'concurrency'));
    this.#leaseMs = positive(options.leaseMs ?? 60_000, 'leaseMs');
    this.#now = options.now ?? Date.now;
    this.#isTenantEnabled = options.isTenantEnabled;
    // Strict: a typo such as `maxLenght` in a job schema fails the registration instead of passing silently.
    this.#compiler = options.schemaCompiler ?? schemaCompiler;
  }

  /** Adds a job handler. The schema is compiled here, once; a bad schema or a duplicate name throws `CONG_ERR_JOB_REGISTRATION`. */
  register(registration: JobRegistration): void {
    const { owner, name, definition } = registration;
    const fail = (reason: string, cause?: unknown): never => {
      throw CONG_ERR_JOB_REGISTRATION.create({ owner, job: name, reason }, cause === undefined ? {} : { cause });
    };
    if (!OWNER_PATTERN.test(owner)) fail('the owner must be "core" or a plugin id');
    if (!JOB_NAME_PATTERN.test(name)) fail('job names are letters, digits, "-" and "_", starting with a letter');
    if (this.#jobs.has(`${owner}.${name}`)) fail('a job with this name is already registered');
    if (typeof definition.handler !== 'function') fail('the handler is not a function');
    if (definition.maxAttempts !== undefined && !(Number.isInteger(definition.maxAttempts) && definition.maxAttempts >= 1)) {
      fail('maxAttempts must be a whole number of at least 1');
    }
    if (definition.backoffMs !== undefined && !(Number.isFinite(definition.backoffMs) && definition.backoffMs >= 0)) {
      fail('backoffMs must be a number of milliseconds, 0 or more');
    }
    if (definition.timeoutMs !== undefined && !(Number.isFinite(definition.timeoutMs) && definition.timeoutMs > 0)) {
      fail('timeoutMs must be a positive number of milliseconds');
    }
    let validate: ValidateFunction | undefined;
    if (definition.schema !== undefined) {
      try {
        validate = this.#compiler.compile(definition.schema);
      } catch (cause) {
        fail(`its payload schema does not compile: ${(cause as Error).message}`, cause);
      }
    }
    this.#jobs.set(`${owner}.${name}`, { registration, validate });
  }

  /**
   * Stores a job. Checks that it is registered (`CONG_ERR_JOB_UNKNOWN`), that the payload is plain
   * JSON and matches the job's schema (`CONG_ERR_JOB_PAYLOAD`), and the options
   * (`CONG_ERR_JOB_OPTIONS`). With `trx` the job exists only if that transaction commits. With a
   * `dedupeKey` already used by a job of the same owner that still exists (in any status), the
   * existing job's id is returned and nothing is stored; the unique index on `(owner, dedupe_key)`
   * settles races between processes.
   */
  async enqueue(owner: string, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
    const fullName = `${owner}.${name}`;
    const entry = this.#jobs.get(fullName);
    if (entry === undefined) throw CONG_ERR_JOB_UNKNOWN.create({ plugin: owner, job: name });
    const json = serialisePayload(fullName, payload, entry.validate);
    const now = this.#now();
    const runAt = options.runAt === undefined ? now : options.runAt.getTime();
    if (!Number.isFinite(runAt)) throw CONG_ERR_JOB_OPTIONS.create({ job: fullName, reason: 'runAt is not a valid date' });
    const maxAttempts = options.maxAttempts ?? entry.registration.definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw CONG_ERR_JOB_OPTIONS.create({ job: fullName, reason: 'maxAttempts must be a whole number of at least 1' });
    }
    const dedupeKey = options.dedupeKey;
    if (dedupeKey !== undefined && (typeof dedupeKey !== 'string' || dedupeKey.length === 0 || dedupeKey.length > 255)) {
      throw CONG_ERR_JOB_OPTIONS.create({ job: fullName, reason: 'dedupeKey must be a string of 1 to 255 characters' });
    }
    const executor: Kysely<JobsDb> = (options.trx as Transaction<JobsDb> | undefined) ?? this.#kysely;
    const row: JobsTable = {
      id: randomUUID(),
      name: fullName,
      owner,
      tenant_id: options.tenantId ?? null,
      payload: json,
      status: 'queued',
      attempts: 0,
      max_attempts: maxAttempts,
      run_at: runAt,
      locked_by: null,
      locked_until: null,
      last_error: null,
      dedupe_key: dedupeKey ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    };
    if (dedupeKey === undefined) {
      await executor.insertInto('core_jobs').values(row).execute();
      this.#notify();
      return row.id;
    }
    const existing = await this.#findDeduped(executor, owner, dedupeKey, false);
    if (existing !== undefined) return existing;
    // A plain INSERT would throw on a duplicate, and on MySQL the loser of the race only learns of the
    // winner after blocking on its row lock. "Insert unless present", then read the key back (a
    // locking read on MySQL, so a row committed after this transaction's snapshot is seen too).
    for (let round = 0; round < 3; round++) {
      const insert = executor.insertInto('core_jobs').values(row);
      await (this.#db.dialect === 'sqlite'
        ? insert.onConflict((oc) => oc.columns(['owner', 'dedupe_key']).doNothing())
        : insert.onDuplicateKeyUpdate((eb) => ({ id: eb.ref('core_jobs.id') }))
      ).execute();
      const winner = await this.#findDeduped(executor, owner, dedupeKey, this.#db.dialect === 'mysql');
      if (winner === row.id) this.#notify();
      // Undefined only when the row we collided with was rolled back in between: insert again.
      if (winner !== undefined) return winner;
    }
    throw CONG_ERR_JOB_OPTIONS.create({ job: fullName, reason: `dedupeKey ${dedupeKey} is contended; try again` });
  }

  async purgeFinished(options: PurgeFinishedOptions): Promise<number> {
    const now = this.#now();
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isFinite(value) || value < 0) throw new RangeError(`purgeFinished option ${name} must be 0 or more, got ${value}`);
    }
    const result = await this.#kysely
      .deleteFrom('core_jobs')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'done'), eb('finished_at', '<', now - options.doneOlderThanMs)]),
          eb.and([eb('status', '=', 'dead'), eb('finished_at', '<', now - options.deadOlderThanMs)]),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Reads a job; `undefined` unless it belongs to `owner`. `name` is the job's name inside its owner. */
  async get(owner: string, id: string): Promise<JobRecord | undefined> {
    const row = await this.#kysely
      .selectFrom('core_jobs')
      .select(['id', 'name', 'status', 'attempts', 'run_at', 'last_error'])
      .where('id', '=', id)
      .where('owner', '=', owner)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: row.id,
      name: row.name.slice(owner.length + 1),
      status: row.status,
      attempts: Number(row.attempts),
      runAt: new Date(Number(row.run_at)),
      lastError: row.last_error,
    };
  }

  /**
   * Polls every `pollIntervalMs`, and at once after a local enqueue or a finished job, running up to
   * `concurrency` jobs. A job enqueued inside a transaction is invisible until it commits, so it is
   * usually picked up at the next poll rather than at once.
   */
  start(): void {
    if (this.#loop !== undefined) return;
    this.#stopping = false;
    this.#abandoned = false;
    this.#loop = this.#pump().finally(() => {
      this.#loop = undefined;
    });
  }

  /**
   * Stops claiming, then waits up to `graceMs` (default 10000) for running handlers, including ones
   * past their timeout. Handlers still running after that lose their heartbeat: once their lease
   * runs out, another process may run the job again.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopping = true;
    this.#notify();
    await this.#loop;
    const pending = [...this.#running.values()];
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled(pending).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.#logger.warn('Jobs still running when the queue stopped; their leases will lapse', { jobIds: [...this.#running.keys()] });
      this.#abandoned = true;
    }
  }

  /**
   * Claims and runs due jobs one after another until none is due, and returns how many it ran
   * (including failed attempts). A retry whose backoff has not passed is not due. For tests and the
   * CLI; it works whether or not `start()` was called.
   */
  async drain(): Promise<number> {
    let count = 0;
    for (;;) {
      const row = await this.#claim();
      if (row === undefined) return count;
      count++;
      await this.#execute(row);
    }
  }

  async #pump(): Promise<void> {
    while (!this.#stopping) {
      try {
        while (!this.#stopping && this.#busySlots < this.#concurrency) {
          const row = await this.#claim();
          if (row === undefined) break;
          this.#busySlots++;
          void this.#execute(row).finally(() => {
            this.#busySlots--;
            this.#notify();
          });
        }
      } catch (error) {
        this.#logger.error('Claiming jobs failed; retrying at the next poll', { error: describeError(error) });
      }
      if (!this.#stopping) await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    if (this.#wakePending) {
      this.#wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.#pollIntervalMs);
      this.#wake = done;
    });
  }

  #notify(): void {
    if (this.#wake !== undefined) this.#wake();
    else this.#wakePending = true;
  }

  /** Names of jobs this process may run now: registered here, and their owner available. */
  #runnableNames(): string[] {
    const names: string[] = [];
    for (const [name, entry] of this.#jobs) {
      let available = false;
      try {
        available = entry.registration.isAvailable();
      } catch {
        available = false;
      }
      if (available) names.push(name);
    }
    return names;
  }

  /** Claims one due job (queued and due, or running with a lapsed lease), or returns undefined. */
  async #claim(): Promise<JobsTable | undefined> {
    const names = this.#runnableNames();
    if (names.length === 0) return undefined;
    const now = this.#now();
    const local = [...this.#running.keys()];
    const due = (eb: ExpressionBuilder<JobsDb, 'core_jobs'>) =>
      eb.and([
        eb('name', 'in', names),
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
        // A handler of this process that outlived its lease (a stalled event loop) is not rerun here.
        ...(local.length > 0 ? [eb('id', 'not in', local)] : []),
      ]);
    const claim = {
      status: 'running' as const,
      locked_by: this.workerId,
      locked_until: now + this.#leaseMs,
      updated_at: now,
    };
    if (this.#db.dialect === 'sqlite') {
      const row = await this.#kysely
        .updateTable('core_jobs')
        .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', (eb) =>
          eb.selectFrom('core_jobs').select('id').where(due).orderBy('run_at').orderBy('created_at').limit(1),
        )
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : normaliseRow(row);
    }
    try {
      return await this.#kysely
        .transaction()
        .setIsolationLevel('read committed')
        .execute(async (trx) => {
          const candidate = await trx
            .selectFrom('core_jobs')
            .select('id')
            .where(due)
            .orderBy('run_at')
            .orderBy('created_at')
            .limit(1)
            .forUpdate()
            .skipLocked()
            .executeTakeFirst();
          if (candidate === undefined) return undefined;
          await trx
            .updateTable('core_jobs')
            .set((eb) => ({ ...claim, attempts: eb('attempts', '+', 1) }))
            .where('id', '=', candidate.id)
            .execute();
          const row = await trx.selectFrom('core_jobs').selectAll().where('id', '=', candidate.id).executeTakeFirstOrThrow();
          return normaliseRow(row);
        });
    } catch (error) {
      if (MYSQL_RETRYABLE_ERRNOS.has((error as { errno?: number }).errno ?? 0)) return undefined;
      throw error;
    }
  }

  /**
   * Runs one claimed job. Resolves when the handler settles and the outcome is stored, or when the
   * handler times out: the slot is then free, but the job stays `running` under this process's
   * heartbeat until the handler really ends, so it is never run twice at once.
   */
  async #execute(row: JobsTable): Promise<void> {
    const attempt = row.attempts;
    const log = this.#logger.child({ jobId: row.id, job: row.name, attempt });
    const entry = this.#jobs.get(row.name);
    if (entry === undefined) {
      // Claims only name registered jobs, and registrations are never removed.
      await this.#finish(row, { ok: false, error: Object.assign(new Error('No handler is registered for this job'), { retryable: false }) }, undefined, log);
      return;
    }
    if (attempt > row.max_attempts) {
      const error = Object.assign(new Error('The process running its last attempt stopped (lease expired)'), { retryable: false });
      await this.#finish(row, { ok: false, error }, entry, log);
      return;
    }
    const definition = entry.registration.definition;
    const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (row.tenant_id !== null && this.#isTenantEnabled && !(await this.#isTenantEnabled(row.tenant_id, entry.registration.owner))) {
      // The plugin is off for this tenant: park the job, uncounted, and look again later.
      const now = this.#now();
      await this.#claimed(
        this.#kysely.updateTable('core_jobs').set({ status: 'queued', run_at: now + PARKED_RECHECK_MS, locked_by: null, locked_until: null, attempts: row.attempts - 1, updated_at: now }),
        row,
      ).execute();
      log.debug('Job parked: its plugin is disabled for the tenant', { tenantId: row.tenant_id });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch (cause) {
      await this.#finish(row, { ok: false, error: Object.assign(new Error('The stored payload is not JSON'), { retryable: false, cause }) }, entry, log);
      return;
    }

    let timedOut = false;
    let leaseLost = false;
    const heartbeat = setInterval(() => {
      if (this.#abandoned && this.#stopping) {
        clearInterval(heartbeat);
        return;
      }
      void this.#claimed(
        this.#kysely.updateTable('core_jobs').set({ locked_until: this.#now() + this.#leaseMs, updated_at: this.#now() }),
        row,
      )
        .executeTakeFirst()
        .then((result) => {
          // mysql2 reports matched rows (CLIENT_FOUND_ROWS is on by default), so an unchanged
          // locked_until under a frozen test clock still counts as renewed.
          if (Number(result.numUpdatedRows) === 0 && !leaseLost) {
            leaseLost = true;
            log.warn('Job lost its lease while running; another worker may have taken it over');
          }
        })
        .catch((error: unknown) => log.warn('Renewing the job lease failed', { error: describeError(error) }));
    }, Math.max(10, Math.floor(this.#leaseMs / 3)));
    heartbeat.unref();

    let releaseSlot!: () => void;
    const slotFree = new Promise<void>((resolve) => {
      releaseSlot = resolve;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      log.warn('Job timed out; its attempt counts as failed once the handler ends', { timeoutMs });
      void this.#claimed(
        this.#kysely.updateTable('core_jobs').set({
          last_error: `Timed out after ${timeoutMs} ms; the handler was still running`,
          updated_at: this.#now(),
        }),
        row,
      )
        .execute()
        .catch((error: unknown) => log.warn('Recording the job timeout failed', { error: describeError(error) }))
        .finally(releaseSlot);
    }, timeoutMs);
    timer.unref();

    const handlerDone: Promise<Outcome> = (async () => {
      await definition.handler(payload, this.#context(entry.registration, row.id, attempt));
    })().then(
      () => ({ ok: true }),
      (error: unknown) => ({ ok: false, error }),
    );
    const settled = handlerDone
      .then(async (outcome) => {
        clearTimeout(timer);
        clearInterval(heartbeat);
        const final: Outcome = timedOut
          ? { ok: false, error: outcome.ok ? new Error(`Timed out after ${timeoutMs} ms`) : outcome.error }
          : outcome;
        await this.#finish(row, final, entry, log);
      })
      .catch((error: unknown) => log.error('Storing the job outcome failed; the lease will lapse and the job rerun', { error: describeError(error) }))
      .finally(() => {
        this.#running.delete(row.id);
        releaseSlot();
      });
    this.#running.set(row.id, settled);
    await slotFree;
  }

  /** The handler's context: the owner's context for this run plus `attempt` and `jobId`. */
  #context(registration: JobRegistration, jobId: string, attempt: number): PluginContext & { readonly attempt: number; readonly jobId: string } {
    const base = registration.context({ jobId, attempt });
    // Spread for extra fields of a plain object, and explicit members for a class instance whose
    // methods and getters a spread would drop.
    return {
      ...base,
      pluginId: base.pluginId,
      version: base.version,
      logger: base.logger,
      get: (ref) => base.get(ref),
      getOptional: (ref) => base.getOptional(ref),
      attempt,
      jobId,
    };
  }

  /** Stores an attempt's outcome: done, a retry after backoff, or dead. Only while this worker holds the claim. */
  async #finish(row: JobsTable, outcome: Outcome, entry: Registered | undefined, log: LoggerService): Promise<void> {
    const now = this.#now();
    const attempt = row.attempts;
    let update;
    if (outcome.ok) {
      update = { status: 'done' as const, locked_by: null, locked_until: null, updated_at: now, finished_at: now };
      log.debug('Job done');
    } else {
      const message = describeError(outcome.error);
      const permanent = (outcome.error as { retryable?: unknown } | null)?.retryable === false;
      if (permanent || attempt >= row.max_attempts) {
        update = { status: 'dead' as const, locked_by: null, locked_until: null, last_error: message, updated_at: now, finished_at: now };
        log.error(permanent ? 'Job failed permanently' : 'Job failed its last attempt', { error: message, maxAttempts: row.max_attempts });
      } else {
        const backoffMs = entry?.registration.definition.backoffMs ?? DEFAULT_BACKOFF_MS;
        const delay = Math.min(backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
        update = { status: 'queued' as const, locked_by: null, locked_until: null, last_error: message, run_at: now + delay, updated_at: now };
        log.warn('Job failed; retrying', { error: message, retryInMs: delay });
      }
    }
    const result = await this.#claimed(this.#kysely.updateTable('core_jobs').set(update), row).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      log.warn('Job outcome not stored: another worker took the job over after its lease expired');
    }
    // A retry with no backoff is due at once.
    this.#notify();
  }

  /** Restricts an update to the claim this worker made for this attempt. */
  #claimed(query: UpdateQueryBuilder<JobsDb, 'core_jobs', 'core_jobs', UpdateResult>, row: JobsTable) {
    return query
      .where('id', '=', row.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .where('attempts', '=', row.attempts);
  }

  async #findDeduped(executor: Kysely<JobsDb>, owner: string, dedupeKey: string, lock: boolean): Promise<string | undefined> {
    let query = executor.selectFrom('core_jobs').select('id').where('owner', '=', owner).where('dedupe_key', '=', dedupeKey);
    if (lock) query = query.forUpdate();
    return (await query.executeTakeFirst())?.id;
  }
}

/** mysql2 returns BIGINT as number or string depending on size; better-sqlite3 as number. */
function normaliseRow(row: JobsTable): JobsTable {
  return {
    ...row,
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
    run_at: Number(row.run_at),
    locked_until: row.locked_until === null ? null : Number(row.locked_until),
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    finished_at: row.finished_at === null ? null : Number(row.finished_at),
  };
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`DbJobQueue option ${name} must be a positive number, got ${value}`);
  return value;
}

/** Checks that a payload is plain JSON and matches the schema; returns its JSON text. */
function serialisePayload(job: string, payload: unknown, validate: ValidateFunction | undefined): string {
  const issues: FieldIssue[] = [];
  collectJsonIssues(payload, '', new Set(), issues, false);
  if (issues.length > 0) throw CONG_ERR_JOB_PAYLOAD.create({ job }, { errors: issues, detail: `Job ${job} payload is not plain JSON: ${issues[0]!.message} at "${issues[0]!.pointer}"` });
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw CONG_ERR_JOB_PAYLOAD.create(
      { job },
      { errors: [{ in: 'body', pointer: '', message: `must not be larger than ${MAX_PAYLOAD_BYTES} bytes as JSON` }] },
    );
  }
  // Validate what the handler will receive: the JSON round trip, not the caller's object.
  if (validate !== undefined && !validate(JSON.parse(json))) {
    throw CONG_ERR_JOB_PAYLOAD.create({ job }, { errors: toFieldIssues(validate.errors, 'body') });
  }
  return json;
}

/**
 * Rejects what JSON.stringify would silently change or drop: functions, symbols, bigints, NaN and
 * infinities, class instances (a Date would arrive as a string), cycles, and `undefined` anywhere but
 * as an object property (where leaving it out is what the caller means).
 */
function collectJsonIssues(value: unknown, pointer: string, seen: Set<object>, issues: FieldIssue[], inObject: boolean): void {
  if (issues.length >= 20) return;
  const issue = (message: string): void => {
    issues.push({ in: 'body', pointer, message });
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) issue('must be a finite number');
      return;
    case 'undefined':
      if (!inObject) issue('must not be undefined');
      return;
    case 'object':
      break;
    default:
      issue(`must be JSON, not a ${typeof value}`);
      return;
  }
  if (value === null) return;
  if (seen.has(value)) {
    issue('must not contain a cycle');
    return;
  }
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectJsonIssues(item, `${pointer}/${index}`, seen, issues, false));
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      issue(`must be a plain object, not ${(value as object).constructor?.name ?? 'an instance'}`);
    } else {
      for (const [key, item] of Object.entries(value)) collectJsonIssues(item, `${pointer}/${escapePointer(key)}`, seen, issues, true);
    }
  }
  seen.delete(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The message stored in `last_error`: the error's code and message, bounded. */
function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    text = typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  } else {
    text = String(error);
  }
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
