import { describe, expect, it } from 'vitest';
import { CONG_ERR_NOT_FOUND, NotFoundError } from '@cong/sdk';
import { toCongError } from './error-handler.js';

describe('toCongError', () => {
  it('keeps CongErrors and their codes', () => {
    const error = new NotFoundError('Greeting 7 does not exist');
    expect(toCongError(error)).toBe(error);
    expect(CONG_ERR_NOT_FOUND.is(toCongError(error))).toBe(true);
  });

  it('answers a locked SQLite database and a lost MySQL connection with 503 and Retry-After, never 500', () => {
    const busy = toCongError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
    expect(busy).toMatchObject({ status: 503, code: 'CONG_ERR_DATABASE_BUSY', headers: { 'retry-after': '1' } });
    for (const code of ['PROTOCOL_CONNECTION_LOST', 'ECONNREFUSED', 'ER_CON_COUNT_ERROR']) {
      expect(toCongError(Object.assign(new Error('gone'), { code }))).toMatchObject({ status: 503, code: 'CONG_ERR_SERVICE_UNAVAILABLE' });
    }
  });

  it('maps client errors of dependencies by status, and hides everything else behind CONG_ERR_INTERNAL', () => {
    expect(toCongError(Object.assign(new Error('x'), { status: 413 })).code).toBe('CONG_ERR_PAYLOAD_TOO_LARGE');
    expect(toCongError(Object.assign(new Error('Unexpected token'), { status: 400, expose: true }))).toMatchObject({
      code: 'CONG_ERR_MALFORMED_BODY',
      message: 'Unexpected token',
    });
    const internal = toCongError(new TypeError('Cannot read properties of undefined'));
    expect(internal).toMatchObject({ status: 500, code: 'CONG_ERR_INTERNAL', message: 'Internal error' });
    expect((internal.cause as Error).message).toBe('Cannot read properties of undefined');
  });
});
