import { defineSchema } from '@cong/sdk';
import { CONFIGURED_LANGUAGE_KEY, LANGUAGE_KEY, type Languages } from '../site/languages.js';
import type { Article } from './article.repository.js';
import type { Category } from './category.repository.js';
import type { ArticleInput, RevisionSummary, TransitionInput } from './article.service.js';
import type { FieldDiff } from './revision-diff.js';
import type { ArticleStatus } from './content-database.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const slug = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Lower case a–z, 0–9 and single hyphens.' } as const;
const time = { type: ['string', 'null'], format: 'date-time' } as const;
const STATUSES: readonly ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: uuid } });

// ─── Categories ─────────────────────────────────────────────────────────────────────────────
const categoryProperties = {
  id: uuid,
  slug,
  name: {
    type: 'object',
    additionalProperties: false,
    required: ['vi', 'en'],
    properties: { vi: { type: 'string' }, en: { type: ['string', 'null'] } },
    // Names in configured languages: every stored one, also of a language since taken out of the file.
    patternProperties: { [CONFIGURED_LANGUAGE_KEY]: { type: ['string', 'null'] } },
  },
  parentId: { type: ['string', 'null'] },
  order: { type: 'integer' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
} as const;

export const categorySchema = defineSchema<Category>({ type: 'object', additionalProperties: false, required: Object.keys(categoryProperties), properties: categoryProperties });

export const categoryList = defineSchema<{ items: Category[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: categorySchema } },
});

/** A category's names as written: Vietnamese required; English and each configured language optional. */
export type CategoryNamesInput = { vi: string; en?: string | null } & { [lang: string]: string | null | undefined };

export interface CategoryInput {
  slug?: string;
  name?: CategoryNamesInput;
  parentId?: string | null;
  order?: number;
}

/** Input names: Vietnamese, and a name in each translated language (English and the configured ones). */
const categoryInputProperties = (languages: Languages) =>
  ({
    slug,
    name: {
      type: 'object',
      additionalProperties: false,
      required: ['vi'],
      description: 'Replaces every name: a translated language left out or null has no name (the site shows the Vietnamese).',
      properties: {
        vi: { type: 'string', minLength: 1, maxLength: 300 },
        ...Object.fromEntries(languages.translated.map((l) => [l.code, { type: ['string', 'null'], maxLength: 300 }])),
      },
    },
    parentId: { type: ['string', 'null'], format: 'uuid' },
    order: { type: 'integer', minimum: -100000, maximum: 100000 },
  }) as const;

export const createCategoryBody = (languages: Languages) =>
  defineSchema<CategoryInput & { slug: string; name: CategoryNamesInput }>({
    type: 'object',
    additionalProperties: false,
    required: ['slug', 'name'],
    properties: categoryInputProperties(languages),
  });

export const updateCategoryBody = (languages: Languages) =>
  defineSchema<CategoryInput>({ type: 'object', additionalProperties: false, minProperties: 1, properties: categoryInputProperties(languages) });

// ─── Articles ───────────────────────────────────────────────────────────────────────────────
const translatedField = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'stale'],
  properties: { value: { type: 'string' }, stale: { type: 'boolean' } },
} as const;

const articleProperties = {
  id: uuid,
  categoryId: { type: ['string', 'null'] },
  slug: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  body: { type: 'string' },
  status: { enum: STATUSES },
  authorId: { type: 'string' },
  submittedBy: { type: ['string', 'null'] },
  approverId: { type: ['string', 'null'] },
  remarks: { type: ['string', 'null'] },
  publishAt: time,
  unpublishAt: time,
  publishedAt: time,
  revision: { type: 'integer', minimum: 1 },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  translations: {
    type: 'object',
    additionalProperties: false,
    description: 'By language: every stored translation, also of a language since taken out of cong.config.json.',
    patternProperties: { [LANGUAGE_KEY]: { type: 'object', additionalProperties: false, properties: { title: translatedField, summary: translatedField, body: translatedField } } },
  },
} as const;

export const articleSchema = defineSchema<Article>({ type: 'object', additionalProperties: false, required: Object.keys(articleProperties), properties: articleProperties });

