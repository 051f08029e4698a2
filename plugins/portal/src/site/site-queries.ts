import { sql, type Kysely } from 'kysely';
import { categoryName, categoryTranslations } from '../content/category-names.js';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import type { LinkedItemsDatabase } from '../linked/linked-items-database.js';
import type { LinkedItemKind } from '../linked/linked-items-service.js';
import { unitMemo } from './unit-memo.js';

/**
 * Another unit's article in this unit's lists (a linked item, src/linked): the link, why it is here,
 * and whose article it is. The row's `category_id` is then the link's (this unit's category) and its
 * `published_at` the time it was put on this site.
 */
export interface LinkedListing {
  readonly id: string;
  readonly kind: LinkedItemKind;
  readonly sourceTenantId: string;
}

export type PublicArticleRow = Pick<
  ContentDatabase['portal_articles'],
  'id' | 'category_id' | 'slug' | 'title' | 'summary' | 'body' | 'published_at' | 'updated_at' | 'author_id'
> & { readonly link?: LinkedListing };
/** A category as the site shows it: `name` is in the language asked for (Vietnamese where it has none). */
export type PublicCategoryRow = Pick<ContentDatabase['portal_categories'], 'id' | 'slug' | 'parent_id' | 'sort_order' | 'updated_at'> & { readonly name: string };

/** What a slug is to the public site. */
export type SlugResolution =
  | { readonly kind: 'current'; readonly article: PublicArticleRow }
  | { readonly kind: 'moved'; readonly slug: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'none' };

/** A translation of an article, field by field (missing fields fall back to Vietnamese). */
export type ArticleTranslation = Partial<Record<'title' | 'summary' | 'body', string>>;

/**
 * The totals of the unit's lists (all articles, or one category's), its own articles and its linked
 * items apart: the pager needs them on every page, and a list with no linked items is read without the
 * union. They change only when an article is published or withdrawn or a linked item comes or goes,
 * which drop them (unit-memo.ts).
 */
const listTotals = unitMemo<{ readonly own: number; readonly linked: number }>();
/** The unit's categories in each language: every page names them (its navigation, its own category). */
const unitCategories = unitMemo<PublicCategoryRow[]>();

const ARTICLE_COLUMNS = ['id', 'category_id', 'slug', 'title', 'summary', 'body', 'published_at', 'updated_at', 'author_id'] as const;

/**
 * The public site's reads of the content and legal tables. Only published articles; every query names
 * the unit. Written here, beside the site, so the content area's repositories stay the admin's.
 */
export class SiteQueries {
  readonly #content: Kysely<ContentDatabase>;
  readonly #legal: Kysely<LegalDatabase>;

  constructor(db: { kysely<T>(): Kysely<T> }) {
    this.#content = db.kysely<ContentDatabase>();
    this.#legal = db.kysely<LegalDatabase>();
  }

