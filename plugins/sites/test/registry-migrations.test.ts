import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { registryMigrations } from '../src/registry/index.js';

// The registry area's migrations alone: up → down → up on both dialects, down removing all that up
// created; one site per unit.
describeEachDialect('sites registry migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const TABLES = ['sites_site_status_history', 'sites_sites'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(registryMigrations);
    const migrator = new OwnerMigrator('rt_sites_registry', db.kysely, registryMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('keeps one site per unit', async () => {
    const row = (id: string) => ({ id, tenant_id: 'u1', status: 'draft', template: 'commune', status_changed_at: 1, status_changed_by: 'x', created_at: 1, created_by: 'x', updated_at: 1 });
    await db.kysely.insertInto('sites_sites').values(row('s1')).execute();
    await expect(db.kysely.insertInto('sites_sites').values(row('s2')).execute()).rejects.toThrow();
  });
});
