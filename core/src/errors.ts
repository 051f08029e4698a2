import { createErrorCode } from '@cong/sdk';

// CONG_ERR_* codes of the kernel. Codes a plugin meets through the contract live in
// sdk/src/errors/error-codes.ts. docs/reference/errors.md lists both; a test keeps them in sync.
// Retired codes are never reused (none yet).

// ─── Configuration ───────────────────────────────────────────────────────────────────────────
export const CONG_ERR_CONFIG_INVALID = createErrorCode('CONG_ERR_CONFIG_INVALID', 'Configuration key {key} is invalid: {reason}', 500);
export const CONG_ERR_CONFIG_FILE = createErrorCode('CONG_ERR_CONFIG_FILE', 'Cannot read configuration file {file}: {reason}', 500);
export const CONG_ERR_SETTING_FILE_ONLY = createErrorCode(
  'CONG_ERR_SETTING_FILE_ONLY',
  'Setting {field} of plugin {plugin} is set in cong.config.json only (pluginConfig.{plugin}.{field}); it takes effect after a restart',
  400,
);

// ─── Plugin admission (the platform refuses to start) ────────────────────────────────────────
export const CONG_ERR_PLUGIN_NOT_FOUND = createErrorCode('CONG_ERR_PLUGIN_NOT_FOUND', 'Plugin {source} cannot be loaded: {reason}', 500);
export const CONG_ERR_PLUGIN_MANIFEST_INVALID = createErrorCode('CONG_ERR_PLUGIN_MANIFEST_INVALID', 'Plugin {plugin} has an invalid manifest: {reason}', 500);
export const CONG_ERR_PLUGIN_ENTRY_INVALID = createErrorCode('CONG_ERR_PLUGIN_ENTRY_INVALID', 'Plugin {plugin} must export definePlugin(...) as its default export', 500);
export const CONG_ERR_PLUGIN_DUPLICATE_ID = createErrorCode('CONG_ERR_PLUGIN_DUPLICATE_ID', 'Plugin id {plugin} is claimed by both {first} and {second}', 500);
export const CONG_ERR_PLUGIN_API_MISMATCH = createErrorCode('CONG_ERR_PLUGIN_API_MISMATCH', 'Plugin {plugin} needs plugin API {range}, but this core implements {version}', 500);
export const CONG_ERR_PLUGIN_DEPENDENCY_MISSING = createErrorCode('CONG_ERR_PLUGIN_DEPENDENCY_MISSING', 'Plugin {plugin} requires plugin {dependency}, which is not installed', 500);
export const CONG_ERR_PLUGIN_DEPENDENCY_VERSION = createErrorCode('CONG_ERR_PLUGIN_DEPENDENCY_VERSION', 'Plugin {plugin} needs {dependency} {range}, but {dependency} is {version}', 500);
export const CONG_ERR_PLUGIN_CYCLE = createErrorCode('CONG_ERR_PLUGIN_CYCLE', 'Plugins depend on each other in a cycle: {cycle}', 500);

// ─── Plugin lifecycle (the plugin fails; failurePolicy decides for the platform) ────────────
export const CONG_ERR_PLUGIN_REGISTER_FAILED = createErrorCode('CONG_ERR_PLUGIN_REGISTER_FAILED', 'Plugin {plugin} failed in register: {reason}', 500);
export const CONG_ERR_PLUGIN_REGISTRATION_INVALID = createErrorCode('CONG_ERR_PLUGIN_REGISTRATION_INVALID', 'Plugin {plugin} made an invalid registration: {reason}', 500);
export const CONG_ERR_ROUTE_CONFLICT = createErrorCode('CONG_ERR_ROUTE_CONFLICT', 'Route {route} of plugin {plugin} is already declared by {owner}', 500);
export const CONG_ERR_PLUGIN_HOOK_FAILED = createErrorCode('CONG_ERR_PLUGIN_HOOK_FAILED', 'Plugin {plugin} failed in {hook}: {reason}', 500);
export const CONG_ERR_PLUGIN_HOOK_TIMEOUT = createErrorCode('CONG_ERR_PLUGIN_HOOK_TIMEOUT', 'Plugin {plugin} did not finish {hook} within {timeoutMs} ms', 500);
export const CONG_ERR_PLUGIN_DEPENDENCY_FAILED = createErrorCode('CONG_ERR_PLUGIN_DEPENDENCY_FAILED', 'Plugin {plugin} cannot run because plugin {dependency} failed', 500);
export const CONG_ERR_PLUGIN_ABORT = createErrorCode('CONG_ERR_PLUGIN_ABORT', 'Plugin {plugin} failed and its failurePolicy is abort: {reason}', 500);
export const CONG_ERR_PLUGIN_CONFIG_INVALID = createErrorCode('CONG_ERR_PLUGIN_CONFIG_INVALID', 'Configuration of plugin {plugin} is invalid: {reason}', 500);