  /** The unit's categories, named in `lang`: read once while the unit is unchanged (a page asks more than once). */
  categories(tenantId: string, lang: string): Promise<PublicCategoryRow[]> {
    return unitCategories.get(`${tenantId}\u0000${lang}`, Date.now(), () => this.#readCategories(tenantId, lang));
  }

  async #readCategories(tenantId: string, lang: string): Promise<PublicCategoryRow[]> {
    const [rows, translated] = await Promise.all([
      this.#content
        .selectFrom('portal_categories')
        .select(['id', 'slug', 'name_vi', 'name_en', 'parent_id', 'sort_order', 'updated_at'])
        .where('tenant_id', '=', tenantId)
        .orderBy('sort_order')
        .orderBy('slug')
        .execute(),
      categoryTranslations(this.#content, tenantId, lang),
    ]);
    return rows.map(({ name_vi, name_en, ...row }) => ({ ...row, name: categoryName({ id: row.id, name_vi, name_en }, lang, translated) }));
  }

  /**
   * Published articles, newest first; without the body unless asked. With the unit's own articles come
   * its linked items (other units' published articles shown here: accepted from below, broadcast from
   * above), placed by the time they were put on this site and marked with `link`.
   */
  async published(tenantId: string, options: { limit: number; offset?: number; categoryId?: string; withBody?: boolean }): Promise<{ items: PublicArticleRow[]; total: number }> {
    const db = this.#content as unknown as Kysely<ContentDatabase & LinkedItemsDatabase>;
    let own = db.selectFrom('portal_articles').where('tenant_id', '=', tenantId).where('status', '=', 'published');
    let linked = db
      .selectFrom('portal_linked_items as l')
      .innerJoin('portal_articles as a', (join) => join.onRef('a.tenant_id', '=', 'l.source_tenant_id').onRef('a.id', '=', 'l.article_id'))
      .where('l.tenant_id', '=', tenantId)
      .where('l.removed_at', 'is', null)
      .where('a.status', '=', 'published');
    if (options.categoryId !== undefined) {
      own = own.where('category_id', '=', options.categoryId);
      linked = linked.where('l.category_id', '=', options.categoryId);
    }
    const none = sql<string | null>`null`;
    // The same columns in the same order on both sides; the sort applies to the union (names, not tables).
    const ownRows = own.select([
      'id', 'category_id', 'slug', 'title', 'summary', options.withBody ? 'body' : sql<string>`''`.as('body'), 'published_at', 'updated_at', 'author_id',
      none.as('link_id'), none.as('link_kind'), none.as('source_tenant_id'),
    ]);
    const linkedRows = linked.select([
      'a.id', 'l.category_id', 'a.slug', 'a.title', 'a.summary', options.withBody ? 'a.body' : sql<string>`''`.as('body'), 'l.listed_at as published_at', 'a.updated_at', 'a.author_id',
      'l.id as link_id', 'l.kind as link_kind', 'l.source_tenant_id',
    ]);
    // Each side gives only its newest `offset + limit` rows (read backwards along its index), and the
    // union sorts those: sorting the whole union read every article of the category (800 at scale).
    const offset = options.offset ?? 0;
    const depth = offset + options.limit;
    const newestOwn = db.selectFrom(ownRows.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(depth).as('o')).selectAll();
    const newestLinked = db.selectFrom(linkedRows.orderBy('l.listed_at', 'desc').orderBy('a.id', 'desc').limit(depth).as('k')).selectAll();
    const count = async () => {
      const [ownCount, linkedCount] = await Promise.all([
        own.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        linked.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { own: Number(ownCount.n), linked: Number(linkedCount.n) };
    };
    const totals = await listTotals.get(`${tenantId}\u0000${options.categoryId ?? ''}`, Date.now(), count);
    // Without linked items the page is a range of the unit's own index, skipped to without reading the
    // rows before it: the union reads and sorts `offset + limit` rows of each side for `limit` of them.
    const rows =
      totals.linked === 0
        ? await ownRows.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(offset).execute()
        : await newestOwn.unionAll(newestLinked as never).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(offset).execute();
    const total = totals.own + totals.linked;
    const items = rows.map(({ link_id, link_kind, source_tenant_id, ...row }): PublicArticleRow => ({
      ...row,
      published_at: row.published_at === null ? null : Number(row.published_at),
      ...(link_id !== null ? { link: { id: link_id, kind: link_kind as LinkedItemKind, sourceTenantId: source_tenant_id! } } : {}),
    }));
    return { items, total };
  }

  /**
   * Translations into `lang` of listed rows, by article id: the unit's own articles' from the unit, a
   * linked item's from its source unit (article ids are unique across units).
   */
  async listTranslations(tenantId: string, rows: readonly PublicArticleRow[], lang: string): Promise<Map<string, ArticleTranslation>> {
    const byUnit = new Map<string, string[]>();
    for (const row of rows) {
      const unit = row.link?.sourceTenantId ?? tenantId;
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), row.id]);
    }
    const out = new Map<string, ArticleTranslation>();
    for (const [unit, ids] of byUnit) for (const [id, tr] of await this.translations(unit, ids, lang)) out.set(id, tr);
    return out;
  }

  /**
   * The article at a slug: published at its current slug; moved (a former slug of a published article:
   * 301); gone (archived: withdrawn, 410); or none (never existed, or not published: a draft is 404).
   */
  async resolveSlug(tenantId: string, slug: string): Promise<SlugResolution> {
    const byCurrent = await this.#content
      .selectFrom('portal_articles')
      .select([...ARTICLE_COLUMNS, 'status'])
      .where('tenant_id', '=', tenantId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (byCurrent) {
      if (byCurrent.status === 'published') {
        const { status: _status, ...article } = byCurrent;
        return { kind: 'current', article };
      }
      return byCurrent.status === 'archived' ? { kind: 'gone' } : { kind: 'none' };
    }
    const former = await this.#content
      .selectFrom('portal_slug_history as h')
      .innerJoin('portal_articles as a', (join) => join.onRef('a.id', '=', 'h.article_id').onRef('a.tenant_id', '=', 'h.tenant_id'))
      .select(['a.slug', 'a.status'])
      .where('h.tenant_id', '=', tenantId)
      .where('h.slug', '=', slug)
      .executeTakeFirst();
    if (!former) return { kind: 'none' };
    if (former.status === 'published') return { kind: 'moved', slug: former.slug };
    return former.status === 'archived' ? { kind: 'gone' } : { kind: 'none' };
  }

  /** Translations into `lang` of the given articles, by article id (none for Vietnamese: it is the row itself). */
  async translations(tenantId: string, ids: readonly string[], lang: string): Promise<Map<string, ArticleTranslation>> {
    const out = new Map<string, ArticleTranslation>();
    if (ids.length === 0 || lang === 'vi') return out;
    const rows = await this.#content
      .selectFrom('portal_article_translations')
      .select(['article_id', 'field', 'value'])
      .where('tenant_id', '=', tenantId)
      .where('lang', '=', lang)
      .where('article_id', 'in', [...ids])
      .execute();
    for (const row of rows) {
      const entry = out.get(row.article_id) ?? {};
      entry[row.field] = row.value;
      out.set(row.article_id, entry);
    }
    return out;
  }

  /** Every published article's address and last change, for the sitemap (capped: a sitemap holds 50,000 URLs). */
  async sitemapArticles(tenantId: string, limit: number): Promise<Pick<PublicArticleRow, 'slug' | 'updated_at' | 'published_at'>[]> {
    return this.#content
      .selectFrom('portal_articles')
      .select(['slug', 'updated_at', 'published_at'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async sitemapLegal(tenantId: string, limit: number): Promise<{ id: string; updated_at: number }[]> {
    return this.#legal
      .selectFrom('portal_legal_documents')
      .select(['id', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .orderBy('issued_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }
}
