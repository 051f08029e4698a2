import type { AnswersDatabase } from '../answers/answer-database.js';

/** Whose turn a hop is: the province's editorial board (triage) or an agency (the answer). */
export type HopKind = 'board' | 'agency';
/** How a hop ended: the board forwarded or declined; the agency answered, transferred or returned. */
export type HopOutcome = 'forwarded' | 'declined' | 'answered' | 'transferred' | 'returned';
export type NoticeKind = 'reminder' | 'escalation';

/** Kysely table types of the deadlines area (`qa_question_clocks`, `qa_clock_sync`, `qa_deadline_notices`). */
export interface DeadlineTables {
  qa_question_clocks: {
    question_id: string;
    hop: number;
    province_id: string;
    unit_id: string;
    kind: HopKind;
    started_at: number;
    start_on: string;
    limit_days: number;
    rule_version: string;
    paused_days: number;
    paused_at: number | null;
    due_on: string;
    remind_on: string;
    escalate_after_on: string;
    ended_at: number | null;
    ended_on: string | null;
    outcome: HopOutcome | null;
    on_time: number | null;
    working_days: number | null;
    computed_at: number;
    /** The due date before a progress report moved it (QA-03), else null. */
    first_due_on: string | null;
    /** When the hop's first progress report was made, and whether by `first_due_on` (1/0). */
    progress_at: number | null;
    progress_on_time: number | null;
  };
  qa_clock_sync: {
    question_id: string;
    source_updated_at: number;
    synced_at: number;
  };
  qa_deadline_notices: {
    question_id: string;
    hop: number;
    kind: NoticeKind;
    unit_id: string;
    recipients: number;
    sent_at: number;
  };
}

export type DeadlinesDatabase = AnswersDatabase & DeadlineTables;
export type ClockRow = DeadlineTables['qa_question_clocks'];
