import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';
import type { QaDatabase, QuestionRow } from '../src/questions/qa-database.js';
import { QuestionRepository, refoldQuestion } from '../src/questions/question.repository.js';
import { queueWords } from '../src/questions/queue.routes.js';

const FOLD = '2026_11_29_0540_question_fold';

// The queue's folded search column (migration 0540): filled for the questions that existed, written
// with every question and every change of its code, title or text, searched word by word with LIKE
// wildcards taken literally, and scoped like the queue.
describeEachDialect('questions: the folded search text of the board’s queue', (dialect) => {
  let db: TestDatabase;
  let kysely: Kysely<QaDatabase>;
  let repo: QuestionRepository;
  const foldOf = async (id: string) => ((await (kysely as Kysely<any>).selectFrom('qa_questions').select('search_fold').where('id', '=', id).executeTakeFirstOrThrow()) as { search_fold: string | null }).search_fold;

  const row = (id: string, overrides: Partial<QuestionRow> = {}): QuestionRow => ({
    id,
    province_id: 'tinh',
    site_id: 'tinh',
    status: 'received',
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
    verify_hash: null,
    verify_expires_at: null,
    verified_at: Date.now(),
    close_reason: null,
    channel: 'widget',
    created_at: Date.now(),
    updated_at: Date.now(),
    ...overrides,
  });
  const ids = async (provinceId: string, q: string, extra: { limit?: number; offset?: number } = {}) => {
    const page = await repo.page({ kind: 'board', provinceId }, { words: queueWords(q), limit: extra.limit ?? 20, offset: extra.offset ?? 0 });
    return { ids: page.items.map((r) => r.id).sort(), total: page.total };
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    kysely = db.kysely as unknown as Kysely<QaDatabase>;
    repo = new QuestionRepository(kysely);
    // Every migration before the fold, a question written then, then the fold.
    const before = Object.fromEntries(Object.entries(qaMigrations).filter(([name]) => name < FOLD));
    await new OwnerMigrator('fold_qa', db.kysely, before).latest();
    await kysely.insertInto('qa_questions').values(row('old', { tracking_code: 'HD-2026-OLD001', title: 'Đường giao thông nông thôn'.normalize('NFD'), content: 'ĐẤT ĐAI' })).execute();
    expect(await new OwnerMigrator('fold_qa', db.kysely, qaMigrations).latest()).toContain(FOLD);
  });
  afterAll(async () => db?.drop());

  it('fills the column for the questions that existed: no diacritics, đ→d, lower case, NFD folded too', async () => {
    expect(await foldOf('old')).toBe('hd-2026-old001 duong giao thong nong thon dat dai');
    expect((await ids('tinh', 'DUONG đất')).ids).toEqual(['old']);
  });

  it('writes it with a new question and again when the tracking code, title or text change', async () => {
    await repo.insert(row('new', { status: 'unverified', title: 'Hộ tịch', content: 'Khai sinh cho con' }), kysely);
    expect(await foldOf('new')).toBe(' ho tich khai sinh cho con');
    expect(await repo.update('new', ['unverified'], { status: 'received', tracking_code: 'HD-2026-NEW001' }, kysely, null)).toBe(true);
    expect(await foldOf('new')).toBe('hd-2026-new001 ho tich khai sinh cho con');
    expect((await ids('tinh', 'hd-2026-NEW001')).ids).toEqual(['new']);
    // A step that fails its guard changes nothing.
    expect(await repo.update('new', ['closed'], { title: 'Khác' }, kysely, null)).toBe(false);
    expect(await foldOf('new')).toBe('hd-2026-new001 ho tich khai sinh cho con');
    // A writer outside the repository (the erasure of personal data) folds again in its transaction.
    await kysely.transaction().execute(async (trx) => {
      await trx.updateTable('qa_questions').set({ content: '[đã xoá / erased]' }).where('id', '=', 'new').execute();
      await refoldQuestion(trx, 'new');
    });
    expect(await foldOf('new')).toBe('hd-2026-new001 ho tich [da xoa / erased]');
    expect((await ids('tinh', 'khai sinh')).ids).toEqual([]);
  });

  it('finds every word, takes % and _ literally, pages, and stays in the province', async () => {
    await repo.insert(row('pct', { title: 'Hồ sơ đạt 100% yêu cầu', content: 'Mẫu hồ_sơ số 3' }), kysely);
    await repo.insert(row('plain', { title: 'Hồ sơ đạt 1000 điểm', content: 'Mẫu hồ sơ số 3' }), kysely);
    await repo.insert(row('elsewhere', { province_id: 'tinh-khac', title: 'Hồ sơ đạt 100% yêu cầu', content: 'Mẫu hồ_sơ số 3' }), kysely);
    expect(await ids('tinh', '100%')).toEqual({ ids: ['pct'], total: 1 });
    expect(await ids('tinh', 'ho_so')).toEqual({ ids: ['pct'], total: 1 });
    expect(await ids('tinh', 'HỒ SƠ ĐẠT')).toEqual({ ids: ['pct', 'plain'], total: 2 });
    expect(await ids('tinh', 'ho so dat 100%')).toEqual({ ids: ['pct'], total: 1 });
    const first = await ids('tinh', 'ho so dat', { limit: 1 });
    const second = await ids('tinh', 'ho so dat', { limit: 1, offset: 1 });
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.ids, ...second.ids].sort()).toEqual(['pct', 'plain']);
    expect(await ids('tinh-khac', 'ho so')).toEqual({ ids: ['elsewhere'], total: 1 });
    expect(await ids('tinh', '!')).toEqual({ ids: [], total: 0 });
  });

  it('goes down and up again', async () => {
    const migrator = new OwnerMigrator('fold_qa', db.kysely, qaMigrations);
    const names = Object.keys(qaMigrations).sort();
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await migrator.latest()).toEqual(names);
    await repo.insert(row('again', { title: 'Đất' }), kysely);
    expect(await foldOf('again')).toBe(' dat noi dung');
  });
});
