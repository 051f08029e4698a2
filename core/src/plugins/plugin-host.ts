import type { Migration } from 'kysely';
import type { DependencyContainer } from 'tsyringe';
import type { Logger } from 'pino';
import {
  CONG_ERR_PLUGIN_UNAVAILABLE,
  CONG_ERR_SERVICE_NOT_DECLARED,
  CONG_ERR_SERVICE_NOT_PROVIDED,
  CongError,
  type CommandDefinition,
  type EventRef,
  type ExtensionPoint,
  type JobDefinition,
  type PluginContext,
  type PluginManifest,
  type PluginRegistrar,
  type RuleDefinition,
  type RouteBuilder,
  type RouteDeclaration,
  type RouteOptions,
  type RouteSchemas,
  type ScheduleDefinition,
  type ServiceRef,
} from '@cong/sdk';
import { createPluginContainer, type PluginContainer } from '../di/containers.js';
import { CONG_ERR_PLUGIN_REGISTER_FAILED, CONG_ERR_PLUGIN_REGISTRATION_INVALID, CONG_ERR_ROUTE_CONFLICT } from '../errors.js';
import { compileRoute, type CompiledRoute, type RouteSettings } from '../http/compile-route.js';
import type { SchemaCompiler } from '../validation/schema-compiler.js';
import { toLoggerService } from '../logging/create-logger.js';
import { runHook } from '../kernel/with-timeout.js';
import type { LoadedPlugin } from './loaded-plugin.js';

/** Where a plugin is in its life. `failed` is final for this process. */
export type PluginState = 'loaded' | 'registered' | 'migrated' | 'starting' | 'started' | 'failed' | 'stopping' | 'stopped';

/** One line of the boot report. */
export interface PluginReport {
  readonly id: string;
  readonly package: string;
  readonly version: string;
  readonly state: PluginState;
  readonly failurePolicy: 'continue' | 'abort';
  readonly dependsOn: readonly string[];
  readonly timings: { readonly registerMs?: number; readonly migrateMs?: number; readonly startMs?: number; readonly stopMs?: number };
  readonly error?: { readonly code: string; readonly message: string };
}

/** The shared machinery every host uses; the kernel builds it once. */
export interface PluginHostEnvironment {
  readonly logger: Logger;
  readonly rootContainer: DependencyContainer;
  readonly schemaCompiler: SchemaCompiler;
  readonly routeSettings: RouteSettings;
  readonly hookTimeoutMs: number;
  readonly hosts: ReadonlyMap<string, PluginHost>;
  /** `GET /path` → owning plugin id, across all plugins. */
  readonly publicRouteOwners: Map<string, string>;
  readonly extensionPoints: Map<string, { readonly owner: string; readonly version: number; readonly implementation: unknown }>;
  /** A plugin's validated file configuration (`pluginConfig.<id>`, defaults applied, frozen). */
  pluginConfig(pluginId: string): Readonly<Record<string, unknown>>;
  /** A core service (`core.*` ref id) bound to `host`. */
  coreService(host: PluginHost, id: string): unknown;
}

/** What `register` declared; applied to the platform only when `register` returned normally. */
export interface Registration {
  readonly services: Map<string, { readonly ref: ServiceRef<unknown>; readonly implementation: unknown }>;
  readonly apiRoutes: CompiledRoute[];
  readonly publicRoutes: CompiledRoute[];
  readonly jobs: Map<string, JobDefinition<any>>;
  readonly schedules: Map<string, ScheduleDefinition>;
  readonly listeners: { readonly event: EventRef<unknown>; readonly listener: (payload: any, ctx: PluginContext) => void | Promise<void> }[];
  migrations: Readonly<Record<string, Migration>> | undefined;
  readonly rules: RuleDefinition[];
  readonly extensionPoints: Map<string, { readonly point: ExtensionPoint<unknown>; readonly implementation: unknown }>;
  /** Each checks its extension point without side effects and returns the contribution to apply. */
  readonly contributions: (() => (() => void) | undefined)[];
  /** `cong <pluginId> <name>` commands, by name. */
  readonly commands: Map<string, CommandDefinition>;
}

