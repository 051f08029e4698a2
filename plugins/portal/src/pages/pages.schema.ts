import { defineSchema } from '@cong/sdk';
import { translationsInput } from '../content/content.schema.js';
import { LANGUAGE_KEY, type Languages } from '../site/languages.js';
import type { Page, PageSummary } from './page.repository.js';
import type { PageAction, PageInput, PageResolution, PageRevisionSummary } from './page.service.js';
import { PAGE_STATUSES, type PageStatus } from './pages-database.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const slug = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Lower case a–z, 0–9 and single hyphens.' } as const;
const date = { type: 'string', format: 'date-time' } as const;
const ACTIONS: readonly PageAction[] = ['submit', 'approve', 'reject', 'archive', 'reopen'];

export const pageIdParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: uuid } });

const translatedField = { type: 'object', additionalProperties: false, required: ['value', 'stale'], properties: { value: { type: 'string' }, stale: { type: 'boolean' } } } as const;

const pageProperties = {
  id: uuid,
  parentId: { type: ['string', 'null'] },
  order: { type: 'integer' },
  slug: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  body: { type: 'string' },
  status: { enum: PAGE_STATUSES },
  authorId: { type: 'string' },
  submittedBy: { type: ['string', 'null'] },
  approverId: { type: ['string', 'null'] },
  remarks: { type: ['string', 'null'] },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  revision: { type: 'integer', minimum: 1 },
  createdAt: date,
  updatedAt: date,
  translations: {
    type: 'object',
    additionalProperties: false,
    description: 'By language: every stored translation, also of a language since taken out of cong.config.json.',
    patternProperties: { [LANGUAGE_KEY]: { type: 'object', additionalProperties: false, properties: { title: translatedField, summary: translatedField, body: translatedField } } },
  },
  enStale: { type: 'boolean', description: 'Some English field was translated from Vietnamese that changed since (POR-23).' },
} as const;

export const pageSchema = defineSchema<Page>({ type: 'object', additionalProperties: false, required: Object.keys(pageProperties), properties: pageProperties });

const summaryProperties = {
  id: uuid,
  parentId: { type: ['string', 'null'] },
  order: { type: 'integer' },
  slug: { type: 'string' },
  title: { type: 'string' },
  status: { enum: PAGE_STATUSES },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  updatedAt: date,
  hasEnglish: { type: 'boolean' },
  enStale: { type: 'boolean' },
} as const;

export const pageTree = defineSchema<{ items: PageSummary[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(summaryProperties), properties: summaryProperties } } },
});

export const pageTreeQuery = defineSchema<{ status?: PageStatus; text?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: PAGE_STATUSES },
    text: { type: 'string', minLength: 1, maxLength: 200, description: 'Matched against the title without diacritics ("gioi thieu" finds "Giới thiệu").' },
  },
});

/** Input fields; translations take English and the languages configured in cong.config.json. */
const inputProperties = (languages: Languages) =>
  ({
    slug,
    parentId: { type: ['string', 'null'], format: 'uuid', description: 'The parent page in the tree; null for a top-level page.' },
    order: { type: 'integer', minimum: -100000, maximum: 100000, description: 'Position among its siblings (ascending).' },
    title: { type: 'string', minLength: 1, maxLength: 500 },
    summary: { type: 'string', maxLength: 2000 },
    body: { type: 'string', maxLength: 1_000_000, description: 'Rich text (HTML); sanitised on write.' },
    translations: translationsInput(languages),
  }) as const;

export const createPageBody = (languages: Languages) =>
  defineSchema<PageInput & { title: string }>({ type: 'object', additionalProperties: false, required: ['title'], properties: inputProperties(languages) });

export const updatePageBody = (languages: Languages) =>
  defineSchema<PageInput & { revision?: number }>({
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { ...inputProperties(languages), revision: { type: 'integer', minimum: 1, description: 'The revision the edit starts from; another one answers 409.' } },
  });

export const pageTransitionParams = defineSchema<{ id: string; action: PageAction }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'action'],
  properties: { id: uuid, action: { enum: ACTIONS } },
});

export const pageTransitionBody = defineSchema<{ remarks?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { remarks: { type: 'string', minLength: 1, maxLength: 4000, description: 'Reviewer remarks (ý kiến); required to reject.' } },
});

const revisionProperties = { revision: { type: 'integer' }, action: { type: 'string' }, authorId: { type: 'string' }, createdAt: date, status: { enum: PAGE_STATUSES } } as const;

export const pageRevisionList = defineSchema<{ items: PageRevisionSummary[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(revisionProperties), properties: revisionProperties } } },
});

// Diffs of pages and articles have one shape (src/content/revision-diff.ts).
export { diffQuery as pageDiffQuery, diffResponse as pageDiffResponse } from '../content/content.schema.js';

export const pageRestoreBody = defineSchema<{ revision: number }>({ type: 'object', additionalProperties: false, required: ['revision'], properties: { revision: { type: 'integer', minimum: 1 } } });

export const pageResolveQuery = defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug } });

export const pageResolveResponse = defineSchema<PageResolution>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'slug', 'status'],
  properties: { kind: { enum: ['current', 'moved', 'gone'] }, id: uuid, slug: { type: 'string' }, status: { enum: PAGE_STATUSES } },
});
