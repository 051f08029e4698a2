import type { Kysely } from 'kysely';
import { trackedColumns } from './tracked-columns.js';

/**
 * portal_contacts: the unit's contact block (POR-05). kind `agency`: an office with address, phone,
 * fax, official e-mail, office hours and map link; kind `official`: a focal or competent official
 * with name, position, unit, phone and official e-mail. Labels, hours, positions and units are
 * Vietnamese and English (English is mandatory, POR-23); the columns the other kind uses stay ''.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await trackedColumns(db.schema.createTable('portal_contacts'))
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('address', 'varchar(500)', (c) => c.notNull())
    .addColumn('fax', 'varchar(40)', (c) => c.notNull())
    .addColumn('office_hours_vi', 'varchar(500)', (c) => c.notNull())
    .addColumn('office_hours_en', 'varchar(500)', (c) => c.notNull())
    .addColumn('map_url', 'varchar(1000)', (c) => c.notNull())
    .addColumn('official_role', 'varchar(10)')
    .addColumn('person_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('position_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_contacts_tenant_kind_idx').on('portal_contacts').columns(['tenant_id', 'kind', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_contacts').execute();
}
