import { definePlugin } from '@cong/sdk';
import { registerCorrections } from './corrections/index.js';
import { registerIntake } from './intake/index.js';
import { gazetteMigrations } from './migrations/index.js';
import { registerPublication } from './publication/index.js';
import { registerPublicSite } from './public/index.js';
import { registerPublicApi } from './public-api/index.js';
import { registerReports } from './reports/index.js';
import { registerReview } from './review/index.js';
import { registerSearch } from './search/index.js';

/**
 * The provincial official gazette (Công báo, GAZ-01…GAZ-33): intake and registration of documents sent
 * for publication, comparison of the signed original with the electronic copy, deadlines from rule
 * packs, issue composition, signed PDF issues, corrections, the public gazette site and its API.
 * Each area registers its own routes and services.
 */
export default definePlugin({
  register(reg) {
    // One ledger for the plugin: names are dated, so the areas' migrations interleave in the order they were written.
    reg.migrations(gazetteMigrations);
    registerIntake(reg);
    registerReview(reg);
    registerPublication(reg);
    registerCorrections(reg);
    registerSearch(reg);
    registerPublicSite(reg);
    registerPublicApi(reg);
    registerReports(reg);
  },
});
