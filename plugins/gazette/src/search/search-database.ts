/** Kysely type of the search index (migration `2026_11_29_0420_create_search_entries`, which explains it). */
export interface SearchDatabase {
  gazette_search_entries: {
    id: number;
    document_id: string;
    office_id: string;
    /** The issue: a search shows only entries whose issue is published. */
    issue_id: string;
    document_type: string;
    tenant_id: string;
    /** The issuing agency's name as a slug: what `issuer` filters name. */
    agency_key: string;
    issuer_level: 'local' | 'central';
    number_key: string;
    signed_on: string;
    issue_year: number;
    published_at: number;
    /** MySQL/MariaDB only (empty on SQLite): the padded token form the FULLTEXT indexes read. */
    summary_fold: string;
    body_fold: string;
    indexed_at: number;
  };
}
