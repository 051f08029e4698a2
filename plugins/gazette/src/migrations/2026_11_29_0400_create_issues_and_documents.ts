import { sql, type Kysely } from 'kysely';

/**
 * Issues of the gazette and the documents published in them (GAZ-20…GAZ-31).
 *
 * gazette_issues: a số Công báo of an office (`office_id`, the province unit): numbers sequential per
 * year (`number_from`…`number_to`, equal for a single number; "Từ số 243 đến số 244" for a range),
 * its publication date, and once published the signed PDF (`file_id`, `sha256`, `page_count`, the
 * signature as JSON) — after which nothing of it changes (GAZ-24; later changes are corrections).
 * Status: draft → rendering → published, or failed (render/sign error, kept with `render_error`).
 *
 * gazette_issue_entries: the contents in order: each a submission that passed comparison
 * (an office correction notice is an office-entered submission too); `document_id` and the page range
 * are filled at publication.
 *
 * gazette_documents: every published document with its attributes, full text (the electronic copy's),
 * folded copies for diacritic-insensitive search, its place in an issue, its files and hashes, a
 * stable ELI path (`/eli/{type}/{year}/{number-symbol}`, unique per office), and a manual validity
 * override with its reason. `updated_at` drives the API's "updated since" feed.
 *
 * gazette_document_relations: replaces, amends, repeals, guides, corrects (from → to).
 *
 * gazette_corrections (đính chính, GAZ-25…GAZ-28): a correction notice (a submission, later a
 * document) and what it corrects (a submission not yet published, or a published document), by case:
 * `issuer-before` (same issue as the faulty document), `issuer-after` (next issue), `office` (the
 * office's own notice of a production error, next nearest issue).
 *
 * Dates are `YYYY-MM-DD` (Vietnam); times epoch milliseconds; booleans 0/1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('gazette_issues')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number_from', 'integer', (c) => c.notNull())
    .addColumn('number_to', 'integer', (c) => c.notNull())
    .addColumn('publication_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('page_count', 'integer')
    .addColumn('file_id', 'varchar(64)')
    .addColumn('sha256', 'varchar(64)')
    .addColumn('signature', longText)
    .addColumn('renderer', 'varchar(12)')
    .addColumn('render_error', 'varchar(1000)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_by', 'varchar(191)')
    .addColumn('published_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('gazette_issues_status_check', sql`status in ('draft', 'rendering', 'published', 'failed')`)
    .addCheckConstraint('gazette_issues_numbers_check', sql`number_to >= number_from and number_from >= 1`)
    .execute();
  await db.schema.createIndex('gazette_issues_number_uq').on('gazette_issues').columns(['office_id', 'year', 'number_from']).unique().execute();
  await db.schema.createIndex('gazette_issues_date_idx').on('gazette_issues').columns(['office_id', 'status', 'publication_date']).execute();

  await db.schema
    .createTable('gazette_issue_entries')
    .addColumn('issue_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('section', 'varchar(100)')
    .addColumn('document_id', 'varchar(36)')
    .addColumn('first_page', 'integer')
    .addColumn('last_page', 'integer')
    .addPrimaryKeyConstraint('gazette_issue_entries_pk', ['issue_id', 'position'])
    .execute();
  await db.schema.createIndex('gazette_issue_entries_submission_uq').on('gazette_issue_entries').columns(['submission_id']).unique().execute();

  await db.schema
    .createTable('gazette_documents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('document_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('number_symbol', 'varchar(100)', (c) => c.notNull())
    .addColumn('number_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('doc_number', 'varchar(20)')
    .addColumn('doc_year', 'integer')
    .addColumn('doc_symbol', 'varchar(80)')
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('issuing_agency', 'varchar(300)', (c) => c.notNull())
    .addColumn('issuer_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('signer', 'varchar(200)', (c) => c.notNull())
    .addColumn('signed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('expires_on', 'varchar(10)')
    .addColumn('legal_normative', 'integer', (c) => c.notNull())
    .addColumn('field', 'varchar(200)')
    .addColumn('full_text', longText, (c) => c.notNull())
    .addColumn('search_text', longText, (c) => c.notNull())
    .addColumn('summary_folded', 'varchar(1000)', (c) => c.notNull())
    .addColumn('issue_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('issue_year', 'integer', (c) => c.notNull())
    .addColumn('first_page', 'integer', (c) => c.notNull())
    .addColumn('last_page', 'integer', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('eli_path', 'varchar(200)', (c) => c.notNull())
    .addColumn('original_file_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('original_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('electronic_file_id', 'varchar(64)')
    .addColumn('electronic_sha256', 'varchar(64)')
    .addColumn('validity_override', 'varchar(20)')
    .addColumn('validity_reason', 'varchar(1000)')
    .addColumn('validity_set_by', 'varchar(191)')
    .addColumn('validity_set_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('gazette_documents_kind_check', sql`kind in ('document', 'correction')`)
    .addCheckConstraint('gazette_documents_level_check', sql`issuer_level in ('local', 'central')`)
    .execute();
  await db.schema.createIndex('gazette_documents_eli_uq').on('gazette_documents').columns(['office_id', 'eli_path']).unique().execute();
  await db.schema.createIndex('gazette_documents_submission_uq').on('gazette_documents').columns(['submission_id']).unique().execute();
  await db.schema.createIndex('gazette_documents_published_idx').on('gazette_documents').columns(['office_id', 'published_at', 'id']).execute();
  await db.schema.createIndex('gazette_documents_signed_idx').on('gazette_documents').columns(['office_id', 'signed_on', 'id']).execute();
  await db.schema.createIndex('gazette_documents_type_idx').on('gazette_documents').columns(['office_id', 'document_type', 'signed_on']).execute();
  await db.schema.createIndex('gazette_documents_issuer_idx').on('gazette_documents').columns(['office_id', 'tenant_id', 'signed_on']).execute();
  await db.schema.createIndex('gazette_documents_number_idx').on('gazette_documents').columns(['office_id', 'number_key']).execute();
  await db.schema.createIndex('gazette_documents_issue_idx').on('gazette_documents').columns(['issue_id', 'first_page']).execute();
  await db.schema.createIndex('gazette_documents_updated_idx').on('gazette_documents').columns(['office_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('gazette_document_relations')
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('from_document_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('to_document_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('gazette_document_relations_pk', ['from_document_id', 'to_document_id', 'kind'])
    .addCheckConstraint('gazette_document_relations_kind_check', sql`kind in ('replaces', 'amends', 'repeals', 'guides', 'corrects')`)
    .execute();
  await db.schema.createIndex('gazette_document_relations_to_idx').on('gazette_document_relations').columns(['to_document_id', 'kind']).execute();

  await db.schema
    .createTable('gazette_corrections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('correction_submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('correction_document_id', 'varchar(36)')
    .addColumn('corrected_submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('corrected_document_id', 'varchar(36)')
    .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('gazette_corrections_case_check', sql`case_kind in ('issuer-before', 'issuer-after', 'office')`)
    .execute();
  await db.schema.createIndex('gazette_corrections_correction_uq').on('gazette_corrections').columns(['correction_submission_id']).unique().execute();
  await db.schema.createIndex('gazette_corrections_corrected_idx').on('gazette_corrections').columns(['corrected_submission_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['gazette_corrections', 'gazette_document_relations', 'gazette_documents', 'gazette_issue_entries', 'gazette_issues']) await db.schema.dropTable(table).execute();
}