const COMMAND_WORD = /^[a-z][a-z0-9-]{0,40}$/;

const RESERVED_PUBLIC = /^\/(api|admin|widgets)(\/|$)|^\/(healthz|readyz|openapi\.json)$/;

/**
 * Everything one plugin gets from the platform, created in one place: its child container, context
 * and logger, its registrar, its routes under `/api/<id>`, its migration ledger and its lifecycle
 * with timeouts. A new per-plugin resource means editing this file.
 */
export class PluginHost {
  state: PluginState = 'loaded';
  error: CongError | undefined;
  registration: Registration | undefined;
  readonly timings: { registerMs?: number; migrateMs?: number; startMs?: number; stopMs?: number } = {};
  readonly context: PluginContext;
  readonly logger: Logger;
  readonly #container: PluginContainer;
  readonly #instances = new Map<string, unknown>();

  constructor(
    readonly loaded: LoadedPlugin,
    readonly dependsOn: readonly string[],
    private readonly env: PluginHostEnvironment,
  ) {
    this.logger = env.logger.child({ plugin: loaded.id });
    this.#container = createPluginContainer(env.rootContainer, loaded.id, (id) => this.#resolve(id, false));
    const loggerService = toLoggerService(this.logger);
    this.context = Object.freeze({
      pluginId: loaded.id,
      version: loaded.version,
      logger: loggerService,
      get: <T>(ref: ServiceRef<T>) => this.#resolve(ref.id, false) as T,
      getOptional: <T>(ref: ServiceRef<T>) => this.#resolve(ref.id, true) as T | undefined,
    });
  }

  get id(): string {
    return this.loaded.id;
  }
  get manifest(): PluginManifest {
    return this.loaded.manifest;
  }
  get failurePolicy(): 'continue' | 'abort' {
    return this.loaded.manifest.failurePolicy ?? 'continue';
  }
  get timeoutMs(): number {
    return this.loaded.manifest.hookTimeoutMs ?? this.env.hookTimeoutMs;
  }

  /** True when `owner` is this plugin or one it lists in `requires` or `optional`. */
  declares(owner: string): boolean {
    const m = this.loaded.manifest;
    return owner === this.id || m.requires?.[owner] !== undefined || m.optional?.[owner] !== undefined;
  }

  /** True when `owner` is a required dependency. */
  requires(owner: string): boolean {
    return this.loaded.manifest.requires?.[owner] !== undefined;
  }

  fail(error: unknown): void {
    this.error = CongError.is(error)
      ? error
      : CONG_ERR_PLUGIN_REGISTER_FAILED.create({ plugin: this.id, reason: String((error as Error)?.message ?? error) }, { cause: error });
    this.state = 'failed';
    this.logger.error({ code: this.error.code, err: this.error.cause ?? this.error }, this.error.message);
  }

