import type { Transaction } from 'kysely';

/** Options of {@link JobService.enqueue}. */
export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  readonly trx?: Transaction<any>;
  /** Do not run before this time. Default is now. */
  readonly runAt?: Date;
  /** A second enqueue with the same key (per plugin) is ignored while the first job exists. */
  readonly dedupeKey?: string;
  /** Attempts before the job is marked dead. Default is the job's own setting, else 5. */
  readonly maxAttempts?: number;
  /** The tenant the job works for: it waits while the plugin is disabled for that tenant. */
  readonly tenantId?: string;
}

/** A queued job, as the queue reports it. */
export interface JobRecord {
  readonly id: string;
  readonly name: string;
  readonly status: 'queued' | 'running' | 'done' | 'dead';
  readonly attempts: number;
  readonly runAt: Date;
  readonly lastError: string | null;
}

/**
 * Background work that survives restarts: jobs are rows in the database (or BullMQ on Redis), run by
 * any process of the platform, retried with exponential backoff, and never run twice at once.
 */
export interface JobService {
  /** Queues one of this plugin's jobs (declared with `reg.jobs`). Returns the job id, or the existing id for a duplicate `dedupeKey`. */
  enqueue(job: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Reads a job of this plugin. */
  get(id: string): Promise<JobRecord | undefined>;
}
