import { coreServices, type PluginContext } from '@cong/sdk';
import type { Kysely } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import { ORGANISATION_TABLES } from '../mandated/mandated-catalogue.js';
import type { MandatedDatabase } from '../mandated/mandated-database.js';
import type { PagesDatabase } from '../pages/pages-database.js';
import { extractOutboundLinks } from './outbound-links.js';
import type { OutboundLink, SiteActivity, SiteActivityService } from './site-activity-service.js';

type Db = Kysely<ContentDatabase & PagesDatabase & MandatedDatabase & LegalDatabase>;
/** Units per `in (…)` list: well below both dialects' limits on bound parameters. */
const CHUNK = 500;

interface Tally {
  last: number | null;
  published: number;
  sections: number;
  empty: number;
  english: number;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const later = (a: number | null, b: number | null | undefined | string) => (b === null || b === undefined ? a : Math.max(a ?? 0, Number(b)));

/**
 * The portal's {@link SiteActivityService}: grouped reads (`group by tenant_id`) of the content, pages,
 * mandated-section and organisation tables, in chunks of 500 units. Section emptiness follows the
 * compliance report (src/mandated/compliance.ts): a category section counts the published articles of
 * its category and subcategories, a legal section the unit's documents, an organisation section the
 * rows of its tables, a link section its address, the generated list is never empty.
 */
export class DefaultSiteActivityService implements SiteActivityService {
  constructor(private readonly ctx: PluginContext) {}

  get #db(): Db {
    return this.ctx.get(coreServices.database).kysely();
  }

  async activity(tenantIds: readonly string[], options: { readonly since: Date }): Promise<SiteActivity[]> {
    const tallies = new Map<string, Tally>(tenantIds.map((id) => [id, { last: null, published: 0, sections: 0, empty: 0, english: 0 }]));
    const since = options.since.getTime();
    for (const ids of chunks([...tallies.keys()])) await this.#chunk(ids, since, tallies);
    return tenantIds.map((id) => {
      const t = tallies.get(id)!;
      return {
        tenantId: id,
        lastUpdate: t.last === null ? null : new Date(t.last).toISOString(),
        publishedSince: t.published,
        mandatedSections: t.sections,
        emptyMandatedSections: t.empty,
        staleEnglish: t.english,
      };
    });
  }