  /** Runs `register` synchronously. Nothing it declared takes effect unless it returns normally. */
  register(): void {
    const started = performance.now();
    const registration: Registration = {
      services: new Map(),
      apiRoutes: [],
      publicRoutes: [],
      jobs: new Map(),
      schedules: new Map(),
      listeners: [],
      migrations: undefined,
      rules: [],
      extensionPoints: new Map(),
      contributions: [],
      commands: new Map(),
    };
    let release: (() => void) | undefined;
    try {
      const result = this.loaded.plugin.register(this.#registrar(registration)) as unknown;
      if (result instanceof Promise || (typeof result === 'object' && result !== null && 'then' in result)) {
        throw this.#invalid('register returned a promise: it must be synchronous (do I/O in start)');
      }
      const contributions = registration.contributions.map((check) => check());
      release = this.#claimPublicRoutes(registration);
      for (const apply of contributions) apply?.();
      this.registration = registration;
      this.state = 'registered';
    } catch (error) {
      release?.();
      const known = CONG_ERR_PLUGIN_REGISTRATION_INVALID.is(error) || CONG_ERR_ROUTE_CONFLICT.is(error);
      this.fail(known ? error : CONG_ERR_PLUGIN_REGISTER_FAILED.create({ plugin: this.id, reason: (error as Error)?.message ?? String(error) }, { cause: error }));
    } finally {
      this.timings.registerMs = elapsed(started);
    }
  }

  /** Runs `start` with the hook timeout. */
  async start(): Promise<void> {
    const started = performance.now();
    this.state = 'starting';
    try {
      const start = this.loaded.plugin.start;
      if (start) await runHook(this.id, 'start', this.timeoutMs, () => start(this.context));
      this.state = 'started';
    } catch (error) {
      this.fail(error);
    } finally {
      this.timings.startMs = elapsed(started);
    }
  }

  /** Runs `stop` with the hook timeout; a failure is logged, and shutdown goes on. */
  async stop(): Promise<void> {
    if (this.state !== 'started' && this.state !== 'starting') return;
    const started = performance.now();
    this.state = 'stopping';
    try {
      const stop = this.loaded.plugin.stop;
      if (stop) await runHook(this.id, 'stop', this.timeoutMs, () => stop(this.context));
    } catch (error) {
      this.logger.error({ err: error }, `stop failed: ${(error as Error).message}`);
    } finally {
      this.state = 'stopped';
      this.timings.stopMs = elapsed(started);
    }
  }

  report(): PluginReport {
    return {
      id: this.id,
      package: this.loaded.packageName,
      version: this.loaded.version,
      state: this.state,
      failurePolicy: this.failurePolicy,
      dependsOn: this.dependsOn,
      timings: { ...this.timings },
      ...(this.error ? { error: { code: this.error.code, message: this.error.message } } : {}),
    };
  }

  /** An instance of a service this plugin provides, for `consumer` (one per consumer for `plugin` scope). */
  provideTo(id: string, consumer: string): unknown {
    const provided = this.registration?.services.get(id);
    if (!provided) throw CONG_ERR_SERVICE_NOT_PROVIDED.create({ service: id });
    const key = provided.ref.scope === 'plugin' ? `${id}@${consumer}` : id;
    if (this.#instances.has(key)) return this.#instances.get(key);
    const impl = provided.implementation as ((ctx: PluginContext, c: { pluginId: string }) => unknown) | (new (...a: never[]) => unknown);
    const instance = isClass(impl)
      ? this.#container.construct(impl as new (...a: never[]) => unknown)
      : (impl as (ctx: PluginContext, c: { pluginId: string }) => unknown)(this.context, { pluginId: consumer });
    this.#instances.set(key, instance);
    return instance;
  }

  #resolve(id: string, optional: boolean): unknown {
    const owner = id.slice(0, id.indexOf('.'));
    if (owner === 'core') return this.env.coreService(this, id);
    if (owner === this.id) return this.provideTo(id, this.id);
    if (!this.declares(owner)) throw CONG_ERR_SERVICE_NOT_DECLARED.create({ plugin: this.id, service: id, owner });
    const provider = this.env.hosts.get(owner);
    if (!provider || provider.state === 'failed' || provider.state === 'stopped') {
      if (optional) return undefined;
      if (!provider) throw CONG_ERR_SERVICE_NOT_PROVIDED.create({ service: id });
      throw CONG_ERR_PLUGIN_UNAVAILABLE.create({ plugin: owner, state: provider.state });
    }
    if (optional && !provider.registration?.services.has(id)) return undefined;
    return provider.provideTo(id, this.id);
  }

  #invalid(reason: string): CongError {
    return CONG_ERR_PLUGIN_REGISTRATION_INVALID.create({ plugin: this.id, reason });
  }

