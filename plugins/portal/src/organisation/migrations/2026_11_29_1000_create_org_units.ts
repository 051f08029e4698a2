import type { Kysely } from 'kysely';
import { longText } from './dialect.js';
import { trackedColumns } from './tracked-columns.js';

/**
 * portal_org_units: the unit's organisation chart (cơ cấu tổ chức, POR-04), a tree by parent_id ordered
 * by sort_order; the one root node is the agency itself. Functions, duties and powers are sanitised
 * rich text in Vietnamese and English (English is mandatory, POR-23).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await trackedColumns(db.schema.createTable('portal_org_units'))
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('functions_vi', longText(db), (c) => c.notNull())
    .addColumn('functions_en', longText(db), (c) => c.notNull())
    .addColumn('duties_vi', longText(db), (c) => c.notNull())
    .addColumn('duties_en', longText(db), (c) => c.notNull())
    .addColumn('powers_vi', longText(db), (c) => c.notNull())
    .addColumn('powers_en', longText(db), (c) => c.notNull())
    .addColumn('head_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('head_position_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('head_position_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('address', 'varchar(500)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_org_units_tenant_parent_idx').on('portal_org_units').columns(['tenant_id', 'parent_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_org_units').execute();
}
