import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { organisationMigrations } from '../src/organisation/migrations/index.js';

// up → down → up on both dialects, down removing all that up created; the compliance area relies on
// the tracking columns, so their presence is checked too.
describeEachDialect('portal organisation migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const TABLES = ['portal_contacts', 'portal_leaders', 'portal_org_units', 'portal_schedule_entries'];
  const tables = async () => (await db.kysely.introspection.getTables()).filter((t) => TABLES.includes(t.name)).sort((a, b) => a.name.localeCompare(b.name));

  it('goes up, down and up again, every table with the tracking columns', async () => {
    const names = Object.keys(organisationMigrations);
    const migrator = new OwnerMigrator('rt_portal_organisation', db.kysely, organisationMigrations);
    expect(await migrator.latest()).toEqual(names);
    const created = await tables();
    expect(created.map((t) => t.name)).toEqual(TABLES);
    for (const table of created) {
      expect(table.columns.map((c) => c.name), table.name).toEqual(expect.arrayContaining(['id', 'tenant_id', 'created_at', 'updated_at', 'en_stale', 'en_updated_at', 'revision']));
    }
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect((await tables()).map((t) => t.name)).toEqual(TABLES);
  });
});
