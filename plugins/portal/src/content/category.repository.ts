import type { Kysely, Transaction } from 'kysely';
import type { ContentDatabase } from './content-database.js';

type Row = ContentDatabase['portal_categories'];
type Db = Kysely<ContentDatabase> | Transaction<ContentDatabase>;

/** A category's names: Vietnamese, English, and any configured language it has a name in (`lo`). */
export type CategoryNames = { readonly vi: string; readonly en: string | null } & { readonly [lang: string]: string | null };

/** A category as the admin API returns it. */
export interface Category {
  readonly id: string;
  readonly slug: string;
  readonly name: CategoryNames;
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
    const db = trx ?? this.db;
    const row = await db.selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toCategory(row, await this.#names(db, tenantId, [row.id]));
  }

  async bySlug(tenantId: string, slug: string): Promise<Category | undefined> {
    const row = await this.db.selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
    return row && toCategory(row, await this.#names(this.db, tenantId, [row.id]));
  }

  async list(tenantId: string): Promise<Category[]> {
    const [rows, names] = await Promise.all([
      this.db.selectFrom('portal_categories').selectAll().where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('slug').execute(),
      this.#names(this.db, tenantId),
    ]);
    return rows.map((row) => toCategory(row, names));
  }

  /**
   * Sets the names in configured languages: a non-empty name is written, an empty or null one removed
   * (the site then shows the Vietnamese). Languages not named are left as they are.
   */
  async setNames(trx: Transaction<ContentDatabase>, tenantId: string, id: string, names: Readonly<Record<string, string | null>>, now: number): Promise<void> {
    for (const [lang, name] of Object.entries(names)) {
      await trx.deleteFrom('portal_category_translations').where('tenant_id', '=', tenantId).where('category_id', '=', id).where('lang', '=', lang).execute();
      if (name) await trx.insertInto('portal_category_translations').values({ tenant_id: tenantId, category_id: id, lang, name, updated_at: now }).execute();
    }
  }

  /** Names in the configured languages, by category id (of the unit, or of `ids`). */
  async #names(db: Db, tenantId: string, ids?: readonly string[]): Promise<Map<string, Record<string, string>>> {
    let query = db.selectFrom('portal_category_translations').select(['category_id', 'lang', 'name']).where('tenant_id', '=', tenantId);
    if (ids) query = query.where('category_id', 'in', [...ids]);
    const out = new Map<string, Record<string, string>>();
    for (const r of await query.orderBy('lang').execute()) out.set(r.category_id, { ...out.get(r.category_id), [r.lang]: r.name });
    return out;
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

function toCategory(row: Row, names: ReadonlyMap<string, Readonly<Record<string, string>>>): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: { ...names.get(row.id), vi: row.name_vi, en: row.name_en },
    parentId: row.parent_id,
    order: Number(row.sort_order),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}
