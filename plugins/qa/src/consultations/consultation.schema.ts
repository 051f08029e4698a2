import { defineSchema } from '@cong/sdk';
import type { DraftArticle } from './article-splitter.js';
import { BUILT_IN_CONSULTEES, REPLY_DECISIONS, type BuiltInConsultee, type CommentStatus, type ReplyDecision } from './consultation-database.js';
import type { ConsultationSettings } from './consultation-config.js';

const DAY = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const TEXT_LIMIT = 2_000_000;
const TITLE = { type: 'string', minLength: 5, maxLength: 500 } as const;
const SUMMARY = { type: 'string', maxLength: 20000 } as const;
const CONTACT = {
  type: 'object',
  additionalProperties: false,
  required: ['address', 'email'],
  properties: {
    address: { type: 'string', minLength: 5, maxLength: 300 },
    email: { type: 'string', minLength: 3, maxLength: 254, format: 'email' },
    phone: { type: 'string', maxLength: 30, pattern: '^$|^\\+?[0-9][0-9 .()-]{5,26}[0-9]$' },
  },
} as const;

const articleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['chapter', 'number', 'heading', 'body'],
  properties: {
    chapter: { type: ['string', 'null'], maxLength: 500 },
    number: { type: ['string', 'null'], maxLength: 20 },
    heading: { type: 'string', minLength: 1, maxLength: 500 },
    body: { type: 'string', maxLength: 200_000 },
  },
} as const;

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: ID } });
export const commentParams = defineSchema<{ id: string; commentId: string }>({ type: 'object', additionalProperties: false, required: ['id', 'commentId'], properties: { id: ID, commentId: ID } });
export const fileParams = defineSchema<{ id: string; fileId: string }>({ type: 'object', additionalProperties: false, required: ['id', 'fileId'], properties: { id: ID, fileId: ID } });
export const pageQuery = defineSchema<{ limit?: number; offset?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } },
});
/** The moderation queue: by status, oldest first, `limit` at a time (100 by default) from `offset`. */
export const commentQuery = defineSchema<{ status?: CommentStatus; limit?: number; offset?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['pending', 'approved', 'rejected'] }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 100 }, offset: { type: 'integer', minimum: 0, maximum: 1000000, default: 0 } },
});

export interface CreateBody {
  title: string;
  documentType: string;
  summary: string;
  opensOn: string;
  closesOn: string;
  shortened?: boolean;
  contact: { address: string; email: string; phone?: string };
  text?: string;
  articles?: DraftArticle[];
  builtInConsultees?: BuiltInConsultee[];
  otherConsultees?: string[];
}

export const createBody = defineSchema<CreateBody>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'documentType', 'summary', 'opensOn', 'closesOn', 'contact'],
  properties: {
    title: TITLE,
    documentType: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' },
    summary: SUMMARY,
    opensOn: DAY,
    closesOn: DAY,
    shortened: { type: 'boolean' },
    contact: CONTACT,
    text: { type: 'string', minLength: 1, maxLength: TEXT_LIMIT },
    articles: { type: 'array', minItems: 1, maxItems: 2000, items: articleSchema },
    builtInConsultees: { type: 'array', maxItems: BUILT_IN_CONSULTEES.length, uniqueItems: true, items: { enum: [...BUILT_IN_CONSULTEES] } },
    otherConsultees: { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } },
  },
});

/** The fields of a consultation staff may change before it opens; at least one. */
export const updateBody = defineSchema<Partial<Pick<CreateBody, 'title' | 'summary' | 'opensOn' | 'closesOn' | 'contact'>>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { title: TITLE, summary: SUMMARY, opensOn: DAY, closesOn: DAY, contact: CONTACT },
});

export const splitBody = defineSchema<{ text: string }>({ type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: TEXT_LIMIT } } });
export const articlesBody = defineSchema<{ articles: DraftArticle[] }>({ type: 'object', additionalProperties: false, required: ['articles'], properties: { articles: { type: 'array', minItems: 1, maxItems: 2000, items: articleSchema } } });
export const reasonBody = defineSchema<{ reason?: string }>({ type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } });
export const rejectBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } });
export const replyBody = defineSchema<{ decision: ReplyDecision; explanation: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'explanation'],
  properties: { decision: { enum: [...REPLY_DECISIONS] }, explanation: { type: 'string', minLength: 1, maxLength: 20000 } },
});
export const outcomeBody = defineSchema<{ summary: string }>({ type: 'object', additionalProperties: false, required: ['summary'], properties: { summary: { type: 'string', minLength: 1, maxLength: 20000 } } });
export const agencyReplyBody = defineSchema<{ text: string }>({ type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 50000 } } });
export const reportQuery = defineSchema<{ format?: 'json' | 'docx' | 'pdf' | 'csv' }>({ type: 'object', additionalProperties: false, properties: { format: { enum: ['json', 'docx', 'pdf', 'csv'] } } });

// ─── Public pages ─────────────────────────────────────────────────────────────────────────────
export const slugParams = defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' } } });
export const slugCommentParams = defineSchema<{ slug: string; commentId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'commentId'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' }, commentId: ID },
});
export const slugFileParams = defineSchema<{ slug: string; fileId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'fileId'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' }, fileId: ID },
});
export const reportFileParams = defineSchema<{ slug: string; format: 'pdf' | 'docx' }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'format'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' }, format: { enum: ['pdf', 'docx'] } },
});
export const tokenParams = defineSchema<{ token: string }>({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 100 } } });

/** The comment form as a browser posts it: every field text; the checks that name a field are the service's. */
export interface CommentFormBody {
  name?: string;
  organisation?: string;
  email?: string;
  article?: string;
  body?: string;
  website?: string;
  formToken?: string;
}

export function commentFormBody(settings: ConsultationSettings) {
  return defineSchema<CommentFormBody>({
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', maxLength: 400 },
      organisation: { type: 'string', maxLength: 600 },
      email: { type: 'string', maxLength: 500 },
      article: { type: 'string', maxLength: 64 },
      body: { type: 'string', maxLength: settings.commentMaxLength * 2 },
      website: { type: 'string', maxLength: 400 },
      formToken: { type: 'string', maxLength: 200 },
    },
  });
}
