import type { Kysely } from 'kysely';
import { longText } from './dialect.js';
import { trackedColumns } from './tracked-columns.js';

/**
 * portal_leaders: the unit's leaders (lãnh đạo, POR-06, POR-08) with position, portrait, short
 * biography and duties in Vietnamese and English. Phone and e-mail go public only when contact_public
 * is 1. Term dates are `YYYY-MM-DD`; org_unit_id optionally ties a leader to a node of the chart.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await trackedColumns(db.schema.createTable('portal_leaders'))
    .addColumn('org_unit_id', 'varchar(36)')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('position_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('portrait_url', 'varchar(1000)', (c) => c.notNull())
    .addColumn('portrait_alt_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('portrait_alt_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('bio_vi', longText(db), (c) => c.notNull())
    .addColumn('bio_en', longText(db), (c) => c.notNull())
    .addColumn('duties_vi', longText(db), (c) => c.notNull())
    .addColumn('duties_en', longText(db), (c) => c.notNull())
    .addColumn('phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('contact_public', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('term_start', 'varchar(10)')
    .addColumn('term_end', 'varchar(10)')
    .execute();
  await db.schema.createIndex('portal_leaders_tenant_order_idx').on('portal_leaders').columns(['tenant_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_leaders').execute();
}
