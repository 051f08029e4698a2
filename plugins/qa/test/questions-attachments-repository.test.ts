import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';
import type { QaDatabase, QuestionAttachmentRow, QuestionRow } from '../src/questions/qa-database.js';
import { QuestionAttachmentRepository } from '../src/questions/question-attachment.repository.js';
import { QuestionRepository } from '../src/questions/question.repository.js';

// The asker's files (migration 0500): what the hourly sweep removes (erased, or the question purged),
// and the lock that keeps the count honest (only an unverified, unexpired question takes files).
describeEachDialect('question attachments repository', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<QaDatabase>;
  let files: QuestionAttachmentRepository;
  let questions: QuestionRepository;
  const now = Date.now();

  const question = (id: string, overrides: Partial<QuestionRow> = {}): QuestionRow => ({
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
    verify_expires_at: now + 3_600_000,
    verified_at: null,
    close_reason: null,
    channel: 'widget',
    created_at: now,
    updated_at: now,
    ...overrides,
  });
  const file = (fileId: string, questionId: string, erased: number | null = null): QuestionAttachmentRow => ({
    file_id: fileId,
    question_id: questionId,
    province_id: 'tinh',
    name: `${fileId}.pdf`,
    content_type: 'application/pdf',
    size: 1234,
    created_at: now,
    erased_at: erased,
  });

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely as unknown as Kysely<QaDatabase>;
    await new OwnerMigrator('rt_qa', db.kysely, qaMigrations).latest();
    files = new QuestionAttachmentRepository(kysely);
    questions = new QuestionRepository(kysely);
  });
  afterAll(async () => db?.drop());

  it('lists a question’s files without the erased ones, and offers the erased and the orphaned to the sweep', async () => {
    await questions.insert(question('kept'), kysely);
    await questions.insert(question('erased', { status: 'closed', verify_hash: null, verify_expires_at: null }), kysely);
    await files.insert(file('f-kept', 'kept'), kysely);
    await files.insert(file('f-erased', 'erased', now), kysely);
    await files.insert(file('f-orphan', 'purged-question'), kysely);

    expect((await files.ofQuestion('kept')).map((f) => f.file_id)).toEqual(['f-kept']);
    expect(await files.ofQuestion('erased')).toEqual([]);
    expect(await files.one('erased', 'f-erased')).toBeUndefined();
    expect(Number((await files.one('kept', 'f-kept'))!.size)).toBe(1234);
    expect((await files.toRemove(10)).map((f) => f.file_id).sort()).toEqual(['f-erased', 'f-orphan']);
    await files.delete('f-erased');
    await files.delete('f-orphan');
    expect(await files.toRemove(10)).toEqual([]);
  });

  it('locks only an unverified question whose link has not expired', async () => {
    await questions.insert(question('open'), kysely);
    await questions.insert(question('expired', { verify_expires_at: now - 1000 }), kysely);
    await questions.insert(question('received', { status: 'received', verify_hash: null, verify_expires_at: null, verified_at: now }), kysely);
    const lock = (id: string) => db.kysely.transaction().execute((trx) => files.lockUnverified(trx as never, id, Date.now()));
    expect(await lock('open')).toBe(true);
    expect(await lock('expired')).toBe(false);
    expect(await lock('received')).toBe(false);
    expect(await lock('missing')).toBe(false);
  });
});
