import { coreServices, type PluginContext, type SearchService } from '@cong/sdk';
import type { Kysely, Transaction } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { LegalDatabase } from '../legal/legal-schema.js';
import { articleDocuments, legalDocument, SEARCH_TYPES, translatedType } from './search-documents.js';

/** The search area's own table. */
export interface SearchDatabase {
  portal_search_watermarks: { name: string; value: number; updated_at: number };
}

type Tables = ContentDatabase & LegalDatabase & SearchDatabase;
type Db = Kysely<Tables>;
type ArticleRow = ContentDatabase['portal_articles'];
type TranslationRow = ContentDatabase['portal_article_translations'];
type LegalRow = LegalDatabase['portal_legal_documents'];

/** Rows read and written per batch (and per transaction in the rebuilds). */
export const BATCH = 200;
/**
 * The legal catch-up re-reads this much before its watermark: `updated_at` is the writer's clock at
 * the start of its transaction, so a slow transaction can commit a time older than rows already seen.
 * Indexing is an upsert, so reading a row twice costs nothing but the write.
 */
const LEGAL_SLACK_MS = 10 * 60_000;
const LEGAL_WATERMARK = 'legal';

const db = (ctx: PluginContext): Db => ctx.get(coreServices.database).kysely();

/**
 * Brings one article's index entries in line with its current state: a published article is
 * (re)indexed, in Vietnamese and in each language it has a translated title in; anything else is
 * removed. Reading the state rather than trusting the event keeps a late or repeated event harmless.
 */
export async function syncArticle(ctx: PluginContext, tenantId: string, id: string): Promise<'indexed' | 'removed'> {
  const [row, translations] = await Promise.all([
    db(ctx).selectFrom('portal_articles').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst(),
    db(ctx).selectFrom('portal_article_translations').selectAll().where('tenant_id', '=', tenantId).where('article_id', '=', id).execute(),
  ]);
  return writeArticleEntries(ctx.get(coreServices.search), id, row, translations);
}

/**
 * Writes an article's entries from its row (undefined: gone) and translations. The translated entries
 * to remove are those of English and of every language the article has rows in: a published article's
 * translations change only through a draft, and taking it off the site removed its entries while the
 * rows still named their languages.
 */
async function writeArticleEntries(
  search: SearchService,
  id: string,
  row: ArticleRow | undefined,
  translations: readonly TranslationRow[],
  trx?: Transaction<Tables>,
): Promise<'indexed' | 'removed'> {
  const docs = row?.status === 'published' ? articleDocuments(row, translations) : [];
  for (const doc of docs) await search.index(doc, { trx });
  const kept = new Set(docs.map((d) => d.type));
  const types = [SEARCH_TYPES.article, ...new Set(['en', ...translations.map((t) => t.lang)].map((lang) => translatedType('article', lang)))];
  for (const type of types) if (!kept.has(type)) await search.remove(type, id, { trx });
  return docs.length > 0 ? 'indexed' : 'removed';
}

/**
 * Legal documents changed since the last run (by `updated_at`, minus a slack), across every unit, to the
 * index; then the watermark moves to the newest time seen. The first run indexes everything.
 * Run by the `search-legal-catch-up` job (the legal area emits no events).
 */
