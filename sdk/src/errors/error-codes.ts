import { createErrorCode } from './create-error-code.js';

// The codes a plugin meets or throws through the contract. Kernel-only codes live in
// core/src/errors.ts. Both are listed in docs/reference/errors.md; a test checks the two agree.
// Retired codes are never reused (none yet).

// ─── Requests ────────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_VALIDATION = createErrorCode('CONG_ERR_VALIDATION', 'The request is invalid', 400);
export const CONG_ERR_MALFORMED_BODY = createErrorCode('CONG_ERR_MALFORMED_BODY', 'The request body is not valid {format}', 400);
export const CONG_ERR_PAYLOAD_TOO_LARGE = createErrorCode('CONG_ERR_PAYLOAD_TOO_LARGE', 'The request body is larger than {limit}', 413);
export const CONG_ERR_UNSUPPORTED_MEDIA_TYPE = createErrorCode('CONG_ERR_UNSUPPORTED_MEDIA_TYPE', 'Content type {type} is not accepted here', 415);
export const CONG_ERR_NOT_FOUND = createErrorCode('CONG_ERR_NOT_FOUND', 'Not found', 404);
export const CONG_ERR_METHOD_NOT_ALLOWED = createErrorCode('CONG_ERR_METHOD_NOT_ALLOWED', 'Method {method} is not allowed here', 405);
export const CONG_ERR_UNAUTHENTICATED = createErrorCode('CONG_ERR_UNAUTHENTICATED', 'Sign-in is required', 401);
export const CONG_ERR_FORBIDDEN = createErrorCode('CONG_ERR_FORBIDDEN', 'Permission {permission} is required', 403);
export const CONG_ERR_CONFLICT = createErrorCode('CONG_ERR_CONFLICT', 'The request conflicts with the current state', 409);
export const CONG_ERR_RATE_LIMITED = createErrorCode('CONG_ERR_RATE_LIMITED', 'Too many requests', 429);

// ─── Server side ─────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_INTERNAL = createErrorCode('CONG_ERR_INTERNAL', 'Internal error', 500);
export const CONG_ERR_PLUGIN_UNAVAILABLE = createErrorCode('CONG_ERR_PLUGIN_UNAVAILABLE', 'Plugin {plugin} is unavailable ({state})', 503);
export const CONG_ERR_SERVICE_UNAVAILABLE = createErrorCode('CONG_ERR_SERVICE_UNAVAILABLE', 'The service is temporarily unavailable: {reason}', 503);
export const CONG_ERR_SHUTTING_DOWN = createErrorCode('CONG_ERR_SHUTTING_DOWN', 'The server is shutting down', 503);

// ─── Contract misuse by a plugin ─────────────────────────────────────────────────────────────
export const CONG_ERR_SERVICE_NOT_DECLARED = createErrorCode(
  'CONG_ERR_SERVICE_NOT_DECLARED',
  'Plugin {plugin} asked for service {service} of plugin {owner}, which it does not list in requires or optional',
  500,
);
export const CONG_ERR_SERVICE_NOT_PROVIDED = createErrorCode('CONG_ERR_SERVICE_NOT_PROVIDED', 'No plugin provides service {service}', 500);
export const CONG_ERR_EVENT_NOT_OWNED = createErrorCode('CONG_ERR_EVENT_NOT_OWNED', 'Plugin {plugin} cannot emit event {event}: events are emitted by the plugin whose id prefixes their name', 500);
export const CONG_ERR_EVENT_PAYLOAD = createErrorCode('CONG_ERR_EVENT_PAYLOAD', 'Event {event} payload is invalid', 500);
export const CONG_ERR_JOB_UNKNOWN = createErrorCode('CONG_ERR_JOB_UNKNOWN', 'Plugin {plugin} has no job named {job}', 500);
export const CONG_ERR_JOB_PAYLOAD = createErrorCode('CONG_ERR_JOB_PAYLOAD', 'Job {job} payload is invalid', 500);
export const CONG_ERR_JOB_OPTIONS = createErrorCode('CONG_ERR_JOB_OPTIONS', 'Job {job} was enqueued with invalid options: {reason}', 500);
export const CONG_ERR_FILE_TOO_LARGE = createErrorCode('CONG_ERR_FILE_TOO_LARGE', 'The file is larger than {limit} bytes', 413);
export const CONG_ERR_FILE_TYPE = createErrorCode('CONG_ERR_FILE_TYPE', 'Files of type {type} are not accepted', 415);
export const CONG_ERR_FILE_STORAGE_FULL = createErrorCode('CONG_ERR_FILE_STORAGE_FULL', 'There is not enough storage space to save the file', 507);
export const CONG_ERR_MAIL_ADDRESS = createErrorCode('CONG_ERR_MAIL_ADDRESS', 'Invalid e-mail address in {field}', 400);
export const CONG_ERR_MAIL_HEADER = createErrorCode('CONG_ERR_MAIL_HEADER', 'E-mail field {field} contains a line break or another control character', 400);

// ─── Audit ───────────────────────────────────────────────────────────────────────────────────
export const CONG_ERR_AUDIT_ACTION_NOT_OWNED = createErrorCode(
  'CONG_ERR_AUDIT_ACTION_NOT_OWNED',
  'Plugin {plugin} cannot record audit action {action}: audit actions start with the id of the plugin that records them and a dot',
  500,
);

// ─── Rules and calendar ──────────────────────────────────────────────────────────────────────
export const CONG_ERR_RULE_NOT_FOUND = createErrorCode('CONG_ERR_RULE_NOT_FOUND', 'Rule {rule} has no version in force on {date}', 404);
