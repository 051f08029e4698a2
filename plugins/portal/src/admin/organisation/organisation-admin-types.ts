// The organisation API's shapes as the browser sees them: type-only imports of the server's
// definitions, erased at build, so no server code reaches the admin bundle and the two cannot drift.
import type { Contact } from '../../organisation/contact.schema.js';
import type { EnglishStatusItem } from '../../organisation/english-status.routes.js';
import type { Leader } from '../../organisation/leader.schema.js';
import type { OrgUnit } from '../../organisation/org-unit.schema.js';
import type { ScheduleEntry, ScheduleWeek } from '../../organisation/schedule-entry.schema.js';

export type { Contact, EnglishStatusItem, Leader, OrgUnit, ScheduleEntry, ScheduleWeek };

/** The four edited resources, by the tab that shows them. */
export type ResourceKind = 'units' | 'leaders' | 'contacts' | 'schedule';

export type AnyItem = OrgUnit | Leader | Contact | ScheduleEntry;

/** Where each resource lives under /api/portal/organisation. */
export const RESOURCE_PATHS: Readonly<Record<ResourceKind, string>> = {
  units: '/api/portal/organisation/units',
  leaders: '/api/portal/organisation/leaders',
  contacts: '/api/portal/organisation/contacts',
  schedule: '/api/portal/organisation/schedule',
};

/** The permission the elements check before offering edits (the server checks it again). */
export const ORGANISATION_WRITE = 'portal.organisation.write';

/** The shell's nav route of the page. */
export const ORGANISATION_ROUTE = '/portal/to-chuc';
