import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { contentMigrations } from '../src/content/migrations/index.js';

// tests/migrations round-trips `src/migrations` folders only; the content area checks its own:
// up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal content migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const CONTENT = ['portal_article_revisions', 'portal_article_translations', 'portal_articles', 'portal_categories', 'portal_category_translations', 'portal_slug_history'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => CONTENT.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(contentMigrations);
    const migrator = new OwnerMigrator('rt_portal_content', db.kysely, contentMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(CONTENT);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(CONTENT);
  });
});
