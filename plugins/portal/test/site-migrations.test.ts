import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { siteMigrations } from '../src/site/migrations/index.js';

// tests/migrations round-trips `src/migrations` folders; the portal keeps its areas' migrations apart, so
// the site area checks its own: up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal site migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('portal_site_')).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(siteMigrations);
    const migrator = new OwnerMigrator('rt_portal_site', db.kysely, siteMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(['portal_site_generations']);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(['portal_site_generations']);
  });
});
