import { createHash } from 'node:crypto';
import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { LoggerService } from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_SCHEDULE_INVALID } from '../errors.js';
import type { JobQueue, ScheduleRegistration, Scheduler } from './job-queue.js';

/** Options of {@link DbScheduler}. */
export interface DbSchedulerOptions {
  readonly db: Database;
  /** Where each tick's job goes. */
  readonly queue: JobQueue;
  readonly logger: LoggerService;
  /**
   * How often `start()` looks for due ticks. Default is 1000 ms: a tick fires at most this late, and
   * the check is one indexed read per schedule.
   */
  readonly checkIntervalMs?: number;
  /** The clock, in epoch milliseconds. Default is `Date.now`; tests pass a fake one to step ticks. */
  readonly now?: () => number;
}

interface SchedulesTable {
  name: string;
  next_run_at: number;
  last_run_at: number | null;
  spec: string;
  updated_at: number;
}

interface SchedulesDb {
  core_schedules: SchedulesTable;
}

interface Entry {
  readonly registration: ScheduleRegistration;
  /** `<owner>.<schedule name>`, the row's key. */
  readonly key: string;
  /** Fingerprint of the timing, stored beside `next_run_at`. */
  readonly spec: string;
  /** The first tick strictly after `after`, or undefined when there is none. */
  readonly next: (after: number) => number | undefined;
  /** The tick whose enqueue failed last, so a failing schedule logs once per tick, not once per check. */
  failedTick?: number;
}

/** A cron schedule that has no further run (a date that passed) parks here: past any real clock. */
const NEVER = 8_640_000_000_000_000;
const MIN_EVERY_MS = 1000;
const NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,94}$/;

/**
 * The default {@link Scheduler}: recurring jobs whose ticks live in `core_schedules`, so every process
 * agrees on them and exactly one process wins each tick. A process that sees a tick due moves
 * `next_run_at` on with a compare-and-set (`UPDATE … WHERE name = ? AND next_run_at = <the due
 * tick>`); the one whose update matched enqueues the job in the same transaction, with the dedupe key
 * `schedule:<name>:<tick>` as a second guard. Interval ticks fall on multiples of `everyMs` since the
 * epoch; cron ticks follow croner in the schedule's time zone (the server's by default). After
 * downtime the missed tick runs once, then the schedule continues from the next tick after now. The
 * job's payload is the schedule's `payload`, `{}` when it has none.
 */
export class DbScheduler implements Scheduler {
  readonly #kysely: Kysely<SchedulesDb>;
  readonly #dialect: Database['dialect'];
  readonly #queue: JobQueue;
  readonly #logger: LoggerService;
  readonly #checkIntervalMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  #timer: NodeJS.Timeout | undefined;
  #started = false;
  #checking: Promise<number> | undefined;

