import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives each request an id (a well-formed incoming `x-request-id` is kept, so ids follow a request
 * through a proxy), a child logger, and one log line when it ends.
 */
export function requestContext(logger: Logger, logRequests: boolean): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const reqId = INCOMING_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.reqId = reqId;
    ctx.set('x-request-id', reqId);
    const started = performance.now();
    try {
      await next();
    } finally {
      if (logRequests) {
        logger.info(
          {
            reqId,
            method: ctx.method,
            route: ctx._matchedRoute ?? null,
            status: ctx.status,
            ms: Math.round((performance.now() - started) * 10) / 10,
          },
          'request',
        );
      }
    }
  };
}
