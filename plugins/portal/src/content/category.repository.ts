import type { Kysely, Transaction } from 'kysely';
import type { ContentDatabase } from './content-database.js';

type Row = ContentDatabase['portal_categories'];

/** A category as the admin API returns it. */
export interface Category {
  readonly id: string;
  readonly slug: string;
  readonly name: { readonly vi: string; readonly en: string | null };
  readonly parentId: string | null;
  readonly order: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Queries on `portal_categories`, always for one unit. */
export class CategoryRepository {
  constructor(private readonly db: Kysely<ContentDatabase>) {}

  /** Inside a transaction, pass `trx`: SQLite has one connection, and a read beside it would wait for ever. */
  async find(tenantId: string, id: string, trx?: Transaction<ContentDatabase>): Promise<Category | undefined> {
    const row = await (trx ?? this.db).selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toCategory(row);
  }

  async bySlug(tenantId: string, slug: string): Promise<Category | undefined> {
    const row = await this.db.selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
    return row && toCategory(row);
  }

  async list(tenantId: string): Promise<Category[]> {
    const rows = await this.db.selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('slug').execute();
    return rows.map(toCategory);
  }

  async insert(row: Row): Promise<void> {
    await this.db.insertInto('portal_categories').values(row).execute();
  }

  async update(tenantId: string, id: string, changes: Partial<Row>): Promise<void> {
    await this.db.updateTable('portal_categories').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  async delete(tenantId: string, id: string): Promise<void> {
    await this.db.deleteFrom('portal_categories').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  async countChildren(tenantId: string, id: string): Promise<number> {
    const row = await this.db
      .selectFrom('portal_categories')
      .where('tenant_id', '=', tenantId)
      .where('parent_id', '=', id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toCategory(row: Row): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: { vi: row.name_vi, en: row.name_en },
    parentId: row.parent_id,
    order: Number(row.sort_order),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
