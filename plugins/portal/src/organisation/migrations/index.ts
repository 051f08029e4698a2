import type { Migration } from 'kysely';
import * as createOrgUnits from './2026_11_29_1000_create_org_units.js';
import * as createLeaders from './2026_11_29_1010_create_leaders.js';
import * as createContacts from './2026_11_29_1020_create_contacts.js';
import * as createScheduleEntries from './2026_11_29_1030_create_schedule_entries.js';

export const organisationMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_29_1000_create_org_units': createOrgUnits,
  '2026_11_29_1010_create_leaders': createLeaders,
  '2026_11_29_1020_create_contacts': createContacts,
  '2026_11_29_1030_create_schedule_entries': createScheduleEntries,
};
