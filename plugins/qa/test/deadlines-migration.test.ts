import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';

// Migration 0450 (the deadlines' tables) on both dialects: the clocks and notices hang off their
// question (deleted with it), a notice is unique per question, hop and kind, and `down` removes them.
describeEachDialect('deadlines migration', (dialect) => {
  let db: TestDatabase;
  const upTo = (last: string) => Object.fromEntries(Object.entries(qaMigrations).filter(([name]) => name <= last));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  it('creates the clock, sync and notice tables, tied to the question; down drops them', async () => {
    const kysely = db.kysely;
    const migrator = new OwnerMigrator('mg_qa', kysely, upTo('2026_11_29_0450_create_deadlines'));
    expect(await migrator.latest()).toContain('2026_11_29_0450_create_deadlines');
    const now = Date.now();
    await kysely
      .insertInto('qa_questions')
      .values({ id: 'q1', province_id: 'tinh', site_id: 'tinh', status: 'forwarded', tracking_code: 'HD-2027-AAAAAA', asker_name: 'A', asker_email: 'a@example.vn', asker_phone: null, asker_address: null, field_code: 'dat-dai', commune_id: null, title: 'T', content: 'C', consent_publish: 0, consent_version: '2026-11', agency_id: 'so-a', verify_hash: null, verify_expires_at: null, verified_at: now, close_reason: null, channel: 'widget', created_at: now, updated_at: now })
      .execute();
    const clock = { question_id: 'q1', hop: 1, province_id: 'tinh', unit_id: 'tinh', kind: 'board', started_at: now, start_on: '2027-01-27', limit_days: 1, rule_version: 'qa.deadline.triage@1', paused_days: 0, paused_at: null, due_on: '2027-01-28', remind_on: '2027-01-27', escalate_after_on: '2027-01-28', ended_at: null, ended_on: null, outcome: null, on_time: null, working_days: null, computed_at: now };
    await kysely.insertInto('qa_question_clocks').values(clock).execute();
    await expect(kysely.insertInto('qa_question_clocks').values(clock).execute()).rejects.toThrow();
    await kysely.insertInto('qa_clock_sync').values({ question_id: 'q1', source_updated_at: now, synced_at: now }).execute();
    const notice = { question_id: 'q1', hop: 1, kind: 'escalation', unit_id: 'tinh', recipients: 2, sent_at: now };
    await kysely.insertInto('qa_deadline_notices').values(notice).execute();
    await expect(kysely.insertInto('qa_deadline_notices').values(notice).execute()).rejects.toThrow();
    await kysely.insertInto('qa_deadline_notices').values({ ...notice, kind: 'reminder' }).execute();
    // Deleting the question deletes what hangs off it.
    await kysely.deleteFrom('qa_questions').where('id', '=', 'q1').execute();
    for (const table of ['qa_question_clocks', 'qa_clock_sync', 'qa_deadline_notices']) expect(await kysely.selectFrom(table).selectAll().execute(), table).toEqual([]);

    expect(await migrator.rollback()).toEqual(['2026_11_29_0450_create_deadlines']);
    const tables = (await kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).not.toContain('qa_question_clocks');
    expect(tables).not.toContain('qa_deadline_notices');
    expect(await migrator.latest()).toEqual(['2026_11_29_0450_create_deadlines']);
  });
});
