import pino, { type DestinationStream, type Logger } from 'pino';
import type { LoggerService } from '@cong/sdk';

/** Paths pino blanks out wherever they appear in a log line. */
export const REDACTED_PATHS = [
  'password', '*.password', 'token', '*.token', 'otp', '*.otp', 'secret', '*.secret',
  'authorization', 'cookie', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

export interface LoggerOptions {
  /** Default is `info`. */
  readonly level?: string;
  /** Default is standard output. */
  readonly destination?: DestinationStream;
}

/** The root pino logger of a platform. */
export function createRootLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}

/** The sdk's {@link LoggerService} over a pino logger. */
export function toLoggerService(logger: Logger): LoggerService {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
    child: (fields) => toLoggerService(logger.child(fields)),
  };
}
