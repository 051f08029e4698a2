import type { Migration } from 'kysely';
import * as createMenus from './2026_11_29_1110_create_menus.js';
import * as createBanners from './2026_11_29_1120_create_banners.js';

export const navigationMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1110_create_menus': createMenus,
  '2026_11_29_1120_create_banners': createBanners,
};
