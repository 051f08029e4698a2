import type { Logger } from 'pino';
import type { TenantInfo } from '@cong/sdk';
import { moduleKey, type ModuleLifecycle, type TenantModules } from '../modules/tenant-modules.js';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { Tenant } from '../tenancy/tenant.js';
import type { TenantDirectory } from '../tenancy/tenant-directory.js';
import { runHook } from './with-timeout.js';

/**
 * Keeps plugins in step with per-tenant enablement, whoever changed it (the API, `cong plugins
 * disable`, another process): every pass seeds pairs never seeded (`onTenantEnable`, once per pair
 * across all processes) and calls `onTenantDisable` in this process for pairs that were just turned
 * off. A hook that fails is logged; its seed is given back so a later pass retries it.
 */
export class ModuleReconciler {
  #lastDisabled: ReadonlySet<string> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly modules: TenantModules,
    private readonly directory: TenantDirectory,
    private readonly hosts: () => readonly PluginHost[],
    private readonly logger: Logger,
  ) {}

  /** One pass; safe to call while another is running (it waits for it). */
  reconcile(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  start(intervalMs: number): void {
    this.#timer = setInterval(() => void this.reconcile().catch((error) => this.logger.error({ err: error }, 'module reconciliation failed')), intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** The lifecycle that runs a plugin's tenant hooks with its timeout. */
  lifecycle(): ModuleLifecycle {
    return { enable: (pluginId, tenantId) => this.#hook(pluginId, tenantId, 'onTenantEnable') };
  }

  async #pass(): Promise<void> {
    const started = this.hosts().filter((h) => h.state === 'started');
    const tenants = (await this.directory.list({ status: 'active', limit: 500 })).items.map((t) => t.id);
    await this.modules.seedMissing(started.map((h) => h.id), tenants, this.lifecycle());
    const disabled = await this.modules.disabledPairs();
    const previous = this.#lastDisabled;
    this.#lastDisabled = disabled;
    if (!previous) return;
    for (const host of started) {
      for (const tenantId of tenants) {
        const pair = moduleKey(tenantId, host.id);
        if (disabled.has(pair) && !previous.has(pair)) await this.#hook(host.id, tenantId, 'onTenantDisable').catch(() => undefined);
      }
    }
  }

  async #hook(pluginId: string, tenantId: string, hook: 'onTenantEnable' | 'onTenantDisable'): Promise<void> {
    const host = this.hosts().find((h) => h.id === pluginId);
    const run = host?.loaded.plugin[hook];
    if (!host || !run) return;
    const tenant = await this.directory.get(tenantId);
    if (!tenant) return;
    try {
      await runHook(pluginId, hook, host.timeoutMs, () => run(host.context, toTenantInfo(tenant)));
    } catch (error) {
      host.logger.error({ err: error, tenantId }, (error as Error).message);
      throw error;
    }
  }
}

/** A tenant as plugins see it. */
export function toTenantInfo(tenant: Tenant): TenantInfo {
  return {
    id: tenant.id,
    slug: tenant.slug,
    nameVi: tenant.nameVi,
    nameEn: tenant.nameEn,
    kind: tenant.kind,
    parentId: tenant.parentId,
    status: tenant.status,
    primaryHost: tenant.primaryHost,
  };
}
