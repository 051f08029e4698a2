import type { PluginRegistrar } from '@cong/sdk';
import { contactRoutes } from './contact.routes.js';
import { englishStatusRoutes } from './english-status.routes.js';
import { leaderRoutes } from './leader.routes.js';
import { organisationPublicRoutes } from './organisation-public.routes.js';
import { orgUnitRoutes } from './org-unit.routes.js';
import { scheduleEntryRoutes } from './schedule-entry.routes.js';

/**
 * The organisation area (src/organisation): the chart, leaders, contacts and the leaders' work
 * schedule, with POR-23 English tracking; admin routes under /api/portal/organisation and public JSON
 * under /api/portal/public/organisation. Its site pages are `organisationSitePages`.
 */
export function registerOrganisation(reg: PluginRegistrar): void {
  reg.routes(orgUnitRoutes);
  reg.routes(leaderRoutes);
  reg.routes(contactRoutes);
  reg.routes(scheduleEntryRoutes);
  reg.routes(englishStatusRoutes);
  reg.routes(organisationPublicRoutes);
}
