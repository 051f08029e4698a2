import type { Migration } from 'kysely';
import * as createJobs from './2026_11_28_0001_create_jobs.js';
import * as createSchedules from './2026_11_28_0002_create_schedules.js';
import * as createMailOutbox from './2026_11_28_0003_create_mail_outbox.js';
import * as createFiles from './2026_11_28_0004_create_files.js';
import * as createSearchIndex from './2026_11_28_0005_create_search_index.js';
import * as createCalendar from './2026_11_28_0006_create_calendar.js';
import * as createRules from './2026_11_28_0007_create_rules.js';
import * as createAuditLog from './2026_11_28_0008_create_audit_log.js';
import * as createAuth from './2026_11_28_0009_create_auth.js';
import * as createTenants from './2026_11_28_0010_create_tenants.js';
import * as createTenantModules from './2026_11_28_0011_create_tenant_modules.js';
import * as createAccess from './2026_11_28_0012_create_access.js';
import * as createPluginSettings from './2026_11_28_0013_create_plugin_settings.js';
import * as userAdminColumns from './2026_11_28_0014_user_admin_columns.js';
import * as searchScopeAndPrefixes from './2026_11_29_0015_search_scope_and_prefixes.js';
import * as searchUnitTokens from './2026_11_29_0016_search_unit_tokens.js';
import * as formerUnitPaths from './2026_11_29_0017_former_unit_paths.js';
import * as sealedTotpSecrets from './2026_11_29_0018_sealed_totp_secrets.js';
import * as searchDateOrderedRows from './2026_11_29_0019_search_date_ordered_rows.js';
import * as searchUnitTokensMysql from './2026_11_29_0020_search_unit_tokens_mysql.js';

/** The core's migrations, in the order they run; ledger `core_migrations`. */
export const coreMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_0001_create_jobs': createJobs,
  '2026_11_28_0002_create_schedules': createSchedules,
  '2026_11_28_0003_create_mail_outbox': createMailOutbox,
  '2026_11_28_0004_create_files': createFiles,
  '2026_11_28_0005_create_search_index': createSearchIndex,
  '2026_11_28_0006_create_calendar': createCalendar,
  '2026_11_28_0007_create_rules': createRules,
  '2026_11_28_0008_create_audit_log': createAuditLog,
  '2026_11_28_0009_create_auth': createAuth,
  '2026_11_28_0010_create_tenants': createTenants,
  '2026_11_28_0011_create_tenant_modules': createTenantModules,
  '2026_11_28_0012_create_access': createAccess,
  '2026_11_28_0013_create_plugin_settings': createPluginSettings,
  '2026_11_28_0014_user_admin_columns': userAdminColumns,
  '2026_11_29_0015_search_scope_and_prefixes': searchScopeAndPrefixes,
  '2026_11_29_0016_search_unit_tokens': searchUnitTokens,
  '2026_11_29_0017_former_unit_paths': formerUnitPaths,
  '2026_11_29_0018_sealed_totp_secrets': sealedTotpSecrets,
  '2026_11_29_0019_search_date_ordered_rows': searchDateOrderedRows,
  '2026_11_29_0020_search_unit_tokens_mysql': searchUnitTokensMysql,
};
