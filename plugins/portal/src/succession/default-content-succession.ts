import { coreServices, type PluginContext } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import type { LinkedItemsDatabase } from '../linked/linked-items-database.js';
import type { MediaDatabase } from '../media/media-database.js';
import type { MandatedDatabase } from '../mandated/mandated-database.js';
import { reindexUnit } from '../search/search-indexer.js';
import { SEARCH_TYPES, translatedType } from '../search/search-documents.js';
import type { Languages } from '../site/languages.js';
import { siteChanged } from '../site/site-events.js';
import type { ContentMoveReport, ContentSuccession } from './content-succession.js';

type Db = Kysely<ContentDatabase & LegalDatabase & LinkedItemsDatabase & MediaDatabase & MandatedDatabase>;
type Trx = Transaction<ContentDatabase & LegalDatabase & LinkedItemsDatabase & MediaDatabase & MandatedDatabase>;

/** Rows updated per statement: `IN` lists stay well under both databases' limits. */
const BATCH = 500;

/** The portal's implementation of {@link ContentSuccession}: every write in one transaction. */
export class DefaultContentSuccession implements ContentSuccession {
  constructor(
    private readonly ctx: PluginContext,
    private readonly languages: Languages,
  ) {}

  async move(input: { readonly fromTenantId: string; readonly toTenantId: string }, options: { readonly trx?: Transaction<any> } = {}): Promise<ContentMoveReport> {
    const { fromTenantId: from, toTenantId: to } = input;
    if (from === to) return emptyReport();
    const work = (trx: Trx) => this.#move(trx, from, to);
    return options.trx ? work(options.trx as Trx) : this.#db().transaction().execute(work);
  }

  async refresh(input: { readonly fromTenantId: string; readonly toTenantId: string }): Promise<void> {
    await reindexUnit(this.ctx, input.toTenantId);
    const events = this.ctx.get(coreServices.events);
    for (const tenantId of new Set([input.fromTenantId, input.toTenantId])) await events.emit(siteChanged, { tenantId, area: 'succession' }, { tenantId });
  }

