import type { AccessService } from './access-service.js';
import type { AuditService } from './audit-service.js';
import type { CalendarService } from './calendar-service.js';
import type { PluginConfigService } from './config-service.js';
import type { DatabaseService } from './database-service.js';
import type { EventService } from './event-service.js';
import type { FileService } from './file-service.js';
import type { HttpRouterService } from './http-router-service.js';
import type { JobService } from './job-service.js';
import type { LoggerService } from './logger-service.js';
import type { MailService } from './mail-service.js';
import type { RateLimitService } from './rate-limit-service.js';
import type { RulesService } from './rules-service.js';
import type { SearchService } from './search-service.js';
import type { TenancyService } from './tenancy-service.js';
import { createServiceRef } from './service-ref.js';

/**
 * Refs of the services the core provides to every plugin. Each is `plugin`-scoped: the instance a
 * plugin receives is bound to it (its log field, its job and event names, its search documents).
 */
export const coreServices = Object.freeze({
  /** Structured logger; see {@link LoggerService}. */
  logger: createServiceRef<LoggerService, 'plugin'>({ id: 'core.logger', scope: 'plugin' }),
  /** The plugin's validated configuration; see {@link PluginConfigService}. */
  config: createServiceRef<PluginConfigService, 'plugin'>({ id: 'core.config', scope: 'plugin' }),
  /** Kysely over SQLite or MySQL/MariaDB; see {@link DatabaseService}. */
  database: createServiceRef<DatabaseService, 'plugin'>({ id: 'core.database', scope: 'plugin' }),
  /** The plugin's HTTP base path and URL builder; see {@link HttpRouterService}. */
  httpRouter: createServiceRef<HttpRouterService, 'plugin'>({ id: 'core.httpRouter', scope: 'plugin' }),
  /** Durable background jobs; see {@link JobService}. */
  jobs: createServiceRef<JobService, 'plugin'>({ id: 'core.jobs', scope: 'plugin' }),
  /** Typed events; see {@link EventService}. */
  events: createServiceRef<EventService, 'plugin'>({ id: 'core.events', scope: 'plugin' }),
  /** Outbound e-mail through the queue; see {@link MailService}. */
  mail: createServiceRef<MailService, 'plugin'>({ id: 'core.mail', scope: 'plugin' }),
  /** Uploaded and generated files; see {@link FileService}. */
  files: createServiceRef<FileService, 'plugin'>({ id: 'core.files', scope: 'plugin' }),
  /** The shared full-text index; see {@link SearchService}. */
  search: createServiceRef<SearchService, 'plugin'>({ id: 'core.search', scope: 'plugin' }),
  /** Working days and public holidays for legal deadlines; see {@link CalendarService}. */
  calendar: createServiceRef<CalendarService, 'plugin'>({ id: 'core.calendar', scope: 'plugin' }),
  /** Versioned legal parameters; see {@link RulesService}. */
  rules: createServiceRef<RulesService, 'plugin'>({ id: 'core.rules', scope: 'plugin' }),
  /** Organisational units and this plugin's enablement per unit; see {@link TenancyService}. */
  tenancy: createServiceRef<TenancyService, 'plugin'>({ id: 'core.tenancy', scope: 'plugin' }),
  /** The append-only audit log; see {@link AuditService}. */
  audit: createServiceRef<AuditService, 'plugin'>({ id: 'core.audit', scope: 'plugin' }),
  /** The platform's roles, to read and to seed the ones a plugin needs; see {@link AccessService}. */
  access: createServiceRef<AccessService, 'plugin'>({ id: 'core.access', scope: 'plugin' }),
  /** Counters for the plugin's own rate limits (a route's limit is its `rateLimit` option). */
  rateLimits: createServiceRef<RateLimitService, 'plugin'>({ id: 'core.rateLimits', scope: 'plugin' }),
});
