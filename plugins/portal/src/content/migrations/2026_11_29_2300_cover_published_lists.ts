import { sql, type Kysely } from 'kysely';
import { isMysql } from './dialect.js';

/**
 * SQLite: the public lists' indexes also hold the columns a list shows, so a page of 20 articles is
 * read from two or three index pages instead of 20 table rows scattered over the file (each row is an
 * article with its 3 KB body). At a million articles an uncached category page's list took 0.27–0.9 ms
 * that way and 0.1 ms from the index (docs/reference/benchmarks.md, F19). They replace the indexes of
 * 2026_11_29_1600, whose columns they begin with.
 *
 * MySQL/MariaDB keep them as they are: InnoDB cannot put TEXT (the summary) in an index, and its table
 * rows sit in primary-key order, not scattered as SQLite's rowids are.
 */
const COVERED = ['slug', 'title', 'summary', 'updated_at', 'author_id'];

export async function up(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await db.schema.createIndex('portal_articles_published_list_idx').on('portal_articles').columns(['tenant_id', 'status', 'published_at', 'id', 'category_id', ...COVERED]).execute();
  await db.schema.createIndex('portal_articles_category_list_idx').on('portal_articles').columns(['tenant_id', 'category_id', 'status', 'published_at', 'id', ...COVERED]).execute();
  await db.schema.dropIndex('portal_articles_published_idx').execute();
  await db.schema.dropIndex('portal_articles_category_published_idx').execute();
  // Statistics for the new indexes, so that a database analysed before (with statistics for the others)
  // does not take an index it knows over these it does not (a few seconds at a million articles).
  for (const name of ['portal_articles_published_list_idx', 'portal_articles_category_list_idx']) await sql`ANALYZE ${sql.raw(name)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) return;
  await db.schema.createIndex('portal_articles_published_idx').on('portal_articles').columns(['tenant_id', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('portal_articles_category_published_idx').on('portal_articles').columns(['tenant_id', 'category_id', 'status', 'published_at', 'id']).execute();
  await db.schema.dropIndex('portal_articles_published_list_idx').execute();
  await db.schema.dropIndex('portal_articles_category_list_idx').execute();
}
