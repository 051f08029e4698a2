import type { PluginRegistrar } from '@cong/sdk';
import { catchUpGazetteSearch, rebuildGazetteSearch } from './index-document.js';

export { indexGazetteDocument, removeGazetteDocumentFromSearch, catchUpGazetteSearch, rebuildGazetteSearch, agencyKey } from './index-document.js';
export { SearchCache } from './search-cache.js';
export { searchDocuments, latestPublished, type DocumentSearchCriteria, type DocumentSearchResult, type SearchOrder } from './document-search.js';

/** The job that indexes published documents nobody indexed (or that changed since), and its schedule. */
export const SEARCH_CATCH_UP_JOB = 'search-catch-up';
/** The job that rebuilds an office's index in publication order (payload `{ officeId }`), after an import of older issues. */
export const SEARCH_REBUILD_JOB = 'search-rebuild';

export function registerSearch(reg: PluginRegistrar): void {
  reg.jobs({
    [SEARCH_CATCH_UP_JOB]: { handler: async (_payload, ctx) => void (await catchUpGazetteSearch(ctx)), maxAttempts: 3 },
    [SEARCH_REBUILD_JOB]: {
      handler: async (payload: { officeId: string }, ctx) => void (await rebuildGazetteSearch(ctx, payload.officeId)),
      schema: { type: 'object', additionalProperties: false, required: ['officeId'], properties: { officeId: { type: 'string', maxLength: 64 } } },
      maxAttempts: 3,
      timeoutMs: 30 * 60_000,
    },
  });
  // Publication indexes in its own transaction; this only catches what slipped through (a restore, a failed call).
  reg.schedule(SEARCH_CATCH_UP_JOB, { job: SEARCH_CATCH_UP_JOB, everyMs: 15 * 60_000 });
}
