import { sql, type Kysely } from 'kysely';

// core_jobs: the database-backed job queue (core/src/jobs/db-job-queue.ts).
//
// Times are epoch milliseconds in BIGINT columns: SQLite has no date type and MySQL DATETIME would
// drag the session time zone into every comparison. Ids are app-generated UUIDs so an id is known
// before the row commits. `dedupe_key` is unique per owner; NULLs never collide on either engine, so
// jobs without a key are unconstrained.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(160)', (c) => c.notNull())
    .addColumn('owner', 'varchar(64)', (c) => c.notNull())
    // The tenant a job works for: it waits while its plugin is disabled for that tenant.
    .addColumn('tenant_id', 'varchar(36)')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'varchar(255)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addCheckConstraint('core_jobs_status_check', sql`status in ('queued', 'running', 'done', 'dead')`)
    .execute();
  // The claim query: due queued jobs by run_at, and running jobs whose lease ran out.
  await db.schema.createIndex('core_jobs_status_run_at').on('core_jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('core_jobs_status_locked_until').on('core_jobs').columns(['status', 'locked_until']).execute();
  await db.schema.createIndex('core_jobs_owner_dedupe_key').on('core_jobs').columns(['owner', 'dedupe_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_jobs').execute();
}
