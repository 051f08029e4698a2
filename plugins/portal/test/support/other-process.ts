import type { Kysely } from 'kysely';
import { createDatabase, parseDatabaseUrl } from '@cong/core/testing';
import type { TestPlatform } from '@cong/sdk/testing';

/** Changes the platform's database as another process would: through a second connection, with no event in this one. */
export async function inAnotherProcess(t: TestPlatform, change: (db: Kysely<any>) => Promise<unknown>): Promise<void> {
  const db = await createDatabase(parseDatabaseUrl(t.databaseUrl, process.cwd()));
  try {
    await change(db.kysely);
  } finally {
    await db.destroy();
  }
}

/**
 * Reads until `done` holds of what was read, or `ms` pass (another process's change shows within the
 * once-a-second check of the unit's fingerprint); the last read, for the test to assert on.
 */
export async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 3_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
