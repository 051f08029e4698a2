/** Kysely table type of the reorganisation area. Times are epoch milliseconds. */
export interface ReorganisationDatabase {
  sites_reorganisations: {
    id: string;
    /** The unit whose network admins see the row: the successor, or the renamed unit. */
    tenant_id: string;
    kind: ReorganisationKind;
    source_tenant_id: string;
    successor_tenant_id: string | null;
    effective_date: string | null;
    mode: ReorganisationMode;
    status: 'done' | 'failed';
    /** JSON: the content report (moved items, changed paths) or the hosts before and after. */
    report: string | null;
    error: string | null;
    attempts: number;
    created_at: number;
    updated_at: number;
  };
}

/** The core's change the sites followed. */
export type ReorganisationKind = 'merge' | 'split' | 'archive' | 'rename';

/**
 * What the sites did: `move` — the content went to the successor's site and the former hosts redirect
 * page by page; `archive` — the former site stays readable on its hosts as an archive; `hosts` — a
 * renamed unit's national host followed its new name (the old host redirects).
 */
export type ReorganisationMode = 'move' | 'archive' | 'hosts';

export type ReorganisationRow = ReorganisationDatabase['sites_reorganisations'];
