import type { Migration } from 'kysely';
import * as createAppearance from './2026_11_29_2300_create_appearance.js';

export const appearanceMigrationList: Readonly<Record<string, Migration>> = {
  '2026_11_29_2300_create_appearance': createAppearance,
};
