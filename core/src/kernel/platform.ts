import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import {
  CONG_ERR_SERVICE_UNAVAILABLE,
  coreEvents,
  NotFoundError,
  PLUGIN_API_VERSION,
  toFieldIssues,
  type CommandDefinition,
  type CommandInput,
  type EventRef,
  type Principal,
} from '@cong/sdk';
import type { CongConfig } from '../config/cong-config.js';
import { deepFreeze, loadConfig } from '../config/load-config.js';
import { redactConfig } from '../config/redact-config.js';
import { createDatabase, type Database } from '../db/create-database.js';
import { coreMigrations } from '../db/core-migrations/index.js';
import { parseDatabaseUrl } from '../db/database-url.js';
import { OwnerMigrator, type MigrationStatus } from '../db/owner-migrator.js';
import { createRootContainer } from '../di/containers.js';
import {
  CONG_ERR_LISTEN_FAILED,
  CONG_ERR_MIGRATION_OWNER_UNKNOWN,
  CONG_ERR_PLUGIN_ABORT,
  CONG_ERR_PLUGIN_CONFIG_INVALID,
  CONG_ERR_PLUGIN_DEPENDENCY_FAILED,
} from '../errors.js';
import { EventBus } from '../events/event-bus.js';
import { DefaultFileStore } from '../files/default-file-store.js';
import type { CompiledRoute } from '../http/compile-route.js';
import { createHttpApp, type PrincipalResolver } from '../http/create-http-app.js';
import type { PluginAssets } from '../http/plugin-assets.js';
import { buildOpenApiDocument } from '../http/openapi-document.js';
import { RateLimits } from '../http/rate-limits.js';
import { createBucketFactory, type BucketFactory } from '../auth/db-rate-limiter.js';
import { schemaCompiler } from '../validation/schema-compiler.js';
import { DbJobQueue } from '../jobs/db-job-queue.js';
import { DbScheduler } from '../jobs/db-scheduler.js';
import { createRootLogger, toLoggerService } from '../logging/create-logger.js';
import { DefaultMailService, type OutboxMessage, type OutboxPage, type OutboxStatus } from '../mail/default-mail-service.js';
import { admitPlugins } from '../plugins/admit-plugins.js';
import { discoverPluginSources, loadPlugins } from '../plugins/load-plugins.js';
import type { LoadedPlugin, PluginSource } from '../plugins/loaded-plugin.js';
import { PluginHost, type PluginHostEnvironment } from '../plugins/plugin-host.js';
import { DefaultSearchIndex } from '../search/default-search-index.js';
import { AccessControl } from '../access/access-control.js';
import { AccountList } from '../access/account-list.js';
import { CORE_PERMISSIONS } from '../access/core-permissions.js';
import { DefaultAuditLog } from '../audit/default-audit-log.js';
import { createAuthServices, type AuthServices } from '../auth/create-auth-services.js';
import { SecretBox, secretBoxKey } from '../auth/secret-box.js';
import { DefaultCalendarService } from '../calendar/default-calendar-service.js';
import type { CoreApiDeps } from '../core-api/core-api-deps.js';
import { createCoreApiPlugin } from '../core-api/core-api-plugin.js';
import { runHousekeeping } from '../housekeeping/housekeeping.js';
import type { AuthenticationOptions } from '../http/authenticate-request.js';
import { TenantModules } from '../modules/tenant-modules.js';
import { DefaultRulesService } from '../rules/default-rules-service.js';
import { PluginSettings, type SettingsPlugin } from '../settings/plugin-settings.js';
import { seedDemoProvince } from '../tenancy/demo-province.js';
import { TenantDirectory } from '../tenancy/tenant-directory.js';
import { TenantResolver } from '../tenancy/tenant-resolver.js';
import type { BootReport, PlatformState } from './boot-report.js';
import { createCoreServiceFactory } from './core-service-factory.js';
import type { CoreRuntime } from './core-runtime.js';
import { CORE_VERSION } from './core-version.js';
import { createDemoAdmin } from './demo-admin.js';
import { runHook } from './with-timeout.js';
import { ModuleReconciler } from './module-reconciler.js';

