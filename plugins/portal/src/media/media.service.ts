import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { coreServices, InputError, normalizeText, NotFoundError, type FieldIssue, type FileService, type PluginContext, type RouteRequest, type StoredFile } from '@cong/sdk';
import { PORTAL_ERR_MEDIA_IN_USE } from '../errors.js';
import { siteChanged } from '../site/site-events.js';
import { deriveImage, type EncodedImage } from './image-derivatives.js';
import type { MediaDatabase, MediaKind } from './media-database.js';
import { MediaRepository, searchText, toMediaItem, type MediaRow, type MediaVariantRow } from './media.repository.js';
import type { MediaItem, UpdateMediaBody, UploadMediaFields } from './media.schema.js';

/** Who may upload, describe and delete a unit's media. */
export const MEDIA_PERMISSION = 'portal.media.write';
/** Largest upload: a scanned official document of many pages fits; the platform's files.maxBytes caps it. */
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Accepted types (sniffed from the bytes) and their kind. Images are the ones the library can
 * re-encode; office documents are the OOXML and OpenDocument formats (legacy .doc/.xls sniff as a
 * generic compound file, indistinguishable from other binaries, so they are not taken).
 */
export const MEDIA_TYPES: Readonly<Record<string, MediaKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
  'application/vnd.oasis.opendocument.text': 'document',
  'application/vnd.oasis.opendocument.spreadsheet': 'document',
  'application/vnd.oasis.opendocument.presentation': 'document',
};

const clean = (value: string | null | undefined): string | null => {
  if (value === undefined || value === null) return null;
  const text = normalizeText(value).trim();
  return text === '' ? null : text;
};

