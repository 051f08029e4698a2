import { coreServices, type PluginContext } from '@cong/sdk';
import type { AnswersDatabase } from './answer-database.js';

/** The published Q&A a question answered by reference points to (QA-06), for the asker's status page. */
export async function referencedAnswer(ctx: PluginContext, questionId: string): Promise<{ slug: string; title: string; at: number } | undefined> {
  const row = await ctx
    .get(coreServices.database)
    .kysely<AnswersDatabase>()
    .selectFrom('qa_answer_links as l')
    .innerJoin('qa_publications as p', 'p.question_id', 'l.published_question_id')
    .select(['p.slug', 'p.title', 'l.created_at'])
    .where('l.question_id', '=', questionId)
    .executeTakeFirst();
  return row ? { slug: row.slug, title: row.title, at: row.created_at } : undefined;
}
