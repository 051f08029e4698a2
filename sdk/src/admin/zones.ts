/**
 * The zones of the admin shell that plugins contribute elements to (`admin.slots[].zone` in the
 * manifest). Versioned: a zone's contract changes only with a new version, and the shell keeps old
 * versions working.
 */
export const ADMIN_ZONES = ['dashboard.widgets@1', 'tenant.overview@1', 'user.profile.tabs@1'] as const;

export type AdminZone = (typeof ADMIN_ZONES)[number];
