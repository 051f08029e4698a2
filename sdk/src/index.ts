// @cong/sdk: the plugin contract. The only package a plugin imports (plus another plugin's `api`).

export { definePlugin, isCongPlugin } from './plugin/define-plugin.js';
export type { CongPlugin, PluginDefinition } from './plugin/define-plugin.js';
export type { PluginRegistrar, ServiceFactory, ServiceClass, JobDefinition, ScheduleDefinition } from './plugin/plugin-registrar.js';
export type { PluginContext, TenantInfo } from './plugin/plugin-context.js';
export type { CommandDefinition, CommandArgument, CommandOption, CommandInput, CommandOutput } from './plugin/plugin-command.js';
export type { PluginManifest, AdminNavItem, AdminSlot } from './plugin/plugin-manifest.js';
export type { InlinePlugin } from './plugin/inline-plugin.js';
export { validateManifest, manifestSchema } from './plugin/validate-manifest.js';
export type { ManifestValidation } from './plugin/validate-manifest.js';
export { createExtensionPoint } from './plugin/extension-point.js';
export type { ExtensionPoint } from './plugin/extension-point.js';

export { createServiceRef, serviceRefOwner } from './services/service-ref.js';
export type { ServiceRef, ServiceScope, ServiceRefOptions } from './services/service-ref.js';
export { coreServices } from './services/core-services.js';
export type { LoggerService } from './services/logger-service.js';
export type { PluginConfigService } from './services/config-service.js';
export type { DatabaseService, SqlDialect } from './services/database-service.js';
export type { HttpRouterService } from './services/http-router-service.js';
export type { JobService, EnqueueOptions, JobRecord } from './services/job-service.js';
export type { EventService } from './services/event-service.js';
export type { MailService, MailMessage } from './services/mail-service.js';
export type { FileService, StoredFile, SaveFileOptions } from './services/file-service.js';
export type { SearchService, SearchDocument, SearchQuery, SearchHit, SearchResult } from './services/search-service.js';
export type { CalendarService, CalendarDate, CalendarDay } from './services/calendar-service.js';
export type { RulesService, Rule, RuleDefinition } from './services/rules-service.js';
export type { AuditService, AuditRecord } from './services/audit-service.js';
export type { TenancyService, TenantNode, TenantHosts, TenancyChangeOptions, FormerPath } from './services/tenancy-service.js';
export type { RateLimitDecision, RateLimitRule, RateLimitService } from './services/rate-limit-service.js';
export type { AccessService, PersonContact, RoleInfo, RoleDefinition, RoleHolder } from './services/access-service.js';

export { defineEvent } from './events/define-event.js';
export { coreEvents } from './events/core-events.js';
export type { EventRef } from './events/define-event.js';

export { defineSchema } from './http/json-schema.js';
export { toFieldIssues } from './validation/to-field-issues.js';
export type { JsonSchema, Schema, SchemaType } from './http/json-schema.js';
export { respond } from './http/route.js';
export { publicSiteBase, type PublicSiteBase } from './http/public-site-base.js';
export type {
  HttpMethod,
  LocalizedText,
  Principal,
  RouteBuilder,
  RouteDeclaration,
  RouteHandler,
  RouteOptions,
  RouteRequest,
  RouteResponse,
  RouteSchemas,
  RouteUpload,
  UploadedFile,
  UploadSchema,
} from './http/route.js';

export { CongError } from './errors/cong-error.js';
export type { CongErrorOptions, FieldIssue } from './errors/cong-error.js';
export { createErrorCode, formatTemplate } from './errors/create-error-code.js';
export type { ErrorCode, ErrorParams } from './errors/create-error-code.js';
export * from './errors/error-codes.js';
export { InputError, NotFoundError, ConflictError, NotAllowedError } from './errors/common-errors.js';

export { fold, normalizeText, slugify } from './text/fold.js';
export { UnitLookup, type UnitRef } from './tenancy/unit-lookup.js';
export { escapeHtml, escapeXml, html, jsonForScript, SafeHtml, trustedHtml, type HtmlValue } from './html/html.js';
export { csvCell, csvLine, parseCsv } from './text/csv.js';
export { normalizeHost } from './text/host-name.js';
export { inject, injectable } from './di/decorators.js';
export { PLUGIN_API_VERSION } from './version/plugin-api-version.js';
