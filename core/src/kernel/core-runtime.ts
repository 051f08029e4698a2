import type { DefaultAuditLog } from '../audit/default-audit-log.js';
import type { DefaultCalendarService } from '../calendar/default-calendar-service.js';
import type { Database } from '../db/create-database.js';
import type { EventBus } from '../events/event-bus.js';
import type { DefaultFileStore } from '../files/default-file-store.js';
import type { DbJobQueue } from '../jobs/db-job-queue.js';
import type { DbScheduler } from '../jobs/db-scheduler.js';
import type { DefaultMailService } from '../mail/default-mail-service.js';
import type { TenantModules } from '../modules/tenant-modules.js';
import type { DefaultRulesService } from '../rules/default-rules-service.js';
import type { DefaultSearchIndex } from '../search/default-search-index.js';
import type { PluginSettings } from '../settings/plugin-settings.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';

/** The core subsystems of one platform. */
export interface CoreRuntime {
  readonly database: Database;
  readonly queue: DbJobQueue;
  readonly scheduler: DbScheduler;
  readonly mail: DefaultMailService;
  readonly events: EventBus;
  readonly files: DefaultFileStore;
  readonly search: DefaultSearchIndex;
  readonly tenants: TenantDirectory;
  readonly modules: TenantModules;
  readonly calendar: DefaultCalendarService;
  readonly rules: DefaultRulesService;
  readonly audit: DefaultAuditLog;
  readonly settings: PluginSettings;
}