function checkDate(value: string | null, pointer: string): void {
  if (value === null) return;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    const errors: FieldIssue[] = [{ in: 'body', pointer, message: 'is not a calendar date', keyword: 'format' }];
    throw new InputError(`body ${pointer} is not a calendar date`, { errors });
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const isUniqueViolation = (error: unknown) => /unique|duplicate/i.test(String((error as { message?: unknown })?.message ?? '')) || (error as { code?: unknown })?.code === 'ER_DUP_ENTRY';

/** The stored renditions of an image: the cleaned original (served as `goc`) and the derivatives. */
interface SavedImage {
  readonly original: StoredFile;
  readonly width: number;
  readonly height: number;
  readonly variants: readonly { readonly image: EncodedImage; readonly file: StoredFile }[];
}

/**
 * The media library's writes. An upload arrives stored by the core (`req.file`, type sniffed, size
 * bounded); an image is re-encoded here without metadata, with its derivatives, and the upload as sent
 * (EXIF, GPS and all) is removed once the item is committed. Files are removed only after the rows are
 * gone, so a failure leaves at worst an orphan file, never a row without its file.
 */
export class MediaService {
  readonly #ctx: PluginContext;
  readonly #repository: MediaRepository;

  constructor(ctx: PluginContext) {
    this.#ctx = ctx;
    this.#repository = new MediaRepository(ctx.get(coreServices.database).kysely<MediaDatabase>());
  }

  get repository(): MediaRepository {
    return this.#repository;
  }

  get #files(): FileService {
    return this.#ctx.get(coreServices.files);
  }

  /** Stores an upload as a new item (`created`), or answers the unit's item with the same bytes. */
  async upload(req: RouteRequest, tenantId: string, file: StoredFile, fields: UploadMediaFields): Promise<{ created: boolean; item: MediaItem }> {
    const kind = MEDIA_TYPES[file.contentType];
    if (!kind) throw new InputError(`Files of type ${file.contentType} do not go in the media library`);
    const existing = await this.#repository.item(tenantId, (await this.#repository.findBySha256(tenantId, file.sha256))?.id ?? '');
    if (existing) {
      await this.#files.remove(file.id);
      return { created: false, item: existing };
    }
    const documentDate = clean(fields.documentDate);
    checkDate(documentDate, '/documentDate');

    const saved = kind === 'image' ? await this.#saveImage(tenantId, file) : undefined;
    const now = Date.now();
    const isDocument = kind !== 'image';
    const row: MediaRow = {
      id: randomUUID(),
      tenant_id: tenantId,
      kind,
      file_id: saved?.original.id ?? file.id,
      original_name: file.originalName,
      content_type: saved?.original.contentType ?? file.contentType,
      size: saved?.original.size ?? file.size,
      sha256: file.sha256,
      title_vi: clean(fields.titleVi),
      title_en: clean(fields.titleEn),
      alt_vi: isDocument ? null : clean(fields.altVi),
      alt_en: isDocument ? null : clean(fields.altEn),
      caption_vi: clean(fields.captionVi),
      caption_en: clean(fields.captionEn),
      credit: clean(fields.credit),
      doc_title: isDocument ? clean(fields.documentTitle) : null,
      doc_number: isDocument ? clean(fields.documentNumber) : null,
      doc_issuer: isDocument ? clean(fields.documentIssuer) : null,
      doc_date: isDocument ? documentDate : null,
      doc_description: isDocument ? clean(fields.documentDescription) : null,
      width: saved?.width ?? null,
      height: saved?.height ?? null,
      search_folded: '',
      created_by: req.principal?.id ?? 'system',
      created_at: now,
      updated_at: now,
    };
    row.search_folded = searchText(row);
    const variants: MediaVariantRow[] = (saved?.variants ?? []).map(({ image, file: stored }) => ({
      media_id: row.id,
      tenant_id: tenantId,
      name: image.name,
      file_id: stored.id,
      content_type: image.contentType,
      width: image.width,
      height: image.height,
      size: stored.size,
    }));

    try {
      await this.#ctx.get(coreServices.database).transaction<MediaDatabase, void>(async (trx) => {
        await trx.insertInto('portal_media').values(row).execute();
        if (variants.length > 0) await trx.insertInto('portal_media_variants').values(variants).execute();
        await this.#ctx.get(coreServices.audit).record(
          { action: 'portal.media.upload', objectType: 'media', objectId: row.id, tenantId, after: { kind, name: row.original_name, contentType: row.content_type, size: row.size, sha256: row.sha256 } },
          { request: req, trx },
        );
      });
    } catch (error) {
      if (saved) await this.#removeQuietly([saved.original.id, ...saved.variants.map((v) => v.file.id)]);
      // The same bytes committed by a concurrent upload: that item is the answer.
      const winner = isUniqueViolation(error) ? await this.#repository.findBySha256(tenantId, file.sha256) : undefined;
      if (!winner) throw error;
      await this.#removeQuietly([file.id]);
      return { created: false, item: (await this.#repository.item(tenantId, winner.id))! };
    }
    // The upload as sent may carry the GPS position: only the cleaned renditions stay.
    if (saved) await this.#removeQuietly([file.id]);
    return { created: true, item: toMediaItem(row, variants) };
  }

  async update(req: RouteRequest, tenantId: string, id: string, body: UpdateMediaBody): Promise<MediaItem> {
    const current = await this.#repository.find(tenantId, id);
    if (!current) throw new NotFoundError(`Media item ${id} does not exist`);
    const isDocument = current.kind !== 'image';
    if (!isDocument && body.document !== undefined) {
      throw new InputError('body /document is for PDFs and documents, not images', { errors: [{ in: 'body', pointer: '/document', message: 'is for PDFs and documents, not images', keyword: 'not' }] });
    }
    if (isDocument && body.alt !== undefined) {
      throw new InputError('body /alt is for images', { errors: [{ in: 'body', pointer: '/alt', message: 'is for images, not documents', keyword: 'not' }] });
    }
    const pick = (group: Record<string, string | null | undefined> | undefined, key: string, value: string | null) =>
      group !== undefined && key in group ? clean(group[key]) : value;
    const next: MediaRow = {
      ...current,
      title_vi: pick(body.title, 'vi', current.title_vi),
      title_en: pick(body.title, 'en', current.title_en),
      alt_vi: pick(body.alt, 'vi', current.alt_vi),
      alt_en: pick(body.alt, 'en', current.alt_en),
      caption_vi: pick(body.caption, 'vi', current.caption_vi),
      caption_en: pick(body.caption, 'en', current.caption_en),
      credit: body.credit !== undefined ? clean(body.credit) : current.credit,
      doc_title: pick(body.document, 'title', current.doc_title),
      doc_number: pick(body.document, 'number', current.doc_number),
      doc_issuer: pick(body.document, 'issuer', current.doc_issuer),
      doc_date: pick(body.document, 'date', current.doc_date),
      doc_description: pick(body.document, 'description', current.doc_description),
      updated_at: Date.now(),
    };
    checkDate(next.doc_date, '/document/date');
    next.search_folded = searchText(next);
    await this.#ctx.get(coreServices.database).transaction<MediaDatabase, void>(async (trx) => {
      const { id: _id, tenant_id: _tenant, created_at: _at, created_by: _by, ...changes } = next;
      await trx.updateTable('portal_media').set(changes).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      await this.#ctx.get(coreServices.audit).record({ action: 'portal.media.update', objectType: 'media', objectId: id, tenantId, after: body }, { request: req, trx });
    });
    // Pages render the alt text and caption of the images they show.
    await this.#ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'media' }, { tenantId });
    return (await this.#repository.item(tenantId, id))!;
  }

  /** Deletes an item no article or page links to, then its files. */
  async remove(req: RouteRequest, tenantId: string, id: string): Promise<void> {
    const current = await this.#repository.find(tenantId, id);
    if (!current) throw new NotFoundError(`Media item ${id} does not exist`);
    const count = await this.#repository.documentsUsing(tenantId, id);
    if (count > 0) {
      throw PORTAL_ERR_MEDIA_IN_USE.create(
        { id, count },
        { detail: `Media item ${id} is used in ${count} article(s) or page(s): take it out of them first (Tệp đang được dùng trong ${count} tin bài hoặc trang: gỡ khỏi đó trước khi xoá)` },
      );
    }
    const variants = (await this.#repository.variants(tenantId, [id])).get(id)!;
    await this.#ctx.get(coreServices.database).transaction<MediaDatabase, void>(async (trx) => {
      await trx.deleteFrom('portal_media_variants').where('tenant_id', '=', tenantId).where('media_id', '=', id).execute();
      await trx.deleteFrom('portal_media').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
      await this.#ctx.get(coreServices.audit).record(
        { action: 'portal.media.delete', objectType: 'media', objectId: id, tenantId, before: { kind: current.kind, name: current.original_name, sha256: current.sha256 } },
        { request: req, trx },
      );
    });
    await this.#removeQuietly([current.file_id, ...variants.map((v) => v.file_id)]);
    await this.#ctx.get(coreServices.events).emit(siteChanged, { tenantId, area: 'media' }, { tenantId });
  }

  /** Re-encodes the upload and stores the cleaned original and each derivative; on failure removes what it stored. */
  async #saveImage(tenantId: string, file: StoredFile): Promise<SavedImage> {
    const derived = await deriveImage(await readAll(await this.#files.open(file.id)), file.contentType);
    const stored: { image: EncodedImage; file: StoredFile }[] = [];
    const base = file.originalName.replace(/\.[^.]{1,8}$/, '');
    try {
      for (const image of [derived.original, ...derived.variants]) {
        const name = image.name === 'goc' ? file.originalName : `${base}-${image.name}`;
        stored.push({ image, file: await this.#files.save(image.bytes, { originalName: name, tenantId, allowedTypes: [image.contentType] }) });
      }
    } catch (error) {
      await this.#removeQuietly(stored.map((s) => s.file.id));
      throw error;
    }
    const [original, ...variants] = stored;
    return { original: original!.file, width: derived.original.width, height: derived.original.height, variants };
  }

  async #removeQuietly(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.#files.remove(id).catch(() => undefined);
  }
}
