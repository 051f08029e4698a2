import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as SqliteConnection } from 'better-sqlite3';
import { Kysely, MysqlDialect, type Dialect } from 'kysely';
import type { Pool as MysqlPool } from 'mysql2';
import type { SqlDialect } from '@cong/sdk';
import { CONG_ERR_DATABASE_UNREACHABLE } from '../errors.js';
import { redactDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';

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

/** How much of an SQLite file is read through a memory map. */
const MMAP_BYTES = 1024 * 1024 * 1024;

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** SQLite: how long a writer waits for a lock before failing. Default is 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** MySQL: pool size. Default is 10. */
  readonly poolSize?: number;
}

/**
 * Opens the database. SQLite runs in WAL mode with `synchronous=NORMAL`, a busy timeout, foreign
 * keys on and transactions begun immediate (several processes may share the file). MySQL/MariaDB
 * uses a mysql2 pool in UTC with utf8mb4. Each driver is loaded only when used.
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
    // Sorts (ORDER BY without an index, UNION ALL with an order) use temporary b-trees; this build of
    // SQLite (TEMP_STORE=1) puts them in files, which cost an uncached category page's list query
    // ~100 µs of file calls. Our sorts are pages of rows; index builds in migrations stay in the MBs.
    sqlite.pragma('temp_store = MEMORY');
    // Pages are read through a memory map rather than copied in by a file call each: a province's public
    // pages walk far more of the file than the 16 MB page cache holds (an uncached category page's list,
    // read over 155 units, took ~100 µs with file calls against ~80 µs mapped). The map is of the OS's
    // page cache, shared by every process on the machine; 1 GiB of address space, not of memory.
    if (target.file !== ':memory:') sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    return wrap(new SqliteImmediateDialect({ database: withStatementCache(sqlite) }), 'sqlite', `sqlite:${target.file}`, sqlite);
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

/** Prepared statements kept per SQL text (the queries of routes repeat; their count is small). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The better-sqlite3 handle as kysely uses it, with prepared statements reused: kysely prepares every
 * query afresh, which was 13 % of a public page's CPU (docs/reference/benchmarks.md, F7). kysely holds
 * the one connection for a whole streamed query, so no statement is used twice at once (a busy one is
 * still never handed out); SQLite re-prepares a cached statement by itself after a schema change.
 */
function withStatementCache(sqlite: SqliteConnection) {
  const cache = new Map<string, ReturnType<SqliteConnection['prepare']>>();
  return {
    close: () => void sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql); // most recently used last
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

