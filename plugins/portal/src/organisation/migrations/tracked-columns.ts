import type { CreateTableBuilder } from 'kysely';

/**
 * The columns every organisation table starts with: id, unit, revision and the POR-23 English
 * tracking flag (the compliance area reads `tenant_id`, `updated_at` and `en_stale` by these names).
 */
export function trackedColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('en_stale', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('en_updated_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull());
}
