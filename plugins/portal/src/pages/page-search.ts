import { coreServices, type PluginContext, type SearchDocument } from '@cong/sdk';
import { plainText } from '../html/sanitize-html.js';
import { indexText, SEARCH_TYPES } from '../search/search-documents.js';
import type { PageRow, PagesDatabase, PageTranslationRow } from './pages-database.js';

/** The pages' kinds in the shared search index: Vietnamese, and English as its own entry. */
export const PAGE_SEARCH_TYPES = { page: SEARCH_TYPES.page, pageEn: SEARCH_TYPES.pageEn } as const;

/** Public paths of a page, as search hits link to them. */
export const pagePaths = {
  vi: (slug: string) => `/trang/${encodeURIComponent(slug)}`,
  en: (slug: string) => `/en/trang/${encodeURIComponent(slug)}`,
} as const;

const join = (...parts: readonly string[]) => parts.map((p) => p.trim()).filter((p) => p !== '').join(' — ');

/** The index entries of a published page: Vietnamese, and English when the page has an English title. */
export function pageDocuments(row: PageRow, translations: readonly PageTranslationRow[]): SearchDocument[] {
  const publishedAt = new Date(Number(row.published_at ?? row.updated_at));
  const docs: SearchDocument[] = [
    {
      type: PAGE_SEARCH_TYPES.page,
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(row.title),
      body: join(indexText(row.summary), indexText(plainText(row.body))),
      url: pagePaths.vi(row.slug),
      publishedAt,
    },
  ];
  const en = new Map(translations.filter((t) => t.lang === 'en').map((t) => [t.field, t.value]));
  const title = en.get('title');
  if (title !== undefined && title.trim() !== '') {
    docs.push({
      type: PAGE_SEARCH_TYPES.pageEn,
      id: row.id,
      tenantId: row.tenant_id,
      title: indexText(title),
      body: join(indexText(en.get('summary') ?? ''), indexText(plainText(en.get('body') ?? ''))),
      url: pagePaths.en(row.slug),
      publishedAt,
    });
  }
  return docs;
}

/**
 * Brings one page's index entries in line with its current state: published is (re)indexed, anything
 * else removed. Reading the state, not trusting the caller, keeps a repeated call harmless. Entries are
 * removed before they are written (see `replaceLegal` in src/search/search-indexer.ts for why).
 */
export async function syncPage(ctx: PluginContext, tenantId: string, id: string): Promise<'indexed' | 'removed'> {
  const db = ctx.get(coreServices.database).kysely<PagesDatabase>();
  const search = ctx.get(coreServices.search);
  const row = await db.selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  await search.remove(PAGE_SEARCH_TYPES.page, id);
  await search.remove(PAGE_SEARCH_TYPES.pageEn, id);
  if (row?.status !== 'published') return 'removed';
  const translations = await db.selectFrom('portal_page_translations').selectAll().where('tenant_id', '=', tenantId).where('page_id', '=', id).execute();
  for (const doc of pageDocuments(row, translations)) await search.index(doc);
  return 'indexed';
}

/** Re-indexes every page of a unit (repairs; a changed index format). */
export async function reindexPages(ctx: PluginContext, tenantId: string): Promise<{ indexed: number; removed: number }> {
  const db = ctx.get(coreServices.database).kysely<PagesDatabase>();
  const done = { indexed: 0, removed: 0 };
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('portal_pages').select('id').where('tenant_id', '=', tenantId).where('id', '>', after).orderBy('id').limit(200).execute();
    for (const row of rows) done[(await syncPage(ctx, tenantId, row.id)) === 'indexed' ? 'indexed' : 'removed']++;
    if (rows.length < 200) break;
    after = rows[rows.length - 1]!.id;
  }
  return done;
}
