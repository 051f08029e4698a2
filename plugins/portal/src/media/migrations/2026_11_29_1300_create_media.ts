import type { Kysely } from 'kysely';

/**
 * portal_media: a unit's media library (thư viện tư liệu) — images, PDFs and office documents stored
 * through the core's FileService. (tenant_id, sha256) is unique: the same bytes uploaded twice in a unit
 * are one item. portal_media_variants: the derivatives of an image (WebP widths and a JPEG/PNG
 * fallback), each a stored file too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_media')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('file_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('title_vi', 'varchar(300)')
    .addColumn('title_en', 'varchar(300)')
    .addColumn('alt_vi', 'varchar(500)')
    .addColumn('alt_en', 'varchar(500)')
    .addColumn('caption_vi', 'varchar(1000)')
    .addColumn('caption_en', 'varchar(1000)')
    .addColumn('credit', 'varchar(200)')
    .addColumn('doc_title', 'varchar(500)')
    .addColumn('doc_number', 'varchar(100)')
    .addColumn('doc_issuer', 'varchar(300)')
    .addColumn('doc_date', 'varchar(10)')
    .addColumn('doc_description', 'varchar(2000)')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('search_folded', 'varchar(2000)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('portal_media_tenant_sha256_uq', ['tenant_id', 'sha256'])
    .execute();
  await db.schema.createIndex('portal_media_tenant_created_idx').on('portal_media').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('portal_media_variants')
    .addColumn('media_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_media_variants_pk', ['media_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_media_variants').execute();
  await db.schema.dropTable('portal_media').execute();
}
