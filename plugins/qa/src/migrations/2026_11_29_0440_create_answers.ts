import { MysqlAdapter, sql, type Kysely } from 'kysely';

/**
 * Answers to citizens' questions (QA-03…QA-06, CORE-07; src/answers).
 *
 * qa_questions gains two statuses: `waiting` (the agency asked the citizen for more information: the
 * pause an SLA clock will skip) and `answered`. SQLite cannot change a CHECK constraint, so there the
 * table is rebuilt: a new table with the new check, rows copied, the old one dropped, the new one
 * renamed, indexes recreated. `qa_question_events` references `qa_questions` with ON DELETE CASCADE and
 * SQLite runs with `foreign_keys = ON` (which cannot be switched off inside the migration's
 * transaction), so dropping the old table would delete the timeline: the events are first copied
 * aside, their table dropped and recreated with its foreign key once the new `qa_questions` is in
 * place. MySQL/MariaDB drop and re-add the named constraint. `down` restores the old check; questions
 * that were `waiting` or `answered` go back to `forwarded` (still with their agency).
 *
 * qa_answers: an agency's answer to a question (one per question and agency: a question transferred
 * away keeps the first agency's draft as history). `draft` → `pending` (submitted for the leader's
 * approval) → `sent`, or back to `draft` with remarks. `body` is the latest revision.
 *
 * qa_answer_revisions: every saved version of an answer, numbered, with its author.
 *
 * qa_answer_attachments: files attached to an answer (kept by the core's file service, `file_id`), sent
 * with it to the asker; never published.
 *
 * qa_answer_notes: internal notes of the agency on a question; never shown publicly or to the asker.
 *
 * qa_agency_settings: per unit, whether its answers need a leader's approval (else the config's default).
 *
 * qa_publications: the reviewed public version of an answered question (title, question and answer with
 * personal data masked) and whether it is published; `search_fold` is the folded text the public search
 * reads (no diacritics, đ→d), `slug` its public address.
 *
 * qa_ratings: the asker's rating of an answer (1–5, optional comment), once per question; no rater
 * identity or address is stored with it.
 */
const OLD_STATUSES = ['unverified', 'received', 'forwarded', 'returned', 'closed'];
const NEW_STATUSES = [...OLD_STATUSES, 'waiting', 'answered'];

const QUESTION_COLUMNS = [
  'id', 'province_id', 'site_id', 'status', 'tracking_code', 'asker_name', 'asker_email', 'asker_phone', 'asker_address', 'field_code',
  'commune_id', 'title', 'content', 'consent_publish', 'consent_version', 'agency_id', 'verify_hash', 'verify_expires_at', 'verified_at',
  'close_reason', 'channel', 'created_at', 'updated_at',
];
const EVENT_COLUMNS = ['id', 'question_id', 'province_id', 'action', 'actor_id', 'actor_unit_id', 'target_unit_id', 'note', 'created_at'];

