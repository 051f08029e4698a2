import { fold } from '@cong/sdk';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContentDatabase } from '../content/content-database.js';
import type { PagesDatabase } from '../pages/pages-database.js';
import type { MediaDatabase } from './media-database.js';
import type { ListMediaQuery, MediaItem, MediaVariant } from './media.schema.js';

export type MediaRow = MediaDatabase['portal_media'];
export type MediaVariantRow = MediaDatabase['portal_media_variants'];
type Db = Kysely<MediaDatabase> | Transaction<MediaDatabase>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** Site-relative URL of a stored rendition: `/media/<id>/goc`, `/media/<id>/w640.webp`. */
export const mediaPath = (id: string, variant: string) => `/media/${id}/${variant}`;

/** The folded words an item is found by: its titles, alt texts and file name. */
export function searchText(row: Pick<MediaRow, 'title_vi' | 'title_en' | 'alt_vi' | 'alt_en' | 'original_name' | 'doc_title' | 'doc_number'>): string {
  return fold([row.title_vi, row.title_en, row.alt_vi, row.alt_en, row.doc_title, row.doc_number, row.original_name].filter(Boolean).join(' ')).slice(0, 2000);
}

/** An image still without Vietnamese alt text. */
export const needsAlt = (row: Pick<MediaRow, 'kind' | 'alt_vi'>) => row.kind === 'image' && (row.alt_vi === null || row.alt_vi.trim() === '');

export function toVariant(row: MediaVariantRow): MediaVariant {
  return { name: row.name, url: mediaPath(row.media_id, row.name), contentType: row.content_type, width: Number(row.width), height: Number(row.height), size: Number(row.size) };
}

export function toMediaItem(row: MediaRow, variants: readonly MediaVariantRow[]): MediaItem {
  const isDocument = row.kind !== 'image';
  return {
    id: row.id,
    kind: row.kind,
    originalName: row.original_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    title: { vi: row.title_vi, en: row.title_en },
    alt: { vi: row.alt_vi, en: row.alt_en },
    caption: { vi: row.caption_vi, en: row.caption_en },
    credit: row.credit,
    document: isDocument
      ? { title: row.doc_title, number: row.doc_number, issuer: row.doc_issuer, date: row.doc_date, description: row.doc_description }
      : null,
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    needsAlt: needsAlt(row),
    url: mediaPath(row.id, 'goc'),
    variants: [...variants].sort((a, b) => Number(a.width) - Number(b.width) || a.name.localeCompare(b.name)).map(toVariant),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** LIKE pattern text with `%`, `_` and the escape character `!` taken literally (`escape '!'` works on both dialects). */
function escapeLike(term: string): string {
  return term.replace(/[!%_]/g, '!$&');
}

/** Queries on `portal_media` and `portal_media_variants`; every one names the unit. */
export class MediaRepository {
  constructor(private readonly db: Kysely<MediaDatabase>) {}

  find(tenantId: string, id: string, trx?: Db): Promise<MediaRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_media').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  }

  findBySha256(tenantId: string, sha256: string, trx?: Db): Promise<MediaRow | undefined> {
    return (trx ?? this.db).selectFrom('portal_media').selectAll().where('tenant_id', '=', tenantId).where('sha256', '=', sha256).executeTakeFirst();
  }

  async variants(tenantId: string, mediaIds: readonly string[], trx?: Db): Promise<Map<string, MediaVariantRow[]>> {
    const byMedia = new Map<string, MediaVariantRow[]>(mediaIds.map((id) => [id, []]));
    if (mediaIds.length === 0) return byMedia;
    const rows = await (trx ?? this.db).selectFrom('portal_media_variants').selectAll().where('tenant_id', '=', tenantId).where('media_id', 'in', [...mediaIds]).execute();
    for (const row of rows) byMedia.get(row.media_id)?.push(row);
    return byMedia;
  }

  variant(tenantId: string, mediaId: string, name: string): Promise<MediaVariantRow | undefined> {
    return this.db.selectFrom('portal_media_variants').selectAll().where('tenant_id', '=', tenantId).where('media_id', '=', mediaId).where('name', '=', name).executeTakeFirst();
  }

  async item(tenantId: string, id: string, trx?: Db): Promise<MediaItem | undefined> {
    const row = await this.find(tenantId, id, trx);
    return row && toMediaItem(row, (await this.variants(tenantId, [row.id], trx)).get(row.id)!);
  }

  async page(tenantId: string, options: ListMediaQuery): Promise<{ items: MediaItem[]; total: number }> {
    let query = this.db.selectFrom('portal_media').where('tenant_id', '=', tenantId);
    if (options.kind) query = query.where('kind', '=', options.kind);
    if (options.needsAlt === true) query = query.where('kind', '=', 'image').where((eb) => eb.or([eb('alt_vi', 'is', null), eb('alt_vi', '=', '')]));
    for (const term of fold(options.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      query = query.where(sql<boolean>`search_folded like ${`%${escapeLike(term)}%`} escape '!'`);
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const variants = await this.variants(tenantId, rows.map((r) => r.id));
    return { items: rows.map((row) => toMediaItem(row, variants.get(row.id)!)), total: Number(count.n) };
  }

  /**
   * How many of the unit's articles and pages link to the item: a LIKE on the stored bodies
   * (Vietnamese and translated) for `/media/<id>/`. A plain text search: it finds every use the editors
   * and the picker make, not an id typed elsewhere (a banner's address).
   */
  async documentsUsing(tenantId: string, id: string): Promise<number> {
    const db = this.db as unknown as Kysely<ContentDatabase & PagesDatabase>;
    const pattern = `%${escapeLike(mediaPath(id, ''))}%`;
    const links = sql<boolean>`body like ${pattern} escape '!'`;
    const translatedLinks = sql<boolean>`value like ${pattern} escape '!'`;
    const found = await Promise.all([
      db.selectFrom('portal_articles').select('id').where('tenant_id', '=', tenantId).where(links).execute(),
      db.selectFrom('portal_article_translations').select('article_id as id').where('tenant_id', '=', tenantId).where('field', '=', 'body').where(translatedLinks).execute(),
      db.selectFrom('portal_pages').select('id').where('tenant_id', '=', tenantId).where(links).execute(),
      db.selectFrom('portal_page_translations').select('page_id as id').where('tenant_id', '=', tenantId).where('field', '=', 'body').where(translatedLinks).execute(),
    ]);
    return new Set(found.flat().map((r) => r.id)).size;
  }
}
