import type { Kysely } from 'kysely';
import { TREE_LIMIT } from './page.repository.js';
import type { PageRow, PagesDatabase, PageTranslatableField } from './pages-database.js';

/** A published page as the public tree knows it (no body). */
export type PublicPageNode = Pick<PageRow, 'id' | 'parent_id' | 'sort_order' | 'slug' | 'title' | 'summary' | 'published_at' | 'updated_at'>;

/** What a slug is to the public site. */
export type PublicPageResolution =
  | { readonly kind: 'current'; readonly page: PageRow }
  | { readonly kind: 'moved'; readonly slug: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'none' };

export type PageTranslation = Partial<Record<PageTranslatableField, string>>;

/** The public site's reads of the page tables: only published pages count; every query names the unit. */
export class PageSiteQueries {
  constructor(private readonly db: Kysely<PagesDatabase>) {}

  /** Every published page of the unit, siblings in order. */
  publishedTree(tenantId: string): Promise<PublicPageNode[]> {
    return this.db
      .selectFrom('portal_pages')
      .select(['id', 'parent_id', 'sort_order', 'slug', 'title', 'summary', 'published_at', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'published')
      .orderBy('sort_order')
      .orderBy('title_folded')
      .orderBy('id')
      .limit(TREE_LIMIT)
      .execute();
  }

  /**
   * The page at a slug: published at its current slug; moved (a former slug of a published page: 301);
   * gone (archived: 410); none (never existed, or not published: a draft is 404).
   */
  async resolve(tenantId: string, slug: string): Promise<PublicPageResolution> {
    const current = await this.db.selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
    if (current) {
      if (current.status === 'published') return { kind: 'current', page: current };
      return current.status === 'archived' ? { kind: 'gone' } : { kind: 'none' };
    }
    const former = await this.db
      .selectFrom('portal_page_slugs as s')
      .innerJoin('portal_pages as p', (join) => join.onRef('p.id', '=', 's.page_id').onRef('p.tenant_id', '=', 's.tenant_id'))
      .select(['p.slug', 'p.status'])
      .where('s.tenant_id', '=', tenantId)
      .where('s.slug', '=', slug)
      .executeTakeFirst();
    if (!former) return { kind: 'none' };
    if (former.status === 'published') return { kind: 'moved', slug: former.slug };
    return former.status === 'archived' ? { kind: 'gone' } : { kind: 'none' };
  }

  /** Translations into `lang`, by page id; `fields` limits what is read (titles for lists). */
  async translations(tenantId: string, ids: readonly string[], lang: string, fields?: readonly PageTranslatableField[]): Promise<Map<string, PageTranslation>> {
    const out = new Map<string, PageTranslation>();
    if (ids.length === 0) return out;
    let query = this.db.selectFrom('portal_page_translations').select(['page_id', 'field', 'value']).where('tenant_id', '=', tenantId).where('lang', '=', lang);
    if (fields) query = query.where('field', 'in', [...fields]);
    // One query for a unit's pages: fewer ids than the tree limit, so the list stays bounded.
    const rows = await query.where('page_id', 'in', [...ids]).execute();
    for (const row of rows) out.set(row.page_id, { ...out.get(row.page_id), [row.field]: row.value });
    return out;
  }
}
