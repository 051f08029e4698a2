import type { Migration } from 'kysely';
import * as createRoyalties from './2026_11_29_1500_create_royalties.js';

export const royaltyMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1500_create_royalties': createRoyalties,
};
