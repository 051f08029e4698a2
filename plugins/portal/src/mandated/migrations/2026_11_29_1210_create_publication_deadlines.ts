import type { Kysely } from 'kysely';

/**
 * portal_publication_deadlines: items whose publication the unit must meet by a deadline counted in
 * working days (POR-30 to POR-37). The rule that computed due_date is recorded by name, version and
 * value, so a later change of the rule never rewrites an old item (CORE-00). Dates are `YYYY-MM-DD`
 * (Vietnam); met_at is epoch milliseconds and met_on its Vietnam date. An article or a legal document
 * is tracked at most once per unit (free-text items have no subject_id, and NULLs never clash).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_publication_deadlines')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(10)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)')
    .addColumn('subject_title', 'varchar(500)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('rule_name', 'varchar(191)', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(36)', (c) => c.notNull())
    .addColumn('rule_days', 'integer', (c) => c.notNull())
    .addColumn('origin_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('met_at', 'bigint')
    .addColumn('met_on', 'varchar(10)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_publication_deadlines_subject_uq')
    .on('portal_publication_deadlines')
    .columns(['tenant_id', 'subject_type', 'subject_id'])
    .unique()
    .execute();
  await db.schema.createIndex('portal_publication_deadlines_tenant_due_idx').on('portal_publication_deadlines').columns(['tenant_id', 'met_at', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_publication_deadlines').execute();
}
