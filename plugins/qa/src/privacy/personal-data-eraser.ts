import { coreServices, type PluginContext } from '@cong/sdk';
import type { Transaction } from 'kysely';
import type { QuestionRow } from '../questions/qa-database.js';
import { refoldQuestion } from '../questions/question.repository.js';
import type { ErasureReason, PrivacyDatabase } from './privacy-database.js';
import { syncAnswerSearch } from '../search/answer-search.js';

/** What replaces an erased value: it says that something was there and was removed on purpose. */
export const ERASED = '[đã xoá / erased]';

/**
 * Erases the personal data of one question, inside the caller's transaction (`trx`: every read and
 * write goes through it, so nothing is half-erased and SQLite's one connection is never waited on).
 *
 * Erased: the asker's name, e-mail, phone and address; the citizen's own timeline notes (replies to a
 * request for information); the rating's comment; the source dialogue question's name and e-mail; any
 * copy of those values in staff text (timeline notes, internal notes, answer drafts and revisions);
 * pending deletion links. When the question was published, its title and text become the reviewed
 * public version (QA-04: reviewed for personal data); otherwise the known values are removed from them.
 *
 * Kept, for the record of how the province handled the question (Luật Lưu trữ, CORE-12; QA-05
 * statistics): the question's id, tracking code, field, commune, dates, status and timeline steps; the
 * answer; the published Q&A; the rating's score; and `qa_erasures` saying when and why it was erased.
 * None of these identify the asker once the values above are gone.
 */
export async function erasePersonalData(
  ctx: PluginContext,
  trx: Transaction<PrivacyDatabase>,
  question: QuestionRow,
  reason: ErasureReason,
  now: number = Date.now(),
): Promise<void> {
  const id = question.id;
  const publication = await trx.selectFrom('qa_publications').select(['title', 'question']).where('question_id', '=', id).executeTakeFirst();
  const sources = await trx.selectFrom('qa_dialogue_questions').select(['id', 'asker_name', 'asker_email', 'content']).where('forwarded_question_id', '=', id).execute();
  const scrub = scrubberOf([question.asker_name, question.asker_email, question.asker_phone, question.asker_address, ...sources.flatMap((s) => [s.asker_name, s.asker_email])]);

  await trx
    .updateTable('qa_questions')
    .set({
      asker_name: ERASED,
      asker_email: '',
      asker_phone: null,
      asker_address: null,
      title: publication?.title ?? scrub(question.title),
      content: publication?.question ?? scrub(question.content),
      verify_hash: null,
      verify_expires_at: null,
    })
    .where('id', '=', id)
    .execute();
  await refoldQuestion(trx, id); // the queue's search text must not keep what was just erased

  for (const event of await trx.selectFrom('qa_question_events').select(['id', 'action', 'actor_id', 'note']).where('question_id', '=', id).execute()) {
    if (event.note === null) continue;
    const note = event.actor_id === 'public' ? ERASED : scrub(event.note);
    if (note !== event.note) await trx.updateTable('qa_question_events').set({ note }).where('id', '=', event.id).execute();
  }
  for (const note of await trx.selectFrom('qa_answer_notes').select(['id', 'body']).where('question_id', '=', id).execute()) {
    const body = scrub(note.body);
    if (body !== note.body) await trx.updateTable('qa_answer_notes').set({ body }).where('id', '=', note.id).execute();
  }
  for (const answer of await trx.selectFrom('qa_answers').select(['id', 'body', 'remarks']).where('question_id', '=', id).execute()) {
    const body = scrub(answer.body);
    const remarks = answer.remarks === null ? null : scrub(answer.remarks);
    if (body !== answer.body || remarks !== answer.remarks) await trx.updateTable('qa_answers').set({ body, remarks }).where('id', '=', answer.id).execute();
    for (const revision of await trx.selectFrom('qa_answer_revisions').select(['id', 'body']).where('answer_id', '=', answer.id).execute()) {
      const text = scrub(revision.body);
      if (text !== revision.body) await trx.updateTable('qa_answer_revisions').set({ body: text }).where('id', '=', revision.id).execute();
    }
  }
  await trx.updateTable('qa_ratings').set({ comment: null }).where('question_id', '=', id).execute();
  // Progress reports and the board's word on an answer by reference are staff text (src/answers); the
  // site-wide search holds only the reviewed public version, and is put in line with the publication.
  for (const report of await trx.selectFrom('qa_progress_reports').select(['id', 'body']).where('question_id', '=', id).execute()) {
    const body = scrub(report.body);
    if (body !== report.body) await trx.updateTable('qa_progress_reports').set({ body }).where('id', '=', report.id).execute();
  }
  await syncAnswerSearch(ctx, id, trx);
  // The asker's files: unreachable from now on; the hourly purge job removes their content (src/questions).
  await trx.updateTable('qa_question_attachments').set({ erased_at: now }).where('question_id', '=', id).where('erased_at', 'is', null).execute();
  for (const source of sources) {
    await trx.updateTable('qa_dialogue_questions').set({ asker_name: ERASED, asker_email: '', content: scrub(source.content) }).where('id', '=', source.id).execute();
  }
  await trx.updateTable('qa_erasure_requests').set({ token_hash: null }).where('question_id', '=', id).execute();
  await trx.insertInto('qa_erasures').values({ question_id: id, province_id: question.province_id, reason, erased_at: now }).execute();
  // The audit names the question and the reason only: never the data that was erased, nor the
  // requester's address (a citizen's request is recorded as acting `public`, the job as the system).
  await ctx.get(coreServices.audit).record(
    { action: 'qa.question.erase-personal-data', objectType: 'qa.question', objectId: id, tenantId: question.province_id, after: { reason, published: publication !== undefined } },
    { trx, ...(reason === 'request' ? { actorId: 'public' } : {}) },
  );
}

/** Replaces every occurrence of the known personal values (case-insensitive; longest first) in a text. */
function scrubberOf(values: readonly (string | null)[]): (text: string) => string {
  const known = [...new Set(values.map((v) => (v ?? '').trim()).filter((v) => v.length >= 3 && v !== ERASED))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return (text) => text;
  const pattern = new RegExp(known.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  return (text) => text.replace(pattern, ERASED);
}
