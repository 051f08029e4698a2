import { createHmac } from 'node:crypto';
import { coreServices, type JobDefinition } from '@cong/sdk';
import type { HelloDatabase } from '../schema/database.js';
import { GreetingRepository } from './greeting-repository.js';
import { helloSettings } from './hello-settings.js';

/**
 * Delivers a greeting: posts it to the unit's webhook when one is set (signed with the write-only
 * `webhookSecret`: `X-Hello-Signature: sha256=<hex HMAC of the body>`), then marks it delivered.
 * A failed post throws, so the queue retries it. Idempotent: a second run changes nothing.
 */
export const deliverGreetingJob: JobDefinition<{ id: string; tenantId?: string | null }> = {
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id: { type: 'string', format: 'uuid' }, tenantId: { type: ['string', 'null'], maxLength: 36 } },
  },
  maxAttempts: 3,
  handler: async (payload, ctx) => {
    const tenantId = payload.tenantId ?? null;
    const repository = new GreetingRepository(ctx.get(coreServices.database).kysely<HelloDatabase>());
    const greeting = await repository.find(tenantId, payload.id);
    if (!greeting || greeting.deliveredAt) return;
    const settings = await helloSettings(ctx, tenantId);
    if (settings.webhookUrl) {
      const body = JSON.stringify({ event: 'hello.greeting-created', greeting });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (settings.webhookSecret) headers['x-hello-signature'] = `sha256=${createHmac('sha256', settings.webhookSecret).update(body).digest('hex')}`;
      const res = await fetch(settings.webhookUrl, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    }
    await repository.markDelivered(payload.id, Date.now());
    ctx.logger.info('greeting delivered', { id: payload.id, attempt: ctx.attempt, webhook: Boolean(settings.webhookUrl) });
  },
};
