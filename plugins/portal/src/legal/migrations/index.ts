import type { Migration } from 'kysely';

export const legalMigrations: Readonly<Record<string, Migration>> = {};
