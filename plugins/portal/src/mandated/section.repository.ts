import type { Kysely, Transaction } from 'kysely';
import type { MandatedDatabase } from './mandated-database.js';

export type SectionRow = MandatedDatabase['portal_mandated_sections'];

/** Queries on `portal_mandated_sections`, always for one unit. */
export class SectionRepository {
  constructor(private readonly db: Kysely<MandatedDatabase>) {}

  list(tenantId: string): Promise<SectionRow[]> {
    return this.db.selectFrom('portal_mandated_sections').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('code').execute();
  }

  find(tenantId: string, code: string, trx?: Transaction<MandatedDatabase>): Promise<SectionRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_mandated_sections').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
  }

  async update(tenantId: string, code: string, changes: Partial<SectionRow>, trx: Transaction<MandatedDatabase>): Promise<void> {
    await trx.updateTable('portal_mandated_sections').set(changes).where('tenant_id', '=', tenantId).where('code', '=', code).execute();
  }
}
