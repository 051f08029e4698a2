import type { Migration } from 'kysely';
import * as createMedia from './2026_11_29_1300_create_media.js';

export const mediaMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1300_create_media': createMedia,
};
