// The linked-items area as the plugin wires it: other units' articles shown on a site (accepted from
// below, broadcast from above), the services that make them, and the public page that shows them.
export { registerLinked } from './register-linked.js';
export { linkedSitePages } from './linked-page.js';
export { linkedMigrations } from './migrations/index.js';
