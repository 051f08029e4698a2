import type { Migration } from 'kysely';
import * as createSites from './2026_12_02_1000_create_sites.js';

export const registryMigrationList: Readonly<Record<string, Migration>> = {
  '2026_12_02_1000_create_sites': createSites,
};
