import type { PluginContext } from '@cong/sdk';
import { reindexPages } from '../pages/page-search.js';
import { reindexUnit } from './search-indexer.js';

/** What rebuilding a unit's search entries did: entries written per kind, and entries removed. */
export interface UnitSearchRebuild {
  readonly articles: number;
  readonly pages: number;
  readonly legal: number;
  readonly removed: number;
}

/**
 * Rebuilds every search entry of one unit from its tables: published articles and pages indexed,
 * the rest removed, legal documents indexed. What `POST /api/portal/search/reindex` and
 * `cong portal reindex` run.
 */
export async function rebuildUnitSearch(ctx: PluginContext, tenantId: string): Promise<UnitSearchRebuild> {
  const content = await reindexUnit(ctx, tenantId);
  const pages = await reindexPages(ctx, tenantId);
  return { articles: content.articles, pages: pages.indexed, legal: content.legal, removed: content.removed + pages.removed };
}
