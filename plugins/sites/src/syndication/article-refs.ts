import type { PortalArticle, PortalArticlesService } from '@cong/plugin-portal/api';
import type { ArticleRef } from './syndication.schema.js';

/** The source articles of rows, read live from the portal, by article id. */
export async function articleRefs(articles: PortalArticlesService, rows: readonly { readonly tenant_id: string; readonly article_id: string }[]): Promise<Map<string, ArticleRef>> {
  const found = await articles.find(rows.map((r) => ({ tenantId: r.tenant_id, id: r.article_id })));
  return new Map(found.map((a: PortalArticle) => [a.id, { id: a.id, title: a.title, slug: a.slug, status: a.status, url: a.url }]));
}
