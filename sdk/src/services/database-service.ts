import type { Kysely, Transaction } from 'kysely';

/** The two SQL dialects every query must run on. */
export type SqlDialect = 'sqlite' | 'mysql';

/**
 * The database, as a plugin sees it. One connection pool for the platform; every plugin writes
 * only tables prefixed with its id and changes them only through its migrations.
 */
export interface DatabaseService {
  readonly dialect: SqlDialect;
  /** The query builder, typed with the plugin's table types. */
  kysely<DB>(): Kysely<DB>;
  /**
   * Runs `work` in one transaction: all of it is written, or none. Pass `trx` to services that take
   * one (jobs, mail, search) so their rows commit or roll back with yours.
   */
  transaction<DB, T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
}
