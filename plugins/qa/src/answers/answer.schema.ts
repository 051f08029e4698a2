import { defineSchema } from '@cong/sdk';
import type { AnswerSettings } from './answer-config.js';
import { LINK_TOKEN } from './link-token.js';

const TRACKING = { type: 'string', minLength: 1, maxLength: 30 } as const;
const EMAIL = { type: 'string', minLength: 3, maxLength: 254, format: 'email' } as const;
const FIELD_CODE = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' } as const;

/** A draft's text, at most `answerMaxLength` characters. */
export function draftBody(settings: AnswerSettings) {
  return defineSchema<{ body: string }>({
    type: 'object',
    additionalProperties: false,
    required: ['body'],
    properties: { body: { type: 'string', minLength: 1, maxLength: settings.answerMaxLength } },
  });
}

export const noteBody = defineSchema<{ body: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['body'],
  properties: { body: { type: 'string', minLength: 1, maxLength: 4000 } },
});

export const remarksBody = defineSchema<{ remarks: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['remarks'],
  properties: { remarks: { type: 'string', minLength: 1, maxLength: 2000 } },
});

export const messageBody = defineSchema<{ message: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: { type: 'string', minLength: 1, maxLength: 2000 } },
});

export const settingsBody = defineSchema<{ requireApproval: boolean }>({
  type: 'object',
  additionalProperties: false,
  required: ['requireApproval'],
  properties: { requireApproval: { type: 'boolean' } },
});

export const reviewBody = defineSchema<{ title: string; question: string; answer: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'question', 'answer'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 300 },
    question: { type: 'string', minLength: 1, maxLength: 20000 },
    answer: { type: 'string', minLength: 1, maxLength: 40000 },
  },
});

export const unpublishBody = defineSchema<{ reason?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 2000 } },
});

/** The citizen's reply to a request for information, with the code and e-mail that identify the question. */
export const replyBody = defineSchema<{ trackingCode: string; email: string; message: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'email', 'message'],
  properties: { trackingCode: TRACKING, email: EMAIL, message: { type: 'string', minLength: 1, maxLength: 2000 } },
});

export const ratingBody = defineSchema<{ token: string; score: number; comment?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token', 'score'],
  properties: { token: { type: 'string', pattern: LINK_TOKEN.source }, score: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 1000 } },
});

/** The rating page's form: text fields as a browser posts them, checked by the handler so the page can name problems. */
export const ratingFormBody = defineSchema<{ score?: string; comment?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { score: { type: 'string', maxLength: 2 }, comment: { type: 'string', maxLength: 2000 } },
});

export const ratingTokenParams = defineSchema<{ token: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', maxLength: 100 } },
});

export const fileParams = defineSchema<{ id: string; fileId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'fileId'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 36 }, fileId: { type: 'string', minLength: 1, maxLength: 64 } },
});

export const askerFileParams = defineSchema<{ token: string; fileId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token', 'fileId'],
  properties: { token: { type: 'string', maxLength: 100 }, fileId: { type: 'string', minLength: 1, maxLength: 64 } },
});

export const slugParams = defineSchema<{ slug: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 120 } },
});

export interface PublicListQuery {
  field?: string;
  q?: string;
  limit?: number;
  offset?: number;
}
export const publicListQuery = defineSchema<PublicListQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    field: FIELD_CODE,
    q: { type: 'string', maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 100000 },
  },
});

/** The public list page's query, in Vietnamese: `linh-vuc`, `q`, `trang`. */
export interface PublicPageQuery {
  'linh-vuc'?: string;
  q?: string;
  trang?: number;
}
export const publicPageQuery = defineSchema<PublicPageQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    'linh-vuc': { type: 'string', maxLength: 40, pattern: '^[a-z0-9-]*$' },
    q: { type: 'string', maxLength: 200 },
    trang: { type: 'integer', minimum: 1, maximum: 5000 },
  },
});

/** The status page's reply form: flat text, checked by the handler. */
export const replyFormBody = defineSchema<{ trackingCode?: string; email?: string; message?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { trackingCode: { type: 'string', maxLength: 30 }, email: { type: 'string', maxLength: 254 }, message: { type: 'string', maxLength: 4000 } },
});

/** QA-03: what the agency has done and the date it will answer by. */
export const progressReportBody = defineSchema<{ text: string; answerBy: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['text', 'answerBy'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 2000, description: 'Tiến độ: what has been done and what remains (sent to the asker).' },
    answerBy: { type: 'string', format: 'date', description: 'Ngày trả lời: after today, at most `qa.deadline.progressMax` working days away (Vietnam date).' },
  },
});

/** QA-06: the published Q&A (slug or question id) that answers the question, and an optional word to the asker. */
export const answerByReferenceBody = defineSchema<{ publication: string; note?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['publication'],
  properties: {
    publication: { type: 'string', minLength: 1, maxLength: 200 },
    note: { type: 'string', maxLength: 1000 },
  },
});