  #db(): Db {
    return this.ctx.get(coreServices.database).kysely();
  }

  async #move(trx: Trx, from: string, to: string): Promise<ContentMoveReport> {
    const now = Date.now();
    const categories = await this.#moveCategories(trx, from, to, now);
    const articles = await this.#moveArticles(trx, from, to, categories.idMap, now);
    const legal = await this.#moveLegal(trx, from, to, now);
    const media = await updateIn(trx, 'portal_media', from, to);
    await trx.updateTable('portal_media_variants').set({ tenant_id: to }).where('tenant_id', '=', from).execute();
    const linked = await trx.updateTable('portal_linked_items').set({ source_tenant_id: to }).where('source_tenant_id', '=', from).executeTakeFirst();
    // Legal publication deadlines of what moved follow it (the compliance page of the successor counts them).
    const subjects = [...articles.ids, ...legal.ids];
    for (let i = 0; i < subjects.length; i += BATCH) {
      await trx.updateTable('portal_publication_deadlines').set({ tenant_id: to }).where('tenant_id', '=', from).where('subject_id', 'in', subjects.slice(i, i + BATCH)).execute();
    }
    // The search entries of what moved are the former unit's until `refresh` re-indexes the successor.
    const search = this.ctx.get(coreServices.search);
    const articleTypes = [SEARCH_TYPES.article, ...this.languages.codes.filter((c) => c !== 'vi').map((c) => translatedType('article', c))];
    for (const id of articles.ids) for (const type of articleTypes) await search.remove(type, id, { trx });
    for (const id of legal.ids) await search.remove(SEARCH_TYPES.legal, id, { trx });
    return {
      articles: articles.ids.length,
      renamedArticles: articles.renamed,
      categories: { moved: categories.moved, joined: categories.joined },
      legalDocuments: legal.ids.length,
      legalDocumentsKept: legal.kept,
      media,
      linkedItems: Number(linked.numUpdatedRows),
      formerPaths: articles.paths.flatMap(({ path, targetPath }) =>
        this.languages.all.map(({ segment }) => (segment === '' ? { path, targetPath } : { path: `/${segment}${path}`, targetPath: `/${segment}${targetPath}` })),
      ),
    };
  }

  /**
   * A category joins the successor's of the same slug (both communes had "Tin tức"); any other moves
   * with its translations. Parents follow the same map, so a moved child under a joined parent hangs
   * under the successor's.
   */
  async #moveCategories(trx: Trx, from: string, to: string, now: number) {
    const mine = await trx.selectFrom('portal_categories').selectAll().where('tenant_id', '=', from).execute();
    const theirs = new Map((await trx.selectFrom('portal_categories').select(['id', 'slug']).where('tenant_id', '=', to).execute()).map((c) => [c.slug, c.id]));
    const idMap = new Map<string, string>();
    for (const c of mine) idMap.set(c.id, theirs.get(c.slug) ?? c.id);
    let moved = 0;
    for (const c of mine) {
      if (theirs.has(c.slug)) continue;
      const parent = c.parent_id === null ? null : (idMap.get(c.parent_id) ?? null);
      await trx.updateTable('portal_categories').set({ tenant_id: to, parent_id: parent, updated_at: now }).where('id', '=', c.id).execute();
      await trx.updateTable('portal_category_translations').set({ tenant_id: to }).where('tenant_id', '=', from).where('category_id', '=', c.id).execute();
      moved++;
    }
    const joined = mine.length - moved;
    // Joined categories are gone from the former unit: their rows would name articles that left.
    const gone = mine.filter((c) => theirs.has(c.slug)).map((c) => c.id);
    if (gone.length > 0) {
      await trx.deleteFrom('portal_category_translations').where('tenant_id', '=', from).where('category_id', 'in', gone).execute();
      await trx.updateTable('portal_categories').set({ parent_id: null }).where('tenant_id', '=', from).where('parent_id', 'in', gone).execute();
      await trx.deleteFrom('portal_categories').where('tenant_id', '=', from).where('id', 'in', gone).execute();
    }
    return { idMap, moved, joined };
  }

  /**
   * Articles keep their slug unless the successor uses it (for an article, or as a former slug that
   * redirects): then the next free `<slug>-<n>`. Their former slugs come along where free, and every
   * address that changed is returned for the former host's redirects.
   */
  async #moveArticles(trx: Trx, from: string, to: string, categories: ReadonlyMap<string, string>, now: number) {
    const mine = await trx.selectFrom('portal_articles').select(['id', 'slug', 'category_id']).where('tenant_id', '=', from).orderBy('created_at').execute();
    const history = await trx.selectFrom('portal_slug_history').select(['slug', 'article_id']).where('tenant_id', '=', from).execute();
    const taken = new Set([
      ...(await trx.selectFrom('portal_articles').select('slug').where('tenant_id', '=', to).execute()).map((r) => r.slug),
      ...(await trx.selectFrom('portal_slug_history').select('slug').where('tenant_id', '=', to).execute()).map((r) => r.slug),
    ]);
    const newSlug = new Map<string, string>();
    const paths: { path: string; targetPath: string }[] = [];
    let renamed = 0;
    for (const a of mine) {
      let slug = a.slug;
      for (let n = 2; taken.has(slug); n++) slug = `${a.slug.slice(0, 180)}-${n}`;
      taken.add(slug);
      newSlug.set(a.id, slug);
      if (slug !== a.slug) {
        renamed++;
        paths.push({ path: `/tin/${a.slug}`, targetPath: `/tin/${slug}` });
      }
      await trx
        .updateTable('portal_articles')
        .set({ tenant_id: to, slug, category_id: a.category_id === null ? null : (categories.get(a.category_id) ?? null), updated_at: now })
        .where('id', '=', a.id)
        .execute();
    }
    for (const h of history) {
      const current = newSlug.get(h.article_id);
      if (current === undefined) continue;
      if (taken.has(h.slug)) paths.push({ path: `/tin/${h.slug}`, targetPath: `/tin/${current}` });
      else {
        taken.add(h.slug);
        await trx.insertInto('portal_slug_history').values({ tenant_id: to, slug: h.slug, article_id: h.article_id, created_at: now }).execute();
      }
    }
    await trx.deleteFrom('portal_slug_history').where('tenant_id', '=', from).execute();
    const ids = mine.map((a) => a.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await trx.updateTable('portal_article_translations').set({ tenant_id: to }).where('tenant_id', '=', from).where('article_id', 'in', batch).execute();
      await trx.updateTable('portal_article_revisions').set({ tenant_id: to }).where('tenant_id', '=', from).where('article_id', 'in', batch).execute();
    }
    return { ids, renamed, paths };
  }

  /** Legal documents move with their relations, except one the successor has under the same issuer and number. */
  async #moveLegal(trx: Trx, from: string, to: string, now: number) {
    const mine = await trx.selectFrom('portal_legal_documents').select(['id', 'issuer_key', 'number_key']).where('tenant_id', '=', from).execute();
    const theirs = new Set(
      (await trx.selectFrom('portal_legal_documents').select(['issuer_key', 'number_key']).where('unit_key', '=', to).execute()).map((d) => `${d.issuer_key}\u0000${d.number_key}`),
    );
    const ids = mine.filter((d) => !theirs.has(`${d.issuer_key}\u0000${d.number_key}`)).map((d) => d.id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await trx.updateTable('portal_legal_documents').set({ tenant_id: to, unit_key: to, updated_at: now }).where('id', 'in', batch).execute();
      await trx.updateTable('portal_legal_relations').set({ tenant_id: to }).where('tenant_id', '=', from).where('from_id', 'in', batch).execute();
    }
    return { ids, kept: mine.length - ids.length };
  }
}

async function updateIn(trx: Trx, table: 'portal_media', from: string, to: string): Promise<number> {
  const result = await trx.updateTable(table).set({ tenant_id: to }).where('tenant_id', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function emptyReport(): ContentMoveReport {
  return { articles: 0, renamedArticles: 0, categories: { moved: 0, joined: 0 }, legalDocuments: 0, legalDocumentsKept: 0, media: 0, linkedItems: 0, formerPaths: [] };
}