// ─── Database ────────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_DATABASE_UNREACHABLE = createErrorCode('CONG_ERR_DATABASE_UNREACHABLE', 'Database {database} is unreachable: {reason}', 503);
export const CONG_ERR_DATABASE_BUSY = createErrorCode('CONG_ERR_DATABASE_BUSY', 'The database is busy; try again', 503);
export const CONG_ERR_MIGRATION_FAILED = createErrorCode('CONG_ERR_MIGRATION_FAILED', 'Migration {migration} of {owner} failed: {reason}', 500);
export const CONG_ERR_MIGRATION_OWNER_UNKNOWN = createErrorCode('CONG_ERR_MIGRATION_OWNER_UNKNOWN', 'No loaded plugin is called {owner}', 500);

// ─── Server ──────────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_LISTEN_FAILED = createErrorCode('CONG_ERR_LISTEN_FAILED', 'Cannot listen on {address}: {reason}', 500);
export const CONG_ERR_ADMIN_SHELL_MISSING = createErrorCode('CONG_ERR_ADMIN_SHELL_MISSING', 'The admin shell was not built: run pnpm --filter @cong/core build', 503);
export const CONG_ERR_ROUTE_RESPONSE_INVALID = createErrorCode('CONG_ERR_ROUTE_RESPONSE_INVALID', 'Route {route} returned a body that does not match its response schema for status {status}', 500);

// ─── Jobs and schedules ──────────────────────────────────────────────────────────────────────
export const CONG_ERR_JOB_REGISTRATION = createErrorCode('CONG_ERR_JOB_REGISTRATION', 'Job {job} of {owner} cannot be registered: {reason}', 500);
export const CONG_ERR_SCHEDULE_INVALID = createErrorCode('CONG_ERR_SCHEDULE_INVALID', 'Schedule {schedule} of {owner} is invalid: {reason}', 500);

// ─── Authentication ──────────────────────────────────────────────────────────────────────────
export const CONG_ERR_PASSWORD_POLICY = createErrorCode('CONG_ERR_PASSWORD_POLICY', 'The password is not accepted: {rule}', 400);
export const CONG_ERR_LOGIN_THROTTLED = createErrorCode('CONG_ERR_LOGIN_THROTTLED', 'Too many sign-in attempts; try again in {seconds} seconds', 429);
export const CONG_ERR_RESET_THROTTLED = createErrorCode('CONG_ERR_RESET_THROTTLED', 'Too many password reset requests; try again in {seconds} seconds', 429);
export const CONG_ERR_USER_EXISTS = createErrorCode('CONG_ERR_USER_EXISTS', 'Another account already uses this {field}', 409);
export const CONG_ERR_RESET_TOKEN_INVALID = createErrorCode('CONG_ERR_RESET_TOKEN_INVALID', 'The password reset link is invalid, used or expired', 400);
export const CONG_ERR_TOTP_REQUIRED = createErrorCode('CONG_ERR_TOTP_REQUIRED', 'Enter the 6-digit code from your authenticator app', 401);
export const CONG_ERR_TOTP_INVALID = createErrorCode('CONG_ERR_TOTP_INVALID', 'The authentication code is not valid', 400);

// ─── Roles ───────────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_ROLE_IN_USE = createErrorCode('CONG_ERR_ROLE_IN_USE', 'Role {role} is still granted {count} times: revoke those grants first', 409);
export const CONG_ERR_ROLE_BUILTIN = createErrorCode('CONG_ERR_ROLE_BUILTIN', 'Built-in role {role} cannot be deleted', 409);
export const CONG_ERR_ROLES_AT_PROVINCE = createErrorCode('CONG_ERR_ROLES_AT_PROVINCE', 'Roles are shared by every unit: define them while working in the province', 403);
