import type { Kysely } from 'kysely';

// portal_banners: a unit's banners (image, alt text in Vietnamese and English, an optional link) at a
// placement (home-top | home-side | footer), shown from starts_at until ends_at (epoch ms; null: no
// bound) while active is 1, ordered by sort_order.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_banners')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('placement', 'varchar(16)', (c) => c.notNull())
    .addColumn('image_url', 'varchar(1000)', (c) => c.notNull())
    .addColumn('alt_vi', 'varchar(300)', (c) => c.notNull())
    .addColumn('alt_en', 'varchar(300)', (c) => c.notNull())
    .addColumn('link_url', 'varchar(1000)')
    .addColumn('starts_at', 'bigint')
    .addColumn('ends_at', 'bigint')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_banners_tenant_placement_idx').on('portal_banners').columns(['tenant_id', 'placement', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_banners').execute();
}
