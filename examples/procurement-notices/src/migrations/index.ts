import type { Migration } from 'kysely';
import * as createNotices from './2026_11_29_1300_create_notices.js';

export const procurementMigrations: Record<string, Migration> = {
  '2026_11_29_1300_create_notices': createNotices,
};