export async function up(db: Kysely<any>): Promise<void> {
  await changeStatusCheck(db, NEW_STATUSES);
  const longText = sql`mediumtext`;

  await db.schema
    .createTable('qa_answers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(191)')
    .addColumn('submitted_at', 'bigint')
    .addColumn('decided_by', 'varchar(191)')
    .addColumn('decided_at', 'bigint')
    .addColumn('remarks', 'varchar(2000)')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_answers_status_check', sql`status in ('draft', 'pending', 'sent')`)
    .execute();
  await db.schema.createIndex('qa_answers_question_agency_uq').on('qa_answers').columns(['question_id', 'agency_id']).unique().execute();
  await db.schema.createIndex('qa_answers_agency_idx').on('qa_answers').columns(['agency_id', 'status', 'updated_at']).execute();

  await db.schema
    .createTable('qa_answer_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('answer_id', 'varchar(36)', (c) => c.notNull().references('qa_answers.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_answer_revisions_number_uq').on('qa_answer_revisions').columns(['answer_id', 'number']).unique().execute();

  await db.schema
    .createTable('qa_answer_attachments')
    .addColumn('file_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('answer_id', 'varchar(36)', (c) => c.notNull().references('qa_answers.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_answer_attachments_answer_idx').on('qa_answer_attachments').columns(['answer_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_answer_notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('body', 'varchar(4000)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_answer_notes_question_idx').on('qa_answer_notes').columns(['question_id', 'agency_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_agency_settings')
    .addColumn('unit_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('require_approval', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qa_publications')
    .addColumn('question_id', 'varchar(36)', (c) => c.primaryKey().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('field_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('question', longText, (c) => c.notNull())
    .addColumn('answer', longText, (c) => c.notNull())
    .addColumn('search_fold', longText, (c) => c.notNull())
    .addColumn('asked_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'varchar(191)')
    .addColumn('published_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_publications_status_check', sql`status in ('reviewed', 'published', 'unpublished')`)
    .execute();
  await db.schema.createIndex('qa_publications_slug_uq').on('qa_publications').columns(['slug']).unique().execute();
  await db.schema.createIndex('qa_publications_list_idx').on('qa_publications').columns(['province_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('qa_publications_field_idx').on('qa_publications').columns(['province_id', 'field_code', 'status', 'published_at']).execute();

  await db.schema
    .createTable('qa_ratings')
    .addColumn('question_id', 'varchar(36)', (c) => c.primaryKey().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'varchar(1000)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_ratings_score_check', sql`score between 1 and 5`)
    .execute();
  await db.schema.createIndex('qa_ratings_agency_idx').on('qa_ratings').columns(['agency_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_ratings', 'qa_publications', 'qa_agency_settings', 'qa_answer_notes', 'qa_answer_attachments', 'qa_answer_revisions', 'qa_answers']) await db.schema.dropTable(table).execute();
  await db.updateTable('qa_questions').set({ status: 'forwarded' }).where('status', 'in', ['waiting', 'answered']).execute();
  await changeStatusCheck(db, OLD_STATUSES);
}

/** The status check of `qa_questions` allowing `statuses` (constants of this file, never input). */
async function changeStatusCheck(db: Kysely<any>, statuses: readonly string[]): Promise<void> {
  const check = sql.raw(`status in (${statuses.map((s) => `'${s}'`).join(', ')})`);
  if (isMysql(db)) {
    await sql`ALTER TABLE qa_questions DROP CONSTRAINT qa_questions_status_check`.execute(db);
    await sql`ALTER TABLE qa_questions ADD CONSTRAINT qa_questions_status_check CHECK (${check})`.execute(db);
    return;
  }
  const questionColumns = sql.raw(QUESTION_COLUMNS.join(', '));
  const eventColumns = sql.raw(EVENT_COLUMNS.join(', '));
  // The timeline aside first: dropping the old questions table would cascade into it.
  await sql`CREATE TABLE qa_question_events_keep AS SELECT ${eventColumns} FROM qa_question_events`.execute(db);
  await db.schema.dropTable('qa_question_events').execute();

  await createQuestions(db, 'qa_questions_next', check);
  await sql`INSERT INTO qa_questions_next (${questionColumns}) SELECT ${questionColumns} FROM qa_questions`.execute(db);
  await db.schema.dropTable('qa_questions').execute();
  await sql`ALTER TABLE qa_questions_next RENAME TO qa_questions`.execute(db);
  await db.schema.createIndex('qa_questions_tracking_uq').on('qa_questions').column('tracking_code').unique().execute();
  await db.schema.createIndex('qa_questions_verify_uq').on('qa_questions').column('verify_hash').unique().execute();
  await db.schema.createIndex('qa_questions_board_idx').on('qa_questions').columns(['province_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_questions_agency_idx').on('qa_questions').columns(['agency_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_questions_expiry_idx').on('qa_questions').columns(['status', 'verify_expires_at']).execute();

  await createEvents(db);
  await sql`INSERT INTO qa_question_events (${eventColumns}) SELECT ${eventColumns} FROM qa_question_events_keep`.execute(db);
  await db.schema.dropTable('qa_question_events_keep').execute();
}

/** `qa_questions` as 0430 made it, with the status check given. */
async function createQuestions(db: Kysely<any>, name: string, check: ReturnType<typeof sql.raw>): Promise<void> {
  await db.schema
    .createTable(name)
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('tracking_code', 'varchar(20)')
    .addColumn('asker_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('asker_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('asker_phone', 'varchar(20)')
    .addColumn('asker_address', 'varchar(300)')
    .addColumn('field_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('commune_id', 'varchar(64)')
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('content', sql`mediumtext`, (c) => c.notNull())
    .addColumn('consent_publish', 'integer', (c) => c.notNull())
    .addColumn('consent_version', 'varchar(40)', (c) => c.notNull())
    .addColumn('agency_id', 'varchar(64)')
    .addColumn('verify_hash', 'varchar(64)')
    .addColumn('verify_expires_at', 'bigint')
    .addColumn('verified_at', 'bigint')
    .addColumn('close_reason', 'varchar(2000)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_questions_status_check', check)
    .execute();
}

/** `qa_question_events` as 0430 made it: the foreign key to `qa_questions` with ON DELETE CASCADE. */
async function createEvents(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_question_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('actor_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('target_unit_id', 'varchar(64)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_question_events_question_idx').on('qa_question_events').columns(['question_id', 'created_at']).execute();
}

// A migration receives only the Kysely instance, so the dialect is read from its adapter (the class
// name is the fallback for a second copy of kysely in the tree).
function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
