/**
 * Kysely table types of online dialogues (`qa_dialogue*`, migration 0470). Times are epoch
 * milliseconds; booleans 0/1.
 *
 * An event's status is moved by staff, not by the clock: a dialogue goes live when the leaders are in
 * the studio, not at the minute printed in the announcement, and it may run over. The announced times
 * are the schedule the public reads.
 *
 *   announced ──start──▶ live ──end──▶ ended ──publish──▶ published (summary, video: may be corrected)
 *       │
 *     cancel (reason) ──▶ cancelled
 */
export type DialogueStatus = 'announced' | 'live' | 'ended' | 'published' | 'cancelled';
export const DIALOGUE_STATUSES: readonly DialogueStatus[] = ['announced', 'live', 'ended', 'published', 'cancelled'];

/**
 * A question's status: `unverified` until its e-mail link is used, `pending` until moderated,
 * `approved` or `rejected` (with a reason), `answering` while a guest answers it, `answered`, and after
 * the event `forwarded` into the question flow when it had no answer (QA-31).
 */
export type DialogueQuestionStatus = 'unverified' | 'pending' | 'approved' | 'rejected' | 'answering' | 'answered' | 'forwarded';
export const DIALOGUE_QUESTION_STATUSES: readonly DialogueQuestionStatus[] = ['unverified', 'pending', 'approved', 'rejected', 'answering', 'answered', 'forwarded'];

/** What the moderation log records. */
export type DialogueModerationAction = 'approve' | 'reject' | 'answering' | 'answer' | 'forward';

export interface DialogueDatabase {
  qa_dialogues: {
    id: string;
    province_id: string;
    unit_id: string;
    slug: string;
    title: string;
    field_code: string;
    description: string;
    starts_at: number;
    ends_at: number;
    livestream_url: string | null;
    status: DialogueStatus;
    cancel_reason: string | null;
    summary: string | null;
    video_url: string | null;
    started_at: number | null;
    ended_at: number | null;
    published_at: number | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  qa_dialogue_guests: {
    id: string;
    dialogue_id: string;
    position: number;
    name: string;
    title: string;
    unit_name: string;
  };
  qa_dialogue_questions: {
    id: string;
    dialogue_id: string;
    status: DialogueQuestionStatus;
    asked_during: 'before' | 'during';
    asker_name: string;
    asker_email: string;
    content: string;
    consent_publish: number;
    consent_version: string;
    verify_hash: string | null;
    verify_expires_at: number | null;
    verified_at: number | null;
    reject_reason: string | null;
    answer_text: string | null;
    answered_by_guest_id: string | null;
    answered_by_name: string | null;
    answered_by_title: string | null;
    answered_at: number | null;
    forwarded_question_id: string | null;
    created_at: number;
    updated_at: number;
  };
  qa_dialogue_moderation: {
    id: string;
    dialogue_id: string;
    question_id: string;
    action: DialogueModerationAction;
    reason: string | null;
    actor_id: string;
    created_at: number;
  };
}

export type DialogueRow = DialogueDatabase['qa_dialogues'];
export type GuestRow = DialogueDatabase['qa_dialogue_guests'];
export type DialogueQuestionRow = DialogueDatabase['qa_dialogue_questions'];
export type DialogueModerationRow = DialogueDatabase['qa_dialogue_moderation'];
