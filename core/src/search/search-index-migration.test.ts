import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { coreMigrations } from '../db/core-migrations/index.js';
import { OwnerMigrator } from '../db/owner-migrator.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultSearchIndex } from './default-search-index.js';
import { unitCode } from './unit-tokens.js';

// Migration 2026_11_29_0016 rebuilds SQLite's full-text table from the stored documents, and its
// `down` rebuilds 0015's; 0020 rewrites MySQL/MariaDB's FULLTEXT columns as unit tokens, and its `down`
// writes the plain form back: documents indexed on either side of them stay findable.

describeEachDialect('search index migrations', (dialect) => {
  let db: TestDatabase;
  let migrator: OwnerMigrator;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    migrator = new OwnerMigrator('core', db.kysely, coreMigrations);
    await migrator.latest();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('keeps every document findable down to 0015 and up again', async () => {
    const news = new DefaultSearchIndex({ db }).forPlugin('news');
    await news.index({ type: 'article', id: 'a1', tenantId: 'unit-a', title: 'Đăng ký thường trú', body: 'Hướng dẫn thủ tục', url: '/tin/a1' });
    await news.index({ type: 'article', id: 'b1', tenantId: 'unit-b', title: 'Đăng ký tạm trú', body: 'Thủ tục trực tuyến', url: '/tin/b1' });
    const find = async (text: string, tenantIds: string[]) => (await news.search({ text, tenantIds })).hits.map((h) => h.id).sort();

    await migrator.rollback('2026_11_29_0015_search_scope_and_prefixes');
    if (dialect === 'sqlite') {
      // 0015's table, filled from the documents by its `rebuild`: the unit is the `scope` column.
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM core_search_fts WHERE core_search_fts MATCH 'thu* AND dang'`.execute(db.kysely);
      expect(Number(rows.rows[0]!.n)).toBe(2);
    }

    const stored = async () => (await db.kysely.selectFrom('core_search_documents').select('title_fold').where('doc_id', '=', 'a1').executeTakeFirstOrThrow()).title_fold;
    // MySQL/MariaDB before 0020: the padded plain form in the FULLTEXT columns.
    if (dialect === 'mysql') expect(await stored()).toBe('dang_ ky_ thuong_ tru_');

    await migrator.latest();
    // 0020: each token with the unit's code, so a search reads only the unit's postings.
    const code = unitCode('unit-a');
    expect(await stored()).toBe(dialect === 'mysql' ? `${code}dang ${code}ky ${code}thuong ${code}tru` : 'dang_ ky_ thuong_ tru_');
    expect(await find('dang ky', ['unit-a'])).toEqual(['a1']);
    expect(await find('thu tuc', ['unit-a', 'unit-b'])).toEqual(['a1', 'b1']);
    expect(await find('tam tru', ['unit-a'])).toEqual([]);
    // Written after the migration: replaced and removed as usual.
    await news.index({ type: 'article', id: 'a1', tenantId: 'unit-a', title: 'Cấp căn cước', body: 'Thủ tục', url: '/tin/a1' });
    expect(await find('dang ky', ['unit-a'])).toEqual([]);
    expect(await find('can cuoc', ['unit-a'])).toEqual(['a1']);
    await news.remove('article', 'b1');
    expect(await find('thu tuc', ['unit-a', 'unit-b'])).toEqual(['a1']);
  });
});
