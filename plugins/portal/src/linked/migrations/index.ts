import type { Migration } from 'kysely';
import * as createLinkedItems from './2026_11_29_1800_create_linked_items.js';

export const linkedMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1800_create_linked_items': createLinkedItems,
};
