import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { contentMigrations } from '../src/content/migrations/index.js';
import { linkedMigrations } from '../src/linked/migrations/index.js';
import { PublicQueries } from '../src/public/public-queries.js';
import { SiteQueries } from '../src/site/site-queries.js';

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

// The public lists' reads on SQLite come from indexes that hold every column they show (migration
// 2026_11_29_2300): a column added to a list query without the index would read a table row per article.
describe('[sqlite] portal public lists', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    await new OwnerMigrator('portal', db.kysely, contentMigrations).latest();
    await new OwnerMigrator('portal_linked', db.kysely, linkedMigrations).latest();
  });
  afterAll(async () => db?.drop());

  it('reads a unit\'s list and a category\'s list, page after page, from a covering index', async () => {
    const compiled: CompiledQuery[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        compiled.push(db.kysely.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const queries = new SiteQueries({ kysely: <T>() => db.kysely.withPlugin(capture) as unknown as Kysely<T> });
    await queries.published('unit-a', { limit: 20 });
    await queries.published('unit-a', { limit: 20, offset: 40, categoryId: 'cat-1' });
    await new PublicQueries(db.kysely.withPlugin(capture)).page('unit-a', { limit: 20, offset: 20 });
    const lists = compiled.filter((q) => /from "portal_articles"/.test(q.sql) && /order by "published_at" desc/.test(q.sql) && !/count\(/.test(q.sql));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const q of lists) {
      const plan = await db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
      expect(plan.rows.map((r) => r.detail).join('\n'), q.sql).toMatch(/USING COVERING INDEX portal_articles_(published|category)_list_idx/);
    }
  });
});

