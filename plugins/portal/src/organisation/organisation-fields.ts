import { defineSchema, InputError, normalizeText, type FieldIssue } from '@cong/sdk';
import { sanitizeRichText } from '../html/sanitize-html.js';
import { missingEnglish, type TranslatedPair } from './english-tracking.js';

/** Formats a plain text field may be held to, each as a JSON Schema that also accepts '' (not given). */
export const FORMATS = {
  email: { anyOf: [{ const: '' }, { format: 'email' }], description: 'An e-mail address, or "" for none.' },
  phone: { pattern: '^(|\\+?[0-9][0-9 .()-]{4,22}[0-9])$', description: 'Digits, spaces and + . ( ) -; "" for none.' },
  /** A portrait or other image: https, or a path on this site (never `//host`). */
  image: { pattern: '^(|https://[^\\s"<>]+|/(?![/\\\\])[^\\s"<>]*)$', description: 'https:// or a site path (/files/…); "" for none.' },
  /** A map link: https only. */
  https: { pattern: '^(|https://[^\\s"<>]+)$', description: 'https:// link; "" for none.' },
} as const;

/**
 * One API field of an organisation resource and the column(s) it lives in:
 * - `text`: one plain text column (`''` when not given), optionally held to a {@link FORMATS} entry;
 * - `pair`: a `{ vi, en }` object over `<x>_vi` / `<x>_en` columns, tracked for POR-23; `rich` ones are
 *   sanitised HTML; `required` ones need Vietnamese text.
 */
export type FieldSpec =
  | { readonly kind: 'text'; readonly column: string; readonly max: number; readonly format?: keyof typeof FORMATS; readonly required?: boolean }
  | { readonly kind: 'pair'; readonly vi: string; readonly en: string; readonly max: number; readonly rich?: boolean; readonly required?: boolean };

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** A `{ vi, en }` value as the API returns it. */
export interface Pair {
  readonly vi: string;
  readonly en: string;
}

const RICH_MAX = 200_000;

/** The POR-23 pairs of a resource, for {@link englishState} and {@link missingEnglish}. */
export function translatedPairs(specs: FieldSpecs): TranslatedPair[] {
  return Object.entries(specs).flatMap(([field, s]) => (s.kind === 'pair' ? [{ field, vi: s.vi, en: s.en, ...(s.rich ? { rich: true } : {}) }] : []));
}

/** JSON Schema properties of the fields; `create` makes required fields required. */
export function inputProperties(specs: FieldSpecs, mode: 'create' | 'patch'): { properties: Record<string, object>; required: string[] } {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (const [field, s] of Object.entries(specs)) {
    if (s.kind === 'text') {
      properties[field] = { type: 'string', maxLength: s.max, ...(s.required ? { minLength: 1 } : {}), ...(s.format ? FORMATS[s.format] : {}) };
    } else {
      const max = s.rich ? RICH_MAX : s.max;
      const vi = { type: 'string', maxLength: max, ...(s.required ? { minLength: 1 } : {}) };
      properties[field] = {
        type: 'object',
        additionalProperties: false,
        ...(mode === 'create' && s.required ? { required: ['vi'] } : { minProperties: 1 }),
        properties: { vi, en: { type: 'string', maxLength: max } },
        description: s.rich ? 'Rich text (HTML, sanitised on save) in Vietnamese and English.' : 'Vietnamese and English.',
      };
    }
    if (mode === 'create' && s.required) required.push(field);
  }
  return { properties, required };
}

/** JSON Schema properties of the fields in responses. */
export function outputProperties(specs: FieldSpecs): Record<string, object> {
  const pair = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } };
  return Object.fromEntries(Object.entries(specs).map(([field, s]) => [field, s.kind === 'text' ? { type: 'string' } : pair]));
}

const clean = (value: string, rich: boolean | undefined) => (rich ? sanitizeRichText(value) : normalizeText(value).trim());

/**
 * The columns a body writes: text normalised and trimmed, rich text sanitised; for a create, every
 * column (missing ones as ''). Refuses a required field that is blank once cleaned, naming it.
 */
export function columnsFrom(specs: FieldSpecs, input: object, mode: 'create' | 'patch'): Record<string, string> {
  const body = input as Readonly<Record<string, unknown>>;
  const out: Record<string, string> = {};
  const errors: FieldIssue[] = [];
  for (const [field, s] of Object.entries(specs)) {
    const value = body[field];
    if (s.kind === 'text') {
      if (typeof value === 'string') out[s.column] = clean(value, false);
      else if (mode === 'create') out[s.column] = '';
      if (s.required && out[s.column] === '') errors.push({ in: 'body', pointer: `/${field}`, message: 'must not be blank', keyword: 'minLength' });
      continue;
    }
    const pair = (value ?? {}) as { vi?: string; en?: string };
    if (pair.vi !== undefined) out[s.vi] = clean(pair.vi, s.rich);
    else if (mode === 'create') out[s.vi] = '';
    if (pair.en !== undefined) out[s.en] = clean(pair.en, s.rich);
    else if (mode === 'create') out[s.en] = '';
    if (s.required && s.vi in out && out[s.vi]!.trim() === '') errors.push({ in: 'body', pointer: `/${field}/vi`, message: 'must not be blank', keyword: 'minLength' });
  }
  if (errors.length > 0) throw new InputError(`body ${errors[0]!.pointer} ${errors[0]!.message}`, { errors });
  return out;
}

/** The fields as the API returns them. */
export function fieldsOf(specs: FieldSpecs, row: Readonly<Record<string, unknown>>): Record<string, string | Pair> {
  return Object.fromEntries(
    Object.entries(specs).map(([field, s]) => [field, s.kind === 'text' ? String(row[s.column] ?? '') : { vi: String(row[s.vi] ?? ''), en: String(row[s.en] ?? '') }]),
  );
}

/** The tracking fields every resource returns. */
export function trackingOf(specs: FieldSpecs, row: { revision: number; en_stale: number; en_updated_at: number | null; created_at: number; updated_at: number }) {
  return {
    revision: Number(row.revision),
    englishStale: Number(row.en_stale) === 1,
    englishMissing: missingEnglish(translatedPairs(specs), row as unknown as Record<string, unknown>),
    englishUpdatedAt: row.en_updated_at === null ? null : new Date(Number(row.en_updated_at)).toISOString(),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

export const trackingProperties = {
  revision: { type: 'integer', minimum: 1 },
  englishStale: { type: 'boolean', description: 'POR-23: the English lags the Vietnamese (changed after it, or missing).' },
  englishMissing: { type: 'array', items: { type: 'string' }, description: 'Fields with Vietnamese text and no English.' },
  englishUpdatedAt: { type: ['string', 'null'], format: 'date-time' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

export const revisionProperty = { type: 'integer', minimum: 1, description: 'The revision the edit starts from; another one answers 409.' } as const;

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } });

export const reorderBody = defineSchema<{ ids: string[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: { ids: { type: 'array', minItems: 1, maxItems: 500, uniqueItems: true, items: { type: 'string', format: 'uuid' } } },
});
