import { defineSchema } from '@cong/sdk';
import type { RoyaltyRole, RoyaltyStatus } from './royalties-database.js';

export const ROYALTY_ROLES: readonly RoyaltyRole[] = ['author', 'photographer', 'translator', 'editor', 'other'];
export const ROYALTY_STATUSES: readonly RoyaltyStatus[] = ['proposed', 'approved', 'paid'];
/** Genres (thể loại) the payout tables group by: news item, article, photo, photo story, video, translation, other. */
export const ROYALTY_GENRES = ['tin', 'bai-viet', 'anh', 'phong-su-anh', 'video', 'ban-dich', 'khac'] as const;
export type RoyaltyGenre = (typeof ROYALTY_GENRES)[number];

export interface Royalty {
  id: string;
  subject: { kind: 'article'; id: string; title: string; publishedAt: string };
  period: string;
  recipient: { name: string; userId: string | null };
  role: RoyaltyRole;
  genre: string;
  coefficient: number;
  unitValueVnd: number;
  amountVnd: number;
  status: RoyaltyStatus;
  note: string | null;
  createdBy: string;
  approvedBy: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const period = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Month of publication, `YYYY-MM`.' } as const;
/** Up to two decimals (hệ số 1,5), positive. */
const coefficient = { type: 'number', exclusiveMinimum: 0, maximum: 1000, multipleOf: 0.01 } as const;
const recipientName = { type: 'string', minLength: 1, maxLength: 200 } as const;
const note = { type: ['string', 'null'], maxLength: 1000 } as const;
const recipient = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: recipientName, userId: { type: ['string', 'null'], maxLength: 191, description: 'The account of the recipient, when they have one: they cannot approve their own royalty.' } },
} as const;

export const royaltySchema = defineSchema<Royalty>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'subject', 'period', 'recipient', 'role', 'genre', 'coefficient', 'unitValueVnd', 'amountVnd', 'status', 'note', 'createdBy', 'approvedBy', 'approvedAt', 'paidAt', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    subject: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'id', 'title', 'publishedAt'],
      properties: { kind: { enum: ['article'] }, id: { type: 'string' }, title: { type: 'string' }, publishedAt: time },
    },
    period: { type: 'string' },
    recipient: { type: 'object', additionalProperties: false, required: ['name', 'userId'], properties: { name: { type: 'string' }, userId: { type: ['string', 'null'] } } },
    role: { enum: ROYALTY_ROLES },
    genre: { type: 'string' },
    coefficient: { type: 'number' },
    unitValueVnd: { type: 'integer' },
    amountVnd: { type: 'integer' },
    status: { enum: ROYALTY_STATUSES },
    note: { type: ['string', 'null'] },
    createdBy: { type: 'string' },
    approvedBy: { type: ['string', 'null'] },
    approvedAt: nullableTime,
    paidAt: nullableTime,
    createdAt: time,
    updatedAt: time,
  },
});

export interface CreateRoyaltyBody {
  articleId: string;
  recipient: { name: string; userId?: string | null };
  role: RoyaltyRole;
  genre: RoyaltyGenre;
  coefficient: number;
  note?: string | null;
}

export const createRoyaltyBody = defineSchema<CreateRoyaltyBody>({
  type: 'object',
  additionalProperties: false,
  required: ['articleId', 'recipient', 'role', 'genre', 'coefficient'],
  properties: {
    articleId: { type: 'string', format: 'uuid' },
    recipient,
    role: { enum: ROYALTY_ROLES },
    genre: { enum: ROYALTY_GENRES },
    coefficient,
    note,
  },
});

export const updateRoyaltyBody = defineSchema<Partial<Omit<CreateRoyaltyBody, 'articleId'>>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    recipient,
    role: { enum: ROYALTY_ROLES },
    genre: { enum: ROYALTY_GENRES },
    coefficient,
    note,
  },
});

export const listRoyaltiesQuery = defineSchema<{ period?: string; status?: RoyaltyStatus; articleId?: string; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    period,
    status: { enum: ROYALTY_STATUSES },
    articleId: { type: 'string', format: 'uuid' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const royaltyPage = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: royaltySchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

export const periodQuery = defineSchema<{ period: string }>({ type: 'object', additionalProperties: false, required: ['period'], properties: { period } });

export const royaltyIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});

/** Totals of a period by recipient, and the period's published articles with no royalty recorded. */
export const periodSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['period', 'unitValueVnd', 'recipients', 'totalVnd', 'unrecorded'],
  properties: {
    period: { type: 'string' },
    unitValueVnd: { type: ['integer', 'null'], description: 'The unit value in force now (null: not set in the settings).' },
    recipients: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'userId', 'items', 'proposedVnd', 'approvedVnd', 'paidVnd'],
        properties: { name: { type: 'string' }, userId: { type: ['string', 'null'] }, items: { type: 'integer' }, proposedVnd: { type: 'integer' }, approvedVnd: { type: 'integer' }, paidVnd: { type: 'integer' } },
      },
    },
    totalVnd: { type: 'integer' },
    unrecorded: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id', 'title', 'publishedAt'], properties: { id: { type: 'string' }, title: { type: 'string' }, publishedAt: time } },
    },
  },
} as const;
