import type { Kysely } from 'kysely';
import { categoryName, categoryTranslations } from '../content/category-names.js';
import type { ContentDatabase } from '../content/content-database.js';
import { unitMemo } from '../site/unit-memo.js';
import type { ArticleCounts } from './article-counts.js';
import type { PublicLang } from './public-schemas.js';

/** A category with its name in the language asked for (Vietnamese where it has none). */
type CategoryRow = Pick<ContentDatabase['portal_categories'], 'id' | 'slug' | 'parent_id'> & { readonly name: string };
type ArticleRow = Pick<ContentDatabase['portal_articles'], 'id' | 'slug' | 'title' | 'summary' | 'category_id' | 'published_at'>;
type Translation = Partial<Record<'title' | 'summary' | 'body', string>>;

/**
 * The unit's categories in each language, kept while the unit is unchanged (F26 in
 * docs/reference/benchmarks.md: two of a list's three statements read them). The caller checks the
 * unit's fingerprint first (`CheckUnitFresh`); a change made in this process drops them at once.
 */
const unitCategories = unitMemo<CategoryRow[]>();

/**
 * Reads of the public content API: published articles only, always of one unit. Kept beside the API
 * (not shared with the site's queries) so either can change without the other.
 */
export class PublicQueries {
  constructor(private readonly db: Kysely<ContentDatabase>) {}

  /** The unit's categories named in `lang`, in the site's order; kept (see `unitCategories`). */
  categories(tenantId: string, lang: PublicLang): Promise<CategoryRow[]> {
    return unitCategories.get(`${tenantId}\u0000${lang}`, Date.now(), () => this.#readCategories(tenantId, lang));
  }

  async #readCategories(tenantId: string, lang: PublicLang): Promise<CategoryRow[]> {
    const [rows, translated] = await Promise.all([
      this.db.selectFrom('portal_categories').select(['id', 'slug', 'name_vi', 'name_en', 'parent_id']).where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('slug').execute(),
      categoryTranslations(this.db, tenantId, lang),
    ]);
    return rows.map((c) => ({ id: c.id, slug: c.slug, parent_id: c.parent_id, name: categoryName(c, lang, translated) }));
  }

  /**
   * A page of the unit's published articles, newest first, and their total: none counted when the first
   * page is not full, and the unfiltered and per-category totals kept by `counts` (article-counts.ts).
   */
  async page(tenantId: string, options: { limit: number; offset: number; categoryId?: string; since?: number }, counts?: ArticleCounts): Promise<{ items: ArticleRow[]; total: number }> {
    let query = this.db.selectFrom('portal_articles').where('tenant_id', '=', tenantId).where('status', '=', 'published');
    if (options.categoryId !== undefined) query = query.where('category_id', '=', options.categoryId);
    if (options.since !== undefined) query = query.where('published_at', '>=', options.since);
    const items = await query
      .select(['id', 'slug', 'title', 'summary', 'category_id', 'published_at'])
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    if (options.offset === 0 && items.length < options.limit) return { items, total: items.length };
    const count = async () => Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const total = counts && options.since === undefined ? await counts.total(tenantId, options.categoryId ?? '', count) : await count();
    return { items, total };
  }

  /** The published article at its current slug (drafts, archived and other units' articles: none). */
  bySlug(tenantId: string, slug: string) {
    return this.db
      .selectFrom('portal_articles')
      .select(['id', 'slug', 'title', 'summary', 'body', 'category_id', 'published_at', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('slug', '=', slug)
      .where('status', '=', 'published')
      .executeTakeFirst();
  }

  /** Translations into `lang`, by article id (none for Vietnamese: it is the row itself). */
  async translations(tenantId: string, ids: readonly string[], lang: PublicLang): Promise<Map<string, Translation>> {
    const out = new Map<string, Translation>();
    if (ids.length === 0 || lang === 'vi') return out;
    const rows = await this.db
      .selectFrom('portal_article_translations')
      .select(['article_id', 'field', 'value'])
      .where('tenant_id', '=', tenantId)
      .where('lang', '=', lang)
      .where('article_id', 'in', [...ids])
      .execute();
    for (const row of rows) out.set(row.article_id, { ...out.get(row.article_id), [row.field]: row.value });
    return out;
  }
}

export type { ArticleRow, CategoryRow };
