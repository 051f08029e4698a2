import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createDatabase, type Database } from './create-database.js';

let db: Database | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

it('reuses prepared statements on SQLite: repeated, streamed and after a schema change, each with its own results', async () => {
  db = await createDatabase({ dialect: 'sqlite', file: ':memory:' } as never);
  const k = db.kysely;
  await k.schema.createTable('t').addColumn('n', 'integer').execute();
  await k.insertInto('t').values([{ n: 1 }, { n: 2 }, { n: 3 }]).execute();
  const query = () => k.selectFrom('t').select('n').orderBy('n');
  expect(await query().execute()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect(await query().execute()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]); // the cached statement, new results
  const streamed: number[] = [];
  for await (const row of query().stream()) streamed.push(row.n as number);
  expect(streamed).toEqual([1, 2, 3]);
  await k.insertInto('t').values({ n: 4 }).execute();
  expect(await query().execute()).toHaveLength(4);
  // After a schema change the cached statement is prepared again by SQLite.
  await sql`ALTER TABLE t ADD COLUMN m integer`.execute(k);
  expect(await k.selectFrom('t').selectAll().orderBy('n').executeTakeFirst()).toEqual({ n: 1, m: null });
  expect(await query().execute()).toHaveLength(4);
});

it('opens SQLite files in WAL mode, with foreign keys on and temporary sort trees in memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cong-db-'));
  try {
    db = await createDatabase({ dialect: 'sqlite', file: join(dir, 'cong.db') } as never);
    const pragma = async (name: string) => Object.values((await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(db!.kysely)).rows[0]!)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('temp_store')).toBe(2); // MEMORY
  } finally {
    await db?.destroy();
    db = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
});
