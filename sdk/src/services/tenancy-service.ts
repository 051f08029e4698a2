import type { TenantInfo } from '../plugin/plugin-context.js';

/** The organisational units, as a plugin may read them. Changes go through the core (and its events). */
export interface TenancyService {
  get(id: string): Promise<TenantInfo | undefined>;
  /** By current or former slug. */
  getBySlug(slug: string): Promise<TenantInfo | undefined>;
  /** Active tenants for which this plugin is enabled: what a scheduled job should iterate. */
  enabledTenants(): Promise<readonly TenantInfo[]>;
  /** Whether this plugin is enabled for the tenant. */
  isEnabled(tenantId: string): Promise<boolean>;
}
