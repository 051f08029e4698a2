import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../../core/src/testing/describe-each-dialect.js';
import { appearanceMigrations } from '../src/appearance/index.js';

// The appearance area's migrations alone: up → down → up on both dialects, down removing all that up
// created; one appearance per unit; a long JSON appearance fits.
describeEachDialect('sites appearance migrations', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  const TABLES = ['sites_appearance', 'sites_network_appearance'];
  const tables = async () => (await db.kysely.introspection.getTables()).map((t) => t.name).filter((n) => TABLES.includes(n)).sort();

  it('goes up, down and up again', async () => {
    const names = Object.keys(appearanceMigrations);
    const migrator = new OwnerMigrator('rt_sites_appearance', db.kysely, appearanceMigrations);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
    expect(await migrator.rollback(null)).toEqual([...names].reverse());
    expect(await tables()).toEqual([]);
    expect(await migrator.latest()).toEqual(names);
    expect(await tables()).toEqual(TABLES);
  });

  it('keeps one appearance per unit, with room for a full home layout', async () => {
    const published = JSON.stringify({ theme: 'xanh-bien', branding: {}, home: Array.from({ length: 30 }, () => ({ block: 'sites.public-services', settings: { links: Array.from({ length: 20 }, () => ({ title: 'Dich vu cong truc tuyen cua tinh Quang Tri', url: 'https://dichvucong.quangtri.gov.vn/dich-vu' })) } })) });
    const row = { tenant_id: 'u1', published, draft: published, preview_token: 'x', published_at: null, published_by: null, updated_at: 1, updated_by: 'x' };
    await db.kysely.insertInto('sites_appearance').values(row).execute();
    expect((await db.kysely.selectFrom('sites_appearance').select('published').executeTakeFirstOrThrow()).published).toBe(published);
    await expect(db.kysely.insertInto('sites_appearance').values(row).execute()).rejects.toThrow();
  });
});
