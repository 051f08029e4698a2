import { redactDatabaseUrl } from '../db/database-url.js';
import type { CongConfig } from './cong-config.js';

/** The configuration as it may be logged or shown to admins: secrets replaced by `***`. */
export function redactConfig(config: CongConfig): Record<string, unknown> {
  const copy = structuredClone(config) as unknown as Record<string, any>;
  copy.database = redactDatabaseUrl(config.database);
  if (copy.mail?.smtp?.password !== undefined) copy.mail.smtp.password = '***';
  if (copy.auth?.secretKey !== undefined) copy.auth.secretKey = '***';
  if (Array.isArray(copy.http?.rateLimitBypassKeys)) copy.http.rateLimitBypassKeys = copy.http.rateLimitBypassKeys.map(() => '***');
  return copy;
}
