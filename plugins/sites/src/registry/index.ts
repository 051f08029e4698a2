// The registry area: the site of each unit, its status and hosts, the site gate, and (src/provisioning)
// templates and bulk provisioning.
import type { PluginRegistrar } from '@cong/sdk';
import type { Migration } from 'kysely';
import { registerProvisioning } from '../provisioning/index.js';
import { registryMigrationList } from './migrations/index.js';
import { registerSiteGate } from './site-gate-rule.js';
import { siteRoutes } from './site.routes.js';

export const registryMigrations: Readonly<Record<string, Migration>> = registryMigrationList;

export function registerRegistry(reg: PluginRegistrar): void {
  reg.routes(siteRoutes);
  registerSiteGate(reg);
  registerProvisioning(reg);
}
