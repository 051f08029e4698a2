import { sql, type Kysely } from 'kysely';

/**
 * Citizens' questions (QA-01, QA-02).
 *
 * qa_questions: one question, received by a unit's site (`site_id`), triaged by the board of its
 * province (`province_id`, the root of the tree), with the agency it is forwarded to (`agency_id`).
 * The verification token is stored only as its sha256 (`verify_hash`), cleared once used. The
 * tracking code is unique (NULLs never clash: unverified rows have none).
 *
 * qa_question_events: the timeline, each step with who, in which unit, when, and the target unit.
 *
 * qa_fields: the fields (lĩnh vực) a province offers on its form, seeded with defaults.
 *
 * qa_routing_rules: field → agency and commune → unit suggestions for the board, per province.
 *
 * qa_secrets: the key that signs the form's fill-time tokens, created on first use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('qa_questions')
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
    .addColumn('content', longText, (c) => c.notNull())
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
    .addCheckConstraint('qa_questions_status_check', sql`status in ('unverified', 'received', 'forwarded', 'returned', 'closed')`)
    .execute();
  await db.schema.createIndex('qa_questions_tracking_uq').on('qa_questions').column('tracking_code').unique().execute();
  await db.schema.createIndex('qa_questions_verify_uq').on('qa_questions').column('verify_hash').unique().execute();
  await db.schema.createIndex('qa_questions_board_idx').on('qa_questions').columns(['province_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_questions_agency_idx').on('qa_questions').columns(['agency_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_questions_expiry_idx').on('qa_questions').columns(['status', 'verify_expires_at']).execute();

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

  await db.schema
    .createTable('qa_fields')
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_vi', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_fields_pk', ['province_id', 'code'])
    .execute();

  await db.schema
    .createTable('qa_routing_rules')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('field_code', 'varchar(40)')
    .addColumn('commune_id', 'varchar(64)')
    .addColumn('agency_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_routing_rules_kind_check', sql`kind in ('field', 'commune')`)
    .execute();
  await db.schema.createIndex('qa_routing_rules_province_idx').on('qa_routing_rules').columns(['province_id', 'kind']).execute();

  await db.schema
    .createTable('qa_secrets')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_secrets', 'qa_routing_rules', 'qa_fields', 'qa_question_events', 'qa_questions']) await db.schema.dropTable(table).execute();
}
