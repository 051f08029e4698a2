import type { EnqueueOptions, JobDefinition, JobRecord, PluginContext, ScheduleDefinition } from '@cong/sdk';

/** A job handler as the kernel registers it: the owning plugin, the job's name and its definition. */
export interface JobRegistration {
  /** `core` or a plugin id. */
  readonly owner: string;
  /** The job's name inside its owner (`send-greeting`). The queue stores `<owner>.<name>`. */
  readonly name: string;
  readonly definition: JobDefinition<any>;
  /** The context handed to the handler, for one run. */
  readonly context: (run: { readonly jobId: string; readonly attempt: number }) => PluginContext;
  /** False while the owner is failed or stopped: its jobs stay queued. */
  readonly isAvailable: () => boolean;
}

/** A recurring job as the kernel registers it. */
export interface ScheduleRegistration {
  readonly owner: string;
  readonly name: string;
  readonly definition: ScheduleDefinition;
}

/**
 * The platform's job queue. The default implementation keeps jobs in the database (`core_jobs`),
 * claims them so that no job runs twice at once (also with several processes on one MySQL database),
 * retries with exponential backoff and re-queues jobs whose process died (lease expiry).
 */
export interface JobQueue {
  /** Adds a handler; its payload schema is compiled here, once. Throws `CONG_ERR_JOB_REGISTRATION` for a duplicate or a bad schema. */
  register(registration: JobRegistration): void;
  /**
   * Stores a registered job of `owner` (`CONG_ERR_JOB_UNKNOWN` otherwise) after checking its payload
   * (`CONG_ERR_JOB_PAYLOAD`) and options (`CONG_ERR_JOB_OPTIONS`). Returns the job id, or the id of
   * the existing job for a duplicate `dedupeKey` of the same owner.
   */
  enqueue(owner: string, name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Reads a job; undefined unless it belongs to `owner`. */
  get(owner: string, id: string): Promise<JobRecord | undefined>;
  /** Starts polling and running due jobs. */
  start(): void;
  /** Stops claiming new jobs and waits for running ones (up to `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** Claims and runs due jobs until none is due; returns how many ran. For tests and the CLI. */
  drain(): Promise<number>;
  /**
   * Deletes jobs that finished long enough ago: `done` ones before `now - doneOlderThanMs` and `dead`
   * ones before `now - deadOlderThanMs`. Their dedupe keys are free again. Returns rows deleted.
   */
  purgeFinished(options: PurgeFinishedOptions): Promise<number>;
}

/** Options of {@link JobQueue.purgeFinished}. */
export interface PurgeFinishedOptions {
  readonly doneOlderThanMs: number;
  /** Dead jobs carry the last error an operator may still need: keep them longer than done ones. */
  readonly deadOlderThanMs: number;
}

/** Recurring jobs: each tick enqueues one job, and exactly one process wins each tick. */
export interface Scheduler {
  add(registration: ScheduleRegistration): void;
  start(): void;
  stop(): Promise<void>;
}
