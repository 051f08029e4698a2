import type { JobDefinition } from '@cong/sdk';
import { InformationRequestReminders } from './information-request-reminders.js';

/**
 * Enqueued daily by the `information-request-reminders` schedule: sends the day's reminders of open
 * information requests in every unit. Idempotent: a rerun (or a retry) the same day sends nothing twice.
 */
export const informationRequestReminderJob: JobDefinition<Record<string, never>> = {
  schema: { type: 'object', additionalProperties: false, properties: {} },
  maxAttempts: 3,
  handler: async (_payload, ctx) => {
    const done = await new InformationRequestReminders(ctx).run();
    if (done.sent.length > 0) ctx.logger.info('information request reminders', { on: done.on, sent: done.sent.length });
  },
};