  constructor(options: DbSchedulerOptions) {
    this.#kysely = options.db.kysely as Kysely<SchedulesDb>;
    this.#dialect = options.db.dialect;
    this.#queue = options.queue;
    this.#logger = options.logger;
    this.#checkIntervalMs = options.checkIntervalMs ?? 1000;
    if (!(this.#checkIntervalMs > 0)) throw new RangeError(`DbScheduler option checkIntervalMs must be positive, got ${this.#checkIntervalMs}`);
    this.#now = options.now ?? Date.now;
  }

  /**
   * Adds a schedule. Throws `CONG_ERR_SCHEDULE_INVALID`, naming the schedule, for a duplicate name, a
   * cron expression croner rejects (or one that never fires), an unknown time zone, or an interval
   * below one second. The job itself is looked up at each tick.
   */
  add(registration: ScheduleRegistration): void {
    const { owner, name, definition } = registration;
    const fail = (reason: string, cause?: unknown): never => {
      throw CONG_ERR_SCHEDULE_INVALID.create({ owner, schedule: name, reason }, cause === undefined ? {} : { cause });
    };
    const key = `${owner}.${name}`;
    if (!NAME_PATTERN.test(name)) fail('schedule names are letters, digits, "-" and "_", starting with a letter');
    if (this.#entries.has(key)) fail('a schedule with this name is already registered');
    if (typeof definition.job !== 'string' || definition.job.length === 0) fail('it names no job');
    const hasCron = 'cron' in definition && definition.cron !== undefined;
    const hasEvery = 'everyMs' in definition && definition.everyMs !== undefined;
    if (hasCron === hasEvery) fail('give exactly one of cron and everyMs');

    if ('everyMs' in definition && hasEvery) {
      const every = definition.everyMs;
      if (!Number.isInteger(every) || every < MIN_EVERY_MS) fail(`everyMs must be a whole number of milliseconds, at least ${MIN_EVERY_MS}`);
      this.#entries.set(key, {
        registration,
        key,
        spec: `every:${every}`,
        next: (after) => (Math.floor(after / every) + 1) * every,
      });
      return;
    }
    if (!('cron' in definition)) return;
    const pattern = definition.cron.trim();
    // The sdk promises 5 or 6 fields; croner also reads a seventh (year), which the contract does not offer.
    if (!pattern.startsWith('@') && ![5, 6].includes(pattern.split(/\s+/).length)) {
      fail(`cron expression "${pattern}" must have 5 or 6 fields`);
    }
    let cron: Cron<undefined>;
    try {
      cron = new Cron(pattern, { paused: true, ...(definition.timezone === undefined ? {} : { timezone: definition.timezone }) });
      // croner checks the time zone only when it computes a date.
      if (cron.nextRun() === null) fail(`cron expression "${pattern}" never fires`);
    } catch (cause) {
      if (CONG_ERR_SCHEDULE_INVALID.is(cause)) throw cause;
      return fail(`cron expression "${pattern}"${definition.timezone === undefined ? '' : ` in time zone ${definition.timezone}`} is invalid: ${(cause as Error).message}`, cause);
    }
    this.#entries.set(key, {
      registration,
      key,
      spec: fingerprint(`cron:${pattern}@${definition.timezone ?? ''}`),
      next: (after) => cron.nextRun(new Date(after))?.getTime(),
    });
  }

  /** Checks for due ticks now and then every `checkIntervalMs`, never two checks at once. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const loop = (): void => {
      this.#checking = this.check()
        .catch((error: unknown) => {
          this.#logger.error('Checking schedules failed', { error: (error as Error).message });
          return 0;
        })
        .finally(() => {
          this.#checking = undefined;
          if (this.#started) this.#timer = setTimeout(loop, this.#checkIntervalMs);
        });
    };
    loop();
  }

  /** Stops checking and waits for a check in progress. */
  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#checking;
  }

  /**
   * Checks every schedule once: registers new ones, and fires the due tick of each schedule whose
   * compare-and-set this process wins. Returns how many ticks it fired. `start()` calls it on a timer;
   * tests and the CLI call it directly.
   */
  async check(): Promise<number> {
    let fired = 0;
    for (const entry of this.#entries.values()) {
      try {
        if (await this.#checkOne(entry)) fired++;
      } catch (error) {
        this.#logger.error('Checking a schedule failed', { schedule: entry.key, error: (error as Error).message });
      }
    }
    return fired;
  }

  async #checkOne(entry: Entry): Promise<boolean> {
    const now = this.#now();
    const row = await this.#kysely
      .selectFrom('core_schedules')
      .select(['next_run_at', 'spec'])
      .where('name', '=', entry.key)
      .executeTakeFirst();
    if (row === undefined) {
      // First sight of this schedule: its first tick is the next one after now, never a past one.
      const insert = this.#kysely
        .insertInto('core_schedules')
        .values({ name: entry.key, next_run_at: entry.next(now) ?? NEVER, last_run_at: null, spec: entry.spec, updated_at: now });
      await (this.#dialect === 'sqlite'
        ? insert.onConflict((oc) => oc.column('name').doNothing())
        : insert.onDuplicateKeyUpdate((eb) => ({ name: eb.ref('core_schedules.name') }))
      ).execute();
      return false;
    }
    const due = Number(row.next_run_at);
    if (row.spec !== entry.spec) {
      // The timing changed since the stored tick was computed: restart from the new timing's next tick.
      await this.#kysely
        .updateTable('core_schedules')
        .set({ next_run_at: entry.next(now) ?? NEVER, spec: entry.spec, updated_at: now })
        .where('name', '=', entry.key)
        .where('next_run_at', '=', due)
        .where('spec', '=', row.spec)
        .execute();
      return false;
    }
    if (due > now) return false;
    // From now, not from the due tick: after downtime the missed tick runs once, not once per miss.
    const next = entry.next(now) ?? NEVER;
    const { owner, definition } = entry.registration;
    try {
      const won = await this.#kysely.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('core_schedules')
          .set({ next_run_at: next, last_run_at: due, updated_at: now })
          .where('name', '=', entry.key)
          .where('next_run_at', '=', due)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await this.#queue.enqueue(owner, definition.job, definition.payload ?? {}, { trx, dedupeKey: `schedule:${entry.key}:${due}` });
        return true;
      });
      if (won) {
        entry.failedTick = undefined;
        this.#logger.debug('Schedule fired', { schedule: entry.key, tick: due, next });
      }
      return won;
    } catch (error) {
      // The transaction rolled back, so the tick stays due and the next check tries again.
      if (entry.failedTick !== due) {
        entry.failedTick = due;
        this.#logger.error('A schedule tick could not enqueue its job; retrying at each check', {
          schedule: entry.key,
          job: `${owner}.${definition.job}`,
          tick: due,
          error: (error as Error).message,
        });
      }
      return false;
    }
  }
}

/** Long cron expressions would not fit the column; a hash compares just as well. */
function fingerprint(spec: string): string {
  return spec.length <= 255 ? spec : `sha256:${createHash('sha256').update(spec).digest('hex')}`;
}
