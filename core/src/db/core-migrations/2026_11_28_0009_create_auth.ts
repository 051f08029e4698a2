import { MysqlAdapter, SqliteAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

// Staff authentication (core/src/auth): accounts, server-side sessions, password-reset tokens, API
// tokens and the login throttle's counters.
//
// Times are epoch milliseconds in BIGINT, ids are app-generated strings, flags are 0/1 integers, like
// every core table. Secrets are never stored: sessions, reset tokens and API tokens keep the SHA-256
// of the token (hex), so a leaked backup opens nothing.
//
// On MySQL/MariaDB the identifier and hash columns use `utf8mb4_bin`: the database default
// `utf8mb4_unicode_ci` ignores case *and accents*, so `hà` and `ha` would collide in a unique index
// on MySQL but not on SQLite. The application normalises (NFKC + lower case) before it writes; the
// database then compares bytes on both engines.
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = isMysql(db);
  const bin = (type: string): RawBuilder<unknown> => (mysql ? sql.raw(`${type} collate utf8mb4_bin`) : sql.raw(type));

  await db.schema
    .createTable('core_users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // NFKC + lower case, so `Admin`, `admin` and full-width `ａｄｍｉｎ` are one account.
    .addColumn('username', bin('varchar(191)'), (c) => c.notNull().unique())
    // Lower case; NULLs never collide, so accounts without an address are unconstrained.
    .addColumn('email', bin('varchar(254)'), (c) => c.unique())
    .addColumn('display_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('is_super_admin', 'integer', (c) => c.notNull().defaultTo(0))
    // Base32, 20 bytes: set at enrolment, trusted only once `totp_enabled` is 1.
    .addColumn('totp_secret', 'varchar(64)')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    // The last 30-second step a code was accepted for: a code is never accepted twice (replay).
    .addColumn('totp_last_step', 'bigint')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('password_changed_at', 'bigint', (c) => c.notNull())
    .addColumn('last_login_at', 'bigint')
    .addCheckConstraint('core_users_status_check', sql`status in ('active', 'disabled')`)
    .execute();

  await db.schema
    .createTable('core_sessions')
    // SHA-256 of the cookie's token: the token itself exists only in the browser.
    .addColumn('id', bin('char(64)'), (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('core_users.id').onDelete('cascade'))
    .addColumn('tenant_id', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    // The absolute timeout; the idle timeout is checked against last_seen_at.
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .addColumn('revoked_at', 'bigint')
    .execute();
  // "My sessions" and "log out everywhere".
  await db.schema.createIndex('core_sessions_user_id').on('core_sessions').columns(['user_id', 'expires_at']).execute();
  await db.schema.createIndex('core_sessions_expires_at').on('core_sessions').columns(['expires_at']).execute();

  await db.schema
    .createTable('core_password_resets')
    .addColumn('token_hash', bin('char(64)'), (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('core_users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('core_password_resets_user_id').on('core_password_resets').columns(['user_id']).execute();
  await db.schema.createIndex('core_password_resets_expires_at').on('core_password_resets').columns(['expires_at']).execute();

  await db.schema
    .createTable('core_api_tokens')
    .addColumn('id', bin('varchar(36)'), (c) => c.primaryKey())
    .addColumn('token_hash', bin('char(64)'), (c) => c.notNull())
    // The first characters of the secret, to tell tokens apart in lists.
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    // The user who made it; kept when that user row goes, for the audit trail.
    .addColumn('created_by', 'varchar(36)')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('permissions_json', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_api_tokens_tenant_id').on('core_api_tokens').columns(['tenant_id', 'created_at']).execute();

  // Counters of rate-limiter-flexible's RateLimiterSQLite / RateLimiterMySQL stores (login throttle).
  // The library would create this table itself; creating it here keeps it in the ledger and in
  // `down`. Column names, order and types are the library's: its MySQL store inserts without a
  // column list.
  await db.schema
    .createTable('core_login_limits')
    .addColumn('key', bin('varchar(255)'), (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_login_limits').ifExists().execute();
  await db.schema.dropTable('core_api_tokens').ifExists().execute();
  await db.schema.dropTable('core_password_resets').ifExists().execute();
  await db.schema.dropTable('core_sessions').ifExists().execute();
  await db.schema.dropTable('core_users').ifExists().execute();
}

function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof MysqlAdapter) return true;
  if (adapter instanceof SqliteAdapter) return false;
  const name = adapter.constructor.name;
  if (name === 'MysqlAdapter') return true;
  if (name === 'SqliteAdapter') return false;
  throw new Error(`core auth tables support SQLite and MySQL/MariaDB, not ${name}`);
}
