import type { Kysely, Transaction } from 'kysely';
import type { QaDatabase, QuestionAttachmentRow } from './qa-database.js';

type Db = Kysely<QaDatabase> | Transaction<QaDatabase>;

/** Queries of `qa_question_attachments`; the same SQL on SQLite and MySQL/MariaDB. */
export class QuestionAttachmentRepository {
  constructor(private readonly db: Kysely<QaDatabase>) {}

  /** The files of a question that are not erased, oldest first. */
  async ofQuestion(questionId: string, trx: Db = this.db): Promise<QuestionAttachmentRow[]> {
    return trx.selectFrom('qa_question_attachments').selectAll().where('question_id', '=', questionId).where('erased_at', 'is', null).orderBy('created_at').orderBy('file_id').execute();
  }

  async one(questionId: string, fileId: string): Promise<QuestionAttachmentRow | undefined> {
    return this.db.selectFrom('qa_question_attachments').selectAll().where('question_id', '=', questionId).where('file_id', '=', fileId).where('erased_at', 'is', null).executeTakeFirst();
  }

  async insert(row: QuestionAttachmentRow, trx: Db): Promise<void> {
    await trx.insertInto('qa_question_attachments').values(row).execute();
  }

  /**
   * Touches an unverified, unexpired question inside `trx`: the row lock it takes on MySQL/MariaDB
   * serialises two uploads to the same question, so the count checked next cannot be passed by a race.
   * False when the question no longer takes files.
   */
  async lockUnverified(trx: Transaction<QaDatabase>, questionId: string, now: number): Promise<boolean> {
    const result = await trx.updateTable('qa_questions').set({ updated_at: now }).where('id', '=', questionId).where('status', '=', 'unverified').where('verify_expires_at', '>', now).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Files whose content must go: their personal data was erased, or their question was purged. */
  async toRemove(limit: number): Promise<Pick<QuestionAttachmentRow, 'file_id'>[]> {
    return this.db
      .selectFrom('qa_question_attachments as a')
      .select('a.file_id')
      .where((eb) => eb.or([eb('a.erased_at', 'is not', null), eb.not(eb.exists(eb.selectFrom('qa_questions as q').select('q.id').whereRef('q.id', '=', 'a.question_id')))]))
      .orderBy('a.file_id')
      .limit(limit)
      .execute();
  }

  async delete(fileId: string): Promise<void> {
    await this.db.deleteFrom('qa_question_attachments').where('file_id', '=', fileId).execute();
  }
}
