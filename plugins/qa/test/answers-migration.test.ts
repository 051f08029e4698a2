import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import * as createQuestions from '../src/migrations/2026_11_29_0430_create_questions.js';
import { qaMigrations } from '../src/migrations/index.js';

// Migration 0440 widens the question status check (`waiting`, `answered`): on SQLite by rebuilding the
// table. With questions and their timeline already there, on both dialects: the rows and the events
// survive, the events' foreign key still cascades and still refuses an unknown question, the indexes
// are back (the tracking code is still unique), and `down` restores the old check.
describeEachDialect('answers migration: the question status check, with data present', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<any>;
  const now = Date.now();
  const question = (id: string, status: string, tracking: string | null) => ({
    id,
    province_id: 'tinh',
    site_id: 'tinh',
    status,
    tracking_code: tracking,
    asker_name: 'Người hỏi',
    asker_email: `${id}@example.vn`,
    asker_phone: '0912345678',
    asker_address: null,
    field_code: 'dat-dai',
    commune_id: null,
    title: 'Tiêu đề',
    content: 'Nội dung có dấu: Đắk Lắk',
    consent_publish: 1,
    consent_version: '2026-11',
    agency_id: status === 'forwarded' ? 'so-a' : null,
    verify_hash: null,
    verify_expires_at: null,
    verified_at: now,
    close_reason: null,
    channel: 'widget',
    created_at: now,
    updated_at: now,
  });
  const event = (id: string, questionId: string) => ({ id, question_id: questionId, province_id: 'tinh', action: 'verified', actor_id: 'public', actor_unit_id: 'tinh', target_unit_id: null, note: 'ghi chú', created_at: now });
  const setStatus = (id: string, status: string) => kysely.updateTable('qa_questions').set({ status }).where('id', '=', id).execute();

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely;
  });
  afterAll(async () => db?.drop());

  it('keeps questions and timeline, the foreign key and the indexes; allows the new statuses; down restores the old check', async () => {
    // Up to 0430 only, with data.
    expect(await new OwnerMigrator('mg_qa', kysely, { '2026_11_29_0430_create_questions': createQuestions }).latest()).toEqual(['2026_11_29_0430_create_questions']);
    await kysely.insertInto('qa_questions').values([question('q1', 'forwarded', 'HD-2026-AAAAAA'), question('q2', 'received', 'HD-2026-BBBBBB')]).execute();
    await kysely.insertInto('qa_question_events').values([event('e1', 'q1'), event('e2', 'q1'), event('e3', 'q2')]).execute();
    await expect(setStatus('q2', 'answered')).rejects.toThrow();

    // Up to 0440 only: the later areas' migrations (0450 deadlines, 0460 consultations) have their own tests.
    const upToAnswers = Object.fromEntries(Object.entries(qaMigrations).filter(([name]) => name <= '2026_11_29_0440_create_answers'));
    const migrator = new OwnerMigrator('mg_qa', kysely, upToAnswers);
    expect(await migrator.latest()).toEqual(['2026_11_29_0440_create_answers']);

    // Rows and events as they were.
    const questions = await kysely.selectFrom('qa_questions').selectAll().orderBy('id').execute();
    expect(questions.map((q) => [q.id, q.status, q.tracking_code, q.content])).toEqual([
      ['q1', 'forwarded', 'HD-2026-AAAAAA', 'Nội dung có dấu: Đắk Lắk'],
      ['q2', 'received', 'HD-2026-BBBBBB', 'Nội dung có dấu: Đắk Lắk'],
    ]);
    expect((await kysely.selectFrom('qa_question_events').select(['id', 'question_id', 'note']).orderBy('id').execute()).map((e) => [e.id, e.question_id, e.note])).toEqual([
      ['e1', 'q1', 'ghi chú'],
      ['e2', 'q1', 'ghi chú'],
      ['e3', 'q2', 'ghi chú'],
    ]);
    // The new statuses pass the check, others do not.
    await setStatus('q1', 'waiting');
    await setStatus('q2', 'answered');
    await expect(setStatus('q2', 'bogus')).rejects.toThrow();
    // The unique tracking code is back.
    await expect(kysely.insertInto('qa_questions').values(question('q3', 'received', 'HD-2026-AAAAAA')).execute()).rejects.toThrow();
    // The events' foreign key: an unknown question is refused, deleting a question deletes its events.
    await expect(kysely.insertInto('qa_question_events').values(event('e9', 'nope')).execute()).rejects.toThrow();
    await kysely.insertInto('qa_questions').values(question('q4', 'received', null)).execute();
    await kysely.insertInto('qa_question_events').values(event('e4', 'q4')).execute();
    await kysely.deleteFrom('qa_questions').where('id', '=', 'q4').execute();
    expect(await kysely.selectFrom('qa_question_events').select('id').where('question_id', '=', 'q4').execute()).toEqual([]);
    // The answer tables hang off the questions too.
    await kysely.insertInto('qa_ratings').values({ question_id: 'q2', province_id: 'tinh', agency_id: 'so-a', score: 5, comment: null, created_at: now }).execute();
    await expect(kysely.insertInto('qa_ratings').values({ question_id: 'q1', province_id: 'tinh', agency_id: 'so-a', score: 6, comment: null, created_at: now }).execute()).rejects.toThrow();

    // Down: waiting and answered questions go back to forwarded; the old check refuses the new statuses again.
    expect(await migrator.rollback()).toEqual(['2026_11_29_0440_create_answers']);
    expect((await kysely.selectFrom('qa_questions').select(['id', 'status']).orderBy('id').execute()).map((q) => [q.id, q.status])).toEqual([
      ['q1', 'forwarded'],
      ['q2', 'forwarded'],
    ]);
    expect(await kysely.selectFrom('qa_question_events').select('id').orderBy('id').execute()).toEqual([{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }]);
    await expect(setStatus('q1', 'answered')).rejects.toThrow();
    await expect(kysely.insertInto('qa_question_events').values(event('e8', 'nope')).execute()).rejects.toThrow();
    const tables = (await kysely.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('qa_'));
    expect(tables.sort()).toEqual(['qa_fields', 'qa_question_events', 'qa_questions', 'qa_routing_rules', 'qa_secrets']);
    // And up again.
    expect(await migrator.latest()).toEqual(['2026_11_29_0440_create_answers']);
  });
});
