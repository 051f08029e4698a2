/**
 * Kysely table types of issues and published documents (migration
 * `2026_11_29_0400_create_issues_and_documents`, which explains each table). Dates are `YYYY-MM-DD`
 * (Vietnam), times epoch milliseconds, booleans 0/1.
 */
export type IssueStatus = 'draft' | 'rendering' | 'published' | 'failed';
export type DocumentKind = 'document' | 'correction';
export type IssuerLevel = 'local' | 'central';
export type RelationKind = 'replaces' | 'amends' | 'repeals' | 'guides' | 'corrects';
export type CorrectionCase = 'issuer-before' | 'issuer-after' | 'office';
/** Validity (hiệu lực) as computed from dates and relations, or set by hand with a reason. */
export type Validity = 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force';

export interface PublicationDatabase {
  gazette_issues: {
    id: string;
    office_id: string;
    year: number;
    number_from: number;
    number_to: number;
    publication_date: string;
    status: IssueStatus;
    page_count: number | null;
    file_id: string | null;
    sha256: string | null;
    /** JSON: the signer's identity, signing time, sub-filter. */
    signature: string | null;
    renderer: 'chromium' | 'pdfkit' | null;
    render_error: string | null;
    created_by: string;
    created_at: number;
    published_by: string | null;
    published_at: number | null;
    updated_at: number;
  };
  gazette_issue_entries: {
    issue_id: string;
    position: number;
    submission_id: string;
    section: string | null;
    document_id: string | null;
    first_page: number | null;
    last_page: number | null;
  };
  gazette_documents: {
    id: string;
    office_id: string;
    /** The issuing unit. */
    tenant_id: string;
    submission_id: string;
    kind: DocumentKind;
    document_type: string;
    number_symbol: string;
    number_key: string;
    doc_number: string | null;
    doc_year: number | null;
    doc_symbol: string | null;
    summary: string;
    issuing_agency: string;
    issuer_level: IssuerLevel;
    signer: string;
    signed_on: string;
    effective_on: string | null;
    expires_on: string | null;
    legal_normative: number;
    field: string | null;
    full_text: string;
    /** Folded (no diacritics, đ → d, lower case) number, summary, agency and full text: what search matches. */
    search_text: string;
    summary_folded: string;
    issue_id: string;
    issue_year: number;
    first_page: number;
    last_page: number;
    published_on: string;
    published_at: number;
    /** `/eli/quyet-dinh/2026/41-2026-qd-ubnd`: stable, unique per office. */
    eli_path: string;
    original_file_id: string;
    original_sha256: string;
    electronic_file_id: string | null;
    electronic_sha256: string | null;
    validity_override: Validity | null;
    validity_reason: string | null;
    validity_set_by: string | null;
    validity_set_at: number | null;
    created_at: number;
    updated_at: number;
  };
  gazette_document_relations: {
    office_id: string;
    from_document_id: string;
    to_document_id: string;
    kind: RelationKind;
    /** 1 on a `repeals` or `amends` relation that repeals part of the target (migration `2026_11_29_0410_add_relation_partial`). */
    partial: number;
    note: string | null;
    created_by: string;
    created_at: number;
  };
  gazette_corrections: {
    id: string;
    office_id: string;
    case_kind: CorrectionCase;
    correction_submission_id: string;
    correction_document_id: string | null;
    corrected_submission_id: string;
    corrected_document_id: string | null;
    reason: string;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
}

export type IssueRow = PublicationDatabase['gazette_issues'];
export type IssueEntryRow = PublicationDatabase['gazette_issue_entries'];
export type DocumentRow = PublicationDatabase['gazette_documents'];
export type RelationRow = PublicationDatabase['gazette_document_relations'];
export type CorrectionRow = PublicationDatabase['gazette_corrections'];

/** The publication tables as this area reads and writes them (the same: kept as a name for its callers). */
export type PublicationTables = PublicationDatabase;