export async function catchUpLegal(ctx: PluginContext): Promise<{ indexed: number }> {
  const kysely = db(ctx);
  const search = ctx.get(coreServices.search);
  const mark = await kysely.selectFrom('portal_search_watermarks').select('value').where('name', '=', LEGAL_WATERMARK).executeTakeFirst();
  const previous = mark === undefined ? -1 : Number(mark.value);
  let newest = previous;
  let cursor = { at: previous < 0 ? -1 : Math.max(0, previous - LEGAL_SLACK_MS), id: '' };
  let indexed = 0;
  for (;;) {
    const rows = await kysely
      .selectFrom('portal_legal_documents')
      .selectAll()
      .where((eb) => eb.or([eb('updated_at', '>', cursor.at), eb.and([eb('updated_at', '=', cursor.at), eb('id', '>', cursor.id)])]))
      .orderBy('updated_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      await replaceLegal(search, row);
      indexed++;
      newest = Math.max(newest, Number(row.updated_at));
    }
    if (rows.length < BATCH) break;
    const last = rows[rows.length - 1]!;
    cursor = { at: Number(last.updated_at), id: last.id };
  }
  if (newest !== previous) {
    const now = Date.now();
    // One job at a time runs this (the queue never runs a job twice at once), so read-then-write is safe.
    if (mark === undefined) await kysely.insertInto('portal_search_watermarks').values({ name: LEGAL_WATERMARK, value: newest, updated_at: now }).execute();
    else await kysely.updateTable('portal_search_watermarks').set({ value: newest, updated_at: now }).where('name', '=', LEGAL_WATERMARK).execute();
  }
  return { indexed };
}

/**
 * A legal document's entry, written as remove + insert rather than the core's upsert: on MariaDB
 * 10.11 a search whose words are only in a row changed in place by the upsert failed with
 * "DOUBLE value is out of range in '(match(title_fold) …) * 2'" (the core's ranking; reported).
 */
async function replaceLegal(search: SearchService, row: LegalRow, trx?: Transaction<Tables>): Promise<void> {
  await search.remove(SEARCH_TYPES.legal, row.id, { trx });
  await search.index(legalDocument(row), { trx });
}

/**
 * Rebuilds one unit's entries from its tables: every published article indexed, every other article's
 * entries removed, every legal document indexed. For repairs (a listener that failed, a changed index
 * format) and for tests. Work goes in batches, each read and written in one transaction: a batch
 * sees its rows as they are while it writes, and commits once (on SQLite, one full-text segment per
 * batch rather than per entry). Most of the time is the work per entry, not the commits: ~2–3 ms an
 * article on a 2-core machine (docs/reference/benchmarks.md, F8).
 */
export async function reindexUnit(ctx: PluginContext, tenantId: string): Promise<{ articles: number; removed: number; legal: number }> {
  const search = ctx.get(coreServices.search);
  const done = { articles: 0, removed: 0, legal: 0 };
  await inBatches<Tables>(ctx, async (trx, after) => {
    const rows = await trx.selectFrom('portal_articles').selectAll().where('tenant_id', '=', tenantId).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    const translations = await translationsOf(trx, tenantId, rows.map((r) => r.id));
    for (const row of rows) done[(await writeArticleEntries(search, row.id, row, translations.get(row.id) ?? [], trx)) === 'indexed' ? 'articles' : 'removed']++;
    return rows;
  });
  await inBatches<Tables>(ctx, async (trx, after) => {
    const rows = await trx.selectFrom('portal_legal_documents').selectAll().where('tenant_id', '=', tenantId).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    for (const row of rows) await replaceLegal(search, row, trx);
    done.legal += rows.length;
    return rows;
  });
  return done;
}

async function translationsOf(trx: Transaction<Tables>, tenantId: string, ids: readonly string[]): Promise<Map<string, TranslationRow[]>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('portal_article_translations').selectAll().where('tenant_id', '=', tenantId).where('article_id', 'in', ids).execute();
  return groupBy(rows, (row) => row.article_id);
}

/** Rows by a key, each list in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Runs `batch` in one transaction after another, each given the last id of the previous one, until a
 * batch returns fewer than {@link BATCH} rows (each batch reads at most that many).
 */
export async function inBatches<DB>(ctx: PluginContext, batch: (trx: Transaction<DB>, after: string) => Promise<readonly { id: string }[]>): Promise<void> {
  const database = ctx.get(coreServices.database);
  let after = '';
  for (;;) {
    const rows = await database.transaction<DB, readonly { id: string }[]>((trx) => batch(trx, after));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
