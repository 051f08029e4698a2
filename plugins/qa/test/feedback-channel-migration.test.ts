import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { qaMigrations } from '../src/migrations/index.js';

// Migration 0520 on both dialects: feedback stored before it came from the form, so it becomes `web`;
// a channel outside the list is refused; `down` drops the column and `up` runs again.
describeEachDialect('feedback channel migration', (dialect) => {
  let db: TestDatabase;
  const upTo = (last: string) => Object.fromEntries(Object.entries(qaMigrations).filter(([name]) => name <= last));

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  it('marks existing rows `web`, refuses an unknown channel, and rolls back', async () => {
    const kysely = db.kysely;
    const before = new OwnerMigrator('mg_qa', kysely, upTo('2026_11_29_0510_create_progress_links_notices'));
    await before.latest();
    const now = Date.now();
    const row = (id: string) => ({
      id, province_id: 'tinh', site_id: 'tinh', receiving_unit_id: 'stp', kind: 'regulation', status: 'received', tracking_code: `PA-2027-${id}`, sender_name: 'A', sender_email: 'a@example.vn', sender_phone: '0912345678', sender_address: 'X',
      content_type: 'other', regulation_name: 'QĐ 1', regulation_link: null, title: 'Tiêu đề', content: 'Nội dung', proposal: null, consent_publish: 0, consent_version: '2026-11', verify_hash: null, verify_expires_at: null, received_at: now, created_at: now, updated_at: now,
    });
    await kysely.insertInto('qa_feedback').values(row('AAAAAA')).execute();

    const migrator = new OwnerMigrator('mg_qa', kysely, upTo('2026_11_29_0520_feedback_channel'));
    expect(await migrator.latest()).toEqual(['2026_11_29_0520_feedback_channel']);
    expect(await kysely.selectFrom('qa_feedback').select(['id', 'channel']).execute()).toEqual([{ id: 'AAAAAA', channel: 'web' }]);
    await kysely.insertInto('qa_feedback').values({ ...row('BBBBBB'), channel: 'post' }).execute();
    await expect(kysely.insertInto('qa_feedback').values({ ...row('CCCCCC'), channel: 'fax' }).execute()).rejects.toThrow();
    expect((await kysely.selectFrom('qa_feedback').select('channel').orderBy('id').execute()).map((r) => r.channel)).toEqual(['web', 'post']);

    expect(await migrator.rollback()).toEqual(['2026_11_29_0520_feedback_channel']);
    const columns = (await kysely.introspection.getTables()).find((t) => t.name === 'qa_feedback')!.columns.map((c) => c.name);
    expect(columns).not.toContain('channel');
    expect(await migrator.latest()).toEqual(['2026_11_29_0520_feedback_channel']);
  });
});
