import type { Kysely } from 'kysely';

/**
 * portal_royalties: royalties (nhuận bút, POR-43) recorded for published items. The amount is fixed when
 * recorded: the coefficient (hệ số, in hundredths) times the unit value the unit had set then (VND), so a
 * later change of the unit value never rewrites a payout already computed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_royalties')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('subject_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('subject_title', 'varchar(500)', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('recipient_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('recipient_user_id', 'varchar(191)')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('genre', 'varchar(40)', (c) => c.notNull())
    .addColumn('coefficient_hundredths', 'integer', (c) => c.notNull())
    .addColumn('unit_value_vnd', 'bigint', (c) => c.notNull())
    .addColumn('amount_vnd', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('approved_by', 'varchar(191)')
    .addColumn('approved_at', 'bigint')
    .addColumn('paid_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_royalties_period_idx').on('portal_royalties').columns(['tenant_id', 'period', 'status']).execute();
  await db.schema.createIndex('portal_royalties_subject_idx').on('portal_royalties').columns(['tenant_id', 'subject_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_royalties').execute();
}
