import { sql, type Kysely } from 'kysely';

/**
 * How a feedback on a regulation or an idea reached the receiving unit (src/feedback, NĐ 20/2008
 * Art. 6, QA-11): `web` (the portal's form, e-mail verified), or entered by staff from a letter
 * (`post`), a call (`phone`), a questionnaire (`questionnaire`, phiếu lấy ý kiến) or a visit
 * (`in_person`). Every row written before this migration came from the form: `web`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('qa_feedback')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull().defaultTo('web').check(sql`channel in ('web', 'post', 'phone', 'questionnaire', 'in_person')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('qa_feedback').dropColumn('channel').execute();
}
