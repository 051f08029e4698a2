import { coreServices, type PluginContext } from '@cong/sdk';
import type { QuestionRow } from '../questions/qa-database.js';
import type { AnswersDatabase } from './answer-database.js';

/** What the asker's status page shows of the agency's latest progress report (QA-03). */
export interface StatusProgressReport {
  readonly text: string;
  /** The date the agency stated it will answer by (Vietnam, `YYYY-MM-DD`). */
  readonly answerBy: string;
  readonly at: string;
}

/** The latest progress report of the agency that has the question now; null when none, or once it is answered or closed. */
export async function latestProgressReport(ctx: PluginContext, question: Pick<QuestionRow, 'id' | 'status' | 'agency_id'>): Promise<StatusProgressReport | null> {
  if ((question.status !== 'forwarded' && question.status !== 'waiting') || question.agency_id === null) return null;
  const row = await ctx
    .get(coreServices.database)
    .kysely<AnswersDatabase>()
    .selectFrom('qa_progress_reports')
    .select(['body', 'answer_by', 'created_at'])
    .where('question_id', '=', question.id)
    .where('agency_id', '=', question.agency_id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { text: row.body, answerBy: row.answer_by, at: new Date(row.created_at).toISOString() } : null;
}
