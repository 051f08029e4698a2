import type { Kysely } from 'kysely';

/**
 * Progress reports, answers by reference and staff notifications (QA-03, QA-06; src/answers,
 * src/deadlines).
 *
 * qa_progress_reports: an agency's report of progress with the date it will answer (QA-03 "answers,
 * or reports progress with a stated answer date"), one row per report; `answer_by` is a Vietnam
 * calendar date `YYYY-MM-DD`.
 *
 * qa_answer_links: a question the board answered by pointing to an already published Q&A (QA-06
 * duplicates): one row per question, naming the published question it was linked to.
 *
 * qa_staff_notices: the notifications sent to staff (a question forwarded to an agency, an answer
 * submitted for approval, a mention in an internal note), one per event key (the primary key), so a
 * step retried or a catch-up run twice sends nothing twice.
 *
 * qa_question_clocks gains `first_due_on` (the due date before a progress report moved it),
 * `progress_at` (when the hop's first report was made) and `progress_on_time` (made by the first due
 * date: the first-response clock was met).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_progress_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('answer_by', 'varchar(10)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_progress_reports_question_idx').on('qa_progress_reports').columns(['question_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_answer_links')
    .addColumn('question_id', 'varchar(36)', (c) => c.primaryKey().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('published_question_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_answer_links_target_idx').on('qa_answer_links').columns(['published_question_id']).execute();

  await db.schema
    .createTable('qa_staff_notices')
    .addColumn('event_key', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_staff_notices_question_idx').on('qa_staff_notices').columns(['question_id']).execute();

  await db.schema.alterTable('qa_question_clocks').addColumn('first_due_on', 'varchar(10)').execute();
  await db.schema.alterTable('qa_question_clocks').addColumn('progress_at', 'bigint').execute();
  await db.schema.alterTable('qa_question_clocks').addColumn('progress_on_time', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['progress_on_time', 'progress_at', 'first_due_on']) await db.schema.alterTable('qa_question_clocks').dropColumn(column).execute();
  for (const table of ['qa_staff_notices', 'qa_answer_links', 'qa_progress_reports']) await db.schema.dropTable(table).execute();
}
