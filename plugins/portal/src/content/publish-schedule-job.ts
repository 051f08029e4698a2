import type { JobDefinition } from '@cong/sdk';
import { ArticleService } from './article.service.js';

/**
 * The clock of scheduled publishing, enqueued every minute by the `content-clock` schedule: publishes
 * approved articles whose publish time came and withdraws published ones whose unpublish time came,
 * in every unit. An article still in review is never published by it. Idempotent: a second run in
 * the same minute finds nothing due.
 */
export const publishScheduleJob: JobDefinition<Record<string, never>> = {
  schema: { type: 'object', additionalProperties: false, properties: {} },
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const done = await new ArticleService(ctx).runClock();
    if (done.published.length + done.unpublished.length > 0) ctx.logger.info('content clock', { published: done.published.length, unpublished: done.unpublished.length });
  },
};
