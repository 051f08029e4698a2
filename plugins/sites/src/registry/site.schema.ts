import { defineSchema } from '@cong/sdk';
import { SITE_STATUSES, type SiteStatus } from './site-status.js';

/** Unit kinds, as the core names them. */
export const UNIT_KINDS = ['province', 'department', 'commune', 'ward', 'special-zone', 'district'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const date = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' } as const;
const host = { type: 'string', minLength: 1, maxLength: 253 } as const;

export const unitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'nameVi', 'nameEn', 'kind', 'parentId', 'status'],
  properties: {
    id: { type: 'string' },
    slug: { type: 'string' },
    nameVi: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    kind: { type: 'string' },
    parentId: { type: ['string', 'null'] },
    status: { enum: ['active', 'archived'] },
  },
} as const;

export const siteSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'unit', 'status', 'template', 'goLiveOn', 'notes', 'statusReason', 'statusChangedAt', 'statusChangedBy', 'primaryHost', 'aliasHosts', 'suggestedHost', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    unit: unitSchema,
    status: { enum: [...SITE_STATUSES] },
    template: { type: 'string' },
    goLiveOn: { type: ['string', 'null'], description: 'Planned, then actual, first day live (YYYY-MM-DD).' },
    notes: { type: ['string', 'null'] },
    statusReason: { type: ['string', 'null'], description: 'Why the site took its status (required when suspended or archived).' },
    statusChangedAt: { type: 'string', format: 'date-time' },
    statusChangedBy: { type: 'string' },
    primaryHost: { type: ['string', 'null'] },
    aliasHosts: { type: 'array', items: { type: 'string' } },
    suggestedHost: { type: ['string', 'null'], description: 'The host CORE-02 suggests (tencoquan.<province domain>, tenphuongxa.<province domain>); the current one when it already follows the pattern.' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const historyEntrySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'reason', 'actorId', 'at'],
  properties: {
    from: { enum: [...SITE_STATUSES, null] },
    to: { enum: [...SITE_STATUSES] },
    reason: { type: ['string', 'null'] },
    actorId: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
  },
} as const;

export const siteDetailSchema = {
  ...siteSchema,
  required: [...siteSchema.required, 'history'],
  properties: { ...siteSchema.properties, history: { type: 'array', items: historyEntrySchema, description: 'Newest first.' } },
} as const;

export const sitePageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: siteSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

export const SITE_SORTS = ['name', 'status', 'goLiveOn', 'updatedAt'] as const;
export type SiteSort = (typeof SITE_SORTS)[number];

export interface SiteListQuery {
  status?: SiteStatus;
  kind?: UnitKind;
  template?: string;
  text?: string;
  sort: SiteSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export const siteListQuery = defineSchema<SiteListQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: [...SITE_STATUSES] },
    kind: { enum: [...UNIT_KINDS] },
    template: { type: 'string', maxLength: 40 },
    text: { type: 'string', maxLength: 100, description: 'Part of the unit\'s name, slug or host; diacritics folded ("hai lang" finds "Hải Lăng").' },
    sort: { enum: [...SITE_SORTS], default: 'name' },
    order: { enum: ['asc', 'desc'], default: 'asc' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const siteIdParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });

export const statusChangeBody = defineSchema<{ status: SiteStatus; reason?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { status: { enum: [...SITE_STATUSES] }, reason: { type: 'string', maxLength: 500 } },
});

export const siteUpdateBody = defineSchema<{ notes?: string | null; goLiveOn?: string | null }>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { notes: { type: ['string', 'null'], maxLength: 2000 }, goLiveOn: { ...date, type: ['string', 'null'] } },
});

export const hostsBody = defineSchema<{ primaryHost: string | null; aliasHosts: string[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['primaryHost', 'aliasHosts'],
  properties: { primaryHost: { ...host, type: ['string', 'null'] }, aliasHosts: { type: 'array', maxItems: 20, uniqueItems: true, items: host } },
});

export const suggestionsQuery = defineSchema<{ kind?: UnitKind; missing: boolean; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { enum: [...UNIT_KINDS] },
    missing: { type: 'boolean', default: false, description: 'Only units whose primary host does not follow the national pattern yet.' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const suggestionPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['domain', 'items', 'total'],
  properties: {
    domain: { type: 'string', description: 'The province domain suggestions are made under.' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unit', 'primaryHost', 'suggestedHost', 'national'],
        properties: { unit: unitSchema, primaryHost: { type: ['string', 'null'] }, suggestedHost: { type: 'string' }, national: { type: 'boolean', description: 'The primary host already follows the pattern.' } },
      },
    },
    total: { type: 'integer' },
  },
} as const;
