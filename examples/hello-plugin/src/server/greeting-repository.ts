import type { Kysely, Transaction } from 'kysely';
import type { Greeting } from '../api/index.js';
import type { HelloDatabase } from '../schema/database.js';

type Row = HelloDatabase['hello_greetings'];

/** A unit's id, or null for the platform's own greetings (a platform without units). */
export type Scope = string | null;

/** Queries on `hello_greetings`, and nothing else. Every read names the unit it reads. */
export class GreetingRepository {
  constructor(private readonly db: Kysely<HelloDatabase>) {}

  async insert(row: Row, trx: Transaction<HelloDatabase>): Promise<void> {
    await trx.insertInto('hello_greetings').values(row).execute();
  }

  async find(scope: Scope, id: string): Promise<Greeting | undefined> {
    const row = await this.#scoped(scope).selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGreeting(row);
  }

  async page(scope: Scope, options: { limit: number; offset: number; language?: 'vi' | 'en' }): Promise<{ items: Greeting[]; total: number }> {
    let query = this.#scoped(scope);
    if (options.language) query = query.where('language', '=', options.language);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toGreeting), total: Number(count.n) };
  }

  /** How many greetings the unit created since `since` (epoch ms): the daily limit. */
  async countSince(scope: Scope, since: number, trx?: Transaction<HelloDatabase>): Promise<number> {
    const row = await this.#scoped(scope, trx).where('created_at', '>=', since).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markDelivered(id: string, at: number): Promise<void> {
    await this.db.updateTable('hello_greetings').set({ delivered_at: at }).where('id', '=', id).where('delivered_at', 'is', null).execute();
  }

  #scoped(scope: Scope, trx?: Transaction<HelloDatabase>) {
    const from = (trx ?? this.db).selectFrom('hello_greetings');
    return scope === null ? from.where('tenant_id', 'is', null) : from.where('tenant_id', '=', scope);
  }
}

function toGreeting(row: Row): Greeting {
  return {
    id: row.id,
    name: row.name,
    message: row.message,
    language: row.language,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    deliveredAt: row.delivered_at === null ? null : new Date(Number(row.delivered_at)).toISOString(),
  };
}
