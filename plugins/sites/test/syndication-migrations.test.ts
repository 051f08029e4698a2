import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { syndicationMigrations } from '../src/syndication/index.js';

// The syndication area's migrations alone: up → down → up on both dialects, down removing all that up
// created; and the unique keys that allow one open proposal and one active broadcast per article.
describeEachDialect('sites syndication migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const TABLES = ['sites_broadcasts', 'sites_proposal_events', 'sites_proposals'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(syndicationMigrations);
    const migrator = new OwnerMigrator('rt_sites_syndication', db.kysely, syndicationMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('allows one open proposal per article, and any number of closed ones', async () => {
    const row = (id: string, open_key: string | null) => ({
      id,
      tenant_id: 'u1',
      receiver_id: 'p',
      article_id: 'a1',
      status: open_key ? 'proposed' : 'rejected',
      open_key,
      proposed_by: 'x',
      proposed_at: 1,
      updated_at: 1,
    });
    await db.kysely.insertInto('sites_proposals').values(row('00000000-0000-4000-8000-000000000001', 'u1:a1')).execute();
    await expect(db.kysely.insertInto('sites_proposals').values(row('00000000-0000-4000-8000-000000000002', 'u1:a1')).execute()).rejects.toThrow();
    await db.kysely.insertInto('sites_proposals').values(row('00000000-0000-4000-8000-000000000003', null)).execute();
    await db.kysely.insertInto('sites_proposals').values(row('00000000-0000-4000-8000-000000000004', null)).execute();
  });
});
