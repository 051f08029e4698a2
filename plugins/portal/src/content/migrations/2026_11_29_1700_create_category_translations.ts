import type { Kysely } from 'kysely';

// portal_category_translations: a category's name in the languages configured beyond Vietnamese and
// English (pluginConfig.portal.languages), one row per (category, lang). Vietnamese and English stay
// in portal_categories (name_vi, name_en). lang is the language's BCP 47 code (`lo`, `zh-Hans`).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_category_translations')
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('lang', 'varchar(8)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_category_translations_pk', ['category_id', 'lang'])
    .execute();
  await db.schema.createIndex('portal_category_translations_tenant_idx').on('portal_category_translations').columns(['tenant_id', 'lang']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_category_translations').execute();
}
