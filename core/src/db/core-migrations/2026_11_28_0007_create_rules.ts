import { sql, type Kysely } from 'kysely';

// core_rules: versioned legal parameters (DOMAIN.md CORE-00; core/src/rules). One row per version of a
// rule; the versions of one name never overlap in time (DefaultRulesService keeps that invariant).
// `id` is the version a workflow instance records, so a row's value and period start never change
// once written; only `effective_to` is set later, when a newer version supersedes it. `source` says
// who wrote the row: a plugin's rule pack, or an administrator's override, which packs never touch.
// Dates are Vietnam calendar dates `YYYY-MM-DD` (string order is date order); `effective_to` is the last
// day in force, NULL while open. Times are epoch milliseconds in BIGINT.
//
// (name, effective_from) is unique: it is the identity of a pack entry, which makes applying a pack
// idempotent also when two processes apply it at the same time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_rules')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(191)', (c) => c.notNull())
    // MySQL TEXT holds 65 535 bytes; the service refuses larger values on both dialects.
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_to', 'varchar(10)')
    .addColumn('citation', 'varchar(500)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source', 'varchar(8)', (c) => c.notNull())
    .addColumn('owner', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'varchar(255)', (c) => c.notNull())
    .addCheckConstraint('core_rules_source_ck', sql`source in ('pack', 'admin')`)
    .execute();
  await db.schema.createIndex('core_rules_name_from_uq').on('core_rules').columns(['name', 'effective_from']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_rules').execute();
}
