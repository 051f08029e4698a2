import type { SiteStatus } from './site-status.js';

/** Kysely table types of the registry area (`sites_sites`, `sites_site_status_history`). Times are epoch milliseconds. */
export interface RegistryDatabase {
  sites_sites: {
    id: string;
    tenant_id: string;
    status: SiteStatus;
    template: string;
    go_live_on: string | null;
    notes: string | null;
    status_reason: string | null;
    status_changed_at: number;
    status_changed_by: string;
    created_at: number;
    created_by: string;
    updated_at: number;
  };
  sites_site_status_history: {
    id: string;
    tenant_id: string;
    site_id: string;
    from_status: SiteStatus | null;
    to_status: SiteStatus;
    reason: string | null;
    actor_id: string;
    at: number;
  };
}

export type SiteRow = RegistryDatabase['sites_sites'];
export type StatusHistoryRow = RegistryDatabase['sites_site_status_history'];
