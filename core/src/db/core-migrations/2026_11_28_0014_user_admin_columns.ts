import { MysqlAdapter, type Kysely } from 'kysely';

// What the admin shell's account list needs from `core_users`:
// - `created_in_tenant_id` / `created_by`: the unit an account was created in (the unit the call
//   named) and who created it. A unit admin sees the accounts their unit created even before any
//   grant reaches them (invitations); NULL for accounts made before this migration, by the CLI or at
//   demo start (only the province sees those).
// - `search_folded`: username, display name and address folded (NFD, marks removed, đ→d, lower case)
//   so that "nguyen van" finds "Nguyễn Văn" on SQLite and MySQL alike. Written by the application;
//   existing rows are filled here with the same folding (the sdk's `fold`, repeated so that the
//   migration imports only kysely).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('core_users').addColumn('created_in_tenant_id', 'varchar(36)').execute();
  await db.schema.alterTable('core_users').addColumn('created_by', 'varchar(36)').execute();
  await db.schema.alterTable('core_users').addColumn('search_folded', 'varchar(720)', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('core_users_created_in_idx').on('core_users').columns(['created_in_tenant_id']).execute();
  const rows = (await db.selectFrom('core_users').select(['id', 'username', 'display_name', 'email']).execute()) as {
    id: string;
    username: string;
    display_name: string;
    email: string | null;
  }[];
  for (const row of rows) {
    await db
      .updateTable('core_users')
      .set({ search_folded: foldForSearch(row.username, row.display_name, row.email) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter || db.getExecutor().adapter.constructor.name === 'MysqlAdapter';
  // MySQL names the table of an index; SQLite refuses `ON` in DROP INDEX.
  if (mysql) await db.schema.dropIndex('core_users_created_in_idx').on('core_users').execute();
  else await db.schema.dropIndex('core_users_created_in_idx').execute();
  await db.schema.alterTable('core_users').dropColumn('search_folded').execute();
  await db.schema.alterTable('core_users').dropColumn('created_by').execute();
  await db.schema.alterTable('core_users').dropColumn('created_in_tenant_id').execute();
}

/** The folded search text of an account; `UserStore` writes the same. */
function foldForSearch(username: string, displayName: string, email: string | null): string {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return fold(`${username} ${displayName} ${email ?? ''}`).trim().slice(0, 720);
}
