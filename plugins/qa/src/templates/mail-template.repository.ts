import type { Kysely, Transaction } from 'kysely';
import type { MailTemplateDatabase, MailTemplateRow } from './mail-template-database.js';

type Db = Kysely<MailTemplateDatabase> | Transaction<MailTemplateDatabase>;

/** Queries of `qa_mail_templates`; every one is scoped to a province. */
export class MailTemplateRepository {
  constructor(private readonly db: Kysely<MailTemplateDatabase>) {}

  /** The province's override of `name`; pass `trx` when a transaction is open (one connection on SQLite). */
  async find(provinceId: string, name: string, trx: Db = this.db): Promise<MailTemplateRow | undefined> {
    return trx.selectFrom('qa_mail_templates').selectAll().where('province_id', '=', provinceId).where('name', '=', name).executeTakeFirst();
  }

  async all(provinceId: string): Promise<MailTemplateRow[]> {
    return this.db.selectFrom('qa_mail_templates').selectAll().where('province_id', '=', provinceId).execute();
  }

  /** Replaces the override (delete then insert: the same SQL on SQLite and MySQL/MariaDB). */
  async save(row: MailTemplateRow, trx: Transaction<MailTemplateDatabase>): Promise<void> {
    await this.remove(row.province_id, row.name, trx);
    await trx.insertInto('qa_mail_templates').values(row).execute();
  }

  async remove(provinceId: string, name: string, trx: Transaction<MailTemplateDatabase>): Promise<number> {
    const result = await trx.deleteFrom('qa_mail_templates').where('province_id', '=', provinceId).where('name', '=', name).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
