export { registerMandated } from './register-mandated.js';
export { mandatedMigrations } from './migrations/index.js';
export { mandatedSitePages } from './mandated-list-page.js';
export { seedMandatedSections } from './mandated-seed.js';
