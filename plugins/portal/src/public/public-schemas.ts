import { defineSchema } from '@cong/sdk';
import type { Lang, Languages } from '../site/languages.js';

/**
 * The public API's languages: Vietnamese (the content's own), English and the configured languages
 * (translations, falling back to Vietnamese field by field).
 */
export type PublicLang = Lang;

const lang = (languages: Languages) =>
  ({ enum: [...languages.codes], default: 'vi', description: 'Language of titles, names and URLs: vi, en or a language the portal is configured with; a translation falls back to Vietnamese field by field.' }) as const;
const slug = { type: 'string', minLength: 1, maxLength: 191, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } as const;

/** A category as other sites see it. */
export interface PublicCategory {
  readonly slug: string;
  readonly name: string;
  readonly parentSlug: string | null;
  readonly url: string;
}

/** A published article in a list (without its body). */
export interface PublicArticleItem {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly category: { readonly slug: string; readonly name: string } | null;
  readonly publishedAt: string;
  readonly url: string;
}

/** One published article, with its body (sanitised HTML, as the site shows it). */
export interface PublicArticle extends PublicArticleItem {
  readonly body: string;
  readonly updatedAt: string;
}

const categoryRef = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['slug', 'name'],
  properties: { slug: { type: 'string' }, name: { type: 'string' } },
} as const;

const itemProperties = {
  id: { type: 'string' },
  slug: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  category: categoryRef,
  publishedAt: { type: 'string', format: 'date-time' },
  url: { type: 'string', format: 'uri', description: 'The article\'s page on the unit\'s site in the language asked for (`/tin/<slug>`, `/en/tin/<slug>`, `/lo/tin/<slug>`).' },
} as const;

export const publicArticleItem = defineSchema<PublicArticleItem>({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(itemProperties),
  properties: itemProperties,
});

export const publicArticle = defineSchema<PublicArticle>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(itemProperties), 'body', 'updatedAt'],
  properties: {
    ...itemProperties,
    body: { type: 'string', description: 'Sanitised HTML (the site\'s allowlist); embed it only through your own sanitiser or render it as text.' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
});

/** Query of `GET /api/portal/public/articles`: the allowlist of filters; anything else is a 400. */
export const publicArticlesQuery = (languages: Languages) =>
  defineSchema<{ limit: number; offset: number; category?: string; since?: string; lang: PublicLang }>({
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
      offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
      category: { ...slug, description: 'Only this category\'s articles (its slug); an unknown category is 404.' },
      since: {
        type: 'string',
        maxLength: 40,
        anyOf: [{ format: 'date' }, { format: 'date-time' }],
        description: 'Only articles published at or after this instant; a date means its start in Vietnam (UTC+7).',
      },
      lang: lang(languages),
    },
  });

export const publicArticlePage = defineSchema<{ items: PublicArticleItem[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: publicArticleItem },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});

export const publicSlugParams = defineSchema<{ slug: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug'],
  properties: { slug },
});

export const publicLangQuery = (languages: Languages) =>
  defineSchema<{ lang: PublicLang }>({
    type: 'object',
    additionalProperties: false,
    properties: { lang: lang(languages) },
  });

export const publicCategoryList = defineSchema<{ items: PublicCategory[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['slug', 'name', 'parentSlug', 'url'],
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          parentSlug: { type: ['string', 'null'] },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
  },
});
