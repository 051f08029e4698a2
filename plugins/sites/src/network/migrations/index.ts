import type { Migration } from 'kysely';
import * as createLinks from './2026_11_29_2200_create_links.js';

export const networkMigrationList: Readonly<Record<string, Migration>> = {
  '2026_11_29_2200_create_links': createLinks,
};
