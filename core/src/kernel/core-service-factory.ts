import {
  CONG_ERR_SERVICE_NOT_PROVIDED,
  CONG_ERR_SERVICE_UNAVAILABLE,
  type DatabaseService,
  type HttpRouterService,
  type PluginConfigService,
  type AuditRecord,
  type TenancyChangeOptions,
  type TenancyService,
  type TenantNode,
} from '@cong/sdk';
import type { Transaction } from 'kysely';
import type { AccessControl } from '../access/access-control.js';
import { activeContacts } from '../access/active-contacts.js';
import { createPluginAccessService } from '../access/plugin-access-service.js';
import type { CongConfig } from '../config/cong-config.js';
import type { RateLimits } from '../http/rate-limits.js';
import { setTenantHosts } from '../tenancy/set-tenant-hosts.js';
import { TenantReadCache } from '../tenancy/tenant-read-cache.js';
import type { Tenant } from '../tenancy/tenant.js';
import { createJobService } from '../jobs/create-job-service.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import { toLoggerService } from '../logging/create-logger.js';
import type { SettingsPlugin } from '../settings/plugin-settings.js';
import type { CoreRuntime } from './core-runtime.js';
import { toTenantInfo } from './module-reconciler.js';

/** The core subsystems plugin-scoped services are made from. */
export interface CoreSubsystems extends CoreRuntime {
  readonly config: CongConfig;
  readonly publicUrl: string;
  /** Each plugin's validated configuration. */
  readonly pluginConfig: (pluginId: string) => Readonly<Record<string, unknown>>;
  /** Each plugin's schema and file config, for the settings admins set at run time. */
  readonly pluginSettings: (pluginId: string) => SettingsPlugin;
  /** Roles and grants, once the platform built its security services (not in one-shot commands). */
  readonly access: () => AccessControl | undefined;
  /** The counters behind routes' `rateLimit` and `coreServices.rateLimits`. */
  readonly rateLimits: RateLimits;
}

/** A unit as `tenancy.tree()` lists it. */
function toTenantNode(tenant: Tenant): TenantNode {
  return { ...toTenantInfo(tenant), aliasHosts: tenant.aliasHosts, successorId: tenant.successorId, archiveServed: tenant.archiveServed };
}

/**
 * Builds the `core.*` services a plugin asks for, each bound to that plugin, once per plugin.
 */
export function createCoreServiceFactory(core: CoreSubsystems): (host: PluginHost, id: string) => unknown {
  const cache = new Map<string, unknown>();
  const tenantReads = new TenantReadCache(core.tenants);
  // A plugin's change to a unit commits with its own rows when it passes its transaction.
  const inTransaction = (options: TenancyChangeOptions, work: (trx: Transaction<any>) => Promise<void>): Promise<void> =>
    options.trx ? work(options.trx) : core.database.kysely.transaction().execute(work);
  const coreAudit = (options: TenancyChangeOptions, trx: Transaction<any>, entry: AuditRecord) =>
    core.audit.forPlugin('core').record(entry, { trx, ...(options.request ? { request: options.request } : {}) });
  const builders: Record<string, (host: PluginHost) => unknown> = {
    'core.logger': (host) => toLoggerService(host.logger),
    'core.config': (host): PluginConfigService => {
      const value = core.pluginConfig(host.id);
      return {
        get: <T>() => value as T,
        forTenant: async <T>(tenantId: string | null) => (await core.settings.effective(core.pluginSettings(host.id), tenantId)) as T,
        publicUrl: core.publicUrl,
        dataDir: core.config.dataDir,
      };
    },
    'core.database': (): DatabaseService => ({
      dialect: core.database.dialect,
      kysely: <DB>() => core.database.kysely as never as import('kysely').Kysely<DB>,
      transaction: (work) => core.database.kysely.transaction().execute(work as never),
    }),
    'core.httpRouter': (host): HttpRouterService => ({
      basePath: `/api/${host.id}`,
      url: (path: string) => new URL(path.replace(/^\/?/, '/'), core.publicUrl).toString(),
    }),
    'core.jobs': (host) => createJobService(core.queue, host.id),
    'core.events': (host) => core.events.forPlugin(host.id, (owner) => owner === 'core' || host.declares(owner)),
    'core.mail': (host) => core.mail.forPlugin(host.id),
    'core.files': (host) => core.files.forPlugin(host.id),
    'core.search': (host) => core.search.forPlugin(host.id),
    'core.calendar': () => core.calendar,
    'core.audit': (host) => core.audit.forPlugin(host.id),
    'core.rules': (host) => core.rules.forPlugin(host.id),
    'core.tenancy': (host): TenancyService => ({
      get: async (id) => {
        const tenant = await tenantReads.get(id);
        return tenant && toTenantInfo(tenant);
      },
      getBySlug: async (slug) => {
        const found = await core.tenants.getBySlug(slug);
        return found && toTenantInfo(found.tenant);
      },
      enabledTenants: async () => {
        const active = (await core.tenants.list({ status: 'active', limit: 500 })).items;
        const enabled = new Set(await core.modules.enabledAmong(host.id, active.map((t) => t.id)));
        return active.filter((t) => enabled.has(t.id)).map(toTenantInfo);
      },
      isEnabled: (tenantId) => core.modules.isEnabled(tenantId, host.id),
      tree: async () => (await core.tenants.all()).map(toTenantNode),
      // The admin API's own path: same checks, audit entry (as the core) and resolver cache drop.
      setHosts: async (tenantId, hosts, options = {}) => toTenantNode(await setTenantHosts({ tenants: core.tenants, audit: core.audit.forPlugin('core') }, tenantId, hosts, options)),
      setFormerPaths: (tenantId, entries, options = {}) =>
        inTransaction(options, async (trx) => {
          await core.tenants.setFormerPaths(tenantId, entries, { trx });
          await coreAudit(options, trx, { action: 'core.tenant.former-paths', objectType: 'tenant', objectId: tenantId, tenantId, after: { plugin: host.id, count: entries.length, sample: entries.slice(0, 20) } });
        }),
      setArchiveServed: (tenantId, served, options = {}) =>
        inTransaction(options, async (trx) => {
          const { before } = await core.tenants.setArchiveServed(tenantId, served, { trx });
          await coreAudit(options, trx, { action: 'core.tenant.archive-served', objectType: 'tenant', objectId: tenantId, tenantId, before: { archiveServed: before }, after: { archiveServed: served, plugin: host.id } });
        }),
    }),
    'core.rateLimits': (host) => core.rateLimits.forPlugin(host.id),
    'core.access': () =>
      createPluginAccessService(
        () => {
          const access = core.access();
          if (!access) throw CONG_ERR_SERVICE_UNAVAILABLE.create({ reason: 'roles are not loaded in this command' });
          return access;
        },
        core.audit.forPlugin('core'),
        (userIds) => activeContacts(core.database.kysely, userIds),
      ),
  };
  return (host, id) => {
    const key = `${host.id}:${id}`;
    if (cache.has(key)) return cache.get(key);
    const build = builders[id];
    if (!build) throw CONG_ERR_SERVICE_NOT_PROVIDED.create({ service: id });
    const service = build(host);
    cache.set(key, service);
    return service;
  };
}
