import { sql, type Kysely } from 'kysely';

/**
 * Mail templates and personal data (src/templates, src/privacy; CORE-11).
 *
 * qa_mail_templates: a province's own text of a named e-mail (subject, Vietnamese and English body);
 * without a row the default text is sent. One row per province and name.
 *
 * qa_erasure_requests: a citizen's request to delete the personal data of a question, waiting for the
 * e-mailed link (`token_hash`, sha256 of the single-use token; null once used or superseded).
 *
 * qa_erasures: the record that a question's personal data was erased, why (`request` or `retention`)
 * and when. It is what makes the retention job idempotent, and holds no personal data itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('qa_mail_templates')
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject', 'varchar(400)', (c) => c.notNull())
    .addColumn('body_vi', longText, (c) => c.notNull())
    .addColumn('body_en', longText, (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_mail_templates_pk', ['province_id', 'name'])
    .execute();

  await db.schema
    .createTable('qa_erasure_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_erasure_requests_token_uq').on('qa_erasure_requests').column('token_hash').unique().execute();
  await db.schema.createIndex('qa_erasure_requests_question_idx').on('qa_erasure_requests').column('question_id').execute();

  await db.schema
    .createTable('qa_erasures')
    .addColumn('question_id', 'varchar(36)', (c) => c.primaryKey().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('erased_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_erasures_reason_check', sql`reason in ('request', 'retention')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_erasures', 'qa_erasure_requests', 'qa_mail_templates']) {
    await db.schema.dropTable(table).execute();
  }
}
