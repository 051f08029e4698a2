import type { Migration } from 'kysely';
import * as createJobs from './2026_11_28_0001_create_jobs.js';
import * as createSchedules from './2026_11_28_0002_create_schedules.js';
import * as createMailOutbox from './2026_11_28_0003_create_mail_outbox.js';
import * as createFiles from './2026_11_28_0004_create_files.js';
import * as createSearchIndex from './2026_11_28_0005_create_search_index.js';

/** The core's migrations, in the order they run; ledger `core_migrations`. */
export const coreMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_0001_create_jobs': createJobs,
  '2026_11_28_0002_create_schedules': createSchedules,
  '2026_11_28_0003_create_mail_outbox': createMailOutbox,
  '2026_11_28_0004_create_files': createFiles,
  '2026_11_28_0005_create_search_index': createSearchIndex,
};
