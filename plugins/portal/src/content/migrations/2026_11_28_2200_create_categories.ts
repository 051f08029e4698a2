import type { Kysely } from 'kysely';

// portal_categories: a unit's sections (chuyên mục), a tree by parent_id, ordered by sort_order.
// The slug is unique per unit; names are Vietnamese with an optional English one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_categories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(191)', (c) => c.notNull())
    .addColumn('name_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)')
    .addColumn('parent_id', 'varchar(36)')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_categories_tenant_slug_uq').on('portal_categories').columns(['tenant_id', 'slug']).unique().execute();
  await db.schema.createIndex('portal_categories_tenant_parent_idx').on('portal_categories').columns(['tenant_id', 'parent_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_categories').execute();
}