export const articlePage = defineSchema<{ items: Article[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: articleSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const listArticlesQuery = defineSchema<{
  limit: number;
  offset: number;
  status?: ArticleStatus;
  categoryId?: string;
  text?: string;
  sort: 'updatedAt' | 'createdAt' | 'title' | 'publishedAt';
  order: 'asc' | 'desc';
}>({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
    status: { enum: STATUSES },
    categoryId: uuid,
    text: { type: 'string', minLength: 1, maxLength: 200, description: 'Matched against the title without diacritics ("dang ky" finds "Đăng ký").' },
    sort: { enum: ['updatedAt', 'createdAt', 'title', 'publishedAt'], default: 'updatedAt' },
    order: { enum: ['asc', 'desc'], default: 'desc' },
  },
});

/**
 * Translations as written, by language: English and the languages configured in cong.config.json
 * (`pluginConfig.portal.languages`), title, summary and body each. Pages take the same shape.
 */
export const translationsInput = (languages: Languages) =>
  ({
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      languages.translated.map((l) => [
        l.code,
        {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          description: 'A field set to "" removes its translation (the Vietnamese shows instead).',
          properties: { title: { type: 'string', maxLength: 500 }, summary: { type: 'string', maxLength: 2000 }, body: { type: 'string', maxLength: 1_000_000 } },
        },
      ]),
    ),
  }) as const;

const articleInputProperties = (languages: Languages) =>
  ({
    slug,
    categoryId: { type: ['string', 'null'], format: 'uuid' },
    title: { type: 'string', minLength: 1, maxLength: 500 },
    summary: { type: 'string', maxLength: 2000 },
    body: { type: 'string', maxLength: 1_000_000, description: 'Rich text (HTML); sanitised on write.' },
    translations: translationsInput(languages),
  }) as const;

export const createArticleBody = (languages: Languages) =>
  defineSchema<ArticleInput & { title: string }>({
    type: 'object',
    additionalProperties: false,
    required: ['title'],
    properties: articleInputProperties(languages),
  });

export const updateArticleBody = (languages: Languages) =>
  defineSchema<ArticleInput & { revision?: number }>({
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { ...articleInputProperties(languages), revision: { type: 'integer', minimum: 1, description: 'The revision the edit starts from; another one answers 409.' } },
  });

export const transitionParams = defineSchema<{ id: string; action: 'submit' | 'approve' | 'reject' | 'archive' | 'reopen' | 'schedule' }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'action'],
  properties: { id: uuid, action: { enum: ['submit', 'approve', 'reject', 'archive', 'reopen', 'schedule'] } },
});

export const transitionBody = defineSchema<TransitionInput>({
  type: 'object',
  additionalProperties: false,
  properties: {
    remarks: { type: 'string', minLength: 1, maxLength: 4000, description: 'Reviewer remarks (ý kiến); required to reject.' },
    publishAt: time,
    unpublishAt: time,
  },
});

const revisionProperties = {
  revision: { type: 'integer' },
  action: { type: 'string' },
  authorId: { type: 'string' },
  createdAt: { type: 'string', format: 'date-time' },
  status: { enum: STATUSES },
} as const;

export const revisionList = defineSchema<{ items: RevisionSummary[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(revisionProperties), properties: revisionProperties } } },
});

export const diffQuery = defineSchema<{ from: number; to: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
});

export const diffResponse = defineSchema<{ from: number; to: number; changes: FieldDiff[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'changes'],
  properties: {
    from: { type: 'integer' },
    to: { type: 'integer' },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'before', 'after'],
        properties: {
          field: { type: 'string' },
          before: {},
          after: {},
          words: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['op', 'text'], properties: { op: { enum: ['equal', 'delete', 'insert'] }, text: { type: 'string' } } },
          },
        },
      },
    },
  },
});

export const restoreBody = defineSchema<{ revision: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['revision'],
  properties: { revision: { type: 'integer', minimum: 1 } },
});

export const resolveQuery = defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug } });

export const resolveResponse = defineSchema<{ kind: 'current' | 'moved' | 'gone'; id: string; slug: string; categoryId: string | null; status: ArticleStatus }>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'slug', 'categoryId', 'status'],
  properties: { kind: { enum: ['current', 'moved', 'gone'] }, id: uuid, slug: { type: 'string' }, categoryId: { type: ['string', 'null'] }, status: { enum: STATUSES } },
});

