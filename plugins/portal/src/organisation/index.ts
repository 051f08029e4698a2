export { registerOrganisation } from './register-organisation.js';
export { organisationMigrations } from './migrations/index.js';
export { organisationSitePages } from './organisation-site-pages.js';
