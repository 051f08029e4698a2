import type { Kysely } from 'kysely';

// portal_menus: a unit's menus, one per location (main | footer | quick-links).
// portal_menu_items: the items of a menu, two levels at most (parent_id points at a top-level item of
// the same menu), ordered by sort_order. The target is a kind (category | page | article | legal |
// path | url) and a value (a slug, a site path, an https URL; empty for legal). new_tab is 0 or 1.
// A menu is always replaced whole, in one transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_menus')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('location', 'varchar(20)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_menus_tenant_location_uq').on('portal_menus').columns(['tenant_id', 'location']).unique().execute();

  await db.schema
    .createTable('portal_menu_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('menu_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('label_vi', 'varchar(200)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(200)')
    .addColumn('target_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_value', 'varchar(1000)', (c) => c.notNull())
    .addColumn('new_tab', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('portal_menu_items_menu_idx').on('portal_menu_items').columns(['tenant_id', 'menu_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_menu_items').execute();
  await db.schema.dropTable('portal_menus').execute();
}
