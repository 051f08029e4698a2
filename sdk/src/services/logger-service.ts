/** Structured logging. Fields are JSON-serialisable; secrets (`password`, `token`, `cookie`) are redacted. */
export interface LoggerService {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): LoggerService;
}
