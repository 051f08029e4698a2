import type { Migration } from 'kysely';
import * as createReorganisations from './2026_11_29_2310_create_reorganisations.js';

export const reorganisationMigrationList: Readonly<Record<string, Migration>> = {
  '2026_11_29_2310_create_reorganisations': createReorganisations,
};
