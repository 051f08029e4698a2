import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { TRANSLATABLE_FIELDS, type ArticleStatus, type ContentDatabase, type TranslatableField } from './content-database.js';

export type ArticleRow = ContentDatabase['portal_articles'];
type Db = Kysely<ContentDatabase> | Transaction<ContentDatabase>;

/** A translated field: its text, and whether the Vietnamese changed since it was translated. */
export interface TranslatedField {
  readonly value: string;
  readonly stale: boolean;
}

/** An article as the admin API returns it. */
export interface Article {
  readonly id: string;
  readonly categoryId: string | null;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly status: ArticleStatus;
  readonly authorId: string;
  readonly submittedBy: string | null;
  readonly approverId: string | null;
  readonly remarks: string | null;
  readonly publishAt: string | null;
  readonly unpublishAt: string | null;
  readonly publishedAt: string | null;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly translations: Readonly<Record<string, Partial<Record<TranslatableField, TranslatedField>>>>;
}

/** Sort keys the list accepts, and the column each maps to (an allowlist: nothing else reaches SQL). */
export const ARTICLE_SORTS = { updatedAt: 'updated_at', createdAt: 'created_at', title: 'title_folded', publishedAt: 'published_at' } as const;

export interface ArticleListOptions {
  readonly limit: number;
  readonly offset: number;
  readonly status?: ArticleStatus;
  readonly categoryId?: string;
  /** Folded text matched against the folded title. */
  readonly text?: string;
  readonly sort: keyof typeof ARTICLE_SORTS;
  readonly order: 'asc' | 'desc';
}

/** Hash of a Vietnamese source text: a translation made from it carries the same hash. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Queries on the article tables, and nothing else. Every read and write names the unit. */
export class ArticleRepository {
  constructor(private readonly db: Kysely<ContentDatabase>) {}

