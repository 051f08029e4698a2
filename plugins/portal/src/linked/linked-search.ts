import { coreServices, type PluginContext, type SearchDocument } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import { articleDocuments, linkedType, SEARCH_TYPES, translatedType, typeInfo } from '../search/search-documents.js';
import { sitePath } from '../site/languages.js';
import type { LinkedItemRow } from './linked-items-database.js';
import { linkedItemPath } from './unit-site-url.js';

type Db = Kysely<ContentDatabase> | Transaction<ContentDatabase>;
type Source = { row: ContentDatabase['portal_articles'] | undefined; translations: ContentDatabase['portal_article_translations'][] };

/**
 * A linked item's index entries: the source article's (Vietnamese, and each translation with a title),
 * filed under the showing unit, the link's id and a `linked.` type (see {@link linkedType}), linking to the item's address on that unit's site and
 * dated when it was put there, so the unit's search finds it as it finds its own articles.
 */
export function linkedDocuments(link: LinkedItemRow, source: ContentDatabase['portal_articles'], translations: readonly ContentDatabase['portal_article_translations'][]): SearchDocument[] {
  return articleDocuments(source, translations).map((doc) => ({
    ...doc,
    type: linkedType(doc.type),
    id: link.id,
    tenantId: link.tenant_id,
    url: sitePath(linkedItemPath(link.id), typeInfo(doc.type).lang),
    publishedAt: new Date(Number(link.listed_at)),
  }));
}

/**
 * Brings the links' index entries in line with their state: a shown link whose source is published is
 * (re)indexed; any other has its entries removed. Reads the source rather than trusting an event, so a
 * late or repeated call is harmless. With `trx`, the entries commit with the caller's rows.
 */
export async function syncLinkedItems(ctx: PluginContext, links: readonly LinkedItemRow[], options: { readonly trx?: Transaction<any> } = {}): Promise<void> {
  const db: Db = options.trx ?? ctx.get(coreServices.database).kysely<ContentDatabase>();
  const search = ctx.get(coreServices.search);
  const sources = new Map<string, Source>();
  for (const link of links) {
    const key = `${link.source_tenant_id}\u0000${link.article_id}`;
    let source = sources.get(key);
    if (!source) {
      // One after the other: inside a caller's transaction both go down its one connection.
      const row = await db.selectFrom('portal_articles').selectAll().where('tenant_id', '=', link.source_tenant_id).where('id', '=', link.article_id).executeTakeFirst();
      const translations = await db.selectFrom('portal_article_translations').selectAll().where('tenant_id', '=', link.source_tenant_id).where('article_id', '=', link.article_id).execute();
      source = { row, translations };
      sources.set(key, source);
    }
    const docs = link.removed_at === null && source.row?.status === 'published' ? linkedDocuments(link, source.row, source.translations) : [];
    for (const doc of docs) await search.index(doc, options);
    const kept = new Set(docs.map((d) => d.type));
    const types = [SEARCH_TYPES.article, ...new Set(['en', ...source.translations.map((t) => t.lang)].map((lang) => translatedType('article', lang)))].map(linkedType);
    for (const type of types) if (!kept.has(type)) await search.remove(type, link.id, options);
  }
}
