import type { QaDatabase } from '../questions/qa-database.js';

export type AnswerStatus = 'draft' | 'pending' | 'sent';
export type PublicationStatus = 'reviewed' | 'published' | 'unpublished';

/** Kysely table types of the answers area (`qa_answer*`, `qa_publications`, `qa_ratings`); times epoch ms, booleans 0/1. */
export interface AnswerTables {
  qa_answers: {
    id: string;
    question_id: string;
    province_id: string;
    /** The agency that drafts it: one answer per question and agency. */
    agency_id: string;
    status: AnswerStatus;
    /** The latest revision's text. */
    body: string;
    revision: number;
    created_by: string;
    /** Who last submitted it for approval, and when. */
    submitted_by: string | null;
    submitted_at: number | null;
    /** Who last approved it or sent it back, and when, with the remarks of a send-back. */
    decided_by: string | null;
    decided_at: number | null;
    remarks: string | null;
    sent_at: number | null;
    created_at: number;
    updated_at: number;
  };
  qa_answer_revisions: {
    id: string;
    answer_id: string;
    number: number;
    body: string;
    author_id: string;
    created_at: number;
  };
  qa_answer_attachments: {
    /** The core file service's id. */
    file_id: string;
    answer_id: string;
    /** The uploader's file name (sanitised by the core), for display and download. */
    name: string;
    /** Sniffed from the bytes by the core. */
    content_type: string;
    size: number;
    author_id: string;
    created_at: number;
  };
  qa_answer_notes: {
    id: string;
    question_id: string;
    agency_id: string;
    author_id: string;
    body: string;
    created_at: number;
  };
  qa_agency_settings: {
    unit_id: string;
    require_approval: number;
    updated_by: string;
    updated_at: number;
  };
  qa_publications: {
    question_id: string;
    province_id: string;
    agency_id: string;
    field_code: string;
    slug: string;
    status: PublicationStatus;
    title: string;
    question: string;
    answer: string;
    /** Folded title, question and answer (no diacritics, đ→d, lower case): what the public search reads. */
    search_fold: string;
    asked_at: number;
    answered_at: number;
    reviewed_by: string;
    reviewed_at: number;
    published_by: string | null;
    published_at: number | null;
    updated_at: number;
  };
  qa_ratings: {
    question_id: string;
    province_id: string;
    agency_id: string;
    score: number;
    comment: string | null;
    created_at: number;
  };
  /** QA-03: an agency's progress report with the date it will answer (`YYYY-MM-DD`, Vietnam). */
  qa_progress_reports: {
    id: string;
    question_id: string;
    province_id: string;
    agency_id: string;
    body: string;
    answer_by: string;
    author_id: string;
    created_at: number;
  };
  /** QA-06: a question the board answered by linking it to a published Q&A. */
  qa_answer_links: {
    question_id: string;
    province_id: string;
    published_question_id: string;
    note: string | null;
    created_by: string;
    created_at: number;
  };
  /** Notifications sent to staff, one per event key. */
  qa_staff_notices: {
    event_key: string;
    question_id: string;
    kind: StaffNoticeKind;
    unit_id: string;
    recipients: number;
    sent_at: number;
  };
}

/** Staff notifications inside an agency: a question forwarded to it, an answer submitted for approval, a mention. */
export type StaffNoticeKind = 'assigned' | 'approval-asked' | 'mentioned';

export type AnswersDatabase = QaDatabase & AnswerTables;
export type AnswerRow = AnswerTables['qa_answers'];
export type RevisionRow = AnswerTables['qa_answer_revisions'];
export type NoteRow = AnswerTables['qa_answer_notes'];
export type AttachmentRow = AnswerTables['qa_answer_attachments'];
export type PublicationRow = AnswerTables['qa_publications'];
export type RatingRow = AnswerTables['qa_ratings'];
export type ProgressReportRow = AnswerTables['qa_progress_reports'];
export type AnswerLinkRow = AnswerTables['qa_answer_links'];
