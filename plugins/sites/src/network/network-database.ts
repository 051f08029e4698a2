/** The link checker's verdict on a link: `failing` after one failed run, `broken` after two in a row. */
export type LinkStatus = 'unchecked' | 'ok' | 'failing' | 'broken';
export const LINK_STATUSES: readonly LinkStatus[] = ['unchecked', 'ok', 'failing', 'broken'];

/** Kysely table types of the network area (`sites_links`, `sites_link_occurrences`). Times are epoch milliseconds. */
export interface NetworkDatabase {
  sites_links: {
    id: string;
    tenant_id: string;
    url_hash: string;
    url: string;
    host: string;
    status: LinkStatus;
    http_status: number | null;
    error: string | null;
    failures: number;
    last_checked_at: number | null;
    first_seen_at: number;
    last_seen_at: number;
  };
  sites_link_occurrences: {
    tenant_id: string;
    link_id: string;
    item_type: 'article' | 'page';
    item_id: string;
    title: string;
    path: string;
  };
}

export type LinkRow = NetworkDatabase['sites_links'];
export type OccurrenceRow = NetworkDatabase['sites_link_occurrences'];
