import { sql, type Kysely, type Transaction } from 'kysely';
import { sourceHash } from '../content/article.repository.js';
import { PAGE_TRANSLATABLE_FIELDS, type PageRow, type PagesDatabase, type PageStatus, type PageTranslatableField, type PageTranslationRow } from './pages-database.js';

type Db = Kysely<PagesDatabase> | Transaction<PagesDatabase>;

/** A translated field: its text, and whether the Vietnamese changed since it was translated. */
export interface TranslatedField {
  readonly value: string;
  readonly stale: boolean;
}

/** A page as the admin API returns it. */
export interface Page {
  readonly id: string;
  readonly parentId: string | null;
  readonly order: number;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly status: PageStatus;
  readonly authorId: string;
  readonly submittedBy: string | null;
  readonly approverId: string | null;
  readonly remarks: string | null;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly translations: Readonly<Record<string, Partial<Record<PageTranslatableField, TranslatedField>>>>;
  /** Some English field was translated from Vietnamese that has changed since (POR-23). */
  readonly enStale: boolean;
}

/** A page in the admin tree (no body). */
export interface PageSummary {
  readonly id: string;
  readonly parentId: string | null;
  readonly order: number;
  readonly slug: string;
  readonly title: string;
  readonly status: PageStatus;
  readonly publishedAt: string | null;
  readonly updatedAt: string;
  readonly hasEnglish: boolean;
  readonly enStale: boolean;
}

/** At most this many pages in a unit's tree listing: a portal's static pages are counted in tens. */
export const TREE_LIMIT = 2000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

/** Whether any translation of `lang` was made from Vietnamese other than the page's current text. */
function staleIn(row: PageRow, translations: readonly PageTranslationRow[], lang: string): boolean {
  return translations.some((t) => t.lang === lang && PAGE_TRANSLATABLE_FIELDS.includes(t.field) && t.source_hash !== sourceHash(row[t.field]));
}

export function toPage(row: PageRow, translations: readonly PageTranslationRow[]): Page {
  const byLang: Record<string, Partial<Record<PageTranslatableField, TranslatedField>>> = {};
  for (const t of translations) {
    if (!PAGE_TRANSLATABLE_FIELDS.includes(t.field)) continue;
    (byLang[t.lang] ??= {})[t.field] = { value: t.value, stale: t.source_hash !== sourceHash(row[t.field]) };
  }
  return {
    id: row.id,
    parentId: row.parent_id,
    order: Number(row.sort_order),
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status,
    authorId: row.author_id,
    submittedBy: row.submitted_by,
    approverId: row.approver_id,
    remarks: row.remarks,
    publishedAt: iso(row.published_at),
    revision: Number(row.revision_no),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    translations: byLang,
    enStale: staleIn(row, translations, 'en'),
  };
}

/** Queries on the page tables, and nothing else. Every read and write names the unit. */
export class PageRepository {
  constructor(private readonly db: Kysely<PagesDatabase>) {}

