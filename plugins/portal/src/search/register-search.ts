import type { PluginRegistrar } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { articlePublished, articleUnpublished } from '../content/content-events.js';
import { reindexCommand } from './reindex-command.js';
import { catchUpLegal, syncArticle } from './search-indexer.js';
import { searchRoutes } from './search-routes.js';
import { SearchSourceRegistry, searchSourceRegistryRef, searchSourcesPoint } from './search-sources.js';

/** How often legal documents changed since the last run are sent to the index. */
const LEGAL_CATCH_UP_MS = 2 * 60_000;

/**
 * Routes, jobs and listeners of the portal's search area. Articles are indexed on the content events
 * (after their commit); legal documents, which have no events, by a catch-up job every two minutes
 * that reads the ones changed since its watermark. `POST /api/portal/search/reindex` rebuilds a unit,
 * `cong portal reindex` one unit or all.
 * Other plugins add their public documents to the search through `portal.search-sources`.
 */
export function registerSearch(reg: PluginRegistrar, languages: Languages): void {
  const sources = new SearchSourceRegistry();
  reg.provideExtensionPoint(searchSourcesPoint, sources);
  reg.provide(searchSourceRegistryRef, () => sources);
  reg.routes((route) => searchRoutes(route, languages));
  reg.on(articlePublished, async (e, ctx) => void (await syncArticle(ctx, e.tenantId, e.id)));
  reg.on(articleUnpublished, async (e, ctx) => void (await syncArticle(ctx, e.tenantId, e.id)));
  reg.jobs({ 'search-legal-catch-up': { handler: async (_payload, ctx) => void (await catchUpLegal(ctx)), maxAttempts: 3 } });
  reg.schedule('search-legal-clock', { job: 'search-legal-catch-up', everyMs: LEGAL_CATCH_UP_MS });
  reg.command(reindexCommand);
}
