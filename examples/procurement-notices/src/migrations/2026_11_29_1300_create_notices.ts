import { sql, type Kysely } from 'kysely';

/**
 * procurement_notices: one project or notice of a unit. `name_folded` is the name without diacritics
 * (đ → d), lower case, for the public search: neither SQLite nor MariaDB's collation folds đ. The slug is
 * unique per unit; `published_at` is null while the notice is not public.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('procurement_notices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slug', 'varchar(120)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(300)', (c) => c.notNull())
    .addColumn('objective', sql`text`, (c) => c.notNull())
    .addColumn('field', 'varchar(120)', (c) => c.notNull())
    .addColumn('project_group', 'varchar(16)')
    .addColumn('start_on', 'varchar(10)')
    .addColumn('end_on', 'varchar(10)')
    .addColumn('budget_vnd', 'bigint')
    .addColumn('funding', 'varchar(16)', (c) => c.notNull())
    .addColumn('donor', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('closes_at', 'bigint')
    .addColumn('result', sql`text`)
    .addColumn('published_at', 'bigint')
    .addColumn('created_by', 'varchar(191)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('procurement_notices_kind_check', sql`kind in ('project', 'tender', 'award')`)
    .execute();
  await db.schema.createIndex('procurement_notices_slug_uq').on('procurement_notices').columns(['tenant_id', 'slug']).unique().execute();
  await db.schema.createIndex('procurement_notices_public_idx').on('procurement_notices').columns(['tenant_id', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('procurement_notices').execute();
}
