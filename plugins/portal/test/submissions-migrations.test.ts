import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { submissionsMigrations } from '../src/submissions/migrations/index.js';

// The submissions area's migrations alone: up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal submissions migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const TABLES = ['portal_information_request_reminders', 'portal_information_request_units', 'portal_information_requests', 'portal_submission_events', 'portal_submissions'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(submissionsMigrations);
    const migrator = new OwnerMigrator('rt_portal_submissions', db.kysely, submissionsMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('refuses a second reminder for the same request, unit and day', async () => {
    const row = { request_id: 'r1', unit_id: 'u1', sent_on: '2026-12-01', kind: 'before', recipients: '[]', created_at: 1 };
    await db.kysely.insertInto('portal_information_request_reminders').values(row).execute();
    await expect(db.kysely.insertInto('portal_information_request_reminders').values({ ...row, kind: 'overdue' }).execute()).rejects.toThrow();
    await db.kysely.insertInto('portal_information_request_reminders').values({ ...row, sent_on: '2026-12-02' }).execute();
  });
});
