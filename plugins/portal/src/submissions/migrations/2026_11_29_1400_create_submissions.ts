import { sql, type Kysely } from 'kysely';

/** Long text: MEDIUMTEXT on MySQL (TEXT stops at 64 KiB), TEXT on SQLite, which reads any "TEXT" type name as text. */
const longText = sql`mediumtext`;

/**
 * portal_submissions: content a unit sends to an ancestor's portal (tiếp nhận tin bài, POR-41).
 * `tenant_id` is the sending unit, `receiver_id` the receiving one; each side queries by its own
 * column. portal_submission_events: every step (submit, edit, resubmit, withdraw, accept, return)
 * with its actor, remark and, for the steps that change the text, a snapshot, so a returned and
 * resubmitted item keeps its history. Times are epoch milliseconds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_submissions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('receiver_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', 'varchar(2000)', (c) => c.notNull())
    .addColumn('body', longText, (c) => c.notNull())
    .addColumn('category_slug', 'varchar(120)')
    .addColumn('byline', 'varchar(300)')
    .addColumn('contact_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('contact_phone', 'varchar(40)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('request_id', 'varchar(36)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('remarks', 'varchar(2000)')
    .addColumn('article_id', 'varchar(36)')
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addColumn('handled_by', 'varchar(191)')
    .addColumn('handled_at', 'bigint')
    .addCheckConstraint('portal_submissions_status_check', sql`status in ('submitted', 'accepted', 'returned', 'withdrawn')`)
    .execute();
  await db.schema.createIndex('portal_submissions_sender_idx').on('portal_submissions').columns(['tenant_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('portal_submissions_receiver_idx').on('portal_submissions').columns(['receiver_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('portal_submissions_request_idx').on('portal_submissions').columns(['request_id', 'tenant_id']).execute();

  await db.schema
    .createTable('portal_submission_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('receiver_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('actor_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('remark', 'varchar(2000)')
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('snapshot', longText)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_submission_events_submission_idx').on('portal_submission_events').columns(['submission_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_submission_events').execute();
  await db.schema.dropTable('portal_submissions').execute();
}
