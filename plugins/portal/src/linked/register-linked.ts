import { coreServices, type PluginContext, type PluginRegistrar } from '@cong/sdk';
import { articlePublished, articleUnpublished, type ArticleEventPayload } from '../content/content-events.js';
import { DefaultLinkedItemsService } from './default-linked-items-service.js';
import { DefaultPortalArticlesService } from './default-portal-articles-service.js';
import { LinkedItemRepository } from './linked-item.repository.js';
import type { LinkedTables } from './linked-items-database.js';
import { linkedItemsRef } from './linked-items-service.js';
import { syncLinkedItems } from './linked-search.js';
import { portalArticlesRef } from './portal-articles-service.js';

/**
 * An article was published (a new revision) or left the site (reopened, withdrawn) at its source: the
 * units showing it re-render it from the source and re-index it (or drop its entries while it is off).
 */
async function followSource(event: ArticleEventPayload, ctx: PluginContext): Promise<void> {
  const links = await new LinkedItemRepository(ctx.get(coreServices.database).kysely<LinkedTables>()).shownOf(event.tenantId, event.id);
  if (links.length === 0) return;
  await syncLinkedItems(ctx, links);
  await new DefaultLinkedItemsService(ctx).refresh(links.map((l) => l.tenant_id));
}

/**
 * The linked-items area: the services other plugins use to read a unit's articles and to show them on
 * other units' sites (`@cong/plugin-portal/api`), and the listeners that keep those sites in step with
 * the source. Its public page is `linkedSitePages`.
 */
export function registerLinked(reg: PluginRegistrar): void {
  reg.provide(portalArticlesRef, (ctx) => new DefaultPortalArticlesService(ctx));
  reg.provide(linkedItemsRef, (ctx) => new DefaultLinkedItemsService(ctx));
  reg.on(articlePublished, followSource);
  reg.on(articleUnpublished, followSource);
}
