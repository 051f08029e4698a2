import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { royaltyMigrations } from '../src/royalties/migrations/index.js';

describeEachDialect('portal royalties migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('portal_royalt')).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(royaltyMigrations);
    const migrator = new OwnerMigrator('rt_portal_royalties', db.kysely, royaltyMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(['portal_royalties']);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
  });
});
