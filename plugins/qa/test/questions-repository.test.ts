import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';
import type { QaDatabase, QuestionRow } from '../src/questions/qa-database.js';
import { QuestionRepository } from '../src/questions/question.repository.js';

// The question tables alone: up → down → up on both dialects; the purge of expired unverified
// questions, the unique tracking code, the guarded step, and the fields seeded once.
describeEachDialect('questions migrations and repository', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<QaDatabase>;
  let repo: QuestionRepository;
  const TABLES = ['qa_fields', 'qa_question_events', 'qa_questions', 'qa_routing_rules', 'qa_secrets', 'qa_agency_settings', 'qa_answer_attachments', 'qa_answer_notes', 'qa_answer_revisions', 'qa_answers', 'qa_publications', 'qa_ratings',
    // Deadlines (migration 0450).
    'qa_question_clocks', 'qa_clock_sync', 'qa_deadline_notices',
    // Consultations (migration 0460).
    'qa_consultations', 'qa_consultation_articles', 'qa_consultation_files', 'qa_consultation_consultees', 'qa_consultation_comments', 'qa_consultation_moderation', 'qa_consultation_reports',
    // Dialogues (migration 0470).
    'qa_dialogues', 'qa_dialogue_guests', 'qa_dialogue_questions', 'qa_dialogue_moderation',
    // Feedback on regulations and ideas (migration 0480).
    'qa_feedback', 'qa_feedback_events', 'qa_feedback_votes',
    // Templates and personal data (migration 0490).
    'qa_mail_templates', 'qa_erasure_requests', 'qa_erasures', 'qa_question_attachments',
    // Progress reports, answers by reference, staff notices (migration 0510).
    'qa_progress_reports', 'qa_answer_links', 'qa_staff_notices'].sort();
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('qa_')).sort();

  const row = (id: string, overrides: Partial<QuestionRow> = {}): QuestionRow => ({
    id,
    province_id: 'tinh',
    site_id: 'tinh',
    status: 'unverified',
    tracking_code: null,
    asker_name: 'Người hỏi',
    asker_email: `${id}@example.vn`,
    asker_phone: null,
    asker_address: null,
    field_code: 'dat-dai',
    commune_id: null,
    title: 'Tiêu đề',
    content: 'Nội dung',
    consent_publish: 0,
    consent_version: '2026-11',
    agency_id: null,
    verify_hash: id.padEnd(64, '0'),
    verify_expires_at: Date.now() + 3_600_000,
    verified_at: null,
    close_reason: null,
    channel: 'widget',
    created_at: Date.now(),
    updated_at: Date.now(),
    ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely as unknown as Kysely<QaDatabase>;
    repo = new QuestionRepository(kysely);
  });
  afterAll(async () => db?.drop());

  it('goes up, down and up again', async () => {
    const names = Object.keys(qaMigrations);
    const migrator = new OwnerMigrator('rt_qa', db.kysely, qaMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('purges unverified questions whose link expired, with their events, and keeps the rest', async () => {
    const past = Date.now() - 1000;
    await repo.insert(row('expired', { verify_expires_at: past }), kysely);
    await repo.addEvent({ id: 'e1', question_id: 'expired', province_id: 'tinh', action: 'submitted', actor_id: 'public', actor_unit_id: 'tinh', target_unit_id: null, note: null, created_at: past }, kysely);
    await repo.insert(row('fresh'), kysely);
    await repo.insert(row('verified', { status: 'received', tracking_code: 'HD-2026-AAAAAA', verify_hash: null, verify_expires_at: null, verified_at: past }), kysely);
    expect(await repo.purgeUnverified(Date.now())).toBe(1);
    const left = await kysely.selectFrom('qa_questions').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual(['fresh', 'verified']);
    expect(await kysely.selectFrom('qa_question_events').select('id').where('question_id', '=', 'expired').execute()).toEqual([]);
  });

  it('refuses a tracking code given twice', async () => {
    await expect(repo.insert(row('dup', { status: 'received', tracking_code: 'HD-2026-AAAAAA', verify_hash: null }), kysely)).rejects.toThrow();
  });

  it('changes a question only from the statuses and the unit the step read', async () => {
    await repo.insert(row('step', { status: 'forwarded', tracking_code: 'HD-2026-BBBBBB', verify_hash: null, agency_id: 'so-a' }), kysely);
    expect(await repo.update('step', ['received', 'returned'], { status: 'closed' }, kysely, null)).toBe(false);
    expect(await repo.update('step', ['forwarded'], { agency_id: 'so-c' }, kysely, 'so-b')).toBe(false);
    expect(await repo.update('step', ['forwarded'], { agency_id: 'so-b' }, kysely, 'so-a')).toBe(true);
    expect(await repo.find({ kind: 'agency', agencyId: 'so-a' }, 'step')).toBeUndefined();
    expect((await repo.find({ kind: 'agency', agencyId: 'so-b' }, 'step'))?.id).toBe('step');
    expect(await repo.find({ kind: 'board', provinceId: 'tinh-khac' }, 'step')).toBeUndefined();
  });

  it('seeds a province’s fields once', async () => {
    const [a, b] = await Promise.all([repo.fields('tinh'), repo.fields('tinh')]);
    expect(a.map((f) => f.code)).toEqual(b.map((f) => f.code));
    expect(a[0]).toMatchObject({ code: 'dat-dai', name_vi: 'Đất đai' });
    expect(await repo.fields('tinh-khac')).toHaveLength(a.length);
  });
});
