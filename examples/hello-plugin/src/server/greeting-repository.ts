import type { Kysely, Transaction } from 'kysely';
import type { Greeting } from '../api/index.js';
import type { HelloDatabase } from '../schema/database.js';

type Row = HelloDatabase['hello_greetings'];

/** Queries on `hello_greetings`, and nothing else. */
export class GreetingRepository {
  constructor(private readonly db: Kysely<HelloDatabase>) {}

  async insert(row: Row, trx: Transaction<HelloDatabase>): Promise<void> {
    await trx.insertInto('hello_greetings').values(row).execute();
  }

  async find(id: string): Promise<Greeting | undefined> {
    const row = await this.db.selectFrom('hello_greetings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGreeting(row);
  }

  async page(options: { limit: number; offset: number; language?: 'vi' | 'en' }): Promise<{ items: Greeting[]; total: number }> {
    let query = this.db.selectFrom('hello_greetings');
    if (options.language) query = query.where('language', '=', options.language);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toGreeting), total: Number(count.n) };
  }

  async markDelivered(id: string, at: number): Promise<void> {
    await this.db.updateTable('hello_greetings').set({ delivered_at: at }).where('id', '=', id).where('delivered_at', 'is', null).execute();
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
