import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';
import * as createConsultations from '../src/migrations/2026_11_29_0460_create_consultations.js';
import type { CommentRow, ConsultationDatabase } from '../src/consultations/consultation-database.js';
import { ConsultationRepository } from '../src/consultations/consultation.repository.js';

// The consultation tables: 0460 down and up again on both dialects, the status check, the purge of
// expired unverified comments, and one mark per reporter.
describeEachDialect('consultations migration and repository', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<ConsultationDatabase>;
  const TABLES = ['qa_consultation_articles', 'qa_consultation_comments', 'qa_consultation_consultees', 'qa_consultation_files', 'qa_consultation_moderation', 'qa_consultation_reports', 'qa_consultations'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => n.startsWith('qa_consultation')).sort();
  const now = Date.now();
  const comment = (id: string, overrides: Partial<CommentRow> = {}): CommentRow => ({
    id, consultation_id: 'c1', article_id: null, status: 'unverified', author_name: 'Người góp ý', author_org: null, author_email: `${id}@example.vn`, body: 'Ý kiến',
    verify_hash: id.padEnd(64, '0'), verify_expires_at: now + 3_600_000, verified_at: null, report_count: 0, hidden_at: null, reply_decision: null, reply_text: null,
    replied_by: null, replied_at: null, created_at: now, updated_at: now, ...overrides,
  });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely as unknown as Kysely<ConsultationDatabase>;
    await new OwnerMigrator('rt_qa', db.kysely, qaMigrations).latest();
  });
  afterAll(async () => db?.drop());

  it('goes down and up again', async () => {
    expect(await tables()).toEqual(TABLES);
    await createConsultations.down(db.kysely);
    expect(await tables()).toEqual([]);
    await createConsultations.up(db.kysely);
    expect(await tables()).toEqual(TABLES);
  });

  it('checks statuses, purges expired unverified comments and counts a reporter once', async () => {
    const repo = new ConsultationRepository(kysely);
    await kysely.insertInto('qa_consultations').values({
      id: 'c1', province_id: 'tinh', unit_id: 'so', slug: 'du-thao-1', title: 'Dự thảo', summary: '', document_type: 'qd-ubnd', opens_on: '2026-12-01', closes_on: '2026-12-11',
      shortened: 0, minimum_days: 10, rule_version: 'v1', contact_address: 'Số 1', contact_email: 'a@b.vn', contact_phone: null, announced_at: null, outcome_summary: null,
      outcome_published_at: null, created_by: 'u', created_at: now, updated_at: now,
    }).execute();
    await repo.insertComment(comment('expired', { verify_expires_at: now - 1000 }));
    await repo.insertComment(comment('fresh'));
    await expect(repo.insertComment(comment('bad', { status: 'deleted' as never }))).rejects.toThrow();
    expect(await repo.purgeUnverified(now)).toBe(1);
    expect((await repo.comments('c1')).map((c) => c.id)).toEqual(['fresh']);
    await repo.updateComment('fresh', ['unverified'], { status: 'approved' });
    const marks = await kysely.transaction().execute(async (trx) => [
      await repo.addReport('fresh', 'a', now, trx),
      await repo.addReport('fresh', 'a', now, trx),
      await repo.addReport('fresh', 'b', now, trx),
    ]);
    expect(marks).toEqual([true, false, true]);
  });
});
