import type { ScheduleDefinition } from '@cong/sdk';
import type { AuthServices } from '../auth/create-auth-services.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { DefaultSearchIndex } from '../search/default-search-index.js';

/** What {@link runHousekeeping} clears out. */
export interface HousekeepingTargets {
  readonly auth: Pick<AuthServices, 'sessions' | 'passwordReset' | 'limiter'>;
  readonly queue: Pick<JobQueue, 'purgeFinished'>;
  readonly search: Pick<DefaultSearchIndex, 'compact'>;
}

/** Rows deleted by one run, per table. */
export interface HousekeepingResult {
  readonly sessions: number;
  readonly passwordResets: number;
  readonly loginCounters: number;
  readonly jobs: number;
  /** Merge steps of the SQLite full-text index, and whether it is compact now (always on MySQL/MariaDB). */
  readonly searchIndex: { readonly steps: number; readonly done: boolean };
}

const DAY_MS = 24 * 3_600_000;

/**
 * How long finished rows stay. Ended sessions and dead reset links stay a day, so "why was I signed
 * out" can still be answered the next morning; done jobs a week; dead jobs a month, because their last
 * error is what an operator investigates. The audit log and the mail outbox are records, not
 * housekeeping: nothing here touches them.
 */
export const HOUSEKEEPING_RETENTION = Object.freeze({
  endedSessionsMs: DAY_MS,
  expiredResetLinksMs: DAY_MS,
  doneJobsMs: 7 * DAY_MS,
  deadJobsMs: 30 * DAY_MS,
});

/** The core job's name (`core.housekeeping` in the queue). */
export const HOUSEKEEPING_JOB = 'housekeeping';

/** Nightly at 03:15 Vietnam time, when portals are quietest. */
export const HOUSEKEEPING_SCHEDULE: ScheduleDefinition = Object.freeze({
  job: HOUSEKEEPING_JOB,
  cron: '15 3 * * *',
  timezone: 'Asia/Ho_Chi_Minh',
});

/**
 * Deletes what has no further use: ended sessions, expired password-reset links, login-throttle
 * counters whose window closed, and finished jobs (which also frees their dedupe keys). One table at
 * a time, so a large purge never holds SQLite's single writer for long. Then merges the day's additions
 * to SQLite's full-text index into the rest (`DefaultSearchIndex.compact`), a step at a time.
 */
export async function runHousekeeping(targets: HousekeepingTargets): Promise<HousekeepingResult> {
  const sessions = await targets.auth.sessions.purgeExpired(HOUSEKEEPING_RETENTION.endedSessionsMs);
  const passwordResets = await targets.auth.passwordReset.purgeExpired(HOUSEKEEPING_RETENTION.expiredResetLinksMs);
  const loginCounters = await targets.auth.limiter.purgeExpired();
  const jobs = await targets.queue.purgeFinished({
    doneOlderThanMs: HOUSEKEEPING_RETENTION.doneJobsMs,
    deadOlderThanMs: HOUSEKEEPING_RETENTION.deadJobsMs,
  });
  const searchIndex = await targets.search.compact();
  return { sessions, passwordResets, loginCounters, jobs, searchIndex };
}
