import type { JobService } from '@cong/sdk';
import type { JobQueue } from './job-queue.js';

/**
 * The sdk's {@link JobService} for one owner (a plugin id, or `core`): it enqueues and reads only that
 * owner's jobs, so a plugin can neither start nor inspect another plugin's work.
 */
export function createJobService(queue: JobQueue, owner: string): JobService {
  return Object.freeze({
    enqueue: (job, payload, options) => queue.enqueue(owner, job, payload, options),
    get: (id) => queue.get(owner, id),
  } satisfies JobService);
}
