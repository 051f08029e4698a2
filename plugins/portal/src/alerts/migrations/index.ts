import type { Migration } from 'kysely';
import * as createAlerts from './2026_11_28_2340_create_alerts.js';

export const alertMigrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_2340_create_alerts': createAlerts,
};
