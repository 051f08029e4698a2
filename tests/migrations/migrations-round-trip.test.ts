import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Migration } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, OwnerMigrator, type TestDatabase } from '@cong/core/testing';
import { describeEachDialect } from '../../core/src/testing/describe-each-dialect.js';

// Acceptance: every migration in the repository runs up → down → up on both dialects. Folders are
// found, not listed, so a new plugin's migrations are covered the day they land.
const root = fileURLToPath(new URL('../..', import.meta.url));

function migrationFolders(): { owner: string; dir: string }[] {
  const folders: { owner: string; dir: string }[] = [{ owner: 'core', dir: join(root, 'core/src/db/core-migrations') }];
  for (const parent of ['plugins', 'examples']) {
    const base = join(root, parent);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const dir = join(base, name, 'src/migrations');
      if (existsSync(dir)) folders.push({ owner: name.replace(/-plugin$/, '').replace(/-/g, '_'), dir });
    }
  }
  return folders;
}

async function loadFolder(dir: string): Promise<{ files: Record<string, Migration>; registered: Readonly<Record<string, Migration>> }> {
  const files: Record<string, Migration> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts')).sort()) {
    files[basename(file, '.ts')] = (await import(pathToFileURL(join(dir, file)).href)) as Migration;
  }
  const index = (await import(pathToFileURL(join(dir, 'index.ts')).href)) as Record<string, Readonly<Record<string, Migration>>>;
  const registered = Object.values(index).find((v) => typeof v === 'object' && v !== null)!;
  return { files, registered };
}

it('finds the migrations of the core and the example plugin', () => {
  const found = migrationFolders().map((f) => relative(root, f.dir));
  expect(found).toContain('core/src/db/core-migrations');
  expect(found).toContain('examples/hello-plugin/src/migrations');
});

describeEachDialect('every migration round-trips up → down → up', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db?.drop());

  for (const { owner, dir } of migrationFolders()) {
    it(`${relative(root, dirname(dir))}: index registers every file, and each migration has down`, async () => {
      const { files, registered } = await loadFolder(dir);
      expect(Object.keys(registered)).toEqual(Object.keys(files));
      for (const [name, migration] of Object.entries(files)) {
        expect(typeof migration.up, name).toBe('function');
        expect(typeof migration.down, name).toBe('function');
      }
    });

    it(`${owner}: up, down, up`, async () => {
      const { files } = await loadFolder(dir);
      const names = Object.keys(files);
      const ledger = (t: string) => t.startsWith(`rt_${owner}_migrations`);
      const before = (await tableNames(db)).filter((t) => !ledger(t));
      const migrator = new OwnerMigrator(`rt_${owner}`, db.kysely, files);
      expect(await migrator.latest()).toEqual(names);
      const tablesUp = await tableNames(db);
      expect(await migrator.rollback(null)).toEqual([...names].reverse());
      // down removed everything up created
      expect((await tableNames(db)).filter((t) => !ledger(t))).toEqual(before);
      expect(await migrator.latest()).toEqual(names);
      expect(await tableNames(db)).toEqual(tablesUp);
      await migrator.rollback(null);
    });
  }
});

async function tableNames(db: TestDatabase): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: false });
  return tables.map((t) => t.name).filter((n) => !n.includes('_fts')).sort();
}
