import { sql, type Kysely } from 'kysely';

/**
 * portal_information_requests: a unit asks units below it to supply information by a deadline
 * (yêu cầu cung cấp thông tin, POR-42). `deadline` is a Vietnam calendar date, the last day to answer.
 * portal_information_request_units: who is addressed, with the addresses the reminders go to.
 * portal_information_request_reminders: one row per reminder sent; the key (request, unit, day) makes
 * a second reminder the same day impossible, even from two processes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_information_requests')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('working_days', 'integer')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'varchar(191)')
    .addColumn('closed_at', 'bigint')
    .addCheckConstraint('portal_information_requests_status_check', sql`status in ('open', 'closed')`)
    .execute();
  await db.schema.createIndex('portal_information_requests_tenant_idx').on('portal_information_requests').columns(['tenant_id', 'status', 'deadline']).execute();

  await db.schema
    .createTable('portal_information_request_units')
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('notify_emails', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_information_request_units_pk', ['request_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('portal_information_request_units_unit_idx').on('portal_information_request_units').columns(['unit_id', 'request_id']).execute();

  await db.schema
    .createTable('portal_information_request_reminders')
    .addColumn('request_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('sent_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_information_request_reminders_pk', ['request_id', 'unit_id', 'sent_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_information_request_reminders').execute();
  await db.schema.dropTable('portal_information_request_units').execute();
  await db.schema.dropTable('portal_information_requests').execute();
}
