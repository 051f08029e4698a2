import type { Migration } from 'kysely';
import * as createSiteGenerations from './2026_11_29_0900_create_site_generations.js';

export const siteMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_0900_create_site_generations': createSiteGenerations,
};
