import { NotAllowedError, NotFoundError, type RouteBuilder } from '@cong/sdk';
import { assertPublicSite } from '../site/site-gate.js';
import type { Languages } from '../site/languages.js';
import { rebuildUnitSearch } from './rebuild-unit-search.js';
import { searchPortal } from './search-portal.js';
import { reindexResponse, searchPageSchema, searchQuery } from './search-schema.js';

const LEGAL_WRITE = 'portal.legal.write';
const CONTENT_APPROVE = 'portal.content.approve';

/** The search area's JSON API under /api/portal; `lang` takes the site's languages. */
export function searchRoutes(route: RouteBuilder, languages: Languages): void {
  route.get('/search', {
    summary: { vi: 'Tìm kiếm tin bài và văn bản đã công bố', en: 'Search published articles and legal documents' },
    description:
      'Anonymous. The request\'s unit only; from the province (the root unit) `allUnits=true` searches every unit and adds a facet of units. ' +
      'Accents are optional, "quoted phrases" stay together, all words must match. Titles and snippets are plain text. ' +
      'In Vietnamese, also the public documents other plugins add as search sources (`portal.search-sources`) where they are enabled: ' +
      'the Q&A plugin\'s published answers (`type=answer`, filed under the province and found on every unit\'s site).',
    cors: true,
    schema: { query: searchQuery(languages), response: { 200: searchPageSchema(languages) } },
    handler: async (req, ctx) => {
      if (req.tenantId !== undefined) await assertPublicSite(req, ctx, req.tenantId);
      return searchPortal(ctx, { tenantId: req.tenantId, ...req.query });
    },
  });

  route.post('/search/reindex', {
    summary: { vi: 'Lập lại chỉ mục tìm kiếm của đơn vị', en: 'Rebuild the unit\'s search entries' },
    description: `Published articles, pages and legal documents of the request's unit, from their tables. Needs ${LEGAL_WRITE} or ${CONTENT_APPROVE}.`,
    authenticated: true,
    schema: { response: { 200: reindexResponse } },
    handler: async (req, ctx) => {
      if (req.tenantId === undefined) throw new NotFoundError('Name a unit (X-Cong-Tenant) to reindex');
      if (!req.can(LEGAL_WRITE) && !req.can(CONTENT_APPROVE)) throw new NotAllowedError(CONTENT_APPROVE);
      return rebuildUnitSearch(ctx, req.tenantId);
    },
  });
}