  row(tenantId: string, id: string, trx?: Db): Promise<PageRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  bySlug(tenantId: string, slug: string, trx?: Db): Promise<PageRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_pages').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
  }

  translations(tenantId: string, id: string, trx?: Db): Promise<PageTranslationRow[]> {
    return (trx ?? this.db)
      .selectFrom('portal_page_translations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('page_id', '=', id)
      .orderBy('lang')
      .orderBy('field')
      .execute();
  }

  async find(tenantId: string, id: string, trx?: Db): Promise<Page | undefined> {
    const row = await this.row(tenantId, id, trx);
    return row && toPage(row, await this.translations(tenantId, id, trx));
  }

  /** The unit's pages for the admin tree, siblings in order; optionally by status or folded title text. */
  async tree(tenantId: string, options: { status?: PageStatus; text?: string } = {}): Promise<PageSummary[]> {
    let query = this.db.selectFrom('portal_pages').where('tenant_id', '=', tenantId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.text) query = query.where(sql<boolean>`title_folded like ${`%${options.text.replace(/[!%_]/g, (c) => `!${c}`)}%`} escape '!'`);
    const rows = await query
      .select(['id', 'parent_id', 'sort_order', 'slug', 'title', 'summary', 'body', 'status', 'published_at', 'updated_at'])
      .orderBy('sort_order')
      .orderBy('title_folded')
      .orderBy('id')
      .limit(TREE_LIMIT)
      .execute();
    const translations = rows.length === 0
      ? []
      : await this.db.selectFrom('portal_page_translations').selectAll().where('tenant_id', '=', tenantId).where('lang', '=', 'en').execute();
    const byPage = new Map<string, PageTranslationRow[]>();
    for (const t of translations) byPage.set(t.page_id, [...(byPage.get(t.page_id) ?? []), t]);
    return rows.map((r) => {
      const own = byPage.get(r.id) ?? [];
      return {
        id: r.id,
        parentId: r.parent_id,
        order: Number(r.sort_order),
        slug: r.slug,
        title: r.title,
        status: r.status,
        publishedAt: iso(r.published_at),
        updatedAt: iso(r.updated_at)!,
        hasEnglish: own.some((t) => t.field === 'title'),
        enStale: staleIn(r as PageRow, own, 'en'),
      };
    });
  }

  async insert(row: PageRow, trx: Transaction<PagesDatabase>): Promise<void> {
    await trx.insertInto('portal_pages').values(row).execute();
  }

  /** Writes the changed columns; with `fromStatus`, only while the page still has that status (a compare-and-set). */
  async update(tenantId: string, id: string, changes: Partial<PageRow>, trx: Transaction<PagesDatabase>, fromStatus?: PageStatus): Promise<boolean> {
    let query = trx.updateTable('portal_pages').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id);
    if (fromStatus) query = query.where('status', '=', fromStatus);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setTranslation(tenantId: string, id: string, lang: string, field: PageTranslatableField, value: string, source: string, now: number, trx: Transaction<PagesDatabase>): Promise<void> {
    await trx.deleteFrom('portal_page_translations').where('tenant_id', '=', tenantId).where('page_id', '=', id).where('lang', '=', lang).where('field', '=', field).execute();
    if (value === '') return; // an empty translation removes it: the field falls back to Vietnamese
    await trx.insertInto('portal_page_translations').values({ tenant_id: tenantId, page_id: id, lang, field, value, source_hash: sourceHash(source), updated_at: now }).execute();
  }

  async addRevision(row: PagesDatabase['portal_page_revisions'], trx: Transaction<PagesDatabase>): Promise<void> {
    await trx.insertInto('portal_page_revisions').values(row).execute();
  }

  revisions(tenantId: string, id: string): Promise<PagesDatabase['portal_page_revisions'][]> {
    return this.db.selectFrom('portal_page_revisions').selectAll().where('tenant_id', '=', tenantId).where('page_id', '=', id).orderBy('revision_no', 'desc').execute();
  }

  revision(tenantId: string, id: string, no: number): Promise<PagesDatabase['portal_page_revisions'] | undefined> {
    return this.db.selectFrom('portal_page_revisions').selectAll().where('tenant_id', '=', tenantId).where('page_id', '=', id).where('revision_no', '=', no).executeTakeFirst();
  }

  /** Records `oldSlug` as a former address of the page; the new slug stops being anyone's former address. */
  async moveSlug(tenantId: string, id: string, oldSlug: string, newSlug: string, now: number, trx: Transaction<PagesDatabase>): Promise<void> {
    await trx.deleteFrom('portal_page_slugs').where('tenant_id', '=', tenantId).where('slug', 'in', [oldSlug, newSlug]).execute();
    await trx.insertInto('portal_page_slugs').values({ tenant_id: tenantId, slug: oldSlug, page_id: id, created_at: now }).execute();
  }

  async formerSlug(tenantId: string, slug: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('portal_page_slugs').select('page_id').where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
    return row?.page_id;
  }

  /** A new page taking a slug that was another's former address wins it. */
  async releaseFormerSlug(tenantId: string, slug: string, trx: Transaction<PagesDatabase>): Promise<void> {
    await trx.deleteFrom('portal_page_slugs').where('tenant_id', '=', tenantId).where('slug', '=', slug).execute();
  }
}
