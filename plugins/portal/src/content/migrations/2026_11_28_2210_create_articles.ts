import type { Kysely } from 'kysely';
import { longText } from './dialect.js';

// portal_articles: a unit's articles. Vietnamese is the primary language and lives in the row;
// other languages live in portal_article_translations, one row per (article, lang, field), each with
// the hash of the Vietnamese text it was translated from: when the Vietnamese changes the hashes no
// longer match and the translation reads as stale (POR-23).
//
// status: draft | in_review | scheduled (approved, waiting for publish_at) | published | archived.
// title_folded is the title without diacritics (đ → d), lower case, for the list's text filter.
// Times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_articles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(36)')
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
    .addColumn('publish_at', 'bigint')
    .addColumn('unpublish_at', 'bigint')
    .addColumn('published_at', 'bigint')
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_articles_tenant_slug_uq').on('portal_articles').columns(['tenant_id', 'slug']).unique().execute();
  await db.schema.createIndex('portal_articles_tenant_status_idx').on('portal_articles').columns(['tenant_id', 'status', 'updated_at']).execute();
  await db.schema.createIndex('portal_articles_tenant_category_idx').on('portal_articles').columns(['tenant_id', 'category_id']).execute();
  // The clock's two reads (every unit at once): due scheduled items, due withdrawals.
  await db.schema.createIndex('portal_articles_status_publish_idx').on('portal_articles').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('portal_articles_status_unpublish_idx').on('portal_articles').columns(['status', 'unpublish_at']).execute();

  await db.schema
    .createTable('portal_article_translations')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('lang', 'varchar(8)', (c) => c.notNull())
    .addColumn('field', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', longText(db), (c) => c.notNull())
    .addColumn('source_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_article_translations_pk', ['article_id', 'lang', 'field'])
    .execute();
  await db.schema.createIndex('portal_article_translations_tenant_idx').on('portal_article_translations').columns(['tenant_id', 'article_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_article_translations').execute();
  await db.schema.dropTable('portal_articles').execute();
}
