import { defineSchema } from '@cong/sdk';
import { COMPLIANCE_STATUSES, type ComplianceSummary, type SectionCompliance } from './compliance.js';
import { DEADLINE_STATUSES, type DeadlineStatus } from './deadline.repository.js';
import { DEADLINE_KINDS, type DeadlineKind } from './mandated-catalogue.js';
import type { DeadlineSubjectType } from './mandated-database.js';
import type { SeedResult } from './mandated-seed.js';
import type { Deadline } from './publication-deadlines.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const localized = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const paging = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
} as const;

// ─── Sections and compliance ──────────────────────────────────────────────────────────────────
export const sectionCodeParams = defineSchema<{ code: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[A-Z]{2,6}-\\d{2,3}$', maxLength: 16 } },
});

export interface UpdateSectionBody {
  notApplicable?: boolean;
  reason?: string | null;
  linkUrl?: string | null;
}

export const updateSectionBody = defineSchema<UpdateSectionBody>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    notApplicable: { type: 'boolean', description: 'true needs a reason (lý do không áp dụng).' },
    reason: { type: ['string', 'null'], maxLength: 1000 },
    linkUrl: { type: ['string', 'null'], maxLength: 1000, pattern: '^https?://[^\\s]+$', description: 'Only for `link` sections (POR-03, POR-15).' },
  },
});

const sectionProperties = {
  code: { type: 'string' },
  name: localized,
  basis: { type: 'string' },
  source: { enum: ['legal', 'category', 'organisation', 'link', 'generated'] },
  status: { enum: [...COMPLIANCE_STATUSES] },
  itemCount: { type: 'integer', minimum: 0 },
  lastUpdate: { type: ['string', 'null'], format: 'date-time' },
  staleAfterDays: { type: ['number', 'null'] },
  staleRule: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['name', 'version', 'citation'],
    properties: { name: { type: 'string' }, version: { type: 'string' }, citation: { type: 'string' } },
  },
  englishStale: { type: 'integer', minimum: 0 },
  notApplicableReason: { type: ['string', 'null'] },
  linkUrl: { type: ['string', 'null'] },
  categoryId: { type: ['string', 'null'] },
  sitePath: { type: ['string', 'null'] },
  deadlineKind: { type: ['string', 'null'] },
  form: localized,
  note: { type: ['string', 'null'] },
} as const;

export const sectionComplianceSchema = defineSchema<SectionCompliance>({ type: 'object', additionalProperties: false, required: Object.keys(sectionProperties), properties: sectionProperties });

const summaryProperties = { ...Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, { type: 'integer', minimum: 0 }])), total: { type: 'integer', minimum: 0 } };
const summarySchema = { type: 'object', additionalProperties: false, required: Object.keys(summaryProperties), properties: summaryProperties } as const;
const unitRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'name'],
  properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: ['string', 'null'] } } } },
} as const;

export interface UnitRef {
  readonly id: string;
  readonly slug: string;
  readonly name: { readonly vi: string; readonly en: string | null };
}

export const complianceQuery = defineSchema<{ problems?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: { problems: { type: 'boolean', description: 'Only sections that are empty, stale or missing English.' } },
});

export const complianceResponse = defineSchema<{ unit: UnitRef; summary: ComplianceSummary; items: SectionCompliance[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'summary', 'items'],
  properties: { unit: unitRef, summary: summarySchema, items: { type: 'array', items: sectionComplianceSchema } },
});

export const unitsQuery = defineSchema<{ limit: number; offset: number }>({ type: 'object', additionalProperties: false, properties: paging });

export const unitsResponse = defineSchema<{ items: { unit: UnitRef; summary: ComplianceSummary }[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['unit', 'summary'], properties: { unit: unitRef, summary: summarySchema } } },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
});

export const seedResponse = defineSchema<SeedResult>({
  type: 'object',
  additionalProperties: false,
  required: ['added', 'categoriesCreated'],
  properties: { added: { type: 'array', items: { type: 'string' } }, categoriesCreated: { type: 'array', items: { type: 'string' } } },
});

// ─── Publication deadlines ────────────────────────────────────────────────────────────────────
const subjectType = { enum: ['article', 'legal', 'text'] } as const;
const deadlineProperties = {
  id: { type: 'string' },
  subject: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'id', 'title'],
    properties: { type: subjectType, id: { type: ['string', 'null'] }, title: { type: 'string' } },
  },
  kind: { type: 'string' },
  rule: { type: 'object', additionalProperties: false, required: ['name', 'version', 'days'], properties: { name: { type: 'string' }, version: { type: 'string' }, days: { type: 'number' } } },
  originDate: { type: 'string' },
  dueDate: { type: 'string' },
  metAt: { type: ['string', 'null'], format: 'date-time' },
  status: { enum: [...DEADLINE_STATUSES] },
  createdBy: { type: 'string' },
  createdAt: time,
} as const;

export const deadlineSchema = defineSchema<Deadline>({ type: 'object', additionalProperties: false, required: Object.keys(deadlineProperties), properties: deadlineProperties });

export const deadlinePage = defineSchema<{ items: Deadline[]; total: number; limit: number; offset: number; today: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset', 'today'],
  properties: { items: { type: 'array', items: deadlineSchema }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' }, today: { type: 'string' } },
});

export interface ListDeadlinesQuery {
  status?: DeadlineStatus;
  overdue?: boolean;
  dueBefore?: string;
  subjectType?: DeadlineSubjectType;
  limit: number;
  offset: number;
}

export const listDeadlinesQuery = defineSchema<ListDeadlinesQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: [...DEADLINE_STATUSES] },
    overdue: { type: 'boolean', description: 'true: only items not met and past their due date (the same as status=overdue).' },
    dueBefore: { ...date, description: 'Only items not met and due on or before this date (due soon).' },
    subjectType,
    ...paging,
  },
});

export type CreateDeadlineBody =
  | { subject: { type: 'article'; id: string }; kind: DeadlineKind; origin: string }
  | { subject: { type: 'text'; text: string }; kind: DeadlineKind; origin: string };

export const createDeadlineBody = defineSchema<CreateDeadlineBody>({
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'kind', 'origin'],
  properties: {
    subject: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['type', 'id'], properties: { type: { const: 'article' }, id: { type: 'string', format: 'uuid' } } },
        { type: 'object', additionalProperties: false, required: ['type', 'text'], properties: { type: { const: 'text' }, text: { type: 'string', minLength: 1, maxLength: 500 } } },
      ],
    },
    kind: { enum: [...DEADLINE_KINDS], description: 'The deadline rule: portal.publishDeadline.<kind>.' },
    origin: { ...date, description: 'The day the information was created, issued or approved.' },
  },
});

export const deadlineIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});

export const markMetBody = defineSchema<{ at?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { at: { ...time, description: 'When it was published. Default: now.' } },
});