/** Options of {@link createPlatform}. */
export interface PlatformOptions {
  /** Default is the working directory. */
  readonly cwd?: string;
  /** Default is `<cwd>/cong.config.json` when it exists; `false` for none. */
  readonly configFile?: string | false;
  /** Default is `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Settings that win over the file and the environment. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Settings that the file and the environment override. */
  readonly configDefaults?: Readonly<Record<string, unknown>>;
  /** Plugins to load instead of the configured or discovered ones. */
  readonly plugins?: readonly PluginSource[];
  /** A pino logger to use instead of one on standard output. */
  readonly logger?: Logger;
  /** How requests get their principal; issue-3 auth provides the real one. */
  readonly principalResolver?: PrincipalResolver;
  /** Test platforms only: read a JSON principal `{ id, permissions }` from this header. */
  readonly testPrincipalHeader?: string;
  /** Stop gracefully on SIGTERM and SIGINT. Default is false (the CLI turns it on). */
  readonly handleSignals?: boolean;
  /** The built admin shell served at `/admin`. Default is the core package's `dist/admin/`. */
  readonly adminShellDir?: string;
}

/**
 * The platform: reads config, opens the database, loads and admits plugins, then runs the lifecycle
 * register → migrate (core first, then plugins in dependency order) → start (dependencies first,
 * independent plugins in parallel) → ready, and stops in reverse order after draining requests.
 * The one module that knows every subsystem.
 */
export class Platform {
  readonly config: CongConfig;
  readonly logger: Logger;
  state: PlatformState = 'created';
  #database: Database | undefined;
  #hosts: PluginHost[] = [];
  #queue: DbJobQueue | undefined;
  #scheduler: DbScheduler | undefined;
  #mail: DefaultMailService | undefined;
  #server: Server | undefined;
  #url: string | undefined;
  #routes: CompiledRoute[] = [];
  #tenantResolver: TenantResolver | undefined;
  #reconciler: ModuleReconciler | undefined;
  #authentication: AuthenticationOptions | undefined;
  #demoCredentials: { username: string; password: string } | undefined;
  /** The subsystems of a started platform; one-shot commands open their own. */
  #core: CoreRuntime | undefined;
  #openApi: unknown;
  #timings: { bootMs?: number; coreMigrateMs?: number } = {};
  #stopping: Promise<void> | undefined;
  readonly #inFlight = { count: 0 };
  readonly #signalHandlers: (() => void)[] = [];

