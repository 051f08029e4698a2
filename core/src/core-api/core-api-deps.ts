import type { AuditService, PluginManifest } from '@cong/sdk';
import type { AccessControl } from '../access/access-control.js';
import type { AccountList } from '../access/account-list.js';
import type { DefaultAuditLog } from '../audit/default-audit-log.js';
import type { AuthServices } from '../auth/create-auth-services.js';
import type { HousekeepingResult } from '../housekeeping/housekeeping.js';
import type { DefaultCalendarService } from '../calendar/default-calendar-service.js';
import type { DefaultRulesService } from '../rules/default-rules-service.js';
import type { PluginSettings, SettingsPlugin } from '../settings/plugin-settings.js';
import type { Database } from '../db/create-database.js';
import type { DefaultMailService } from '../mail/default-mail-service.js';
import type { TenantModules } from '../modules/tenant-modules.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';

/** A loaded plugin as the admin API shows it. */
export interface InstalledPlugin {
  readonly id: string;
  readonly version: string;
  readonly state: string;
  readonly error?: { readonly code: string; readonly message: string };
  readonly manifest: PluginManifest;
  /** The plugin's config schema and file config, for its settings. */
  readonly settings: SettingsPlugin;
}

/** What the core's admin API works with; the kernel builds it from the running platform. */
export interface CoreApiDeps {
  /** The platform database, for the transactions that span services (a change and its audit entry). */
  readonly db: Database;
  /** `auth.requireTotpForSuperAdmins`: such accounts hold no permission until they enrol. */
  readonly requireTotpForSuperAdmins: boolean;
  readonly auth: AuthServices;
  readonly access: AccessControl;
  /** The staff account list with its visibility rule. */
  readonly accounts: AccountList;
  readonly tenants: TenantDirectory;
  readonly modules: TenantModules;
  /** The core's own audit service (records as `core.*`). */
  readonly audit: AuditService;
  /** The whole log, for the read routes. */
  readonly auditLog: DefaultAuditLog;
  readonly calendar: DefaultCalendarService;
  readonly rules: DefaultRulesService;
  readonly pluginSettings: PluginSettings;
  readonly mail: DefaultMailService;
  /** Ids of the loaded plugins, for module switches. */
  readonly pluginIds: () => readonly string[];
  /** The loaded plugins with their manifests and boot state, for the modules page and the admin manifest. */
  readonly installedPlugins: () => readonly InstalledPlugin[];
  /** Applies module changes at once in this process. */
  readonly reconcileModules: () => Promise<void>;
  /** The unit a call acts on when it names none: the province. */
  readonly defaultTenantId: () => Promise<string | undefined>;
  readonly publicUrl: string;
  /** Runs the nightly clean-up (the `core.housekeeping` job). */
  readonly housekeeping: () => Promise<HousekeepingResult>;
}
