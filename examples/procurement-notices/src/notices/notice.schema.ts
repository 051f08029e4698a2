import { defineSchema } from '@cong/sdk';
import type { Funding, NoticeKind, NoticeStatus, ProjectGroup, PublicNotice } from '../api/index.js';
import { FUNDINGS, GROUPS, KINDS, STATUSES } from './notice-labels.js';

/** A notice as staff see it: the public fields and whether and when it is public. */
export interface Notice extends Omit<PublicNotice, 'publishedAt'> {
  readonly publishedAt: string | null;
  readonly createdAt: string;
}

export interface NoticeInput {
  kind: NoticeKind;
  name: string;
  slug?: string;
  objective: string;
  field: string;
  projectGroup?: ProjectGroup | null;
  startOn?: string | null;
  endOn?: string | null;
  budgetVnd?: number | null;
  funding: Funding;
  donor?: string | null;
  status: NoticeStatus;
  closesAt?: string | null;
  result?: string | null;
}

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const date = { type: 'string', format: 'date' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

const inputProperties = {
  kind: { enum: KINDS, description: 'project: dự án đầu tư công; tender: thông báo mời thầu; award: kết quả lựa chọn nhà thầu.' },
  name: { type: 'string', minLength: 3, maxLength: 300, description: 'Tên dự án hoặc gói thầu.' },
  slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120, description: 'The public address; default: made from the name.' },
  objective: { type: 'string', minLength: 1, maxLength: 5000, description: 'Mục tiêu, quy mô.' },
  field: { type: 'string', minLength: 1, maxLength: 120, description: 'Lĩnh vực (giao thông, y tế, giáo dục…).' },
  projectGroup: nullable({ enum: GROUPS }),
  startOn: nullable(date),
  endOn: nullable(date),
  budgetVnd: nullable({ type: 'integer', minimum: 0, maximum: 9_000_000_000_000_000, description: 'Tổng mức đầu tư hoặc giá gói thầu, đồng.' }),
  funding: { enum: FUNDINGS },
  donor: nullable({ type: 'string', minLength: 1, maxLength: 200, description: 'Nhà tài trợ (ODA).' }),
  status: { enum: STATUSES },
  closesAt: nullable({ ...dateTime, description: 'Thời điểm đóng thầu.' }),
  result: nullable({ type: 'string', minLength: 1, maxLength: 5000, description: 'Kết quả (nhà thầu trúng thầu, giá trúng thầu; hoặc kết quả dự án).' }),
} as const;

export const createNoticeBody = defineSchema<NoticeInput>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'objective', 'field', 'funding', 'status'],
  properties: inputProperties,
});

export const updateNoticeBody = defineSchema<Partial<NoticeInput>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: inputProperties,
});

const publicProperties = {
  id: { type: 'string', format: 'uuid' },
  slug: { type: 'string' },
  kind: { enum: KINDS },
  name: { type: 'string' },
  objective: { type: 'string' },
  field: { type: 'string' },
  projectGroup: nullable({ enum: GROUPS }),
  startOn: nullable(date),
  endOn: nullable(date),
  budgetVnd: nullable({ type: 'integer' }),
  funding: { enum: FUNDINGS },
  donor: nullable({ type: 'string' }),
  status: { enum: STATUSES },
  closesAt: nullable(dateTime),
  result: nullable({ type: 'string' }),
  updatedAt: dateTime,
} as const;

export const noticeSchema = defineSchema<Notice>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(publicProperties), 'publishedAt', 'createdAt'],
  properties: { ...publicProperties, publishedAt: nullable(dateTime), createdAt: dateTime },
});

export const publicNoticeSchema = defineSchema<PublicNotice>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(publicProperties), 'publishedAt'],
  properties: { ...publicProperties, publishedAt: dateTime },
});

export interface NoticeFilter {
  kind?: NoticeKind;
  status?: NoticeStatus;
  q?: string;
  limit: number;
  offset: number;
}

const filterProperties = {
  kind: { enum: KINDS },
  status: { enum: STATUSES },
  q: { type: 'string', maxLength: 200, description: 'Words of the name; diacritics optional ("duong" finds "đường").' },
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
} as const;

export const noticeFilterQuery = defineSchema<NoticeFilter & { published?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties, published: { type: 'boolean' } },
});

export const publicFilterQuery = defineSchema<NoticeFilter>({ type: 'object', additionalProperties: false, properties: filterProperties });

const pageOf = <T>(item: Record<string, unknown>) =>
  defineSchema<{ items: T[]; total: number; limit: number; offset: number }>({
    type: 'object',
    additionalProperties: false,
    required: ['items', 'total', 'limit', 'offset'],
    properties: { items: { type: 'array', items: item }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  });

export const noticePage = pageOf<Notice>(noticeSchema as unknown as Record<string, unknown>);
export const publicNoticePage = pageOf<PublicNotice>(publicNoticeSchema as unknown as Record<string, unknown>);

export const noticeIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});