  constructor(private readonly options: PlatformOptions = {}) {
    this.config = loadConfig({
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.configFile !== undefined ? { file: options.configFile } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.config ? { overrides: options.config } : {}),
      ...(options.configDefaults ? { defaults: options.configDefaults } : {}),
    });
    this.logger = options.logger ?? createRootLogger({ level: this.config.log.level });
  }

  /** The URL the server listens on, once `listen` resolved. */
  get url(): string | undefined {
    return this.#url;
  }

  get publicUrl(): string {
    return this.config.http.publicUrl ?? this.#url ?? `http://localhost:${this.config.http.port}`;
  }

  /** Boots everything but the HTTP listener. Throws when an `abort` plugin failed or admission refused the plugins. */
  async start(): Promise<BootReport> {
    const bootStarted = performance.now();
    this.state = 'starting';
    try {
      this.logger.debug({ config: redactConfig(this.config) }, 'configuration');
      const core = await this.#open();
      this.#core = core;
      const migrateStarted = performance.now();
      await this.#coreMigrator().latest();
      this.#timings.coreMigrateMs = Math.round(performance.now() - migrateStarted);
      let demoCreated = 0;
      if (this.config.demo) {
        demoCreated = (await seedDemoProvince(core.tenants)).created;
        if (demoCreated > 0) this.logger.info(`demo province seeded: ${demoCreated} units`);
      }
      const security = await this.#security(core);
      if (this.config.demo) this.#demoCredentials = await createDemoAdmin(security.auth, security.access, core.tenants);
      await this.#prepare(core, [createCoreApiPlugin(security.apiDeps)]);

      for (const host of this.#hosts) {
        if (host.state !== 'registered' || this.#failIfDependencyFailed(host)) continue;
        const started = performance.now();
        try {
          await this.#migratorOf(host)?.latest();
          const pack = host.registration?.rules ?? [];
          if (pack.length > 0) await core.rules.applyPack(host.id, pack);
          host.state = 'migrated';
        } catch (error) {
          host.fail(error);
        } finally {
          host.timings.migrateMs = Math.round((performance.now() - started) * 10) / 10;
        }
      }
      // each plugin starts as soon as its dependencies have started
      const startedHosts = new Map<string, Promise<void>>();
      for (const host of this.#hosts) {
        startedHosts.set(
          host.id,
          (async () => {
            await Promise.all(host.dependsOn.map((dep) => startedHosts.get(dep)));
            if (host.state !== 'migrated' || this.#failIfDependencyFailed(host)) return;
            await host.start();
          })(),
        );
      }
      await Promise.all(startedHosts.values());

      const aborting = this.#hosts.find((h) => h.state === 'failed' && h.failurePolicy === 'abort');
      if (aborting) {
        throw CONG_ERR_PLUGIN_ABORT.create({ plugin: aborting.id, reason: aborting.error?.message ?? 'failed' }, { cause: aborting.error });
      }

      this.#routes = this.#hosts.flatMap((h) => [...(h.registration?.apiRoutes ?? []), ...(h.registration?.publicRoutes ?? [])]);
      const reconciler = new ModuleReconciler(core.modules, core.tenants, () => this.#hosts, this.logger.child({ plugin: 'core' }));
      this.#reconciler = reconciler;
      await reconciler.reconcile();
      if (demoCreated > 0 && this.config.demoContent) await this.#seedDemoContent();
      reconciler.start(MODULE_RECONCILE_MS);
      core.events.subscribe('core', coreEvents.tenantCreated as EventRef<unknown>, () => reconciler.reconcile());
      if (this.config.jobs.autoStart) {
        core.queue.start();
        core.scheduler.start();
      }
      if (this.options.handleSignals) this.#installSignalHandlers();
      this.state = 'running';
      this.#timings.bootMs = Math.round(performance.now() - bootStarted);
      const report = this.report();
      this.logger.info({ report }, `Cổng ${CORE_VERSION} started ${report.plugins.length} plugins in ${report.timings.bootMs} ms`);
      return report;
    } catch (error) {
      this.state = 'failed';
      await this.#release();
      throw error;
    }
  }

  /** The demo's first start: each started plugin adds its sample content; a failure is logged, the demo still starts. */
  async #seedDemoContent(): Promise<void> {
    for (const host of this.#hosts) {
      const seed = host.loaded.plugin.seedDemo;
      if (host.state !== 'started' || !seed) continue;
      try {
        await runHook(host.id, 'seedDemo', host.timeoutMs, () => seed(host.context));
      } catch (error) {
        host.logger.error({ err: error }, `demo content not seeded: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Migration state of the core and every loaded plugin, without starting anything. With `apply`,
   * runs the pending migrations (of one owner when `only` is set; the core's always run first).
   */
  async migrate(options: { readonly only?: string; readonly apply: boolean }): Promise<{ owner: string; pending: string[]; applied: string[] }[]> {
    try {
      await this.#prepare(await this.#open());
      const owners = this.#migrators(options.only);
      const out: { owner: string; pending: string[]; applied: string[] }[] = [];
      for (const migrator of owners) {
        const pending = await migrator.pending();
        const applied = options.apply ? await migrator.latest() : [];
        out.push({ owner: migrator.owner, pending, applied });
      }
      return out;
    } finally {
      await this.#release();
    }
  }

  /** Rolls one owner back one migration, or to just after `to` (`null`: everything). Returns the names undone. */
  async rollback(owner: string, to?: string | null): Promise<string[]> {
    try {
      await this.#prepare(await this.#open());
      const migrator = this.#migrators(owner)[owner === 'core' ? 0 : 1];
      if (!migrator) throw CONG_ERR_MIGRATION_OWNER_UNKNOWN.create({ owner });
      return await migrator.rollback(to);
    } finally {
      await this.#release();
    }
  }

  /** Every migration of the core and the loaded plugins, with when it ran. */
  async migrationStatus(): Promise<MigrationStatus[]> {
    try {
      await this.#prepare(await this.#open());
      const rows: MigrationStatus[] = [];
      for (const migrator of this.#migrators()) rows.push(...(await migrator.status()));
      return rows;
    } finally {
      await this.#release();
    }
  }

  /** A page of the mail outbox, newest first, or one whole message: what `cong outbox` shows. */
  async outbox(
    query: { readonly status?: OutboxStatus; readonly limit: number; readonly offset?: number } | { readonly id: string },
  ): Promise<OutboxPage | OutboxMessage | undefined> {
    try {
      const { mail } = await this.#open();
      return 'id' in query ? await mail.readOutbox(query.id) : await mail.listOutbox(query);
    } finally {
      await this.#release();
    }
  }

  /**
   * Runs `work` on the tenant directory, after the core's migrations (the CLI's tenant commands).
   * Events go to no plugin here: plugins hear of changes made through a running platform.
   */
  async withTenants<T>(work: (directory: TenantDirectory) => Promise<T>): Promise<T> {
    try {
      const { tenants } = await this.#open();
      await this.#coreMigrator().latest();
      return await work(tenants);
    } finally {
      await this.#release();
    }
  }

  /**
   * Turns a plugin on or off for a tenant (and, with `subtree`, every unit below it). A running
   * platform picks the change up within seconds and runs the plugin's tenant hooks.
   */
  async setModule(pluginId: string, tenantSlug: string, enabled: boolean, options: { readonly subtree?: boolean; readonly actor?: string } = {}): Promise<string[]> {
    const change = async (core: CoreRuntime, pluginIds: readonly string[]) => {
      if (!pluginIds.includes(pluginId)) throw CONG_ERR_MIGRATION_OWNER_UNKNOWN.create({ owner: pluginId });
      const found = await core.tenants.getBySlug(tenantSlug);
      if (!found) throw new NotFoundError(`No unit has the slug ${tenantSlug}`);
      const ids = options.subtree ? await core.tenants.subtreeIds(found.tenant.id) : [found.tenant.id];
      const changed = await core.modules.setEnabled(pluginId, ids, enabled, options.actor ?? null);
      return Promise.all(changed.map(async (id) => (await core.tenants.get(id))!.slug));
    };
    if (this.#core) {
      const slugs = await change(this.#core, this.#hosts.map((h) => h.id));
      await this.#reconciler?.reconcile();
      return slugs;
    }
    try {
      const core = await this.#open();
      await this.#coreMigrator().latest();
      const plugins = await loadPlugins(this.#pluginSources(), this.config.baseDir);
      return await change(core, plugins.map((p) => p.id));
    } finally {
      await this.#release();
    }
  }

  /** Applies tenant-module changes made elsewhere now, instead of within seconds (tests). */
  async reconcileModules(): Promise<void> {
    await this.#reconciler?.reconcile();
  }

  /**
   * Runs `work` with the account and access services, after the core's migrations (the CLI's user
   * commands: the first administrator of a production platform is made this way).
   */
  async withAccounts<T>(work: (services: { auth: AuthServices; access: AccessControl; tenants: TenantDirectory }) => Promise<T>): Promise<T> {
    try {
      const core = await this.#open();
      await this.#coreMigrator().latest();
      const { auth, access } = await this.#security(core);
      return await work({ auth, access, tenants: core.tenants });
    } finally {
      await this.#release();
    }
  }

  /**
   * The commands plugins add to `cong` (`reg.command`), read by registering the configured plugins
   * without opening the database: what the command line offers before anything boots.
   */
  async pluginCommands(): Promise<{ readonly pluginId: string; readonly commands: readonly CommandDefinition[] }[]> {
    await this.#prepare(undefined);
    return this.#hosts
      .filter((h) => h.state === 'registered' && (h.registration?.commands.size ?? 0) > 0)
      .map((h) => ({ pluginId: h.id, commands: [...h.registration!.commands.values()] }));
  }

  /**
   * Runs a plugin's command (`cong <pluginId> <name>`) on this started platform, with the plugin's
   * context. Resolves with the exit code the command returns (0 when it returns nothing).
   */
  async runCommand(pluginId: string, name: string, input: CommandInput): Promise<number> {
    const host = this.#hosts.find((h) => h.id === pluginId);
    const command = host?.registration?.commands.get(name);
    if (!host || !command) throw new NotFoundError(`Plugin ${pluginId} has no command ${name}`);
    if (this.state !== 'running' || host.state !== 'started') {
      throw CONG_ERR_SERVICE_UNAVAILABLE.create({ reason: `plugin ${pluginId} is ${host.state}${host.error ? `: ${host.error.message}` : ''}` });
    }
    return (await command.run(input, host.context)) ?? 0;
  }

  /** Loads and admits the configured plugins without a database: what `cong plugins list` shows. */
  async inspectPlugins(): Promise<LoadedPlugin[]> {
    const loaded = await loadPlugins(this.#pluginSources(), this.config.baseDir);
    return [...admitPlugins(loaded, PLUGIN_API_VERSION).order];
  }

  /** Starts the HTTP server; resolves with its URL. */
  async listen(): Promise<string> {
    const { host, port } = this.config.http;
    const app = createHttpApp({
      logger: this.logger,
      config: this.config,
      routes: this.#routes,
      plugins: this.#hosts.map((h) => ({ id: h.id, state: () => h.state })),
      readiness: () => this.#readiness(),
      openApiDocument: () => (this.#openApi ??= this.openApiDocument()),
      ...(this.#principalResolver() ? { principalResolver: this.#principalResolver()! } : {}),
      isShuttingDown: () => this.state === 'stopping' || this.state === 'stopped',
      ...(this.#tenantResolver ? { tenantResolver: this.#tenantResolver } : {}),
      ...(this.#authentication ? { authentication: this.#authentication } : {}),
      assets: () => this.#assets(),
      ...(this.options.adminShellDir ? { adminShell: { dir: this.options.adminShellDir } } : {}),
      inFlight: this.#inFlight,
    });
    const server = createServer(app.callback());
    server.requestTimeout = this.config.http.requestTimeoutMs;
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(CONG_ERR_LISTEN_FAILED.create({ address: `${host}:${port}`, reason: error.code ?? error.message }, { cause: error })),
      );
      server.listen(port, host, () => resolve());
    });
    this.#server = server;
    // Compile what was left for first use, one route per turn, once the first requests are served.
    const routes = [...this.#routes];
    const warmNext = () => {
      const route = routes.shift();
      if (!route || this.state !== 'running') return;
      try {
        route.warm();
      } catch (error) {
        this.logger.error({ err: error, route: route.path }, 'route schema does not compile');
      }
      setImmediate(warmNext);
    };
    setTimeout(warmNext, ROUTE_WARM_UP_DELAY_MS).unref();
    const address = server.address() as AddressInfo;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address === '0.0.0.0' ? 'localhost' : address.address;
    this.#url = `http://${shownHost}:${address.port}`;
    return this.#url;
  }

  #settingsPlugin(plugin: LoadedPlugin): SettingsPlugin {
    return { id: plugin.id, schema: plugin.configSchema, fileConfig: this.config.pluginConfig[plugin.id] ?? {} };
  }

  #assets(): PluginAssets[] {
    return this.#hosts
      .filter((h) => h.loaded.root && (h.manifest.admin || h.manifest.widgets))
      .map((h) => ({
        id: h.id,
        ...(h.manifest.admin ? { adminFile: resolve(h.loaded.root!, h.manifest.admin.module) } : {}),
        ...(h.manifest.widgets ? { widgetsFile: resolve(h.loaded.root!, h.manifest.widgets.module) } : {}),
        started: () => h.state === 'started',
        enabledFor: (tenantId: string) => this.#core?.modules.isEnabled(tenantId, h.id) ?? Promise.resolve(true),
      }));
  }

  /** The OpenAPI 3.1 document of every plugin's routes. */
  openApiDocument(): Record<string, unknown> {
    return buildOpenApiDocument(this.#routes, {
      version: CORE_VERSION,
      publicUrl: this.publicUrl,
      plugins: this.#hosts.map((h) => ({ id: h.id, version: h.loaded.version })),
    });
  }

  report(): BootReport {
    return {
      state: this.state,
      coreVersion: CORE_VERSION,
      pluginApiVersion: PLUGIN_API_VERSION,
      database: { dialect: this.#database?.dialect ?? 'none', description: this.#database?.description ?? 'not open' },
      timings: { ...this.#timings },
      plugins: this.#hosts.map((h) => h.report()),
    };
  }

  /** Runs every due job now (tests and the CLI). */
  async drainJobs(): Promise<number> {
    return this.#queue ? this.#queue.drain() : 0;
  }

  /**
   * Stops: refuse new requests, wait for in-flight ones (up to `http.shutdownGraceMs`), stop jobs,
   * stop plugins in reverse dependency order, close the database. Safe to call twice.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    const server = this.#server;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + this.config.http.shutdownGraceMs;
      while (this.#inFlight.count > 0 && Date.now() < deadline) await delay(20);
      server.closeAllConnections();
      await closed;
    }
    await this.#reconciler?.stop();
    await this.#scheduler?.stop();
    await this.#queue?.stop(this.config.http.shutdownGraceMs);
    for (const host of [...this.#hosts].reverse()) await host.stop();
    await this.#release();
    this.state = 'stopped';
    for (const remove of this.#signalHandlers.splice(0)) remove();
    this.logger.info('Cổng stopped');
    this.logger.flush?.();
  }

  async #release(): Promise<void> {
    await this.#mail?.close().catch(() => undefined);
    await this.#database?.destroy().catch(() => undefined);
    this.#database = undefined;
    this.#core = undefined;
  }

  /** Opens the database and builds the core subsystems (no migrations yet). */
  async #open(): Promise<CoreRuntime> {
    if (this.#database) throw new Error('This platform is already open: one-shot commands run on a platform that was not started');
    const database = await createDatabase(parseDatabaseUrl(this.config.database, this.config.baseDir));
    this.#database = database;
    const coreLogger = toLoggerService(this.logger.child({ plugin: 'core' }));
    const modules = new TenantModules({ db: database });
    const isTenantEnabled = (tenantId: string, pluginId: string) => (pluginId === 'core' ? Promise.resolve(true) : modules.isEnabled(tenantId, pluginId));
    const queue = new DbJobQueue({
      db: database,
      logger: coreLogger,
      pollIntervalMs: this.config.jobs.pollIntervalMs,
      concurrency: this.config.jobs.concurrency,
      isTenantEnabled,
    });
    const scheduler = new DbScheduler({ db: database, queue, logger: coreLogger });
    const mail = new DefaultMailService({
      db: database,
      queue,
      logger: coreLogger,
      from: this.config.mail.from,
      ...(this.config.mail.smtp ? { smtp: this.config.mail.smtp } : {}),
    });
    mail.registerDeliveryJob();
    this.#queue = queue;
    this.#scheduler = scheduler;
    this.#mail = mail;
    const events = new EventBus(coreLogger, schemaCompiler, isTenantEnabled);
    const tenants = new TenantDirectory({ db: database, emit: (event, payload) => events.emit('core', event as EventRef<unknown>, payload) });
    this.#tenantResolver = new TenantResolver(tenants);
    return {
      database,
      tenants,
      modules,
      calendar: new DefaultCalendarService({ db: database }),
      audit: new DefaultAuditLog({ db: database }),
      settings: new PluginSettings({ db: database }),
      rules: new DefaultRulesService({ db: database }),
      queue,
      scheduler,
      mail,
      events,
      files: new DefaultFileStore({ db: database, root: join(this.config.dataDir, 'files'), maxBytes: this.config.files.maxBytes }),
      search: new DefaultSearchIndex({ db: database }),
    };
  }

  /**
   * Loads, admits and registers the plugins (dependency order); admission errors throw. Without `core`
   * (reading what plugins declare, such as their commands) nothing is wired to the subsystems and
   * services are unavailable.
   */
  async #prepare(core: CoreRuntime | undefined, builtIn: readonly PluginSource[] = []): Promise<void> {
    const loaded = await loadPlugins([...builtIn, ...this.#pluginSources()], this.config.baseDir);
    const pluginConfigs = validatePluginConfigs(loaded, this.config);
    const pluginConfig = (id: string) => pluginConfigs.get(id) ?? {};
    const admitted = admitPlugins(loaded, PLUGIN_API_VERSION);
    const hosts = new Map<string, PluginHost>();
    let buckets: Promise<BucketFactory> | undefined;
    const rateLimits = core ? new RateLimits(() => (buckets ??= createBucketFactory(core.database)), this.config.http.rateLimitBypassKeys) : undefined;
    const env: PluginHostEnvironment = {
      logger: this.logger,
      rootContainer: createRootContainer(),
      schemaCompiler,
      routeSettings: {
        bodyLimitBytes: this.config.http.bodyLimitBytes,
        validateResponses: this.options.testPrincipalHeader !== undefined,
        isTenantEnabled: (tenantId, pluginId) => core?.modules.isEnabled(tenantId, pluginId) ?? Promise.resolve(true),
        ...(rateLimits ? { rateLimits } : {}),
      },
      hookTimeoutMs: this.config.hooks.timeoutMs,
      hosts,
      publicRouteOwners: new Map(),
      extensionPoints: new Map(),
      pluginConfig,
      coreService: core
        ? createCoreServiceFactory({
            ...core,
            config: this.config,
            publicUrl: this.publicUrl,
            pluginConfig,
            pluginSettings: (id) => this.#settingsPlugin(loaded.find((p) => p.id === id)!),
            access: () => this.#authentication?.access,
            rateLimits: rateLimits!,
          })
        : (_host, id) => {
            throw CONG_ERR_SERVICE_UNAVAILABLE.create({ reason: `${id} is not available before the platform starts` });
          },
    };
    for (const plugin of admitted.order) hosts.set(plugin.id, new PluginHost(plugin, admitted.dependencies.get(plugin.id) ?? [], env));
    this.#hosts = [...hosts.values()];
    for (const host of this.#hosts) {
      if (this.#failIfDependencyFailed(host)) continue;
      host.register();
      if (host.state === 'registered' && core) this.#commitRegistration(host, core);
    }
  }

  /** Accounts, sessions, tokens, roles and the audit log: built once the core's tables exist. */
  async #security(core: CoreRuntime) {
    const { auth: settings } = this.config;
    const auth = await createAuthServices({
      db: core.database,
      limits: {
        accountLimit: settings.accountFailures,
        accountWindowSeconds: settings.accountWindowSeconds,
        ipLimit: settings.addressFailures,
        ipWindowSeconds: settings.addressWindowSeconds,
      },
      sessions: { idleTimeoutMs: settings.sessionIdleMinutes * 60_000, absoluteTimeoutMs: settings.sessionAbsoluteHours * 3_600_000 },
      requireTotpForSuperAdmins: settings.requireTotpForSuperAdmins,
      secrets: new SecretBox(secretBoxKey(settings.secretKey, join(this.config.dataDir, 'keys', 'secret.key'))),
    });
    const access = new AccessControl({
      db: core.database,
      directory: core.tenants,
      knownPermissions: () => [...CORE_PERMISSIONS.map((p) => p.id), ...this.#hosts.flatMap((h) => (h.manifest.permissions ?? []).map((p) => p.id))],
    });
    await access.ensureBuiltinRoles();
    const defaultTenantId = async () => (await core.tenants.root())?.id;
    this.#authentication = {
      auth,
      access,
      defaultTenantId,
      requireTotpForSuperAdmins: settings.requireTotpForSuperAdmins,
      tenantActive: async (id) => (await core.tenants.get(id))?.status === 'active',
    };
    const apiDeps: CoreApiDeps = {
      db: core.database,
      requireTotpForSuperAdmins: settings.requireTotpForSuperAdmins === true,
      auth,
      access,
      accounts: new AccountList({ db: core.database }),
      tenants: core.tenants,
      modules: core.modules,
      audit: core.audit.forPlugin('core'),
      auditLog: core.audit,
      calendar: core.calendar,
      rules: core.rules,
      pluginSettings: core.settings,
      mail: core.mail,
      pluginIds: () => this.#hosts.map((h) => h.id),
      installedPlugins: () =>
        this.#hosts.map((h) => ({
          id: h.id,
          version: h.loaded.version,
          state: h.state,
          manifest: h.manifest,
          settings: this.#settingsPlugin(h.loaded),
          ...(h.error ? { error: { code: h.error.code, message: h.error.message } } : {}),
        })),
      reconcileModules: () => this.reconcileModules(),
      defaultTenantId,
      publicUrl: this.publicUrl,
      housekeeping: () => runHousekeeping({ auth, queue: core.queue, search: core.search }),
    };
    return { auth, access, apiDeps };
  }

  /** The demo admin's password, once: the CLI prints it at the first start and it is gone after. */
  takeDemoCredentials(): { username: string; password: string } | undefined {
    const credentials = this.#demoCredentials;
    this.#demoCredentials = undefined;
    return credentials;
  }

  #pluginSources(): readonly PluginSource[] {
    return this.options.plugins ?? this.config.plugins ?? discoverPluginSources(this.config.baseDir);
  }

  #coreMigrator(): OwnerMigrator {
    return new OwnerMigrator('core', this.#database!.kysely, coreMigrations);
  }

  #migratorOf(host: PluginHost): OwnerMigrator | undefined {
    const migrations = host.registration?.migrations;
    return migrations ? new OwnerMigrator(host.id, this.#database!.kysely, migrations) : undefined;
  }

  /** The core's migrator, then the plugins' in dependency order; with `only`, the core's and that owner's. */
  #migrators(only?: string): OwnerMigrator[] {
    if (only !== undefined && only !== 'core' && !this.#hosts.some((h) => h.id === only)) {
      throw CONG_ERR_MIGRATION_OWNER_UNKNOWN.create({ owner: only });
    }
    const plugins = this.#hosts.filter((h) => only === undefined || h.id === only).map((h) => this.#migratorOf(h));
    return [this.#coreMigrator(), ...plugins.filter((m): m is OwnerMigrator => m !== undefined)];
  }

  #failIfDependencyFailed(host: PluginHost): boolean {
    if (host.state === 'failed') return true;
    const failed = host.dependsOn.find((dep) => host.requires(dep) && this.#hosts.find((h) => h.id === dep)?.state === 'failed');
    if (failed === undefined) return false;
    host.fail(CONG_ERR_PLUGIN_DEPENDENCY_FAILED.create({ plugin: host.id, dependency: failed }));
    return true;
  }

  #commitRegistration(host: PluginHost, { events, queue, scheduler }: CoreRuntime): void {
    const registration = host.registration!;
    const isActive = () => host.state === 'started';
    // A plugin hears events from the moment it starts: its start may call a dependency that emits.
    const isListening = () => host.state === 'starting' || host.state === 'started';
    for (const { event, listener } of registration.listeners) {
      events.subscribe(host.id, event, (payload) => listener(payload, host.context), isListening);
    }
    for (const [name, definition] of registration.jobs) {
      queue.register({
        owner: host.id,
        name,
        definition,
        context: () => host.context,
        isAvailable: isActive,
      });
    }
    for (const [name, definition] of registration.schedules) scheduler.add({ owner: host.id, name, definition });
  }

  async #readiness(): Promise<{ status: number; body: unknown }> {
    const reachable = (await this.#database?.ping()) ?? false;
    const report = this.report();
    const degraded = report.plugins.some((p) => p.state === 'failed');
    const status = !reachable ? 'unavailable' : this.state !== 'running' ? this.state : degraded ? 'degraded' : 'ready';
    return {
      status: reachable && this.state === 'running' ? 200 : 503,
      body: { status, ...report, database: { ...report.database, reachable } },
    };
  }

  #principalResolver(): PrincipalResolver | undefined {
    if (this.options.principalResolver) return this.options.principalResolver;
    const header = this.options.testPrincipalHeader;
    if (!header) return undefined;
    return (headers) => {
      const raw = headers[header];
      if (typeof raw !== 'string') return undefined;
      const parsed = JSON.parse(raw) as { id: string; permissions: string[] };
      const principal: Principal = { id: parsed.id, kind: 'user', permissions: new Set(parsed.permissions) };
      return principal;
    };
  }

  #installSignalHandlers(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const handler = () => {
        if (this.state === 'stopping') {
          this.logger.warn(`${signal} again: exiting without waiting`);
          process.exit(1);
        }
        this.logger.info(`${signal}: stopping after in-flight requests`);
        this.stop().then(
          () => process.exit(0),
          (error) => {
            this.logger.error({ err: error }, 'stop failed');
            process.exit(1);
          },
        );
      };
      process.on(signal, handler);
      this.#signalHandlers.push(() => process.off(signal, handler));
    }
  }
}


function validatePluginConfigs(plugins: readonly LoadedPlugin[], config: CongConfig): Map<string, Readonly<Record<string, unknown>>> {
  const out = new Map<string, Readonly<Record<string, unknown>>>();
  for (const plugin of plugins) {
    const value = structuredClone(config.pluginConfig[plugin.id] ?? {}) as Record<string, unknown>;
    if (plugin.configSchema) {
      const validate = schemaCompiler.compile(plugin.configSchema);
      if (!validate(value)) {
        const reason = toFieldIssues(validate.errors, 'config')
          .map((i) => `pluginConfig.${plugin.id}${i.pointer.replace(/\//g, '.')} ${i.message}`)
          .join('; ');
        throw CONG_ERR_PLUGIN_CONFIG_INVALID.create({ plugin: plugin.id, reason });
      }
    }
    out.set(plugin.id, deepFreeze(value));
  }
  return out;
}

/** Lazily validated routes are compiled this long after the server starts listening. */
const ROUTE_WARM_UP_DELAY_MS = 2000;

/** How often a platform looks for tenant-module changes made elsewhere (the CLI, other processes). */
const MODULE_RECONCILE_MS = 5000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
