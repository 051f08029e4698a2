import type { Kysely } from 'kysely';
import { longText } from './dialect.js';

// portal_pages: a unit's static pages (trang tĩnh) in a tree by parent_id, ordered by sort_order among
// siblings. The slug is unique per unit (the public address is /trang/<slug>; the tree shows through
// breadcrumbs). Vietnamese lives in the row; English in portal_page_translations, one row per field,
// with the hash of the Vietnamese it was translated from (a mismatch reads as stale, POR-23).
// status: draft | in_review | published | archived. Times are epoch milliseconds.
//
// portal_page_revisions: a JSON snapshot at every save and transition, numbered per page.
// portal_page_slugs: former slugs of a page (unique per unit), for the 301 to its current address.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_pages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('slug', 'varchar(191)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('title_folded', 'varchar(500)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', longText(db), (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(191)')
    .addColumn('approver_id', 'varchar(191)')
    .addColumn('remarks', 'text')
    .addColumn('published_at', 'bigint')
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_pages_tenant_slug_uq').on('portal_pages').columns(['tenant_id', 'slug']).unique().execute();
  await db.schema.createIndex('portal_pages_tenant_parent_idx').on('portal_pages').columns(['tenant_id', 'parent_id', 'sort_order']).execute();

  await db.schema
    .createTable('portal_page_translations')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('page_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('lang', 'varchar(8)', (c) => c.notNull())
    .addColumn('field', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', longText(db), (c) => c.notNull())
    .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_page_translations_pk', ['page_id', 'lang', 'field'])
    .execute();
  await db.schema.createIndex('portal_page_translations_tenant_idx').on('portal_page_translations').columns(['tenant_id', 'page_id']).execute();

  await db.schema
    .createTable('portal_page_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('page_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('snapshot', longText(db), (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_page_revisions_page_no_uq').on('portal_page_revisions').columns(['tenant_id', 'page_id', 'revision_no']).unique().execute();

  await db.schema
    .createTable('portal_page_slugs')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(191)', (c) => c.notNull())
    .addColumn('page_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_page_slugs_pk', ['tenant_id', 'slug'])
    .execute();
  await db.schema.createIndex('portal_page_slugs_page_idx').on('portal_page_slugs').columns(['tenant_id', 'page_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_page_slugs').execute();
  await db.schema.dropTable('portal_page_revisions').execute();
  await db.schema.dropTable('portal_page_translations').execute();
  await db.schema.dropTable('portal_pages').execute();
}
