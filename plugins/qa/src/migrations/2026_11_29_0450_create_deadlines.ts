import type { Kysely } from 'kysely';

/**
 * SLA clocks of questions (QA-02, QA-03, QA-05; src/deadlines).
 *
 * qa_question_clocks: one row per hop of a question's route, computed from its timeline: the board's
 * triage (from reception, or from an agency's return) and each agency's turn (from the forward or the
 * transfer). `hop` numbers the hops in timeline order, so a hop keeps its number when the clock is
 * computed again. Dates are Vietnam calendar dates `YYYY-MM-DD` (they compare as strings): `due_on`
 * includes the working days of finished pauses (waiting for the citizen), `remind_on` is the reminder
 * day and `escalate_after_on` the last day before escalation. `paused_at` is set while a pause is
 * open. `ended_at`, `outcome` and `on_time` are set when the hop ended (answered, declined, forwarded,
 * transferred, returned); `working_days` is the hop's length in working days, pauses left out.
 * `rule_version` is the rule-pack version that set the limit (CORE-00).
 *
 * qa_clock_sync: the question's `updated_at` the clocks were computed from: a question changed since
 * then is computed again (by the sweep job, or before statistics and views are read).
 *
 * qa_deadline_notices: the reminders and escalations sent, one per question, hop and kind (the
 * primary key): a sweep that runs twice sends nothing twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qa_question_clocks')
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('hop', 'integer', (c) => c.notNull())
    .addColumn('province_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('start_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('rule_version', 'varchar(120)', (c) => c.notNull())
    .addColumn('paused_days', 'integer', (c) => c.notNull())
    .addColumn('paused_at', 'bigint')
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('remind_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('escalate_after_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('ended_on', 'varchar(10)')
    .addColumn('outcome', 'varchar(16)')
    .addColumn('on_time', 'integer')
    .addColumn('working_days', 'integer')
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_question_clocks_pk', ['question_id', 'hop'])
    .execute();
  await db.schema.createIndex('qa_question_clocks_stats_idx').on('qa_question_clocks').columns(['province_id', 'kind', 'started_at']).execute();
  await db.schema.createIndex('qa_question_clocks_open_idx').on('qa_question_clocks').columns(['ended_at', 'remind_on']).execute();

  await db.schema
    .createTable('qa_clock_sync')
    .addColumn('question_id', 'varchar(36)', (c) => c.primaryKey().references('qa_questions.id').onDelete('cascade'))
    .addColumn('source_updated_at', 'bigint', (c) => c.notNull())
    .addColumn('synced_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('qa_deadline_notices')
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
    .addColumn('hop', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_deadline_notices_pk', ['question_id', 'hop', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['qa_deadline_notices', 'qa_clock_sync', 'qa_question_clocks']) await db.schema.dropTable(table).execute();
}
