import { sql, type Kysely } from 'kysely';

/**
 * Public consultation on draft documents (lấy ý kiến dự thảo, QA-20…QA-25; src/consultations).
 *
 * qa_consultations: a draft put to the public by its drafting unit (`unit_id`) in a province
 * (`province_id`). The phase is computed on read from `announced_at`, `opens_on`, `closes_on` (Vietnam
 * calendar days, `YYYY-MM-DD`) and `outcome_published_at`. `rule_version` and `minimum_days` record the
 * minimum-period rule the dates were checked against.
 *
 * qa_consultation_articles: the draft's text split into articles (Chương …, Điều N.), in order.
 *
 * qa_consultation_files: the dossier (hồ sơ dự thảo), kept by the core's file service.
 *
 * qa_consultation_consultees: the units whose opinion is asked, their reply deadline and reply.
 *
 * qa_consultation_comments: the public's comments, on an article or on the whole draft (`article_id`
 * null). `unverified` → `pending` (e-mail verified) → `approved` | `rejected`; `hidden_at` once reported
 * too often. The drafting unit's answer (`reply_decision`, `reply_text`) feeds the report on acceptance
 * and explanation (báo cáo tiếp thu, giải trình).
 *
 * qa_consultation_moderation: the moderation log (QA-25): every approval, rejection, automatic hiding
 * and restoration, with who, when and why. Append-only.
 *
 * qa_consultation_reports: the "report abuse" marks, one per comment and reporter (a hash of the
 * client's address; no address is stored).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('qa_consultations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', longText, (c) => c.notNull())
    .addColumn('document_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('shortened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minimum_days', 'integer', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(100)', (c) => c.notNull())
    .addColumn('contact_address', 'varchar(300)', (c) => c.notNull())
    .addColumn('contact_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('contact_phone', 'varchar(30)')
    .addColumn('announced_at', 'bigint')
    .addColumn('outcome_summary', longText)
    .addColumn('outcome_published_at', 'bigint')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_consultations_slug_uq').on('qa_consultations').column('slug').unique().execute();
  await db.schema.createIndex('qa_consultations_unit_idx').on('qa_consultations').columns(['unit_id', 'created_at']).execute();
  await db.schema.createIndex('qa_consultations_province_idx').on('qa_consultations').columns(['province_id', 'closes_on']).execute();

  await db.schema
    .createTable('qa_consultation_articles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('consultation_id', 'varchar(36)', (c) => c.notNull().references('qa_consultations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('chapter', 'varchar(500)')
    .addColumn('number', 'varchar(20)')
    .addColumn('heading', 'varchar(500)', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_consultation_articles_idx').on('qa_consultation_articles').columns(['consultation_id', 'position']).execute();

  await db.schema
    .createTable('qa_consultation_files')
    .addColumn('file_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('consultation_id', 'varchar(36)', (c) => c.notNull().references('qa_consultations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_consultation_files_idx').on('qa_consultation_files').columns(['consultation_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_consultation_consultees')
    .addColumn('consultation_id', 'varchar(36)', (c) => c.notNull().references('qa_consultations.id').onDelete('cascade'))
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('built_in', 'varchar(30)')
    .addColumn('deadline_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reply_text', longText)
    .addColumn('reply_file_id', 'varchar(64)')
    .addColumn('reply_file_name', 'varchar(255)')
    .addColumn('reply_file_type', 'varchar(120)')
    .addColumn('reply_file_size', 'bigint')
    .addColumn('replied_by', 'varchar(191)')
    .addColumn('replied_at', 'bigint')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('qa_consultation_consultees_pk', ['consultation_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('qa_consultation_consultees_unit_idx').on('qa_consultation_consultees').columns(['unit_id', 'deadline_on']).execute();

  await db.schema
    .createTable('qa_consultation_comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('consultation_id', 'varchar(36)', (c) => c.notNull().references('qa_consultations.id').onDelete('cascade'))
    .addColumn('article_id', 'varchar(36)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('author_org', 'varchar(300)')
    .addColumn('author_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .addColumn('verify_hash', 'varchar(64)')
    .addColumn('verify_expires_at', 'bigint')
    .addColumn('verified_at', 'bigint')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_at', 'bigint')
    .addColumn('reply_decision', 'varchar(16)')
    .addColumn('reply_text', longText)
    .addColumn('replied_by', 'varchar(191)')
    .addColumn('replied_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_consultation_comments_status_check', sql`status in ('unverified', 'pending', 'approved', 'rejected')`)
    .addCheckConstraint('qa_consultation_comments_decision_check', sql`reply_decision is null or reply_decision in ('accepted', 'partly', 'not-accepted')`)
    .execute();
  await db.schema.createIndex('qa_consultation_comments_idx').on('qa_consultation_comments').columns(['consultation_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_consultation_comments_verify_uq').on('qa_consultation_comments').column('verify_hash').unique().execute();

  await db.schema
    .createTable('qa_consultation_moderation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('consultation_id', 'varchar(36)', (c) => c.notNull().references('qa_consultations.id').onDelete('cascade'))
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)')
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_consultation_moderation_idx').on('qa_consultation_moderation').columns(['consultation_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_consultation_reports')
    .addColumn('comment_id', 'varchar(36)', (c) => c.notNull().references('qa_consultation_comments.id').onDelete('cascade'))
    .addColumn('reporter_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_consultation_reports_pk', ['comment_id', 'reporter_hash'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_consultation_reports', 'qa_consultation_moderation', 'qa_consultation_comments', 'qa_consultation_consultees', 'qa_consultation_files', 'qa_consultation_articles', 'qa_consultations']) {
    await db.schema.dropTable(table).execute();
  }
}
