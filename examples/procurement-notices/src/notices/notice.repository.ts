import { fold } from '@cong/sdk';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { NoticeRow, ProcurementDatabase } from './notice-database.js';
import type { NoticeFilter } from './notice.schema.js';

type Db = Kysely<ProcurementDatabase> | Transaction<ProcurementDatabase>;

/** LIKE text with `%`, `_` and the escape character `!` taken literally (`escape '!'` works on both dialects). */
const escapeLike = (term: string) => term.replace(/[!%_]/g, '!$&');

/** Rows of `procurement_notices`, always within one unit: another unit's notice is never found. */
export class NoticeRepository {
  constructor(private readonly db: Kysely<ProcurementDatabase>) {}

  async page(tenantId: string, filter: NoticeFilter & { published?: boolean }): Promise<{ items: NoticeRow[]; total: number }> {
    let query = this.db.selectFrom('procurement_notices').where('tenant_id', '=', tenantId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.published === true) query = query.where('published_at', 'is not', null);
    if (filter.published === false) query = query.where('published_at', 'is', null);
    for (const word of fold(filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      query = query.where(sql<boolean>`name_folded like ${`%${escapeLike(word)}%`} escape '!'`);
    }
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('published_at', 'desc').orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  find(tenantId: string, id: string, db: Db = this.db): Promise<NoticeRow | undefined> {
    return db.selectFrom('procurement_notices').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  findPublished(tenantId: string, slug: string): Promise<NoticeRow | undefined> {
    return this.db.selectFrom('procurement_notices').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).where('published_at', 'is not', null).executeTakeFirst();
  }

  async slugTaken(tenantId: string, slug: string, exceptId: string | null, db: Db = this.db): Promise<boolean> {
    let query = db.selectFrom('procurement_notices').select('id').where('tenant_id', '=', tenantId).where('slug', '=', slug);
    if (exceptId) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async insert(row: NoticeRow, db: Db = this.db): Promise<void> {
    await db.insertInto('procurement_notices').values(row).execute();
  }

  async update(tenantId: string, id: string, changes: Partial<NoticeRow>, db: Db = this.db): Promise<void> {
    await db.updateTable('procurement_notices').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }

  async delete(tenantId: string, id: string, db: Db = this.db): Promise<void> {
    await db.deleteFrom('procurement_notices').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }
}
