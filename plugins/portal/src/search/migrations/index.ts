import type { Migration } from 'kysely';
import * as createSearchWatermarks from './2026_11_28_2330_create_search_watermarks.js';

export const searchMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_2330_create_search_watermarks': createSearchWatermarks,
};
