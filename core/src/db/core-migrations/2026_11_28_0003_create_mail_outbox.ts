import { sql, type Kysely } from 'kysely';

// core_mail_outbox: every message plugins send, delivered by the `core.mail-deliver` job
// (core/src/mail/default-mail-service.ts). Address lists are JSON arrays of checked mailboxes.
// Bodies are MEDIUMTEXT because MySQL TEXT stops at 64 KB; SQLite reads any type name containing
// "TEXT" as text, so the one spelling works on both engines.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_mail_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('owner', 'varchar(64)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    .addColumn('cc_addresses', 'text', (c) => c.notNull())
    .addColumn('bcc_addresses', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', sql`mediumtext`, (c) => c.notNull())
    .addColumn('html_body', sql`mediumtext`)
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'varchar(255)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addCheckConstraint('core_mail_outbox_status_check', sql`status in ('queued', 'sent', 'failed', 'held')`)
    .execute();
  // The admin outbox: newest first, optionally by status.
  await db.schema.createIndex('core_mail_outbox_created_at').on('core_mail_outbox').columns(['created_at']).execute();
  await db.schema.createIndex('core_mail_outbox_status_created_at').on('core_mail_outbox').columns(['status', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_mail_outbox').execute();
}
