import { defineSchema } from '@cong/sdk';
import type { Languages } from '../site/languages.js';
import { MAX_LIMIT, DEFAULT_LIMIT, type PortalSearchLang } from './search-portal.js';

export interface SearchRouteQuery {
  q: string;
  /** Checked against the portal's types and the search sources' by the search. */
  type?: string;
  lang: PortalSearchLang;
  allUnits: boolean;
  limit: number;
  offset: number;
  asYouType: boolean;
}

/** The search query; `lang` takes the site's languages (Vietnamese, English and the configured ones). */
export const searchQuery = (languages: Languages) =>
  defineSchema<SearchRouteQuery>({
    type: 'object',
    additionalProperties: false,
    required: ['q'],
    properties: {
      q: { type: 'string', maxLength: 500, description: 'Words to find, accents optional ("dang ky ho khau"); "quoted phrases" are kept together.' },
      type: {
        type: 'string',
        pattern: '^[a-z][a-z0-9-]{0,39}$',
        description: 'article, legal or page, or the type of a search source another plugin added (answer: the Q&A plugin\'s published questions and answers); any other value is refused.',
      },
      lang: { enum: [...languages.codes], default: 'vi', description: 'Another language than vi: the versions of articles and pages in that language.' },
      allUnits: { type: 'boolean', default: false, description: 'Search every unit, with a facet of units. Only on the province (the root unit).' },
      limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
      offset: { type: 'integer', minimum: 0, maximum: 10000, default: 0 },
      asYouType: {
        type: 'boolean',
        default: false,
        description: 'true for suggestions while the visitor types: the last word also matches longer words ("chuy" finds "chuyển"). Default: whole words ("thuong tru" does not find "thường trực").',
      },
    },
  });

const unit = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'name', 'host'],
  properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' }, host: { type: ['string', 'null'] } },
} as const;

export const searchPageSchema = (languages: Languages) =>
  defineSchema({
    type: 'object',
    additionalProperties: false,
    required: ['total', 'totalIsExact', 'limit', 'offset', 'items'],
    properties: {
      total: { type: 'integer', description: 'Every match; a search of one unit counts up to 100 past offset (then totalIsExact is false, and later pages count further).' },
      totalIsExact: { type: 'boolean', description: 'False when there are more matches than total says.' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'lang', 'id', 'title', 'snippet', 'url', 'date', 'unitId'],
          properties: {
            type: { type: 'string', description: 'article, legal, page, or a search source\'s type (answer).' },
            lang: { enum: [...languages.codes] },
            id: { type: 'string' },
            title: { type: 'string', description: 'Plain text.' },
            snippet: { type: 'string', description: 'Plain text around the first match; never HTML.' },
            url: { type: 'string', description: 'Path on the unit\'s site.' },
            date: { type: 'string', format: 'date-time' },
            unitId: { type: 'string' },
            unit,
          },
        },
      },
      facets: {
        type: 'object',
        additionalProperties: false,
        required: ['units'],
        properties: {
          units: {
            type: 'array',
            items: { ...unit, required: [...unit.required, 'count'], properties: { ...unit.properties, count: { type: 'integer' } } },
          },
        },
      },
    },
  });

export const reindexResponse = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['articles', 'removed', 'legal', 'pages'],
  properties: { articles: { type: 'integer' }, removed: { type: 'integer' }, legal: { type: 'integer' }, pages: { type: 'integer' } },
});
