import { coreServices, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { ContentDatabase } from '../content/content-database.js';
import type { Languages } from '../site/languages.js';
import type { CheckUnitFresh } from '../site/unit-memo.js';
import type { ArticleCounts } from './article-counts.js';
import { PublicQueries, type ArticleRow, type CategoryRow } from './public-queries.js';
import {
  publicArticle,
  publicArticlePage,
  publicArticlesQuery,
  publicCategoryList,
  publicLangQuery,
  publicSlugParams,
  type PublicArticleItem,
  type PublicLang,
} from './public-schemas.js';
import { PUBLIC_HEADERS, publicUnit, sinceMs, type PublicUnit } from './public-site.js';

const queries = (ctx: PluginContext) => new PublicQueries(ctx.get(coreServices.database).kysely<ContentDatabase>());
const TAGS = ['portal-public'];
const iso = (ms: number | null) => new Date(ms ?? 0).toISOString();
/** An article in the language asked for: its translation `tr`, field by field, else the Vietnamese. */
function item(unit: PublicUnit, row: ArticleRow, categories: ReadonlyMap<string, CategoryRow>, lang: PublicLang, tr: Partial<Record<string, string>> | undefined): PublicArticleItem {
  const category = row.category_id ? categories.get(row.category_id) : undefined;
  return {
    id: row.id,
    slug: row.slug,
    title: tr?.title || row.title,
    summary: tr?.summary || row.summary,
    category: category ? { slug: category.slug, name: category.name } : null,
    publishedAt: iso(row.published_at),
    url: unit.url(`/tin/${row.slug}`, lang),
  };
}

/**
 * The read-only JSON content API under /api/portal/public, for other sites and apps: anonymous, per
 * unit (`/t/<slug>/api/portal/public/…` or `X-Cong-Tenant`), published content only, readable from
 * the unit's allowed origins (CORS, no cookies) and cacheable for a minute. `lang` takes the site's
 * languages (Vietnamese, English and the configured ones).
 */
export function publicContentRoutes(route: RouteBuilder, languages: Languages, counts: ArticleCounts, fresh: CheckUnitFresh): void {
  /** The unit's categories in `lang` (kept per process), after the check that another process changed nothing. */
  const categoriesOf = async (ctx: PluginContext, tenantId: string, lang: PublicLang) => {
    await fresh(ctx, tenantId);
    return queries(ctx).categories(tenantId, lang);
  };

  route.get('/public/articles', {
    summary: { vi: 'Tin bài đã xuất bản của đơn vị (công khai)', en: 'The unit\'s published articles (public)' },
    description: 'Newest first. Filters: category (slug), since (date or date-time); paging with limit and offset. No other query parameter is accepted.',
    tags: TAGS,
    cors: true,
    schema: { query: publicArticlesQuery(languages), response: { 200: publicArticlePage } },
    handler: async (req, ctx) => {
      const unit = await publicUnit(req, ctx);
      const q = queries(ctx);
      const categories = new Map((await categoriesOf(ctx, unit.tenant.id, req.query.lang)).map((c) => [c.id, c]));
      let categoryId: string | undefined;
      if (req.query.category !== undefined) {
        categoryId = [...categories.values()].find((c) => c.slug === req.query.category)?.id;
        if (!categoryId) throw new NotFoundError(`The unit has no category ${req.query.category}`);
      }
      const page = await q.page(unit.tenant.id, {
        limit: req.query.limit,
        offset: req.query.offset,
        ...(categoryId !== undefined ? { categoryId } : {}),
        ...(req.query.since !== undefined ? { since: sinceMs(req.query.since) } : {}),
      }, counts);
      const translations = await q.translations(unit.tenant.id, page.items.map((a) => a.id), req.query.lang);
      const items = page.items.map((row) => item(unit, row, categories, req.query.lang, translations.get(row.id)));
      return respond(200, { items, total: page.total, limit: req.query.limit, offset: req.query.offset }, PUBLIC_HEADERS);
    },
  });

  route.get('/public/articles/:slug', {
    summary: { vi: 'Một tin bài đã xuất bản (công khai)', en: 'One published article (public)' },
    description: 'By its current slug; drafts, withdrawn articles and other units\' articles are 404.',
    tags: TAGS,
    cors: true,
    schema: { params: publicSlugParams, query: publicLangQuery(languages), response: { 200: publicArticle } },
    handler: async (req, ctx) => {
      const unit = await publicUnit(req, ctx);
      const q = queries(ctx);
      const row = await q.bySlug(unit.tenant.id, req.params.slug);
      if (!row) throw new NotFoundError(`No published article ${req.params.slug}`);
      const categories = new Map((await categoriesOf(ctx, unit.tenant.id, req.query.lang)).map((c) => [c.id, c]));
      const tr = (await q.translations(unit.tenant.id, [row.id], req.query.lang)).get(row.id);
      const body = { ...item(unit, row, categories, req.query.lang, tr), body: tr?.body || row.body, updatedAt: iso(row.updated_at) };
      return respond(200, body, PUBLIC_HEADERS);
    },
  });

  route.get('/public/categories', {
    summary: { vi: 'Chuyên mục của đơn vị (công khai)', en: 'The unit\'s categories (public)' },
    tags: TAGS,
    cors: true,
    schema: { query: publicLangQuery(languages), response: { 200: publicCategoryList } },
    handler: async (req, ctx) => {
      const unit = await publicUnit(req, ctx);
      const rows = await categoriesOf(ctx, unit.tenant.id, req.query.lang);
      const slugs = new Map(rows.map((c) => [c.id, c.slug]));
      const items = rows.map((c) => ({
        slug: c.slug,
        name: c.name,
        parentSlug: (c.parent_id && slugs.get(c.parent_id)) || null,
        url: unit.url(`/chuyen-muc/${c.slug}`, req.query.lang),
      }));
      return respond(200, { items }, PUBLIC_HEADERS);
    },
  });
}
