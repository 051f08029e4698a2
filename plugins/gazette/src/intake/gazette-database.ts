/**
 * Where a submission stands.
 *
 *   draft ──send──▶ sent ──register──▶ registered ──open round──▶ comparing ──pass──▶ passed ──▶ published
 *                                          ▲                         │
 *                                          │                      return (discrepancies, issuer notified)
 *                              corrected ◀─┴── upload corrected copy ◀── returned
 *   corrected ──open round──▶ comparing …
 *
 * Anything before `published` may be withdrawn by the issuer. A draft the office enters on an issuer's
 * behalf is sent and registered in one step.
 */
export type SubmissionStatus = 'draft' | 'sent' | 'registered' | 'comparing' | 'returned' | 'corrected' | 'passed' | 'published' | 'withdrawn';
export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ['draft', 'sent', 'registered', 'comparing', 'returned', 'corrected', 'passed', 'published', 'withdrawn'];

/** Who entered the submission: the issuing unit itself, or the gazette office on its behalf. */
export type SubmissionOrigin = 'issuer' | 'office';

/** The signed original (văn bản chính, PDF) or the editable electronic copy (DOCX/DOC). */
export type FileRole = 'original' | 'electronic';

/**
 * A step of the timeline (GAZ-01): every one is timestamped and names who took it and in which unit,
 * so "sent late / sent inaccurate" and "published late" are always attributable.
 */
export type SubmissionAction =
  | 'created'
  | 'file-attached'
  | 'sent'
  | 'registered'
  | 'intake-checked'
  | 'comparison-opened'
  | 'comparison-passed'
  | 'comparison-returned'
  | 'issuer-notified'
  | 'correction-received'
  | 'published'
  | 'withdrawn';
export const SUBMISSION_ACTIONS: readonly SubmissionAction[] = [
  'created',
  'file-attached',
  'sent',
  'registered',
  'intake-checked',
  'comparison-opened',
  'comparison-passed',
  'comparison-returned',
  'issuer-notified',
  'correction-received',
  'published',
  'withdrawn',
];

export type RoundStatus = 'open' | 'passed' | 'returned';

/** Kysely table types of the intake and review areas (`gazette_*`). Times are epoch milliseconds; booleans 0/1. */
export interface GazetteIntakeDatabase {
  gazette_submissions: {
    id: string;
    /** The issuing unit. */
    tenant_id: string;
    /** The gazette office: the root of the issuing unit's tree (the province). */
    office_id: string;
    origin: SubmissionOrigin;
    status: SubmissionStatus;
    document_type: string;
    /** As written on the document: `41/2026/QĐ-UBND`. */
    number_symbol: string;
    /** `number_symbol` folded for comparison (NFC, upper case, no spaces): finds duplicates. */
    number_key: string;
    doc_number: string | null;
    doc_year: number | null;
    doc_symbol: string | null;
    summary: string;
    issuing_agency: string;
    signer: string;
    signed_on: string;
    effective_on: string | null;
    in_force_on_signing: number;
    legal_normative: number;
    field: string | null;
    source_channel: string;
    submitter_email: string | null;
    note: string | null;
    /** JSON list of the last intake check's flags. */
    flags: string;
    register_year: number | null;
    register_number: number | null;
    registered_at: number | null;
    registered_by: string | null;
    /** When the document reached the office: sent through the portal, or the date the office states. */
    sent_at: number | null;
    sent_on: string | null;
    sent_by: string | null;
    send_due: string | null;
    /** `<rule name>@<version>` that computed `send_due`. */
    send_rule: string | null;
    publish_due: string | null;
    publish_rule: string | null;
    /** The number of the last comparison round (0 before the first). */
    round_count: number;
    passed_at: number | null;
    passed_by: string | null;
    published_at: number | null;
    published_ref: string | null;
    withdrawn_at: number | null;
    withdrawn_by: string | null;
    withdraw_reason: string | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  gazette_submission_files: {
    id: string;
    submission_id: string;
    tenant_id: string;
    role: FileRole;
    version: number;
    is_current: number;
    /** The core files service's id. */
    file_id: string;
    sha256: string;
    size: number;
    media_type: string;
    original_name: string;
    uploaded_by: string;
    uploaded_unit_id: string;
    uploaded_at: number;
  };
  gazette_submission_events: {
    id: string;
    submission_id: string;
    tenant_id: string;
    office_id: string;
    action: SubmissionAction;
    actor_id: string;
    actor_unit_id: string;
    remark: string | null;
    /** JSON: what the step produced (flags, round number, addresses notified, file version). */
    detail: string | null;
    created_at: number;
  };
  gazette_issuer_contacts: {
    tenant_id: string;
    name: string | null;
    email: string;
    phone: string | null;
    updated_by: string;
    updated_at: number;
  };
  gazette_comparison_rounds: {
    id: string;
    submission_id: string;
    tenant_id: string;
    office_id: string;
    round: number;
    status: RoundStatus;
    /** `gazette_submission_files.id` of the versions compared. */
    original_file_id: string;
    electronic_file_id: string;
    original_text: string;
    electronic_text: string;
    original_method: string;
    electronic_method: string;
    identical: number;
    similarity: number;
    /** JSON `{ op, text }[]`. */
    segments: string;
    /** JSON: the automatic discrepancies, later the ones the reviewer confirmed. */
    discrepancies: string;
    /** JSON string list. */
    reviewer_notes: string | null;
    opened_by: string;
    opened_at: number;
    decided_by: string | null;
    decided_at: number | null;
    notified_at: number | null;
    notified_to: string | null;
  };
}

export type SubmissionRow = GazetteIntakeDatabase['gazette_submissions'];
export type SubmissionFileRow = GazetteIntakeDatabase['gazette_submission_files'];
export type SubmissionEventRow = GazetteIntakeDatabase['gazette_submission_events'];
export type ComparisonRoundRow = GazetteIntakeDatabase['gazette_comparison_rounds'];
export type IssuerContactRow = GazetteIntakeDatabase['gazette_issuer_contacts'];
