// The syndication area: syndication up to the province and broadcast down to the units below (TEN-07,
// TEN-08). The portal shows the items (its linked items, `@cong/plugin-portal/api`); this area owns who
// proposed, decided and sent what, and keeps it in step with the source articles.
import type { PluginRegistrar } from '@cong/sdk';
import { articleUnpublished } from '@cong/plugin-portal/api';
import type { Migration } from 'kysely';
import { broadcastRoutes } from './broadcast.routes.js';
import { syndicationAreaMigrations } from './migrations/index.js';
import { proposalRoutes } from './proposal.routes.js';
import { publishedArticlesRoutes } from './published-articles.routes.js';
import { onArticleUnpublished } from './source-withdrawal.js';
import { syndicationQueueRoutes } from './syndication-queue.routes.js';

export const syndicationMigrations: Readonly<Record<string, Migration>> = syndicationAreaMigrations;

export function registerSyndication(reg: PluginRegistrar): void {
  reg.routes((route) => {
    publishedArticlesRoutes(route);
    proposalRoutes(route);
    syndicationQueueRoutes(route);
    broadcastRoutes(route);
  });
  reg.on(articleUnpublished, onArticleUnpublished);
}
