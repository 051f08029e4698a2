import { defineSchema } from '@cong/sdk';

export interface ReorganisationView {
  readonly id: string;
  readonly kind: 'merge' | 'split' | 'archive' | 'rename';
  readonly source: { readonly id: string; readonly slug: string | null; readonly nameVi: string | null };
  readonly successor: { readonly id: string; readonly slug: string | null; readonly nameVi: string | null } | null;
  readonly effectiveDate: string | null;
  readonly mode: 'move' | 'archive' | 'hosts';
  readonly status: 'done' | 'failed';
  readonly report: Record<string, unknown> | null;
  readonly error: string | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const unitRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'nameVi'],
  properties: { id: { type: 'string' }, slug: { type: ['string', 'null'] }, nameVi: { type: ['string', 'null'] } },
} as const;

export const reorganisationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'source', 'successor', 'effectiveDate', 'mode', 'status', 'report', 'error', 'attempts', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    kind: { enum: ['merge', 'split', 'archive', 'rename'], description: 'The core change the sites followed.' },
    source: unitRef,
    successor: { anyOf: [unitRef, { type: 'null' }] },
    effectiveDate: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
    mode: { enum: ['move', 'archive', 'hosts'], description: 'move: content to the successor, hosts redirect page by page; archive: kept readable; hosts: a renamed unit\'s host followed its name.' },
    status: { enum: ['done', 'failed'] },
    report: {
      type: ['object', 'null'],
      description: 'What moved (counts and the former paths that redirect elsewhere), or the hosts before and after a rename.',
      additionalProperties: true,
    },
    error: { type: ['string', 'null'] },
    attempts: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const reorganisationListQuery = defineSchema<{ limit: number; offset: number; status?: 'done' | 'failed' }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
    status: { enum: ['done', 'failed'] },
  },
});

export const reorganisationPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: reorganisationSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

export const reorganisationIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 36 } },
});

/** A retry takes no options. */
export const emptyBody = defineSchema<Record<string, never>>({ type: 'object', additionalProperties: false, properties: {} });
