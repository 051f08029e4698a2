/**
 * Where a question stands (QA-01, QA-02).
 *
 *   unverified ──verify (e-mail link)──▶ received ──forward──▶ forwarded ──return──▶ returned
 *        │                                  │                     │  ▲                 │
 *     expires (purged)                   decline               transfer              forward / decline
 *                                           ▼                                          ▼
 *                                         closed ◀──────────────────────────────────── closed
 *
 * `closed` is "outside the province's competence" with a reason. The agency answers a forwarded question
 * (src/answers): it may ask the citizen for more information (`waiting`, back to `forwarded` when the
 * citizen replies), and the sent answer makes it `answered`.
 */
export type QuestionStatus = 'unverified' | 'received' | 'forwarded' | 'returned' | 'closed' | 'waiting' | 'answered';
export const QUESTION_STATUSES: readonly QuestionStatus[] = ['unverified', 'received', 'forwarded', 'returned', 'closed', 'waiting', 'answered'];

/** A step of the timeline; each names who took it, in which unit, when, with an optional note. */
export type QuestionAction = 'submitted' | 'verified' | 'classified' | 'forwarded' | 'returned' | 'transferred' | 'declined' | AnswerAction;

/**
 * The answer's steps (src/answers), each a timeline event with its time, so SLA clocks can be computed
 * from the timeline: `info-requested` starts the pause (status `waiting`), `citizen-replied` ends it.
 * `progress-report` (QA-03: progress with a stated answer date) meets the first-response clock and
 * moves the due date; `answered-by-ref` is the board's answer by a link to a published Q&A (QA-06).
 * At most 16 characters (the column's width).
 */
export type AnswerAction =
  | 'drafted'
  | 'approval-asked'
  | 'approved'
  | 'sent-back'
  | 'answered'
  | 'info-requested'
  | 'citizen-replied'
  | 'redacted'
  | 'published'
  | 'unpublished'
  | 'rated'
  | 'progress-report'
  | 'answered-by-ref';
export const ANSWER_ACTIONS: readonly AnswerAction[] = ['drafted', 'approval-asked', 'approved', 'sent-back', 'answered', 'info-requested', 'citizen-replied', 'redacted', 'published', 'unpublished', 'rated', 'progress-report', 'answered-by-ref'];

export type RoutingRuleKind = 'field' | 'commune';

/** Kysely table types (`qa_*`). Times are epoch milliseconds; booleans 0/1. */
export interface QaDatabase {
  qa_questions: {
    id: string;
    /** The province: the root of the unit tree of the site that received the question; its board triages it. */
    province_id: string;
    /** The unit whose site received the question. */
    site_id: string;
    status: QuestionStatus;
    /** `HD-2026-7K3F9Q`, given on verification. */
    tracking_code: string | null;
    asker_name: string;
    asker_email: string;
    asker_phone: string | null;
    asker_address: string | null;
    field_code: string;
    commune_id: string | null;
    title: string;
    content: string;
    consent_publish: number;
    /** The version of the purpose/consent text shown on the form (CORE-11 consent log). */
    consent_version: string;
    /** The unit the question is with now (forwarded or transferred to), else null. */
    agency_id: string | null;
    /** sha256 of the single-use verification token; null once used. */
    verify_hash: string | null;
    verify_expires_at: number | null;
    verified_at: number | null;
    close_reason: string | null;
    channel: string;
    created_at: number;
    updated_at: number;
  };
  qa_question_events: {
    id: string;
    question_id: string;
    province_id: string;
    action: QuestionAction;
    actor_id: string;
    actor_unit_id: string;
    /** The unit a forward or transfer went to. */
    target_unit_id: string | null;
    note: string | null;
    created_at: number;
  };
  qa_fields: {
    province_id: string;
    code: string;
    name_vi: string;
    name_en: string;
    position: number;
  };
  qa_routing_rules: {
    id: string;
    province_id: string;
    kind: RoutingRuleKind;
    field_code: string | null;
    commune_id: string | null;
    agency_id: string;
    note: string | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  qa_secrets: {
    name: string;
    value: string;
    created_at: number;
  };
  /** Files the asker attached (core file service ids); `erased_at` set by src/privacy, the content removed by the sweep. */
  qa_question_attachments: {
    file_id: string;
    question_id: string;
    province_id: string;
    name: string;
    content_type: string;
    size: number;
    created_at: number;
    erased_at: number | null;
  };
}

export type QuestionRow = QaDatabase['qa_questions'];
export type QuestionEventRow = QaDatabase['qa_question_events'];
export type FieldRow = QaDatabase['qa_fields'];
export type RoutingRuleRow = QaDatabase['qa_routing_rules'];
export type QuestionAttachmentRow = QaDatabase['qa_question_attachments'];
