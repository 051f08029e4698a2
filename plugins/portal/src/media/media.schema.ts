import { defineSchema } from '@cong/sdk';
import type { MediaKind } from './media-database.js';

const KINDS: readonly MediaKind[] = ['image', 'pdf', 'document'];
const uuid = { type: 'string', format: 'uuid' } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const optionalText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const isoDate = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
const localized = (max: number) =>
  ({ type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: optionalText(max), en: optionalText(max) } }) as const;

/** One image derivative as the API shows it. */
export interface MediaVariant {
  readonly name: string;
  readonly url: string;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
  readonly size: number;
}

/** Metadata of a PDF or a document attached to an article (POR-01): what the site lists beside the link. */
export interface MediaDocumentInfo {
  readonly title: string | null;
  readonly number: string | null;
  readonly issuer: string | null;
  readonly date: string | null;
  readonly description: string | null;
}

/** A media item as the admin API answers it. */
export interface MediaItem {
  readonly id: string;
  readonly kind: MediaKind;
  readonly originalName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly title: { readonly vi: string | null; readonly en: string | null };
  readonly alt: { readonly vi: string | null; readonly en: string | null };
  readonly caption: { readonly vi: string | null; readonly en: string | null };
  readonly credit: string | null;
  readonly document: MediaDocumentInfo | null;
  readonly width: number | null;
  readonly height: number | null;
  /** An image without Vietnamese alt text: the editor and the picker ask for it before use. */
  readonly needsAlt: boolean;
  /** Site-relative URL of the served original (`/media/<id>/goc`). */
  readonly url: string;
  readonly variants: readonly MediaVariant[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const variantSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'url', 'contentType', 'width', 'height', 'size'],
  properties: { name: text(20), url: { type: 'string' }, contentType: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' }, size: { type: 'integer' } },
} as const;

const documentSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['title', 'number', 'issuer', 'date', 'description'],
  properties: { title: optionalText(500), number: optionalText(100), issuer: optionalText(300), date: isoDate, description: optionalText(2000) },
} as const;

const itemProperties = {
  id: uuid,
  kind: { enum: KINDS },
  originalName: { type: 'string' },
  contentType: { type: 'string' },
  size: { type: 'integer', minimum: 0 },
  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  title: localized(300),
  alt: localized(500),
  caption: localized(1000),
  credit: optionalText(200),
  document: documentSchema,
  width: { type: ['integer', 'null'] },
  height: { type: ['integer', 'null'] },
  needsAlt: { type: 'boolean' },
  url: { type: 'string' },
  variants: { type: 'array', items: variantSchema },
  createdBy: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

export const mediaItemSchema = defineSchema<MediaItem>({ type: 'object', additionalProperties: false, required: Object.keys(itemProperties), properties: itemProperties });

export const mediaPage = defineSchema<{ items: MediaItem[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: mediaItemSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const mediaIdParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: uuid } });

export interface ListMediaQuery {
  limit: number;
  offset: number;
  q?: string;
  kind?: MediaKind;
  needsAlt?: boolean;
}

export const listMediaQuery = defineSchema<ListMediaQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 24 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
    q: { type: 'string', maxLength: 200, description: 'Words of the title, alt text or file name; accents optional.' },
    kind: { enum: KINDS },
    needsAlt: { type: 'boolean', description: 'Only images still without Vietnamese alt text.' },
  },
});

/** The form fields of an upload, beside the file: flat, as a form sends them. */
export interface UploadMediaFields {
  titleVi?: string;
  titleEn?: string;
  altVi?: string;
  altEn?: string;
  captionVi?: string;
  captionEn?: string;
  credit?: string;
  documentTitle?: string;
  documentNumber?: string;
  documentIssuer?: string;
  documentDate?: string;
  documentDescription?: string;
}

export const uploadMediaFields = defineSchema<UploadMediaFields>({
  type: 'object',
  additionalProperties: false,
  properties: {
    titleVi: text(300),
    titleEn: text(300),
    altVi: { ...text(500), description: 'Văn bản thay thế: what the image shows, for screen readers. Required before an image is used.' },
    altEn: text(500),
    captionVi: text(1000),
    captionEn: text(1000),
    credit: { ...text(200), description: 'Tác giả ảnh / nguồn.' },
    documentTitle: text(500),
    documentNumber: { ...text(100), description: 'Số, ký hiệu, e.g. 12/2026/QĐ-UBND.' },
    documentIssuer: text(300),
    documentDate: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', description: 'Ngày ban hành, YYYY-MM-DD.' },
    documentDescription: text(2000),
  },
});

/** A metadata change: each group replaces what it names; `null` clears a value. */
export interface UpdateMediaBody {
  title?: { vi?: string | null; en?: string | null };
  alt?: { vi?: string | null; en?: string | null };
  caption?: { vi?: string | null; en?: string | null };
  credit?: string | null;
  document?: { title?: string | null; number?: string | null; issuer?: string | null; date?: string | null; description?: string | null };
}

const patchLocalized = (max: number) => ({ type: 'object', additionalProperties: false, minProperties: 1, properties: { vi: optionalText(max), en: optionalText(max) } }) as const;

export const updateMediaBody = defineSchema<UpdateMediaBody>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    title: patchLocalized(300),
    alt: patchLocalized(500),
    caption: patchLocalized(1000),
    credit: optionalText(200),
    document: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { title: optionalText(500), number: optionalText(100), issuer: optionalText(300), date: isoDate, description: optionalText(2000) },
    },
  },
});

export const variantParams = defineSchema<{ id: string; variant: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'variant'],
  properties: { id: uuid, variant: { type: 'string', pattern: '^(goc|w[0-9]{2,4}\\.(webp|jpg|png))$' } },
});
