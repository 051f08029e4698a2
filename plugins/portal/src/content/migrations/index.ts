import type { Migration } from 'kysely';

export const contentMigrations: Readonly<Record<string, Migration>> = {};
