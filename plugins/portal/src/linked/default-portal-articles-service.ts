import { coreServices, fold, type PluginContext, type TenantInfo } from '@cong/sdk';
import { sql } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { PortalArticle, PortalArticlesService, PortalCategory } from './portal-articles-service.js';
import { unitArticleUrl } from './unit-site-url.js';

type ArticleRow = Pick<ContentDatabase['portal_articles'], 'id' | 'tenant_id' | 'slug' | 'title' | 'summary' | 'status' | 'category_id' | 'published_at' | 'updated_at'>;
const COLUMNS = ['id', 'tenant_id', 'slug', 'title', 'summary', 'status', 'category_id', 'published_at', 'updated_at'] as const;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
/** `%`, `_` and `!` match themselves (`!` escapes: one character on both dialects). */
const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/** The portal's {@link PortalArticlesService}: plain reads of the content tables. */
export class DefaultPortalArticlesService implements PortalArticlesService {
  constructor(private readonly ctx: PluginContext) {}

  get #db() {
    return this.ctx.get(coreServices.database).kysely<ContentDatabase>();
  }

  async published(tenantId: string, options: { readonly limit: number; readonly offset: number; readonly q?: string }): Promise<{ items: PortalArticle[]; total: number }> {
    let query = this.#db.selectFrom('portal_articles').where('tenant_id', '=', tenantId).where('status', '=', 'published');
    const q = options.q === undefined ? '' : fold(options.q).trim();
    if (q !== '') query = query.where(sql<boolean>`title_folded like ${`%${escapeLike(q)}%`} escape '!'`);
    const [rows, count] = await Promise.all([
      query.select([...COLUMNS]).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: await this.#articles(rows), total: Number(count.n) };
  }

  async find(refs: readonly { readonly tenantId: string; readonly id: string }[]): Promise<PortalArticle[]> {
    const byUnit = new Map<string, string[]>();
    for (const ref of refs) byUnit.set(ref.tenantId, [...(byUnit.get(ref.tenantId) ?? []), ref.id]);
    const rows: ArticleRow[] = [];
    for (const [tenantId, ids] of byUnit) {
      rows.push(...(await this.#db.selectFrom('portal_articles').select([...COLUMNS]).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute()));
    }
    return this.#articles(rows);
  }

  async categories(tenantId: string): Promise<PortalCategory[]> {
    const rows = await this.#db.selectFrom('portal_categories').select(['id', 'slug', 'name_vi', 'parent_id']).where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('slug').execute();
    return rows.map((c) => ({ id: c.id, slug: c.slug, name: c.name_vi, parentId: c.parent_id }));
  }

  async #articles(rows: readonly ArticleRow[]): Promise<PortalArticle[]> {
    const units = new Map<string, TenantInfo | undefined>();
    for (const row of rows) if (!units.has(row.tenant_id)) units.set(row.tenant_id, await this.ctx.get(coreServices.tenancy).get(row.tenant_id));
    return rows.map((row) => {
      const unit = units.get(row.tenant_id) ?? { slug: row.tenant_id, primaryHost: null };
      return {
        id: row.id,
        tenantId: row.tenant_id,
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        status: row.status,
        categoryId: row.category_id,
        publishedAt: row.published_at === null ? null : iso(row.published_at),
        updatedAt: iso(row.updated_at),
        url: unitArticleUrl(unit, row.slug),
      };
    });
  }
}
