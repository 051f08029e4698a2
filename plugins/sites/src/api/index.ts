// The sites plugin's contract for other plugins (`@cong/plugin-sites/api`): the uptime extension point
// a monitoring plugin fills for the network dashboard, and the event that says a site's status changed.
// Everything else in the package is internal and may change in any release.
export { sitesUptimePoint } from '../network/uptime-point.js';
export type { SitesUptime, SiteUptime, UptimeSource } from '../network/uptime-point.js';
export { siteStatusChanged } from '../registry/site-events.js';
