import type { Migration } from 'kysely';
import * as createSites from './2026_11_29_2000_create_sites.js';

export const registryMigrationList: Readonly<Record<string, Migration>> = {
  '2026_11_29_2000_create_sites': createSites,
};
