import type { Migration } from 'kysely';
import * as createGreetings from './2026_11_28_1200_create_greetings.js';
import * as addGreetingTenant from './2026_11_28_2100_add_greeting_tenant.js';

export const helloMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_1200_create_greetings': createGreetings,
  '2026_11_28_2100_add_greeting_tenant': addGreetingTenant,
};
