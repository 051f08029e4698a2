import { defineSchema } from '@cong/sdk';
import { SITE_STATUSES, type SiteStatus } from '../registry/site-status.js';
import { UNIT_KINDS, type UnitKind } from '../registry/site.schema.js';
import { LINK_STATUSES, type LinkStatus } from './network-database.js';

export const DASHBOARD_SORTS = ['name', 'lastUpdate', 'published', 'emptySections', 'staleEnglish', 'editors', 'brokenLinks', 'uptime'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

export interface DashboardFilter {
  status?: SiteStatus;
  kind?: UnitKind;
  stale?: boolean;
  brokenLinks?: boolean;
  sort: DashboardSort;
  order: 'asc' | 'desc';
}

export interface DashboardQuery extends DashboardFilter {
  limit: number;
  offset: number;
}

const filterProperties = {
  status: { enum: [...SITE_STATUSES] },
  kind: { enum: [...UNIT_KINDS] },
  stale: { type: 'boolean', description: 'true: only sites not updated within `staleAfterDays`; false: only the others.' },
  brokenLinks: { type: 'boolean', description: 'true: only sites with at least one broken link; false: only sites without.' },
  sort: { enum: [...DASHBOARD_SORTS], default: 'name' },
  order: { enum: ['asc', 'desc'], default: 'asc' },
} as const;

export const dashboardQuery = defineSchema<DashboardQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const dashboardCsvQuery = defineSchema<DashboardFilter>({ type: 'object', additionalProperties: false, properties: filterProperties });

const nullableInt = { type: ['integer', 'null'] } as const;

export const dashboardRowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['siteId', 'unit', 'status', 'primaryHost', 'lastUpdate', 'stale', 'publishedLast30Days', 'mandatedSections', 'emptyMandatedSections', 'staleEnglish', 'editors', 'brokenLinks', 'uptime'],
  properties: {
    siteId: { type: 'string' },
    unit: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'slug', 'nameVi', 'kind'],
      properties: { id: { type: 'string' }, slug: { type: 'string' }, nameVi: { type: 'string' }, kind: { type: 'string' } },
    },
    status: { enum: [...SITE_STATUSES] },
    primaryHost: { type: ['string', 'null'] },
    lastUpdate: { type: ['string', 'null'], format: 'date-time', description: 'Newest published or updated article or page.' },
    stale: { type: 'boolean', description: 'No update within `staleAfterDays` (or nothing published at all).' },
    publishedLast30Days: { type: 'integer' },
    mandatedSections: { type: 'integer' },
    emptyMandatedSections: { type: 'integer' },
    staleEnglish: { type: 'integer', description: 'Organisation rows whose English is out of date (POR-23).' },
    editors: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'admins', 'editors', 'authors'],
      properties: { total: { type: 'integer', description: 'Distinct users holding a site role in the unit.' }, admins: { type: 'integer' }, editors: { type: 'integer' }, authors: { type: 'integer' } },
    },
    brokenLinks: { type: 'integer' },
    uptime: { type: ['number', 'null'], description: 'Percent, from a monitoring plugin (`sites.uptime`); null without one.' },
  },
} as const;

export const dashboardPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset', 'staleAfterDays', 'uptimeAvailable', 'flagged'],
  properties: {
    items: { type: 'array', items: dashboardRowSchema },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    staleAfterDays: { type: 'integer' },
    uptimeAvailable: { type: 'boolean' },
    flagged: { type: 'integer', description: 'Sites of the filtered list flagged stale.' },
  },
} as const;

export const siteLinksParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });

export const siteLinksQuery = defineSchema<{ status?: LinkStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: [...LINK_STATUSES] }, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } },
});

export const linkPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'url', 'status', 'httpStatus', 'error', 'failures', 'lastCheckedAt', 'occurrences'],
        properties: {
          id: { type: 'string' },
          url: { type: 'string' },
          status: { enum: [...LINK_STATUSES] },
          httpStatus: nullableInt,
          error: { type: ['string', 'null'] },
          failures: { type: 'integer', description: 'Consecutive failed runs; two make the link broken.' },
          lastCheckedAt: { type: ['string', 'null'], format: 'date-time' },
          occurrences: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['itemType', 'itemId', 'title', 'path'],
              properties: { itemType: { enum: ['article', 'page'] }, itemId: { type: 'string' }, title: { type: 'string' }, path: { type: 'string' } },
            },
          },
        },
      },
    },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

export const linkCheckRunSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['jobId'],
  properties: { jobId: { type: 'string' } },
} as const;
