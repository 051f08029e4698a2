import type { Kysely } from 'kysely';
import { trackedColumns } from './tracked-columns.js';

/**
 * portal_schedule_entries: the leaders' work schedule (lịch công tác, POR-08). One row per
 * engagement: a Vietnam-time date and `HH:MM` start (optional end), the content in Vietnamese and
 * English, where, who presides (a JSON array of portal_leaders ids), who attends, who prepares, whether
 * it is public, and its status (planned, changed, cancelled) with a note.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await trackedColumns(db.schema.createTable('portal_schedule_entries'))
    .addColumn('entry_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('end_time', 'varchar(5)')
    .addColumn('title_vi', 'varchar(2000)', (c) => c.notNull())
    .addColumn('title_en', 'varchar(2000)', (c) => c.notNull())
    .addColumn('location', 'varchar(300)', (c) => c.notNull())
    .addColumn('presiding_leader_ids', 'varchar(2000)', (c) => c.notNull())
    .addColumn('participants', 'varchar(2000)', (c) => c.notNull())
    .addColumn('preparing_unit', 'varchar(300)', (c) => c.notNull())
    .addColumn('is_public', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('status_note', 'varchar(1000)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_schedule_tenant_date_idx').on('portal_schedule_entries').columns(['tenant_id', 'entry_date', 'start_time']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_schedule_entries').execute();
}
