import { MysqlAdapter, SqliteAdapter, sql, type Kysely } from 'kysely';

// core_audit_log: the append-only audit log (CORE-14, ASVS 7.1), written only through
// core/src/audit/default-audit-log.ts, which has no update or delete.
//
// `id` is a 26-character ULID made by the application: 48 bits of epoch milliseconds then 80 random
// bits, in Crockford base32, so ids sort by time as plain strings and need no coordination between
// processes. A counter row or `MAX(id)+1` would have to be locked for as long as the caller's
// transaction runs (the entry is written in the same transaction as the change it describes), which
// would serialise every staff write on the platform; an AUTO_INCREMENT id is not app-generated and
// can only be learnt after the insert. On MySQL the column is ASCII with a binary collation so
// comparisons are byte order (the default utf8mb4_unicode_ci would compare case-insensitively).
//
// `at` (epoch ms) is the millisecond of the id, so ORDER BY id and ORDER BY at, id are the same order;
// each (x, at) index below therefore serves both the time-range filter and the newest-first sort
// (InnoDB appends the primary key to every secondary index).
//
// Summaries are MEDIUMTEXT on MySQL (TEXT stops at 64 KiB); the service caps them at 16 KiB each.
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = isMysql(db);
  const idType = mysql ? sql`char(26) character set ascii collate ascii_bin` : sql`varchar(26)`;
  const longText = mysql ? sql`mediumtext` : sql`text`;
  await db.schema
    .createTable('core_audit_log')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('actor_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)')
    .addColumn('action', 'varchar(191)', (c) => c.notNull())
    .addColumn('object_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(191)', (c) => c.notNull())
    .addColumn('before_json', longText)
    .addColumn('after_json', longText)
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .addColumn('request_id', 'varchar(128)')
    .addColumn('owner', 'varchar(64)', (c) => c.notNull())
    .addCheckConstraint('core_audit_log_actor_kind_check', sql`actor_kind in ('user', 'token', 'system')`)
    .execute();
  // One index per admin filter; `at` last so a time range and the newest-first order use it too.
  const indexes: Record<string, string[]> = {
    core_audit_log_tenant_at: ['tenant_id', 'at'],
    core_audit_log_actor_at: ['actor_id', 'at'],
    core_audit_log_object: ['object_type', 'object_id'],
    core_audit_log_action_at: ['action', 'at'],
    // The unfiltered platform-wide list and time-range-only queries.
    core_audit_log_at: ['at'],
  };
  for (const [name, columns] of Object.entries(indexes)) {
    await db.schema.createIndex(name).on('core_audit_log').columns(columns).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_audit_log').ifExists().execute();
}

// A migration receives only the Kysely instance, so the dialect is read from its adapter. The class
// name is the fallback for a second copy of kysely in the tree, where `instanceof` would fail.
function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof MysqlAdapter) return true;
  if (adapter instanceof SqliteAdapter) return false;
  const name = adapter.constructor.name;
  if (name === 'MysqlAdapter') return true;
  if (name === 'SqliteAdapter') return false;
  throw new Error(`core_audit_log supports SQLite and MySQL/MariaDB, not ${name}`);
}
