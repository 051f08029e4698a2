import type { Kysely } from 'kysely';

/**
 * portal_mandated_sections: per unit, the sections of information the portal must publish (POR-01 to
 * POR-16), seeded from the rule `portal.mandatedSections` (its version is kept in rule_version). Each
 * row says where its content lives (`source`) and can be marked not applicable with a reason.
 * A unit has each code once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_mandated_sections')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('name_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('basis', 'varchar(500)', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(36)')
    .addColumn('org_tables', 'varchar(200)')
    .addColumn('english_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link_url', 'varchar(1000)')
    .addColumn('site_path', 'varchar(300)')
    .addColumn('deadline_kind', 'varchar(40)')
    .addColumn('form_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('form_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('na_reason', 'varchar(1000)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_mandated_sections_tenant_code_uq').on('portal_mandated_sections').columns(['tenant_id', 'code']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_mandated_sections').execute();
}
