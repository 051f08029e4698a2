import { coreServices, type JobDefinition } from '@cong/sdk';
import type { HelloDatabase } from '../schema/database.js';
import { GreetingRepository } from './greeting-repository.js';

/** Marks a greeting delivered. Idempotent: a second run changes nothing. */
export const deliverGreetingJob: JobDefinition<{ id: string }> = {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id: { type: 'string', format: 'uuid' } },
  },
  maxAttempts: 3,
  handler: async (payload, ctx) => {
    const repository = new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());
    await repository.markDelivered(payload.id, Date.now());
    ctx.logger.info('greeting delivered', { id: payload.id, attempt: ctx.attempt });
  },
};
