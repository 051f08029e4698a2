import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { mediaMigrations } from '../src/media/migrations/index.js';

// up → down → up on both dialects, down removing all that up created.
describeEachDialect('portal media migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const MEDIA = ['portal_media', 'portal_media_variants'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => MEDIA.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(mediaMigrations);
    expect(names.every((n) => /^2026_11_29_13\d{2}_[a-z_]+$/.test(n))).toBe(true);
    const migrator = new OwnerMigrator('rt_portal_media', db.kysely, mediaMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(MEDIA);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(MEDIA);
  });

  it('keeps one item per unit and content hash', async () => {
    const row = {
      id: '00000000-0000-4000-8000-000000000001', tenant_id: 'so-tai-chinh', kind: 'pdf', file_id: 'f1', original_name: 'a.pdf', content_type: 'application/pdf',
      size: 10, sha256: 'a'.repeat(64), search_folded: 'a', created_by: 'x', created_at: 1, updated_at: 1,
    };
    await db.kysely.insertInto('portal_media').values(row).execute();
    await expect(db.kysely.insertInto('portal_media').values({ ...row, id: '00000000-0000-4000-8000-000000000002', file_id: 'f2' }).execute()).rejects.toThrow();
    await db.kysely.insertInto('portal_media').values({ ...row, id: '00000000-0000-4000-8000-000000000003', tenant_id: 'so-y-te' }).execute();
  });
});
