import { definePlugin } from '@cong/sdk';
import { mandatedMigrations, mandatedSitePages, registerMandated, seedMandatedSections } from './mandated/index.js';
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
import { pagesAreaMigrations, pagesSitePages, registerPages } from './pages/index.js';
import { registerSubmissions, submissionsMigrations } from './submissions/index.js';
import { organisationMigrations, organisationSitePages, registerOrganisation } from './organisation/index.js';
import { registerRoyalties } from './royalties/register-royalties.js';
import { seedPortalDemo } from './demo/seed-demo.js';
import { royaltyMigrations } from './royalties/migrations/index.js';
import { mediaMigrations, registerMedia } from './media/index.js';
import { languagesFrom, type LanguageConfig } from './site/languages.js';
import { registerSiteSetup } from './site-setup/register-site-setup.js';
import { linkedMigrations, linkedSitePages, registerLinked } from './linked/index.js';
import { registerNetworkReads } from './network/register-network-reads.js';
import { registerSuccession } from './succession/index.js';

/**
 * The portal: per unit, articles and categories with an editorial workflow, revisions and scheduled
 * publishing; the legal documents database. Each area registers its own routes, jobs and listeners.
 */
export default definePlugin({
  register(reg) {
    // The public site's languages decide which routes and which API values exist: read once, from the file.
    const languages = languagesFrom(reg.config<{ languages?: readonly LanguageConfig[] }>());
    // One ledger for the plugin: names are dated, so the areas' migrations interleave in the order they were written.
    reg.migrations({ ...contentMigrations, ...legalMigrations, ...searchMigrations, ...alertMigrations, ...siteMigrations, ...pagesAreaMigrations, ...submissionsMigrations, ...mandatedMigrations, ...organisationMigrations, ...royaltyMigrations, ...mediaMigrations, ...linkedMigrations });
    registerContent(reg, languages);
    registerLegal(reg);
    registerSearch(reg, languages);
    const unitFresh = registerSite(reg, languages, [...pagesSitePages, ...mandatedSitePages, ...organisationSitePages, ...linkedSitePages]);
    registerPublic(reg, languages, unitFresh);
    registerAlerts(reg, languages);
    registerPages(reg, languages);
    registerSubmissions(reg);
    registerMandated(reg);
    registerOrganisation(reg);
    registerRoyalties(reg);
    registerMedia(reg);
    registerSiteSetup(reg);
    registerSuccession(reg, languages);
    registerLinked(reg);
    registerNetworkReads(reg);
  },
  // Every unit gets the sections of information it must publish (POR-01…POR-16) and their categories.
  onTenantEnable: (ctx, tenant) => seedMandatedSections(ctx, tenant).then(() => undefined),
  seedDemo: seedPortalDemo,
});
