import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import {
  CONG_ERR_INTERNAL,
  CONG_ERR_MALFORMED_BODY,
  CONG_ERR_METHOD_NOT_ALLOWED,
  CONG_ERR_NOT_FOUND,
  CONG_ERR_PAYLOAD_TOO_LARGE,
  CONG_ERR_SERVICE_UNAVAILABLE,
  CongError,
} from '@cong/sdk';
import { CONG_ERR_DATABASE_BUSY } from '../errors.js';
import { PROBLEM_CONTENT_TYPE, problemTitle, problemType, type Problem } from './problem.js';

const DB_DOWN = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR']);

/**
 * The only place errors become responses: problem+json with `type`, `title`, `status`, `detail`,
 * `code`, `reqId` and field issues. Unknown errors are logged with their stack and answered 500
 * without it; database outages and lock timeouts answer 503 with Retry-After.
 */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const congError = toCongError(error);
      if (congError.status >= 500 && congError.code === CONG_ERR_INTERNAL.code) {
        logger.error({ err: error, reqId: ctx.state.reqId, route: ctx._matchedRoute }, 'unhandled error in request');
      } else if (congError.status >= 500) {
        // Known unavailability (a failed plugin, a busy database): one line, no stack.
        logger.warn({ code: congError.code, cause: (congError.cause as Error | undefined)?.message, reqId: ctx.state.reqId }, congError.message);
      }
      writeProblem(ctx, congError);
    }
  };
}

/** Writes `error` as the response. */
export function writeProblem(ctx: Context, error: CongError): void {
  const problem: Problem = {
    type: problemType(error.code),
    title: problemTitle(error.status),
    status: error.status,
    detail: error.message,
    code: error.code,
    reqId: ctx.state.reqId as string,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  };
  ctx.status = error.status;
  ctx.set(error.headers as Record<string, string>);
  ctx.body = problem;
  ctx.type = PROBLEM_CONTENT_TYPE;
}

/** Maps anything thrown to a CongError, keeping the original as `cause`. */
export function toCongError(error: unknown): CongError {
  if (CongError.is(error)) return error;
  const e = error as { status?: number; statusCode?: number; code?: string; expose?: boolean; message?: string };
  const status = e?.status ?? e?.statusCode;
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED') {
    return CONG_ERR_DATABASE_BUSY.create({}, { cause: error, headers: { 'retry-after': '1' } });
  }
  if (typeof e?.code === 'string' && DB_DOWN.has(e.code)) {
    return CONG_ERR_SERVICE_UNAVAILABLE.create({ reason: 'database unavailable' }, { cause: error, headers: { 'retry-after': '5' } });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return CONG_ERR_NOT_FOUND.create({}, { cause: error });
    if (status === 405) return CONG_ERR_METHOD_NOT_ALLOWED.create({ method: 'this' }, { cause: error });
    if (status === 413) return CONG_ERR_PAYLOAD_TOO_LARGE.create({ limit: 'the limit' }, { cause: error });
    return CONG_ERR_MALFORMED_BODY.create({ format: 'input' }, { cause: error, detail: e.expose && e.message ? e.message : 'Bad request' });
  }
  return CONG_ERR_INTERNAL.create({}, { cause: error });
}
