import type { AnswersDatabase } from '../answers/answer-database.js';
import type { DialogueDatabase } from '../dialogues/dialogue-database.js';

/**
 * Kysely table types of personal data (`qa_erasure_requests`, `qa_erasures`, migration 0490), with the
 * tables the erasure reaches into. Times are epoch milliseconds.
 */
export interface PrivacyTables {
  qa_erasure_requests: {
    id: string;
    question_id: string;
    province_id: string;
    /** sha256 of the single-use token mailed to the asker; null once used or superseded. */
    token_hash: string | null;
    expires_at: number;
    confirmed_at: number | null;
    created_at: number;
  };
  qa_erasures: {
    question_id: string;
    province_id: string;
    reason: ErasureReason;
    erased_at: number;
  };
}

/** Why a question's personal data was erased: the asker asked, or the retention period ran out. */
export type ErasureReason = 'request' | 'retention';

export type PrivacyDatabase = AnswersDatabase & DialogueDatabase & PrivacyTables;
export type ErasureRequestRow = PrivacyTables['qa_erasure_requests'];
