import type { PluginContext } from '@cong/sdk';
import { portalArticlesRef, type ArticleEventPayload } from '@cong/plugin-portal/api';
import { BroadcastService } from './broadcast.service.js';
import { ProposalService } from './proposal.service.js';
import { SYSTEM } from './syndication-request.js';

/**
 * An article left its unit's site (`portal.article-unpublished`). Reopened for editing (back to draft),
 * it comes back with its next published revision: its proposals and broadcasts stay, and the province
 * and receiving sites simply do not show it meanwhile. Withdrawn for good (archived) or gone, its open
 * proposals are withdrawn and its active broadcasts end, by the platform, each step audited.
 */
export async function onArticleUnpublished(event: ArticleEventPayload, ctx: PluginContext): Promise<void> {
  const [article] = await ctx.get(portalArticlesRef).find([{ tenantId: event.tenantId, id: event.id }]);
  if (article && article.status !== 'archived') return;
  await new ProposalService(ctx).sourceWithdrawn(event.tenantId, event.id, SYSTEM);
  await new BroadcastService(ctx).sourceWithdrawn(event.tenantId, event.id, SYSTEM);
}
