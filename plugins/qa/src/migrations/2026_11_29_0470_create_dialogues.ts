import { sql, type Kysely } from 'kysely';

/**
 * Online dialogues with leaders (giao lưu, đối thoại trực tuyến, QA-30, QA-31; src/dialogues).
 *
 * qa_dialogues: an event organised by a unit (`unit_id`) of a province (`province_id`): topic (a field of
 * the question flow), schedule, livestream link, and its status, moved by staff: `announced` → `live` →
 * `ended` → `published` (summary or transcript and video link out), or `cancelled` with a reason.
 *
 * qa_dialogue_guests: the leaders who answer, in order (name, position, unit).
 *
 * qa_dialogue_questions: the public's questions, sent before or during the event (`asked_during`).
 * `unverified` → `pending` (e-mail verified) → `approved` | `rejected` (with a reason); an approved
 * question is `answering` while a guest answers it, then `answered` with the guest's name and position
 * copied at that moment; after the event an unanswered approved question is `forwarded` into the question
 * flow (`forwarded_question_id` is the `qa_questions` row it became).
 *
 * qa_dialogue_moderation: what staff did to each question, with who, when and why. Append-only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('qa_dialogues')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('field_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('description', longText, (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('livestream_url', 'varchar(2000)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('cancel_reason', 'varchar(2000)')
    .addColumn('summary', longText)
    .addColumn('video_url', 'varchar(2000)')
    .addColumn('started_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('published_at', 'bigint')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_dialogues_status_check', sql`status in ('announced', 'live', 'ended', 'published', 'cancelled')`)
    .execute();
  await db.schema.createIndex('qa_dialogues_slug_uq').on('qa_dialogues').column('slug').unique().execute();
  await db.schema.createIndex('qa_dialogues_unit_idx').on('qa_dialogues').columns(['unit_id', 'starts_at']).execute();
  await db.schema.createIndex('qa_dialogues_province_idx').on('qa_dialogues').columns(['province_id', 'starts_at']).execute();

  await db.schema
    .createTable('qa_dialogue_guests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('dialogue_id', 'varchar(36)', (c) => c.notNull().references('qa_dialogues.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(300)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_dialogue_guests_idx').on('qa_dialogue_guests').columns(['dialogue_id', 'position']).execute();

  await db.schema
    .createTable('qa_dialogue_questions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('dialogue_id', 'varchar(36)', (c) => c.notNull().references('qa_dialogues.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('asked_during', 'varchar(8)', (c) => c.notNull())
    .addColumn('asker_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('asker_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('content', longText, (c) => c.notNull())
    .addColumn('consent_publish', 'integer', (c) => c.notNull())
    .addColumn('consent_version', 'varchar(40)', (c) => c.notNull())
    .addColumn('verify_hash', 'varchar(64)')
    .addColumn('verify_expires_at', 'bigint')
    .addColumn('verified_at', 'bigint')
    .addColumn('reject_reason', 'varchar(2000)')
    .addColumn('answer_text', longText)
    .addColumn('answered_by_guest_id', 'varchar(36)')
    .addColumn('answered_by_name', 'varchar(200)')
    .addColumn('answered_by_title', 'varchar(300)')
    .addColumn('answered_at', 'bigint')
    .addColumn('forwarded_question_id', 'varchar(36)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_dialogue_questions_status_check', sql`status in ('unverified', 'pending', 'approved', 'rejected', 'answering', 'answered', 'forwarded')`)
    .addCheckConstraint('qa_dialogue_questions_during_check', sql`asked_during in ('before', 'during')`)
    .execute();
  await db.schema.createIndex('qa_dialogue_questions_idx').on('qa_dialogue_questions').columns(['dialogue_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_dialogue_questions_verify_uq').on('qa_dialogue_questions').column('verify_hash').unique().execute();

  await db.schema
    .createTable('qa_dialogue_moderation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('dialogue_id', 'varchar(36)', (c) => c.notNull().references('qa_dialogues.id').onDelete('cascade'))
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)')
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_dialogue_moderation_idx').on('qa_dialogue_moderation').columns(['dialogue_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_dialogue_moderation', 'qa_dialogue_questions', 'qa_dialogue_guests', 'qa_dialogues']) {
    await db.schema.dropTable(table).execute();
  }
}
