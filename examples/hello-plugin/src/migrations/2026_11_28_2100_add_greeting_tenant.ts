import { MysqlAdapter, type Kysely } from 'kysely';

/**
 * Greetings belong to a unit (`tenant_id`); rows from before have none and stay platform-wide
 * (`tenant_id` null, which is also what a platform without units stores). Lists are per unit, newest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hello_greetings').addColumn('tenant_id', 'varchar(36)').execute();
  await db.schema.createIndex('hello_greetings_tenant_created_idx').on('hello_greetings').columns(['tenant_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table of an index; SQLite refuses `ON` in DROP INDEX. The core may run its own
  // copy of kysely, so compare the adapter's class by name as well.
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof MysqlAdapter || adapter.constructor.name === 'MysqlAdapter') await db.schema.dropIndex('hello_greetings_tenant_created_idx').on('hello_greetings').execute();
  else await db.schema.dropIndex('hello_greetings_tenant_created_idx').execute();
  await db.schema.alterTable('hello_greetings').dropColumn('tenant_id').execute();
}
