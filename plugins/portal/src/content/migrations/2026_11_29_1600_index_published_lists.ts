import type { Kysely } from 'kysely';
import { isMysql } from './dialect.js';

/**
 * The public lists (home, category pages, feeds, the JSON API) read a unit's published articles newest
 * first, often in one category. With these the database walks the index in order and stops at the page;
 * without them it read and sorted every article of the unit, past each 3 KB body (at a million
 * articles the JSON list went from 954 to 43 requests a second: docs/reference/benchmarks.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('portal_articles_published_idx').on('portal_articles').columns(['tenant_id', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('portal_articles_category_published_idx').on('portal_articles').columns(['tenant_id', 'category_id', 'status', 'published_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['portal_articles_category_published_idx', 'portal_articles_published_idx']) {
    // MySQL names the table of an index; SQLite refuses the ON clause.
    await (isMysql(db) ? db.schema.dropIndex(name).on('portal_articles') : db.schema.dropIndex(name)).execute();
  }
}
