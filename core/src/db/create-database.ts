import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as SqliteConnection } from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect, type Dialect } from 'kysely';
import type { Pool as MysqlPool } from 'mysql2';
import type { SqlDialect } from '@cong/sdk';
import { CONG_ERR_DATABASE_UNREACHABLE } from '../errors.js';
import { redactDatabaseUrl, type DatabaseTarget } from './database-url.js';

/** The platform's one connection pool. */
export interface Database {
  readonly kysely: Kysely<any>;
  readonly dialect: SqlDialect;
  /**
   * The driver's own handle under kysely: the better-sqlite3 `Database` on SQLite, the mysql2 (callback)
   * `Pool` on MySQL. Only for libraries that must talk to the driver directly (rate-limiter-flexible's
   * SQLite/MySQL stores); everything else goes through `kysely`. Never close it: {@link destroy} does.
   */
  readonly native: SqliteConnection | MysqlPool;
  /** For reports; the password is redacted. */
  readonly description: string;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  destroy(): Promise<void>;
}

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** SQLite: how long a writer waits for a lock before failing. Default is 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** MySQL: pool size. Default is 10. */
  readonly poolSize?: number;
}

/**
 * Opens the database. SQLite runs in WAL mode with `synchronous=NORMAL`, a busy timeout and foreign
 * keys on. MySQL/MariaDB uses a mysql2 pool in UTC with utf8mb4. Each driver is loaded only when used.
 */
export async function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Database> {
  if (target.dialect === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3');
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (target.file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    return wrap(new SqliteDialect({ database: sqlite }), 'sqlite', `sqlite:${target.file}`, sqlite);
  }
  const { createPool } = await import('mysql2');
  const pool = createPool({
    uri: target.url,
    connectionLimit: options.poolSize ?? 10,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
    enableKeepAlive: true,
  });
  const db = wrap(new MysqlDialect({ pool }), 'mysql', redactDatabaseUrl(target.url), pool);
  try {
    await db.kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (cause) {
    await db.destroy().catch(() => undefined);
    throw CONG_ERR_DATABASE_UNREACHABLE.create({ database: db.description, reason: (cause as Error).message }, { cause });
  }
  return db;
}

function wrap(dialect: Dialect, name: SqlDialect, description: string, native: SqliteConnection | MysqlPool): Database {
  const kysely = new Kysely<any>({ dialect });
  return {
    kysely,
    dialect: name,
    native,
    description,
    async ping() {
      try {
        await kysely.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
        return true;
      } catch {
        return false;
      }
    },
    destroy: () => kysely.destroy(),
  };
}
