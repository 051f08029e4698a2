import type { Kysely } from 'kysely';

/**
 * Additive: `gazette_document_relations.partial` (0/1). A `repeals` or `amends` relation with
 * `partial = 1` takes away part of the target document (bãi bỏ một phần; sửa đổi kèm bãi bỏ một phần),
 * which makes the target `partly-expired` once the repealing document is in force; `partial = 0` on
 * `repeals` (the default) repeals it whole. Other kinds keep 0. See `src/publication/validity.ts`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gazette_document_relations').addColumn('partial', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gazette_document_relations').dropColumn('partial').execute();
}
