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
import { PLATFORM_PATH } from './platform-paths.js';
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

/** Vietnamese titles of the statuses a public page can end in; English comes from the problem title. */
const TITLES_VI: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không có quyền truy cập',
  404: 'Không tìm thấy trang',
  409: 'Xung đột dữ liệu',
  410: 'Trang đã ngừng hoạt động',
  413: 'Nội dung gửi lên quá lớn',
  415: 'Định dạng gửi lên không được hỗ trợ',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  500: 'Lỗi máy chủ',
  503: 'Dịch vụ tạm ngừng, vui lòng thử lại sau',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A browser on a public page (a form posted without JavaScript, a page's rate limit) gets a page it can
 * show, in Vietnamese and English, with the same status and headers; programs get problem+json.
 */
function wantsPage(ctx: Context): boolean {
  return !PLATFORM_PATH.test(ctx.path) && ctx.accepts('json', 'html') === 'html';
}

function errorPage(error: CongError, reqId: string | undefined): string {
  const vi = TITLES_VI[error.status] ?? TITLES_VI[error.status >= 500 ? 500 : 400]!;
  const retry = (error.headers as Record<string, string> | undefined)?.['Retry-After'] ?? (error.headers as Record<string, string> | undefined)?.['retry-after'];
  return (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escape(vi)} — ${escape(problemTitle(error.status))}</title></head><body><main><h1>${escape(vi)}</h1>` +
    (retry ? `<p>Vui lòng thử lại sau ${escape(retry)} giây.</p>` : '') +
    `<p lang="en">${escape(problemTitle(error.status))}: ${escape(error.message)}</p>` +
    (reqId ? `<p><small>Mã yêu cầu / request id: ${escape(reqId)}</small></p>` : '') +
    '<p><a href="/">Về trang chủ / Home</a></p></main></body></html>'
  );
}

/** Writes `error` as the response. */
export function writeProblem(ctx: Context, error: CongError): void {
  if (wantsPage(ctx)) {
    ctx.status = error.status;
    ctx.set(error.headers as Record<string, string>);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = errorPage(error, ctx.state.reqId as string | undefined);
    return;
  }
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
