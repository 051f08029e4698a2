/**
 * A site's status: `draft` (being prepared: only the unit's signed-in staff see it), `live` (public),
 * `suspended` (closed for now: 503) and `archived` (kept readable with a notice, or closed: a setting).
 */
export type SiteStatus = 'draft' | 'live' | 'suspended' | 'archived';

export const SITE_STATUSES: readonly SiteStatus[] = ['draft', 'live', 'suspended', 'archived'];

/**
 * Where each status may go. A live site goes back to draft only to be reworked before anyone relies on
 * it; suspension is for a live site; an archived site is reopened as a draft, to be checked first.
 */
export const STATUS_TRANSITIONS: Readonly<Record<SiteStatus, readonly SiteStatus[]>> = {
  draft: ['live', 'archived'],
  live: ['draft', 'suspended', 'archived'],
  suspended: ['live', 'archived'],
  archived: ['draft'],
};

/** Closing a site, for now or for good, needs a reason: it is what the unit and the public are told. */
export const REASON_REQUIRED: ReadonlySet<SiteStatus> = new Set(['suspended', 'archived']);
