import { definePlugin } from '@cong/sdk';
import { registerRegistry, registryMigrations } from './registry/index.js';
import { registerSyndication, syndicationMigrations } from './syndication/index.js';
import { appearanceMigrations, registerAppearance } from './appearance/index.js';
import { networkMigrations, registerNetwork } from './network/index.js';
import { registerReorganisation, reorganisationMigrations } from './reorganisation/index.js';

/**
 * Component sites (trang thành phần, TEN-01…TEN-09): the site of every department and commune as part
 * of the provincial portal. The core owns the unit tree and host resolution; this plugin owns what a
 * site manager does with sites. Each area registers its own routes, jobs and listeners.
 */
export default definePlugin({
  register(reg) {
    // One ledger for the plugin: names are dated, so the areas' migrations interleave in the order they were written.
    reg.migrations({ ...registryMigrations, ...syndicationMigrations, ...networkMigrations, ...appearanceMigrations, ...reorganisationMigrations });
    registerRegistry(reg);
    registerSyndication(reg);
    registerAppearance(reg);
    registerNetwork(reg);
    registerReorganisation(reg);
  },
});
