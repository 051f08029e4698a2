import type { Migration } from 'kysely';
import type { EventRef } from '../events/define-event.js';
import type { RuleDefinition } from '../services/rules-service.js';
import type { RouteBuilder } from '../http/route.js';
import type { JsonSchema } from '../http/json-schema.js';
import type { ServiceRef } from '../services/service-ref.js';
import type { ExtensionPoint } from './extension-point.js';
import type { CommandDefinition } from './plugin-command.js';
import type { PluginContext } from './plugin-context.js';

/** Builds a service instance; for `plugin`-scoped refs, `consumer` is the plugin asking. */
export type ServiceFactory<T> = (ctx: PluginContext, consumer: { readonly pluginId: string }) => T;

/** A class registered as a service: every constructor parameter must carry `@inject(ref)`. */
export type ServiceClass<T> = new (...args: never[]) => T;

/** A background job of this plugin. */
export interface JobDefinition<P = unknown> {
  readonly handler: (payload: P, ctx: PluginContext & { readonly attempt: number; readonly jobId: string }) => Promise<void> | void;
  /** Checked when the job is enqueued. */
  readonly schema?: JsonSchema;
  /** Default is 5. */
  readonly maxAttempts?: number;
  /** First retry delay in ms; doubles each attempt. Default is 1000. */
  readonly backoffMs?: number;
  /** A running job is given up (and retried) after this long. Default is 5 minutes. */
  readonly timeoutMs?: number;
}

/** A recurring job: a cron expression (5 or 6 fields, server time zone unless `timezone`) or an interval. */
export type ScheduleDefinition = {
  /** The job (of this plugin) to enqueue at each tick. */
  readonly job: string;
  readonly payload?: unknown;
} & ({ readonly cron: string; readonly timezone?: string } | { readonly everyMs: number });

/**
 * What `register` receives. Everything here is declarative and synchronous: no I/O, no services yet.
 */
export interface PluginRegistrar {
  readonly pluginId: string;
  /**
   * The plugin's file configuration: `pluginConfig.<id>` of cong.config.json, already validated
   * against the schema the manifest's `config` names, defaults applied, deep-frozen. An empty object
   * when the file has no section for the plugin (defaults still applied when there is a schema).
   *
   * For what decides the plugin's shape and cannot change while it runs: the routes it declares, the
   * languages it serves. It does not include what admins set at run time; read those per request with
   * `ctx.get(coreServices.config).forTenant(tenantId)`. Mark such a property
   * `"x-cong-file-only": true` in the schema so the settings API and form do not offer it.
   *
   * @example
   * ```ts
   * register(reg) {
   *   const { regions } = reg.config<{ regions: string[] }>();
   *   reg.publicRoutes((route) => {
   *     for (const region of regions) route.get(`/${region}`, regionPage(region));
   *   });
   * }
   * ```
   */
  config<T = Readonly<Record<string, unknown>>>(): T;
  /** Provides a service other plugins (or this one) can `get` by ref. The ref id must start with this plugin's id. */
  provide<T>(ref: ServiceRef<T>, implementation: ServiceFactory<T> | ServiceClass<T>): void;
  /** JSON API routes under `/api/<pluginId>`. */
  routes(declare: (route: RouteBuilder) => void): void;
  /** Public routes at the site root (server-rendered pages, feeds). Paths must not start with `/api/` or `/admin`. */
  publicRoutes(declare: (route: RouteBuilder) => void): void;
  /** Background jobs, by name. */
  jobs(definitions: Readonly<Record<string, JobDefinition<any> | JobDefinition<any>['handler']>>): void;
  /** A recurring job; exactly one process runs each tick. */
  schedule(name: string, definition: ScheduleDefinition): void;
  /** Listens to an event of this plugin or of a plugin it declares. */
  on<T>(event: EventRef<T>, listener: (payload: T, ctx: PluginContext) => void | Promise<void>): void;
  /** The plugin's migrations, by name; names sort in the order they run (`2026_01_15_0930_create_greeting`). */
  migrations(migrations: Readonly<Record<string, Migration>>): void;
  /**
   * The plugin's rule pack: legal parameters with effective dates and citations (names start with
   * the plugin id). Applied at start, idempotently; versions an admin set are never overwritten.
   */
  rules(pack: readonly RuleDefinition[]): void;
  /** Provides the implementation of an extension point this plugin owns. */
  provideExtensionPoint<T>(point: ExtensionPoint<T>, implementation: T): void;
  /**
   * Contributes to another plugin's extension point. `contribute` runs at once when the owner is
   * present; it is skipped when the owner is an absent `optional` dependency. It receives the
   * contributing plugin's own context, for the callbacks it registers: they run once the plugin has
   * started (a request, a job), when its services answer; `contribute` itself must not call them.
   */
  extend<T>(point: ExtensionPoint<T>, contribute: (extension: T, ctx: PluginContext) => void): void;
  /**
   * Adds a command to the `cong` command line: `cong <pluginId> <name>`. It runs on a booted platform;
   * see {@link CommandDefinition}. Names are unique in the plugin.
   */
  command(definition: CommandDefinition): void;
}
