import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { linkedMigrations } from '../src/linked/migrations/index.js';

// The linked-items area's migration alone: up → down → up on both dialects, and one link per unit,
// kind and origin.
describeEachDialect('portal linked items migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => n === 'portal_linked_items');

  it('goes up, down and up again', async () => {
    const names = Object.keys(linkedMigrations);
    const migrator = new OwnerMigrator('rt_portal_linked', db.kysely, linkedMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(['portal_linked_items']);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
  });

  it('refuses a second link of one origin on one unit, and an unknown kind', async () => {
    const row = (id: string, tenant: string, kind = 'broadcast') => ({
      id,
      tenant_id: tenant,
      source_tenant_id: 'p',
      article_id: 'a1',
      kind,
      origin_id: 'b1',
      listed_at: 1,
      created_at: 1,
      updated_at: 1,
    });
    await db.kysely.insertInto('portal_linked_items').values(row('00000000-0000-4000-8000-000000000001', 'u1')).execute();
    await db.kysely.insertInto('portal_linked_items').values(row('00000000-0000-4000-8000-000000000002', 'u2')).execute();
    await expect(db.kysely.insertInto('portal_linked_items').values(row('00000000-0000-4000-8000-000000000003', 'u1')).execute()).rejects.toThrow();
    await expect(db.kysely.insertInto('portal_linked_items').values(row('00000000-0000-4000-8000-000000000004', 'u3', 'copied')).execute()).rejects.toThrow();
  });
});
