import type { Kysely } from 'kysely';

// core_schedules: one row per recurring job (core/src/jobs/db-scheduler.ts). `next_run_at` is the
// tick processes compete for: a compare-and-set on it decides the one winner. `spec` fingerprints the
// timing (`every:60000`, `cron:0 7 * * *@Asia/Ho_Chi_Minh`) so that a changed definition restarts
// from its own next tick instead of waiting for one computed under the old timing. Epoch
// milliseconds in BIGINT, like every core time column.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_schedules')
    .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('next_run_at', 'bigint', (c) => c.notNull())
    .addColumn('last_run_at', 'bigint')
    .addColumn('spec', 'varchar(255)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_schedules').execute();
}
