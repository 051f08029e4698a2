import type { Kysely } from 'kysely';

/**
 * The legal documents database (POR-01), per unit: documents and the directed relations between them.
 *
 * Dates are ISO calendar dates (`YYYY-MM-DD`, text: no time zone to get wrong, and they sort). The
 * `*_key` columns hold folded copies (`fold`: no marks, `đ`→`d`, lower case, whitespace collapsed) for
 * uniqueness, facets and search; `search_text` folds everything a search looks at. `unit_key` is the
 * unit id, or `-` on a platform without units, so the unique index also holds there (NULLs never clash).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_legal_documents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(36)')
    .addColumn('unit_key', 'varchar(36)', (c) => c.notNull())
    .addColumn('doc_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('type_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('number_symbol', 'varchar(100)', (c) => c.notNull())
    .addColumn('number_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(300)', (c) => c.notNull())
    .addColumn('issuer_key', 'varchar(300)', (c) => c.notNull())
    .addColumn('signer', 'varchar(200)')
    .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('issue_year', 'integer', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('expires_on', 'varchar(10)')
    .addColumn('field', 'varchar(200)')
    .addColumn('field_key', 'varchar(200)')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('status_override', 'varchar(20)')
    .addColumn('override_reason', 'text')
    .addColumn('override_at', 'bigint')
    .addColumn('override_by', 'varchar(100)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_legal_documents_number_uq').on('portal_legal_documents').columns(['unit_key', 'issuer_key', 'number_key']).unique().execute();
  await db.schema.createIndex('portal_legal_documents_tenant_issued_idx').on('portal_legal_documents').columns(['tenant_id', 'issued_on', 'id']).execute();

  await db.schema
    .createTable('portal_legal_relations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(36)')
    .addColumn('from_id', 'varchar(36)', (c) => c.notNull().references('portal_legal_documents.id').onDelete('cascade'))
    .addColumn('to_id', 'varchar(36)', (c) => c.notNull().references('portal_legal_documents.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_legal_relations_uq').on('portal_legal_relations').columns(['from_id', 'to_id', 'kind']).unique().execute();
  await db.schema.createIndex('portal_legal_relations_to_idx').on('portal_legal_relations').columns(['to_id', 'kind']).execute();
  await db.schema.createIndex('portal_legal_relations_tenant_idx').on('portal_legal_relations').columns(['tenant_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Dropping a table drops its indexes on both dialects; relations first (they reference documents).
  await db.schema.dropTable('portal_legal_relations').execute();
  await db.schema.dropTable('portal_legal_documents').execute();
}
