import { coreServices, defineSchema, type RouteRequest, type RouteResponse } from '@cong/sdk';
import { SITEMAP_ENTRIES } from '../site/feeds.js';
import { errorPage, renderArticle } from '../site/pages.js';
import type { Site } from '../site/site-context.js';
import type { SitePageDefinition } from '../site/site-page.js';
import type { PublicArticleRow } from '../site/site-queries.js';
import { LinkedItemRepository } from './linked-item.repository.js';
import type { LinkedTables } from './linked-items-database.js';
import { linkedMark } from './listed-item.js';
import { linkedItemPath, unitArticleUrl, unitSiteRoot } from './unit-site-url.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const params = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });
const db = (site: Site) => site.ctx.get(coreServices.database).kysely<LinkedTables>();

/**
 * `/tin-lien-ket/<id>`: another unit's article on this unit's site — its text read live from the
 * source, its category this unit's, its canonical link the source article's, with "Nguồn: <unit>" or
 * "Tin từ <unit>". A link taken off the site, or whose source was withdrawn, answers 410; while the
 * source is reopened for editing it answers 404, as the source's own address does.
 */
export async function linkedItemPage(req: RouteRequest, site: Site, id: string): Promise<RouteResponse> {
  const path = linkedItemPath(id);
  if (!UUID.test(id)) return errorPage(req, site, 404, path);
  const link = await new LinkedItemRepository(db(site)).find(site.tenant.id, id);
  if (!link) return errorPage(req, site, 404, path);
  if (link.removed_at !== null) return errorPage(req, site, 410, path);
  const source = await db(site)
    .selectFrom('portal_articles')
    .select(['id', 'category_id', 'slug', 'title', 'summary', 'body', 'published_at', 'updated_at', 'author_id', 'status'])
    .where('tenant_id', '=', link.source_tenant_id)
    .where('id', '=', link.article_id)
    .executeTakeFirst();
  if (!source || source.status === 'archived') return errorPage(req, site, 410, path);
  if (source.status !== 'published') return errorPage(req, site, 404, path);
  const unit = await site.ctx.get(coreServices.tenancy).get(link.source_tenant_id);
  const { status: _status, ...article } = source;
  const row: PublicArticleRow = { ...article, category_id: link.category_id, link: { id: link.id, kind: link.kind, sourceTenantId: link.source_tenant_id } };
  const tr = (await site.queries.translations(link.source_tenant_id, [source.id], site.lang)).get(source.id);
  return renderArticle(req, site, row, tr, {
    path,
    origin: {
      canonical: unit ? unitArticleUrl(unit, source.slug, { from: site, lang: site.lang }) : site.url(path),
      mark: linkedMark(site, link.kind, unit, source.slug),
      author: unit ? site.pair(unit.nameVi, unit.nameEn).text : site.unitName,
      mediaRoot: unit ? unitSiteRoot(unit, site) : site.prefix,
    },
  });
}

/** The linked-items area's public page, for the site (src/site/register-site.ts) to serve in every language. */
export const linkedSitePages: readonly SitePageDefinition[] = [
  {
    path: '/tin-lien-ket/:id',
    summary: { vi: 'Tin bài của đơn vị khác trên trang (tiếp nhận từ cấp dưới, gửi từ cấp trên)', en: 'Another unit\'s article on the site (accepted from below, broadcast from above)' },
    params,
    render: (req, site) => linkedItemPage(req, site, (req.params as { id: string }).id),
    sitemap: async (site) =>
      (await new LinkedItemRepository(db(site)).sitemap(site.tenant.id, SITEMAP_ENTRIES * 20)).map((r) => ({ path: linkedItemPath(r.id), lastmod: Math.max(Number(r.listed_at), Number(r.updated_at)) })),
  },
];
