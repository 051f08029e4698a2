import type { Kysely } from 'kysely';
import { longText } from './dialect.js';

// portal_article_revisions: a full JSON snapshot of the article (fields, translations, status) at
// every save and every transition, numbered 1, 2, … per article. Restoring writes a new revision.
//
// portal_slug_history: every slug an article had before its current one, per unit, so the public
// site answers the old URL with a 301 to the current one (unique per unit: an old slug points at one
// article; a new article taking that slug wins, and the history row is removed).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_article_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('author_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('snapshot', longText(db), (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_article_revisions_article_no_uq').on('portal_article_revisions').columns(['tenant_id', 'article_id', 'revision_no']).unique().execute();

  await db.schema
    .createTable('portal_slug_history')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(191)', (c) => c.notNull())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_slug_history_pk', ['tenant_id', 'slug'])
    .execute();
  await db.schema.createIndex('portal_slug_history_article_idx').on('portal_slug_history').columns(['tenant_id', 'article_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_slug_history').execute();
  await db.schema.dropTable('portal_article_revisions').execute();
}
