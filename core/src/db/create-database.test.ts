import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

it('begins SQLite transactions immediate: a read-then-write transaction and another process writing both commit, one after the other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cong-db-'));
  const file = join(dir, 'cong.db');
  try {
    db = await createDatabase({ dialect: 'sqlite', file } as never);
    await db.kysely.schema.createTable('counter').addColumn('n', 'integer').execute();
    await db.kysely.insertInto('counter').values({ n: 0 }).execute();
    // Another process adds 10 while our transaction is between its read and its write.
    const other = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))}))(${JSON.stringify(file)});
         db.pragma('busy_timeout = 20000');
         process.stdout.write('writing\\n');
         db.prepare('UPDATE counter SET n = n + 10').run();`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = once(other, 'exit');
    await db.kysely.transaction().execute(async (trx) => {
      const { n } = await trx.selectFrom('counter').select('n').executeTakeFirstOrThrow();
      await once(other.stdout!, 'data'); // the other process is about to write
      // Deferred, its write would land now and ours below would fail with SQLITE_BUSY (a stale
      // snapshot); immediate, it waits for this transaction.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 300))]);
      await trx.updateTable('counter').set({ n: Number(n) + 1 }).execute();
    });
    const [code] = await exited;
    expect(code).toBe(0);
    expect((await db.kysely.selectFrom('counter').select('n').executeTakeFirstOrThrow()).n).toBe(11);
  } finally {
    await db?.destroy();
    db = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
});
