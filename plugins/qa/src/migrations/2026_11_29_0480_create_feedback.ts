import { sql, type Kysely } from 'kysely';

/**
 * Feedback on administrative regulations (phản ánh, kiến nghị, QA-10…QA-14, NĐ 20/2008/NĐ-CP) and ideas
 * for developing the province (góp ý, hiến kế, QA-15) (src/feedback).
 *
 * qa_feedback: one feedback or idea (`kind`): the sender (name, e-mail, phone, address), the content
 * type and the regulation concerned (feedback), the content and the proposal, the e-mail verification,
 * the tracking code, and the receiving unit's steps: register number (số vào sổ), classification with
 * its reason and, for forwarding, the due date on the working-day calendar; the review against the
 * criteria of Art. 14 (JSON), the decision, the public result; for ideas the public text, the
 * acknowledgement and the count of verified support votes.
 *
 * qa_feedback_events: the timeline of every step (append-only).
 *
 * qa_feedback_votes: one support vote per idea and verified e-mail address (only its SHA-256 stored).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('qa_feedback')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('site_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('receiving_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('tracking_code', 'varchar(20)')
    .addColumn('sender_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('sender_email', 'varchar(254)', (c) => c.notNull())
    .addColumn('sender_phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('sender_address', 'varchar(300)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(32)')
    .addColumn('regulation_name', 'varchar(500)')
    .addColumn('regulation_link', 'varchar(2000)')
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('content', longText, (c) => c.notNull())
    .addColumn('proposal', longText)
    .addColumn('consent_publish', 'integer', (c) => c.notNull())
    .addColumn('consent_version', 'varchar(40)', (c) => c.notNull())
    .addColumn('verify_hash', 'varchar(64)')
    .addColumn('verify_expires_at', 'bigint')
    .addColumn('received_at', 'bigint')
    .addColumn('register_number', 'varchar(40)')
    .addColumn('registered_at', 'bigint')
    .addColumn('classification', 'varchar(24)')
    .addColumn('classify_reason', 'varchar(2000)')
    .addColumn('forward_due_on', 'varchar(10)')
    .addColumn('forward_rule_version', 'varchar(64)')
    .addColumn('forwarded_to', 'varchar(500)')
    .addColumn('forwarded_at', 'bigint')
    .addColumn('review_json', longText)
    .addColumn('decision', 'varchar(24)')
    .addColumn('decision_note', longText)
    .addColumn('public_slug', 'varchar(120)')
    .addColumn('public_title', 'varchar(500)')
    .addColumn('public_summary', longText)
    .addColumn('public_result', longText)
    .addColumn('published_at', 'bigint')
    .addColumn('archived_at', 'bigint')
    .addColumn('acknowledgement', 'varchar(16)')
    .addColumn('acknowledgement_note', longText)
    .addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_feedback_kind_check', sql`kind in ('regulation', 'idea')`)
    .addCheckConstraint(
      'qa_feedback_status_check',
      sql`status in ('unverified', 'received', 'registered', 'not-accepted', 'forwarding', 'forwarded', 'processing', 'decided', 'published', 'accepted', 'rejected', 'archived')`,
    )
    .execute();
  await db.schema.createIndex('qa_feedback_tracking_uq').on('qa_feedback').column('tracking_code').unique().execute();
  await db.schema.createIndex('qa_feedback_verify_uq').on('qa_feedback').column('verify_hash').unique().execute();
  await db.schema.createIndex('qa_feedback_slug_uq').on('qa_feedback').column('public_slug').unique().execute();
  await db.schema.createIndex('qa_feedback_register_uq').on('qa_feedback').columns(['receiving_unit_id', 'register_number']).unique().execute();
  await db.schema.createIndex('qa_feedback_unit_idx').on('qa_feedback').columns(['receiving_unit_id', 'kind', 'status', 'created_at']).execute();
  await db.schema.createIndex('qa_feedback_province_idx').on('qa_feedback').columns(['province_id', 'kind', 'status', 'published_at']).execute();

  await db.schema
    .createTable('qa_feedback_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('feedback_id', 'varchar(36)', (c) => c.notNull().references('qa_feedback.id').onDelete('cascade'))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)')
    .addColumn('note', 'varchar(4000)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_feedback_events_idx').on('qa_feedback_events').columns(['feedback_id', 'created_at']).execute();

  await db.schema
    .createTable('qa_feedback_votes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('feedback_id', 'varchar(36)', (c) => c.notNull().references('qa_feedback.id').onDelete('cascade'))
    .addColumn('email_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('verify_hash', 'varchar(64)')
    .addColumn('verify_expires_at', 'bigint')
    .addColumn('counted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('qa_feedback_votes_status_check', sql`status in ('unverified', 'counted')`)
    .execute();
  await db.schema.createIndex('qa_feedback_votes_uq').on('qa_feedback_votes').columns(['feedback_id', 'email_hash']).unique().execute();
  await db.schema.createIndex('qa_feedback_votes_verify_uq').on('qa_feedback_votes').column('verify_hash').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_feedback_votes', 'qa_feedback_events', 'qa_feedback']) {
    await db.schema.dropTable(table).execute();
  }
}
