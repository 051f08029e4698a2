import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';

/**
 * kysely's SQLite dialect with every transaction begun `IMMEDIATE`: it takes the file's write lock
 * when it starts, waiting up to the busy timeout for another process to let go of it.
 *
 * Why: kysely begins with a plain (deferred) `BEGIN`, which takes the write lock only at the first
 * write. When two processes share a file (`cong start --workers`, or a `cong` command beside a running
 * server), a transaction that reads, then writes after the other process has committed, fails at once
 * with `SQLITE_BUSY` — its snapshot is stale, and no waiting can fix that. Begun immediate, the second
 * transaction waits for the first and then reads what it wrote. In one process nothing changes: kysely
 * already runs one query at a time on the one connection.
 */
export class SqliteImmediateDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