  async #chunk(ids: string[], since: number, tallies: Map<string, Tally>): Promise<void> {
    const db = this.#db;
    const [articles, pages, sections, categories, byCategory, legal] = await Promise.all([
      db
        .selectFrom('portal_articles')
        .where('tenant_id', 'in', ids)
        .where('status', '=', 'published')
        .select((eb) => [
          'tenant_id',
          eb.fn.max<number | null>('published_at').as('published'),
          eb.fn.max<number | null>('updated_at').as('updated'),
          eb.fn.sum<number | string | null>(eb.case().when('published_at', '>=', since).then(1).else(0).end()).as('recent'),
        ])
        .groupBy('tenant_id')
        .execute(),
      db.selectFrom('portal_pages').where('tenant_id', 'in', ids).where('status', '=', 'published').select((eb) => ['tenant_id', eb.fn.max<number | null>('updated_at').as('updated')]).groupBy('tenant_id').execute(),
      db.selectFrom('portal_mandated_sections').where('tenant_id', 'in', ids).where('not_applicable', '=', 0).select(['tenant_id', 'source', 'category_id', 'org_tables', 'link_url']).execute(),
      db.selectFrom('portal_categories').where('tenant_id', 'in', ids).select(['tenant_id', 'id', 'parent_id']).execute(),
      db
        .selectFrom('portal_articles')
        .where('tenant_id', 'in', ids)
        .where('status', '=', 'published')
        .where('category_id', 'is not', null)
        .select((eb) => ['tenant_id', 'category_id', eb.fn.countAll<number | string>().as('n')])
        .groupBy(['tenant_id', 'category_id'])
        .execute(),
      db.selectFrom('portal_legal_documents').where('tenant_id', 'in', ids).select((eb) => ['tenant_id', eb.fn.countAll<number | string>().as('n')]).groupBy('tenant_id').execute(),
    ]);
    for (const row of articles) {
      const t = tallies.get(row.tenant_id)!;
      t.last = later(later(t.last, row.published), row.updated);
      t.published += Number(row.recent ?? 0);
    }
    for (const row of pages) {
      const t = tallies.get(row.tenant_id)!;
      t.last = later(t.last, row.updated);
    }
    const organisation = await this.#organisationCounts(ids);
    for (const [tenantId, counts] of organisation) {
      tallies.get(tenantId)!.english += [...counts.values()].reduce((sum, c) => sum + c.stale, 0);
    }
    // Articles per category, summed up the tree: a section's articles may sit in a subcategory.
    const parent = new Map(categories.map((c) => [`${c.tenant_id}/${c.id}`, c.parent_id]));
    const inTree = new Map<string, number>();
    for (const row of byCategory) {
      for (let id: string | null | undefined = row.category_id, depth = 0; id && depth < 50; id = parent.get(`${row.tenant_id}/${id}`), depth++) {
        inTree.set(`${row.tenant_id}/${id}`, (inTree.get(`${row.tenant_id}/${id}`) ?? 0) + Number(row.n));
      }
    }
    const legalCount = new Map(legal.map((r) => [r.tenant_id, Number(r.n)]));
    for (const s of sections) {
      const t = tallies.get(s.tenant_id)!;
      t.sections++;
      const empty =
        s.source === 'category'
          ? s.category_id === null || (inTree.get(`${s.tenant_id}/${s.category_id}`) ?? 0) === 0
          : s.source === 'legal'
            ? (legalCount.get(s.tenant_id) ?? 0) === 0
            : s.source === 'organisation'
              ? (s.org_tables ?? '').split(',').filter(Boolean).reduce((sum, table) => sum + (organisation.get(s.tenant_id)?.get(table)?.count ?? 0), 0) === 0
              : s.source === 'link'
                ? !s.link_url
                : false;
      if (empty) t.empty++;
    }
  }

  /** Rows and stale English per organisation table and unit; a table not installed yet counts nothing. */
  async #organisationCounts(ids: string[]): Promise<Map<string, Map<string, { count: number; stale: number }>>> {
    const out = new Map<string, Map<string, { count: number; stale: number }>>();
    const db = this.#db as unknown as Kysely<any>;
    for (const table of ORGANISATION_TABLES) {
      let rows: { tenant_id: string; n: number | string; stale: number | string | null }[];
      try {
        rows = (await db
          .selectFrom(table)
          .where('tenant_id', 'in', ids)
          .select((eb: any) => ['tenant_id', eb.fn.countAll().as('n'), eb.fn.sum(eb.case().when('en_stale', '=', 1).then(1).else(0).end()).as('stale')])
          .groupBy('tenant_id')
          .execute()) as typeof rows;
      } catch (error) {
        const { errno, message } = (error ?? {}) as { errno?: unknown; message?: unknown };
        if (errno === 1146 || errno === 1054 || (typeof message === 'string' && /no such (table|column)/i.test(message))) continue;
        throw error;
      }
      for (const row of rows) {
        if (!out.has(row.tenant_id)) out.set(row.tenant_id, new Map());
        out.get(row.tenant_id)!.set(table, { count: Number(row.n), stale: Number(row.stale ?? 0) });
      }
    }
    return out;
  }

  async outboundLinks(tenantId: string): Promise<OutboundLink[]> {
    const db = this.#db;
    const [articles, pages] = await Promise.all([
      db.selectFrom('portal_articles').where('tenant_id', '=', tenantId).where('status', '=', 'published').select(['id', 'slug', 'title', 'body']).orderBy('id').execute(),
      db.selectFrom('portal_pages').where('tenant_id', '=', tenantId).where('status', '=', 'published').select(['id', 'slug', 'title', 'body']).orderBy('id').execute(),
    ]);
    const out: OutboundLink[] = [];
    for (const a of articles) for (const url of extractOutboundLinks(a.body)) out.push({ url, itemType: 'article', itemId: a.id, title: a.title, path: `/tin/${a.slug}` });
    for (const p of pages) for (const url of extractOutboundLinks(p.body)) out.push({ url, itemType: 'page', itemId: p.id, title: p.title, path: `/trang/${p.slug}` });
    return out;
  }
}
