/**
 * Kysely table types of public consultations (`qa_consultation*`, migration 0460). Times are epoch
 * milliseconds; days are Vietnam calendar days `YYYY-MM-DD`; booleans 0/1.
 */
export type CommentStatus = 'unverified' | 'pending' | 'approved' | 'rejected';
export type ReplyDecision = 'accepted' | 'partly' | 'not-accepted';
export const REPLY_DECISIONS: readonly ReplyDecision[] = ['accepted', 'partly', 'not-accepted'];
export type ModerationAction = 'approve' | 'reject' | 'auto-hide' | 'restore';
/** The consultees the law names for decisions of the Provincial People's Committee (QA-21). */
export type BuiltInConsultee = 'finance' | 'home-affairs' | 'justice' | 'science-technology';
export const BUILT_IN_CONSULTEES: readonly BuiltInConsultee[] = ['finance', 'home-affairs', 'justice', 'science-technology'];

export interface ConsultationDatabase {
  qa_consultations: {
    id: string;
    province_id: string;
    unit_id: string;
    slug: string;
    title: string;
    summary: string;
    document_type: string;
    opens_on: string;
    closes_on: string;
    shortened: number;
    minimum_days: number;
    rule_version: string;
    contact_address: string;
    contact_email: string;
    contact_phone: string | null;
    announced_at: number | null;
    outcome_summary: string | null;
    outcome_published_at: number | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  qa_consultation_articles: {
    id: string;
    consultation_id: string;
    position: number;
    chapter: string | null;
    number: string | null;
    heading: string;
    body: string;
  };
  qa_consultation_files: {
    file_id: string;
    consultation_id: string;
    name: string;
    content_type: string;
    size: number;
    created_by: string;
    created_at: number;
  };
  qa_consultation_consultees: {
    consultation_id: string;
    unit_id: string;
    built_in: BuiltInConsultee | null;
    deadline_on: string;
    reply_text: string | null;
    reply_file_id: string | null;
    reply_file_name: string | null;
    reply_file_type: string | null;
    reply_file_size: number | null;
    replied_by: string | null;
    replied_at: number | null;
    late: number;
  };
  qa_consultation_comments: {
    id: string;
    consultation_id: string;
    article_id: string | null;
    status: CommentStatus;
    author_name: string;
    author_org: string | null;
    author_email: string;
    body: string;
    verify_hash: string | null;
    verify_expires_at: number | null;
    verified_at: number | null;
    report_count: number;
    hidden_at: number | null;
    reply_decision: ReplyDecision | null;
    reply_text: string | null;
    replied_by: string | null;
    replied_at: number | null;
    created_at: number;
    updated_at: number;
  };
  qa_consultation_moderation: {
    id: string;
    consultation_id: string;
    comment_id: string;
    action: ModerationAction;
    reason: string | null;
    actor_id: string;
    created_at: number;
  };
  qa_consultation_reports: {
    comment_id: string;
    reporter_hash: string;
    created_at: number;
  };
}

export type ConsultationRow = ConsultationDatabase['qa_consultations'];
export type ArticleRow = ConsultationDatabase['qa_consultation_articles'];
export type DossierFileRow = ConsultationDatabase['qa_consultation_files'];
export type ConsulteeRow = ConsultationDatabase['qa_consultation_consultees'];
export type CommentRow = ConsultationDatabase['qa_consultation_comments'];
export type ModerationRow = ConsultationDatabase['qa_consultation_moderation'];
