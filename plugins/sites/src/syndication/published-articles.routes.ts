import { coreServices, NotAllowedError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { portalArticlesRef } from '@cong/plugin-portal/api';
import { BroadcastRepository } from './broadcast.repository.js';
import { PUBLISH } from './broadcast.service.js';
import { ProposalRepository } from './proposal.repository.js';
import { PROPOSE } from './proposal.service.js';
import type { SyndicationDatabase } from './syndication-database.js';
import { callingUnit } from './syndication-request.js';
import { publishedArticlePageSchema, publishedArticlesQuery, type Page, type PublishedArticle } from './syndication.schema.js';

/** The calling unit's published articles, each with its open proposal and active broadcast. */
async function publishedArticles(ctx: PluginContext, unitId: string, query: { q?: string; limit: number; offset: number }): Promise<Page<PublishedArticle>> {
  const page = await ctx.get(portalArticlesRef).published(unitId, query);
  const db = ctx.get(coreServices.database).kysely<SyndicationDatabase>();
  const ids = page.items.map((a) => a.id);
  const [proposals, broadcasts] = await Promise.all([new ProposalRepository(db).open(unitId, ids), new BroadcastRepository(db).active(unitId, ids)]);
  const proposalOf = new Map(proposals.map((p) => [p.article_id, { id: p.id, status: p.status }]));
  const broadcastOf = new Map(broadcasts.map((b) => [b.article_id, { id: b.id }]));
  const items = page.items.map((a) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    publishedAt: a.publishedAt,
    url: a.url,
    proposal: proposalOf.get(a.id) ?? null,
    broadcast: broadcastOf.get(a.id) ?? null,
  }));
  return { items, total: page.total, limit: query.limit, offset: query.offset };
}

/** What a unit can propose up or broadcast down: shared by both admin pages. */
export function publishedArticlesRoutes(route: RouteBuilder): void {
  route.get('/published-articles', {
    summary: { vi: 'Tin bài đã xuất bản của đơn vị, để đề xuất hoặc gửi xuống', en: 'The unit\'s published articles, to propose or broadcast' },
    description: `Needs ${PROPOSE} or ${PUBLISH}. Each article says its open proposal and its active broadcast.`,
    authenticated: true,
    schema: { query: publishedArticlesQuery, response: { 200: publishedArticlePageSchema } },
    handler: async (req, ctx) => {
      const unitId = callingUnit(req);
      if (!req.can(PROPOSE) && !req.can(PUBLISH)) throw new NotAllowedError(PROPOSE);
      return publishedArticles(ctx, unitId, req.query);
    },
  });
}