  async row(tenantId: string, id: string, trx?: Db): Promise<ArticleRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_articles').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  async bySlug(tenantId: string, slug: string, trx?: Db): Promise<ArticleRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_articles').selectAll().where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
  }

  async translations(tenantId: string, id: string, trx?: Db): Promise<ContentDatabase['portal_article_translations'][]> {
    return (trx ?? this.db)
      .selectFrom('portal_article_translations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('article_id', '=', id)
      .orderBy('lang')
      .orderBy('field')
      .execute();
  }

  async find(tenantId: string, id: string, trx?: Db): Promise<Article | undefined> {
    const row = await this.row(tenantId, id, trx);
    return row && toArticle(row, await this.translations(tenantId, id, trx));
  }

  async page(tenantId: string, options: ArticleListOptions): Promise<{ items: Article[]; total: number }> {
    let query = this.db.selectFrom('portal_articles').where('tenant_id', '=', tenantId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.categoryId) query = query.where('category_id', '=', options.categoryId);
    if (options.text) query = query.where(sql<boolean>`title_folded like ${`%${escapeLike(options.text)}%`} escape '!'`);
    const column = ARTICLE_SORTS[options.sort];
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy(column, options.order).orderBy('id', options.order).limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((row) => toArticle(row, [])), total: Number(count.n) };
  }

  async insert(row: ArticleRow, trx: Transaction<ContentDatabase>): Promise<void> {
    await trx.insertInto('portal_articles').values(row).execute();
  }

  /** Writes the changed columns; with `fromStatus`, only while the article still has that status (a compare-and-set). */
  async update(tenantId: string, id: string, changes: Partial<ArticleRow>, trx: Transaction<ContentDatabase>, fromStatus?: ArticleStatus): Promise<boolean> {
    let query = trx.updateTable('portal_articles').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id);
    if (fromStatus) query = query.where('status', '=', fromStatus);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setTranslation(tenantId: string, id: string, lang: string, field: TranslatableField, value: string, source: string, now: number, trx: Transaction<ContentDatabase>): Promise<void> {
    await trx.deleteFrom('portal_article_translations').where('tenant_id', '=', tenantId).where('article_id', '=', id).where('lang', '=', lang).where('field', '=', field).execute();
    if (value === '') return; // an empty translation removes it: the field falls back to Vietnamese
    await trx.insertInto('portal_article_translations').values({ tenant_id: tenantId, article_id: id, lang, field, value, source_hash: sourceHash(source), updated_at: now }).execute();
  }

  async addRevision(row: ContentDatabase['portal_article_revisions'], trx: Transaction<ContentDatabase>): Promise<void> {
    await trx.insertInto('portal_article_revisions').values(row).execute();
  }

  async revisions(tenantId: string, id: string): Promise<ContentDatabase['portal_article_revisions'][]> {
    return this.db.selectFrom('portal_article_revisions').selectAll().where('tenant_id', '=', tenantId).where('article_id', '=', id).orderBy('revision_no', 'desc').execute();
  }

  async revision(tenantId: string, id: string, no: number): Promise<ContentDatabase['portal_article_revisions'] | undefined> {
    return this.db
      .selectFrom('portal_article_revisions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('article_id', '=', id)
      .where('revision_no', '=', no)
      .executeTakeFirst();
  }

  /** Records `oldSlug` as a former address of the article; the new slug stops being anyone's former address. */
  async moveSlug(tenantId: string, id: string, oldSlug: string, newSlug: string, now: number, trx: Transaction<ContentDatabase>): Promise<void> {
    await trx.deleteFrom('portal_slug_history').where('tenant_id', '=', tenantId).where('slug', 'in', [oldSlug, newSlug]).execute();
    await trx.insertInto('portal_slug_history').values({ tenant_id: tenantId, slug: oldSlug, article_id: id, created_at: now }).execute();
  }

  async formerSlug(tenantId: string, slug: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('portal_slug_history').select('article_id').where('tenant_id', '=', tenantId).where('slug', '=', slug).executeTakeFirst();
    return row?.article_id;
  }

  async formerSlugs(tenantId: string, id: string): Promise<string[]> {
    const rows = await this.db.selectFrom('portal_slug_history').select('slug').where('tenant_id', '=', tenantId).where('article_id', '=', id).orderBy('created_at').execute();
    return rows.map((r) => r.slug);
  }

  /** A new article taking a slug that was another's former address wins it. */
  async releaseFormerSlug(tenantId: string, slug: string, trx: Transaction<ContentDatabase>): Promise<void> {
    await trx.deleteFrom('portal_slug_history').where('tenant_id', '=', tenantId).where('slug', '=', slug).execute();
  }

  /**
   * The clock's read, across every unit (or one): approved articles whose publish time came, and published ones
   * whose unpublish time came. Articles still in review are never selected.
   */
  async dueForClock(now: number, tenantId?: string): Promise<{ publish: ArticleRow[]; unpublish: ArticleRow[] }> {
    const from = () => {
      const q = this.db.selectFrom('portal_articles').selectAll();
      return tenantId === undefined ? q : q.where('tenant_id', '=', tenantId);
    };
    const [publish, unpublish] = await Promise.all([
      from().where('status', '=', 'scheduled').where('publish_at', '<=', now).orderBy('publish_at').limit(500).execute(),
      from().where('status', '=', 'published').where('unpublish_at', '<=', now).orderBy('unpublish_at').limit(500).execute(),
    ]);
    return { publish, unpublish };
  }

  async countInCategory(tenantId: string, categoryId: string): Promise<number> {
    const row = await this.db
      .selectFrom('portal_articles')
      .where('tenant_id', '=', tenantId)
      .where('category_id', '=', categoryId)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** `%`, `_` and `!` match themselves in the text filter (`!` escapes: one character on both dialects). */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toArticle(row: ArticleRow, translations: readonly ContentDatabase['portal_article_translations'][]): Article {
  const byLang: Record<string, Partial<Record<TranslatableField, TranslatedField>>> = {};
  for (const t of translations) {
    if (!TRANSLATABLE_FIELDS.includes(t.field)) continue;
    (byLang[t.lang] ??= {})[t.field] = { value: t.value, stale: t.source_hash !== sourceHash(row[t.field]) };
  }
  return {
    id: row.id,
    categoryId: row.category_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status,
    authorId: row.author_id,
    submittedBy: row.submitted_by,
    approverId: row.approver_id,
    remarks: row.remarks,
    publishAt: iso(row.publish_at),
    unpublishAt: iso(row.unpublish_at),
    publishedAt: iso(row.published_at),
    revision: Number(row.revision_no),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    translations: byLang,
  };
}
