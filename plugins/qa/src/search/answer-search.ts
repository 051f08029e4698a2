import { coreServices, type PluginContext, type SearchDocument } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { AnswersDatabase, PublicationRow } from '../answers/answer-database.js';

/** The document type of a published question and answer in the core's search index (plugin `qa`). */
export const ANSWER_SEARCH_TYPE = 'answer';

/**
 * A published Q&A as a document of the site-wide search (the core's `coreServices.search`, one index
 * for every plugin over folded text, so `dat dai` finds "Đất đai"): the reviewed public version only
 * (title, question and answer after redaction: never the asker's data), filed under the province,
 * since a published Q&A is shown on every site of the province, linking to `/hoi-dap/<slug>` on the
 * site the search is made on.
 */
export function answerSearchDocument(row: Pick<PublicationRow, 'question_id' | 'province_id' | 'slug' | 'title' | 'question' | 'answer' | 'published_at' | 'answered_at'>): SearchDocument {
  return {
    type: ANSWER_SEARCH_TYPE,
    id: row.question_id,
    tenantId: row.province_id,
    title: row.title,
    body: `${row.question}\n\n${row.answer}`,
    url: `/hoi-dap/${row.slug}`,
    publishedAt: new Date(row.published_at ?? row.answered_at),
  };
}

/**
 * Puts the index in line with the publication of a question: indexed while published, removed
 * otherwise (unpublished, never published, gone). Idempotent. With `trx`, inside the caller's
 * transaction (one connection on SQLite: reads and writes go through it).
 */
export async function syncAnswerSearch(ctx: PluginContext, questionId: string, trx?: Transaction<any>): Promise<'indexed' | 'removed'> {
  const db = (trx ?? ctx.get(coreServices.database).kysely<AnswersDatabase>()) as Kysely<AnswersDatabase>;
  const row = await db.selectFrom('qa_publications').selectAll().where('question_id', '=', questionId).executeTakeFirst();
  const search = ctx.get(coreServices.search);
  const options = trx ? { trx } : {};
  if (row?.status === 'published') {
    await search.index(answerSearchDocument(row), options);
    return 'indexed';
  }
  await search.remove(ANSWER_SEARCH_TYPE, questionId, options);
  return 'removed';
}
