import { MysqlAdapter, sql, type Kysely } from 'kysely';

// Two-factor secrets are sealed at rest (AES-256-GCM, `v1.<base64url>`, about 80 characters), longer than
// the 64 the column allowed. SQLite does not enforce a varchar length; MySQL/MariaDB widen the column.
export async function up(db: Kysely<any>): Promise<void> {
  if (isMysql(db)) await sql`ALTER TABLE core_users MODIFY totp_secret varchar(255) NULL`.execute(db);
}

// Back to 64 characters: sealed secrets do not fit, so their accounts enrol again (nothing else can read them).
export async function down(db: Kysely<any>): Promise<void> {
  if (!isMysql(db)) return;
  await db.updateTable('core_users').set({ totp_secret: null, totp_enabled: 0, totp_last_step: null }).where(sql`CHAR_LENGTH(totp_secret)`, '>', 64).execute();
  await sql`ALTER TABLE core_users MODIFY totp_secret varchar(64) NULL`.execute(db);
}

function isMysql(db: Kysely<any>): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter';
}
