import type { Kysely } from 'kysely';

/**
 * Files a citizen attaches to a question (src/questions; QA-01): one row per file, pointing to the
 * core file service's id. No foreign key to `qa_questions` on purpose: the hourly purge deletes
 * unverified questions, and the files' content lives outside the database, so a sweep removes the
 * content first and then the row of every file whose question is gone or whose personal data was
 * erased (`erased_at`, set by src/privacy in its transaction).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_question_attachments')
    .addColumn('file_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(128)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('erased_at', 'bigint')
    .execute();
  await db.schema.createIndex('qa_question_attachments_question_idx').on('qa_question_attachments').column('question_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('qa_question_attachments').execute();
}