  #registrar(registration: Registration): PluginRegistrar {
    const id = this.id;
    const owner = {
      id,
      permissions: new Set((this.manifest.permissions ?? []).map((p) => p.id)),
      state: () => this.state,
      context: this.context,
      lazyValidation: id === 'core',
    };
    const routeBuilder = (target: CompiledRoute[], basePath: string, isPublic: boolean): RouteBuilder => {
      const seen = new Set<string>();
      const add = (method: RouteDeclaration['method']) => (path: string, options: RouteOptions<RouteSchemas>) => {
        if (typeof path !== 'string' || !path.startsWith('/')) throw this.#invalid(`route path "${String(path)}" must start with "/"`);
        if (isPublic && RESERVED_PUBLIC.test(path)) throw this.#invalid(`public route ${path} uses a reserved prefix`);
        const key = `${method} ${path}`;
        if (seen.has(key)) throw this.#invalid(`route ${method.toUpperCase()} ${basePath}${path} is declared twice`);
        seen.add(key);
        target.push(compileRoute({ method, path, options }, basePath, owner, this.env.schemaCompiler, this.env.routeSettings));
      };
      return { get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') };
    };

    return {
      pluginId: id,
      config: <T>() => this.env.pluginConfig(id) as T,
      provide: (ref, implementation) => {
        if (ref?.$$type !== '@cong/ServiceRef') throw this.#invalid('provide needs a ref made by createServiceRef');
        if (!ref.id.startsWith(`${id}.`)) throw this.#invalid(`service ref ${ref.id} must start with "${id}."`);
        if (registration.services.has(ref.id)) throw this.#invalid(`service ${ref.id} is provided twice`);
        if (typeof implementation !== 'function') throw this.#invalid(`service ${ref.id} needs a factory function or a class`);
        registration.services.set(ref.id, { ref, implementation });
      },
      routes: (declare) => declare(routeBuilder(registration.apiRoutes, `/api/${id}`, false)),
      publicRoutes: (declare) => declare(routeBuilder(registration.publicRoutes, '', true)),
      jobs: (definitions) => {
        for (const [name, definition] of Object.entries(definitions)) {
          if (!/^[a-z][a-z0-9-]{0,60}$/.test(name)) throw this.#invalid(`job name "${name}" must be kebab-case`);
          if (registration.jobs.has(name)) throw this.#invalid(`job ${name} is declared twice`);
          const normalized = typeof definition === 'function' ? { handler: definition } : definition;
          if (typeof normalized?.handler !== 'function') throw this.#invalid(`job ${name} needs a handler`);
          registration.jobs.set(name, normalized);
        }
      },
      schedule: (name, definition) => {
        if (!/^[a-z][a-z0-9-]{0,60}$/.test(name)) throw this.#invalid(`schedule name "${name}" must be kebab-case`);
        if (registration.schedules.has(name)) throw this.#invalid(`schedule ${name} is declared twice`);
        registration.schedules.set(name, definition);
      },
      on: (event, listener) => {
        const eventOwner = event?.name?.slice(0, event.name.indexOf('.'));
        if (event?.$$type !== '@cong/EventRef') throw this.#invalid('on needs an event made by defineEvent');
        if (eventOwner !== 'core' && !this.declares(eventOwner)) {
          throw this.#invalid(`cannot listen to ${event.name}: plugin ${eventOwner} is not in requires or optional`);
        }
        registration.listeners.push({ event: event as EventRef<unknown>, listener });
      },
      migrations: (migrations) => {
        if (registration.migrations) throw this.#invalid('migrations are declared twice');
        for (const [name, migration] of Object.entries(migrations)) {
          if (typeof migration?.up !== 'function' || typeof migration?.down !== 'function') {
            throw this.#invalid(`migration ${name} needs both up and down`);
          }
        }
        registration.migrations = migrations;
      },
      rules: (pack) => {
        for (const rule of pack) {
          if (typeof rule?.name !== 'string' || !rule.name.startsWith(`${id}.`)) throw this.#invalid(`rule ${String(rule?.name)} must start with "${id}."`);
          registration.rules.push(rule);
        }
      },
      provideExtensionPoint: (point, implementation) => {
        if (!point.id.startsWith(`${id}.`)) throw this.#invalid(`extension point ${point.id} must start with "${id}."`);
        registration.extensionPoints.set(point.id, { point: point as ExtensionPoint<unknown>, implementation });
      },
      extend: (point, contribute) => {
        const pointOwner = point.id.slice(0, point.id.indexOf('.'));
        if (!this.declares(pointOwner)) throw this.#invalid(`cannot extend ${point.id}: plugin ${pointOwner} is not in requires or optional`);
        registration.contributions.push(() => {
          const provided = pointOwner === id ? registration.extensionPoints.get(point.id) : undefined;
          const shared = provided
            ? { owner: id, version: provided.point.version, implementation: provided.implementation }
            : this.env.extensionPoints.get(point.id);
          if (!shared) {
            const ownerHost = this.env.hosts.get(pointOwner);
            if (!ownerHost || ownerHost.state === 'failed') return undefined; // absent optional owner, or a failed one
            throw this.#invalid(`plugin ${pointOwner} does not provide extension point ${point.id}`);
          }
          if (shared.version !== point.version) {
            throw this.#invalid(`extension point ${point.id} is version ${shared.version}, this plugin was built for ${point.version}`);
          }
          return () => contribute(shared.implementation as never, this.context);
        });
      },
      command: (definition) => {
        if (typeof definition?.name !== 'string' || !COMMAND_WORD.test(definition.name)) throw this.#invalid(`command name "${String(definition?.name)}" must be kebab-case`);
        if (registration.commands.has(definition.name)) throw this.#invalid(`command ${definition.name} is declared twice`);
        if (typeof definition.run !== 'function') throw this.#invalid(`command ${definition.name} needs a run function`);
        const words = [...(definition.arguments ?? []), ...(definition.options ?? [])].map((w) => w.name);
        const bad = words.find((w) => typeof w !== 'string' || !COMMAND_WORD.test(w));
        if (bad !== undefined) throw this.#invalid(`command ${definition.name}: argument or option "${String(bad)}" must be kebab-case`);
        if (new Set(words).size !== words.length) throw this.#invalid(`command ${definition.name} names an argument or option twice`);
        registration.commands.set(definition.name, definition);
      },
    };
  }

  /**
   * Public paths are shared by all plugins: the first to claim a method and path keeps it.
   * Returns the function that gives the claims back, should the registration fail later.
   */
  #claimPublicRoutes(registration: Registration): () => void {
    const claimed: string[] = [];
    const release = () => {
      for (const key of claimed) this.env.publicRouteOwners.delete(key);
      for (const pointId of registration.extensionPoints.keys()) this.env.extensionPoints.delete(pointId);
    };
    try {
      for (const route of registration.publicRoutes) {
        const key = `${route.method.toUpperCase()} ${route.path.replace(/:[A-Za-z0-9_]+/g, ':')}`;
        const holder = this.env.publicRouteOwners.get(key);
        if (holder !== undefined) throw CONG_ERR_ROUTE_CONFLICT.create({ route: `${route.method.toUpperCase()} ${route.path}`, plugin: this.id, owner: holder });
        this.env.publicRouteOwners.set(key, this.id);
        claimed.push(key);
      }
      for (const [pointId, provided] of registration.extensionPoints) {
        this.env.extensionPoints.set(pointId, { owner: this.id, version: provided.point.version, implementation: provided.implementation });
      }
      return release;
    } catch (error) {
      release();
      throw error;
    }
  }
}

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
