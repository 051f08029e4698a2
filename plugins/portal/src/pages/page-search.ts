import { coreServices, type PluginContext, type SearchDocument, type SearchService } from '@cong/sdk';
import type { Transaction } from 'kysely';
import { plainText } from '../html/sanitize-html.js';
import { indexedTranslations, indexText, SEARCH_TYPES, translatedType } from '../search/search-documents.js';
import { BATCH, groupBy, inBatches } from '../search/search-indexer.js';
import { sitePath, type Lang } from '../site/languages.js';
import type { PageRow, PagesDatabase, PageTranslationRow } from './pages-database.js';

/** The pages' kinds in the shared search index: Vietnamese, and each translation as its own entry (`page-en`, `page-lo`). */
export const PAGE_SEARCH_TYPES = { page: SEARCH_TYPES.page, translated: (lang: Lang) => translatedType('page', lang) } as const;

/** A page's public path in a language (default Vietnamese), as search hits link to it. */
export const pagePath = (slug: string, lang: Lang = 'vi') => sitePath(`/trang/${encodeURIComponent(slug)}`, lang);

const join = (...parts: readonly string[]) => parts.map((p) => p.trim()).filter((p) => p !== '').join(' — ');

/** The index entries of a published page: Vietnamese, and each language it has a translated title in. */
export function pageDocuments(row: PageRow, translations: readonly PageTranslationRow[]): SearchDocument[] {
  const publishedAt = new Date(Number(row.published_at ?? row.updated_at));
  const docs: SearchDocument[] = [
    {
      type: PAGE_SEARCH_TYPES.page,
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(row.title),
      body: join(indexText(row.summary), indexText(plainText(row.body))),
      url: pagePath(row.slug),
      publishedAt,
    },
  ];
  for (const [lang, fields] of indexedTranslations(translations)) {
    docs.push({
      type: PAGE_SEARCH_TYPES.translated(lang),
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(fields.get('title')!),
      body: join(indexText(fields.get('summary') ?? ''), indexText(plainText(fields.get('body') ?? ''))),
      url: pagePath(row.slug, lang),
      publishedAt,
    });
  }
  return docs;
}

/**
 * Brings one page's index entries in line with its current state: published is (re)indexed, anything
 * else removed. Reading the state, not trusting the caller, keeps a repeated call harmless.
 */
export async function syncPage(ctx: PluginContext, tenantId: string, id: string): Promise<'indexed' | 'removed'> {
  const db = ctx.get(coreServices.database).kysely<PagesDatabase>();
  const [row, translations] = await Promise.all([
    db.selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst(),
    db.selectFrom('portal_page_translations').selectAll().where('tenant_id', '=', tenantId).where('page_id', '=', id).execute(),
  ]);
  return writePageEntries(ctx.get(coreServices.search), id, row, translations);
}

/**
 * Writes a page's entries from its row (undefined: gone) and translations. Entries are removed before
 * they are written (see `replaceLegal` in src/search/search-indexer.ts for why): those of English and
 * of every language the page has rows in (see `writeArticleEntries` for why that is enough).
 */
async function writePageEntries(
  search: SearchService,
  id: string,
  row: PageRow | undefined,
  translations: readonly PageTranslationRow[],
  trx?: Transaction<PagesDatabase>,
): Promise<'indexed' | 'removed'> {
  await search.remove(PAGE_SEARCH_TYPES.page, id, { trx });
  for (const lang of new Set(['en', ...translations.map((t) => t.lang)])) await search.remove(PAGE_SEARCH_TYPES.translated(lang), id, { trx });
  if (row?.status !== 'published') return 'removed';
  for (const doc of pageDocuments(row, translations)) await search.index(doc, { trx });
  return 'indexed';
}

/** Re-indexes every page of a unit (repairs; a changed index format), a batch per transaction like `reindexUnit`. */
export async function reindexPages(ctx: PluginContext, tenantId: string): Promise<{ indexed: number; removed: number }> {
  const search = ctx.get(coreServices.search);
  const done = { indexed: 0, removed: 0 };
  await inBatches<PagesDatabase>(ctx, async (trx, after) => {
    const rows = await trx.selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    const translations = groupBy(
      rows.length === 0 ? [] : await trx.selectFrom('portal_page_translations').selectAll().where('tenant_id', '=', tenantId).where('page_id', 'in', rows.map((r) => r.id)).execute(),
      (t) => t.page_id,
    );
    for (const row of rows) done[(await writePageEntries(search, row.id, row, translations.get(row.id) ?? [], trx)) === 'indexed' ? 'indexed' : 'removed']++;
    return rows;
  });
  return done;
}
