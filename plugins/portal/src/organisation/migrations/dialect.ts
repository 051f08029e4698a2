import { MysqlAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

// Migrations import only kysely and each other, so this folder keeps its own copy of the content
// migrations' dialect helpers.

/** True on MySQL/MariaDB. The core may run its own copy of kysely, so compare the adapter's class by name too. */
function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}

/** Long text: MEDIUMTEXT on MySQL (TEXT stops at 64 KiB), TEXT on SQLite. */
export function longText(db: Kysely<any>): RawBuilder<unknown> {
  return isMysql(db) ? sql`mediumtext` : sql`text`;
}
