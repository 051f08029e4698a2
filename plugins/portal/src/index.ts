import { definePlugin } from '@cong/sdk';
import { registerContent } from './content/register-content.js';
import { registerLegal } from './legal/register-legal.js';
import { registerSearch } from './search/register-search.js';
import { registerSite } from './site/register-site.js';
import { registerPublic } from './public/register-public.js';
import { registerAlerts } from './alerts/register-alerts.js';
import { alertMigrations } from './alerts/migrations/index.js';
import { contentMigrations } from './content/migrations/index.js';
import { legalMigrations } from './legal/migrations/index.js';
import { searchMigrations } from './search/migrations/index.js';
import { siteMigrations } from './site/migrations/index.js';

/**
 * The portal: per unit, articles and categories with an editorial workflow, revisions and scheduled
 * publishing; the legal documents database. Each area registers its own routes, jobs and listeners.
 */
export default definePlugin({
  register(reg) {
    // One ledger for the plugin: names are dated, so the areas' migrations interleave in the order they were written.
    reg.migrations({ ...contentMigrations, ...legalMigrations, ...searchMigrations, ...alertMigrations, ...siteMigrations });
    registerContent(reg);
    registerLegal(reg);
    registerSearch(reg);
    registerSite(reg, []);
    registerPublic(reg);
    registerAlerts(reg);
  },
});
