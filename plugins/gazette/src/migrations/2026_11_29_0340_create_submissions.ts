import { sql, type Kysely } from 'kysely';

/**
 * The intake register of the gazette office (GAZ-10, GAZ-13, GAZ-01).
 *
 * gazette_submissions: one document an issuing unit (`tenant_id`) sends for publication to the office
 * of its province (`office_id`, the root of its unit tree). The issuer reads its rows by `tenant_id`,
 * the office by `office_id`. `register_year`/`register_number` are the register (sổ) entry, unique per
 * office and year (NULLs never clash, so unregistered rows coexist on both dialects). Deadlines are
 * calendar dates (`YYYY-MM-DD`, Vietnam time) with the rule version that computed them. `flags` is
 * the JSON list of the last intake check. Booleans are 0/1 integers; times are epoch milliseconds.
 *
 * gazette_submission_files: every file ever attached (nothing is replaced: GAZ-13 keeps all versions
 * for later comparison); `is_current` marks the one of each role in use.
 *
 * gazette_submission_events: the timeline, each step with who, in which unit, when.
 *
 * gazette_issuer_contacts: the gazette contact (đầu mối) of an issuing unit, notified of discrepancies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('gazette_submissions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('origin', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('document_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('number_symbol', 'varchar(100)', (c) => c.notNull())
    .addColumn('number_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('doc_number', 'varchar(20)')
    .addColumn('doc_year', 'integer')
    .addColumn('doc_symbol', 'varchar(80)')
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('issuing_agency', 'varchar(300)', (c) => c.notNull())
    .addColumn('signer', 'varchar(200)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('in_force_on_signing', 'integer', (c) => c.notNull())
    .addColumn('legal_normative', 'integer', (c) => c.notNull())
    .addColumn('field', 'varchar(200)')
    .addColumn('source_channel', 'varchar(24)', (c) => c.notNull())
    .addColumn('submitter_email', 'varchar(254)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('flags', longText, (c) => c.notNull())
    .addColumn('register_year', 'integer')
    .addColumn('register_number', 'integer')
    .addColumn('registered_at', 'bigint')
    .addColumn('registered_by', 'varchar(191)')
    .addColumn('sent_at', 'bigint')
    .addColumn('sent_on', 'varchar(10)')
    .addColumn('sent_by', 'varchar(191)')
    .addColumn('send_due', 'varchar(10)')
    .addColumn('send_rule', 'varchar(200)')
    .addColumn('publish_due', 'varchar(10)')
    .addColumn('publish_rule', 'varchar(200)')
    .addColumn('round_count', 'integer', (c) => c.notNull())
    .addColumn('passed_at', 'bigint')
    .addColumn('passed_by', 'varchar(191)')
    .addColumn('published_at', 'bigint')
    .addColumn('published_ref', 'varchar(200)')
    .addColumn('withdrawn_at', 'bigint')
    .addColumn('withdrawn_by', 'varchar(191)')
    .addColumn('withdraw_reason', 'varchar(2000)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint(
      'gazette_submissions_status_check',
      sql`status in ('draft', 'sent', 'registered', 'comparing', 'returned', 'corrected', 'passed', 'published', 'withdrawn')`,
    )
    .execute();
  await db.schema.createIndex('gazette_submissions_register_uq').on('gazette_submissions').columns(['office_id', 'register_year', 'register_number']).unique().execute();
  await db.schema.createIndex('gazette_submissions_issuer_idx').on('gazette_submissions').columns(['tenant_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('gazette_submissions_office_idx').on('gazette_submissions').columns(['office_id', 'status', 'sent_at']).execute();
  await db.schema.createIndex('gazette_submissions_number_idx').on('gazette_submissions').columns(['tenant_id', 'number_key']).execute();

  await db.schema
    .createTable('gazette_submission_files')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('uploaded_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('gazette_submission_files_role_check', sql`role in ('original', 'electronic')`)
    .execute();
  await db.schema.createIndex('gazette_submission_files_version_uq').on('gazette_submission_files').columns(['submission_id', 'role', 'version']).unique().execute();

  await db.schema
    .createTable('gazette_submission_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('actor_unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('remark', 'varchar(2000)')
    .addColumn('detail', longText)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gazette_submission_events_submission_idx').on('gazette_submission_events').columns(['submission_id', 'created_at']).execute();

  await db.schema
    .createTable('gazette_issuer_contacts')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)')
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)')
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gazette_issuer_contacts').execute();
  await db.schema.dropTable('gazette_submission_events').execute();
  await db.schema.dropTable('gazette_submission_files').execute();
  await db.schema.dropTable('gazette_submissions').execute();
}
