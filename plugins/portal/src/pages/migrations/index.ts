import type { Migration } from 'kysely';
import * as createPages from './2026_11_29_1100_create_pages.js';

export const pagesMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1100_create_pages': createPages,
};
