import { definePlugin } from '@cong/sdk';
import { registerIntake } from './intake/index.js';
import { gazetteMigrations } from './migrations/index.js';
import { registerReview } from './review/index.js';

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
  },
});
