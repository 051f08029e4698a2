import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { navigationMigrations } from '../src/navigation/migrations/index.js';
import { pagesMigrations } from '../src/pages/migrations/index.js';

// The pages and navigation areas' migrations: up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal pages and navigation migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const OWN = ['portal_banners', 'portal_menu_items', 'portal_menus', 'portal_page_revisions', 'portal_page_slugs', 'portal_page_translations', 'portal_pages'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => OWN.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const all = { ...pagesMigrations, ...navigationMigrations };
    const names = Object.keys(all).sort();
    const migrator = new OwnerMigrator('rt_portal_pages', db.kysely, all);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(OWN);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(OWN);
  });
});
