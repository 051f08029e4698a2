import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { mandatedMigrations } from '../src/mandated/migrations/index.js';
import { organisationStats } from '../src/mandated/organisation-stats.js';

// The mandated area's tables: up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal mandated migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const OWN = ['portal_mandated_sections', 'portal_publication_deadlines'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => OWN.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(mandatedMigrations);
    expect(names.every((n) => /^2026_11_29_12\d\d_/.test(n))).toBe(true);
    const migrator = new OwnerMigrator('rt_portal_mandated', db.kysely, mandatedMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(OWN);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(OWN);
  });

  it('tracks an article or a document once per unit, and any number of free-text items', async () => {
    const row = (id: string, tenant: string, type: string, subject: string | null) => ({
      id, tenant_id: tenant, subject_type: type, subject_id: subject, subject_title: 'x', kind: 'default', rule_name: 'portal.publishDeadline.default',
      rule_version: 'v', rule_days: 5, origin_date: '2026-09-01', due_date: '2026-09-08', met_at: null, met_on: null, created_by: 'a', created_at: 1, updated_at: 1,
    });
    await db.kysely.insertInto('portal_publication_deadlines').values(row('1', 'a', 'article', 'art-1')).execute();
    await db.kysely.insertInto('portal_publication_deadlines').values(row('2', 'b', 'article', 'art-1')).execute();
    await db.kysely.insertInto('portal_publication_deadlines').values([row('3', 'a', 'text', null), row('4', 'a', 'text', null)]).execute();
    await expect(db.kysely.insertInto('portal_publication_deadlines').values(row('5', 'a', 'article', 'art-1')).execute()).rejects.toThrow();
  });

  it('reads an organisation table defensively: absent or without the columns it is no content, present it counts', async () => {
    expect(await organisationStats(db.kysely, 'portal_org_units', 'a')).toBeUndefined();
    expect(await organisationStats(db.kysely, 'portal_articles; drop table x', 'a')).toBeUndefined(); // never a name outside the list
    await db.kysely.schema.createTable('portal_org_units').addColumn('tenant_id', 'varchar(64)').addColumn('updated_at', 'bigint').execute();
    expect(await organisationStats(db.kysely, 'portal_org_units', 'a')).toBeUndefined(); // no en_stale yet
    await db.kysely.schema.alterTable('portal_org_units').addColumn('en_stale', 'integer').execute();
    await db.kysely.insertInto('portal_org_units' as never).values([
      { tenant_id: 'a', updated_at: 100, en_stale: 0 },
      { tenant_id: 'a', updated_at: 300, en_stale: 1 },
      { tenant_id: 'b', updated_at: 900, en_stale: 1 },
    ] as never).execute();
    expect(await organisationStats(db.kysely, 'portal_org_units', 'a')).toEqual({ count: 2, lastUpdate: 300, englishStale: 1 });
    expect(await organisationStats(db.kysely, 'portal_org_units', 'c')).toEqual({ count: 0, lastUpdate: null, englishStale: 0 });
    await db.kysely.schema.dropTable('portal_org_units').execute();
  });
});
