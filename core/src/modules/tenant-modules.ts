import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/create-database.js';

interface ModuleTables {
  core_tenant_modules: { tenant_id: string; plugin_id: string; enabled: number; seeded_at: number | null; updated_at: number; updated_by: string | null };
}

/** The hooks a plugin runs when it is turned on or off for a tenant. */
export interface ModuleLifecycle {
  /** Seeds the plugin's defaults for a tenant; runs once per (tenant, plugin), ever. */
  enable(pluginId: string, tenantId: string): Promise<void>;
}

/**
 * Which plugins run for which tenant (per-tenant modules). Every installed plugin is enabled for a
 * tenant until an admin disables it. The first time a pair is enabled, the plugin's `onTenantEnable`
 * seeds its defaults, and the row records that it did, so it never runs twice. Reads are cached for a
 * short time; changes made here clear the cache at once, and other processes see them within
 * `cacheMs` (a Redis broadcast will make that immediate).
 */
export class TenantModules {
  readonly #db: Kysely<ModuleTables>;
  readonly #now: () => number;
  readonly #cacheMs: number;
  #disabled: { at: number; pairs: Set<string> } | undefined;

  constructor(options: { readonly db: Database; readonly now?: () => number; readonly cacheMs?: number }) {
    this.#db = options.db.kysely as Kysely<ModuleTables>;
    this.#now = options.now ?? Date.now;
    this.#cacheMs = options.cacheMs ?? 5000;
  }

  /** True unless the plugin was disabled for the tenant. */
  async isEnabled(tenantId: string, pluginId: string): Promise<boolean> {
    return !(await this.#disabledPairs()).has(key(tenantId, pluginId));
  }

  /** The tenants, of those given, for which the plugin is enabled. */
  async enabledAmong(pluginId: string, tenantIds: readonly string[]): Promise<string[]> {
    const disabled = await this.#disabledPairs();
    return tenantIds.filter((t) => !disabled.has(key(t, pluginId)));
  }

  /** Every (tenant, plugin) state that differs from the default, for admin screens. */
  async disabledFor(tenantId: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('core_tenant_modules').select('plugin_id').where('tenant_id', '=', tenantId).where('enabled', '=', 0).execute();
    return rows.map((r) => r.plugin_id).sort();
  }

  /**
   * Runs `onTenantEnable` for every enabled pair that was never seeded (new tenants, new plugins).
   * Each pair is claimed in the database first, so two processes starting together seed it once.
   */
  async seedMissing(pluginIds: readonly string[], tenantIds: readonly string[], lifecycle: ModuleLifecycle): Promise<number> {
    const rows = await this.#db.selectFrom('core_tenant_modules').select(['tenant_id', 'plugin_id', 'enabled', 'seeded_at']).execute();
    const known = new Map(rows.map((r) => [key(r.tenant_id, r.plugin_id), r]));
    let seeded = 0;
    for (const pluginId of pluginIds) {
      for (const tenantId of tenantIds) {
        const row = known.get(key(tenantId, pluginId));
        if (row && (row.seeded_at !== null || row.enabled === 0)) continue;
        if (await this.#claimSeed(tenantId, pluginId, row !== undefined)) {
          try {
            await lifecycle.enable(pluginId, tenantId);
            seeded++;
          } catch {
            await this.releaseSeed(tenantId, pluginId); // the lifecycle logged why
          }
        }
      }
    }
    return seeded;
  }

  /**
   * Turns a plugin on or off for tenants. Only the flag changes here: a running platform's
   * reconciler then seeds (`onTenantEnable`, once ever) or stops (`onTenantDisable`) the plugin, so
   * the CLI, the API and other processes all behave alike. Data is never touched. Returns the tenants
   * whose state changed. Every row is written in one transaction; `within` runs in it last, with the
   * tenants that changed (the API records its audit entries there, so they commit with the change).
   */
  async setEnabled(
    pluginId: string,
    tenantIds: readonly string[],
    enabled: boolean,
    actor: string | null,
    options: { readonly within?: (trx: Transaction<any>, changed: readonly string[]) => Promise<void> } = {},
  ): Promise<string[]> {
    const changed = await this.#db.transaction().execute(async (trx) => {
      const current = new Map(
        tenantIds.length === 0
          ? []
          : (await trx.selectFrom('core_tenant_modules').select(['tenant_id', 'enabled']).where('plugin_id', '=', pluginId).where('tenant_id', 'in', tenantIds).execute()).map(
              (r) => [r.tenant_id, Number(r.enabled) === 1] as const,
            ),
      );
      const out: string[] = [];
      for (const tenantId of tenantIds) {
        if ((current.get(tenantId) ?? true) === enabled) continue;
        if (current.has(tenantId)) {
          await trx
            .updateTable('core_tenant_modules')
            .set({ enabled: enabled ? 1 : 0, updated_at: this.#now(), updated_by: actor })
            .where('tenant_id', '=', tenantId)
            .where('plugin_id', '=', pluginId)
            .execute();
        } else {
          await trx
            .insertInto('core_tenant_modules')
            .values({ tenant_id: tenantId, plugin_id: pluginId, enabled: 0, seeded_at: null, updated_at: this.#now(), updated_by: actor })
            .execute();
        }
        out.push(tenantId);
      }
      await options.within?.(trx, out);
      return out;
    });
    this.#disabled = undefined;
    return changed;
  }

  /** Gives a seed claim back after `onTenantEnable` failed, so a later pass tries again. */
  async releaseSeed(tenantId: string, pluginId: string): Promise<void> {
    await this.#db.updateTable('core_tenant_modules').set({ seeded_at: null }).where('tenant_id', '=', tenantId).where('plugin_id', '=', pluginId).execute();
  }

  /** The disabled (tenant, plugin) pairs as `tenant\u0000plugin` keys, fresh from the database. */
  async disabledPairs(): Promise<ReadonlySet<string>> {
    this.#disabled = undefined;
    return this.#disabledPairs();
  }

  /** Marks the pair seeded; true when this call did it (another process may have won). */
  async #claimSeed(tenantId: string, pluginId: string, exists: boolean): Promise<boolean> {
    const now = this.#now();
    if (!exists) {
      try {
        await this.#db.insertInto('core_tenant_modules').values({ tenant_id: tenantId, plugin_id: pluginId, enabled: 1, seeded_at: now, updated_at: now, updated_by: null }).execute();
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false; // another process got there first
        throw error;
      }
    }
    const result = await this.#db
      .updateTable('core_tenant_modules')
      .set({ seeded_at: now, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('plugin_id', '=', pluginId)
      .where('enabled', '=', 1)
      .where('seeded_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async #disabledPairs(): Promise<Set<string>> {
    const now = this.#now();
    if (this.#disabled && now - this.#disabled.at < this.#cacheMs) return this.#disabled.pairs;
    const rows = await this.#db.selectFrom('core_tenant_modules').select(['tenant_id', 'plugin_id']).where('enabled', '=', 0).execute();
    this.#disabled = { at: now, pairs: new Set(rows.map((r) => key(r.tenant_id, r.plugin_id))) };
    return this.#disabled.pairs;
  }
}

/** The key of a (tenant, plugin) pair in {@link TenantModules.disabledPairs}. */
export function moduleKey(tenantId: string, pluginId: string): string {
  return key(tenantId, pluginId);
}

function key(tenantId: string, pluginId: string): string {
  return `${tenantId}\u0000${pluginId}`;
}

function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
