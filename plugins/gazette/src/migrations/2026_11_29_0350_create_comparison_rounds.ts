import { sql, type Kysely } from 'kysely';

/**
 * gazette_comparison_rounds: one comparison of a submission's electronic copy with its signed
 * original (GAZ-14), numbered from 1 per submission. It keeps the texts as extracted, how each was
 * read, the word diff (`segments`, `discrepancies`: JSON) and the decision: `passed`, or `returned`
 * with the discrepancies the reviewer confirmed plus notes, and when and to whom the issuer was
 * notified. Texts are mediumtext: a long decision with annexes passes MySQL's 64 KB `text`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = sql`mediumtext`;
  await db.schema
    .createTable('gazette_comparison_rounds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('submission_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('office_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('original_file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('electronic_file_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('original_text', longText, (c) => c.notNull())
    .addColumn('electronic_text', longText, (c) => c.notNull())
    .addColumn('original_method', 'varchar(16)', (c) => c.notNull())
    .addColumn('electronic_method', 'varchar(16)', (c) => c.notNull())
    .addColumn('identical', 'integer', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addColumn('segments', longText, (c) => c.notNull())
    .addColumn('discrepancies', longText, (c) => c.notNull())
    .addColumn('reviewer_notes', longText)
    .addColumn('opened_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('opened_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(191)')
    .addColumn('decided_at', 'bigint')
    .addColumn('notified_at', 'bigint')
    .addColumn('notified_to', 'varchar(1000)')
    .addCheckConstraint('gazette_comparison_rounds_status_check', sql`status in ('open', 'passed', 'returned')`)
    .execute();
  await db.schema.createIndex('gazette_comparison_rounds_round_uq').on('gazette_comparison_rounds').columns(['submission_id', 'round']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gazette_comparison_rounds').execute();
}
