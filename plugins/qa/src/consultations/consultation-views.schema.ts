// Response schemas of the consultation JSON routes: what a generated client reads, and what the core
// checks the handlers' answers against in tests.
import { BUILT_IN_CONSULTEES, REPLY_DECISIONS } from './consultation-database.js';
import { CONSULTATION_PHASES } from './consultation-phase.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const phase = { enum: [...CONSULTATION_PHASES] } as const;
const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: text, slug: text, name: text } } as const;
const nullableUnit = { anyOf: [unitRef, { type: 'null' }] } as const;
const file = { type: 'object', additionalProperties: false, required: ['id', 'name', 'contentType', 'size'], properties: { id: text, name: text, contentType: text, size: { type: 'integer' } } } as const;

export const articleView = {
  type: 'object',
  additionalProperties: false,
  required: ['chapter', 'number', 'heading', 'body'],
  properties: { id: text, chapter: nullableText, number: nullableText, heading: text, body: text },
} as const;

const summaryProperties = {
  id: text,
  slug: text,
  title: text,
  documentType: text,
  phase,
  opensOn: day,
  closesOn: day,
  announcedAt: nullableTime,
  createdAt: time,
  updatedAt: time,
} as const;

export const consulteeView = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'builtIn', 'deadlineOn', 'reply'],
  properties: {
    unit: unitRef,
    builtIn: { anyOf: [{ enum: [...BUILT_IN_CONSULTEES] }, { type: 'null' }] },
    deadlineOn: day,
    reply: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'file', 'by', 'at', 'late'],
          properties: { text: nullableText, file: { anyOf: [file, { type: 'null' }] }, by: text, at: time, late: { type: 'boolean', description: 'Replied after the deadline.' } },
        },
      ],
    },
  },
} as const;

export const consultationListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: { type: 'object', additionalProperties: false, required: Object.keys(summaryProperties), properties: summaryProperties } },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

export const consultationSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(summaryProperties), 'summary', 'shortened', 'rule', 'contact', 'articles', 'files', 'consultees', 'comments', 'outcome'],
  properties: {
    ...summaryProperties,
    summary: text,
    shortened: { type: 'boolean', description: 'Shortened procedure: consulted agencies reply within the shorter period.' },
    rule: { type: 'object', additionalProperties: false, required: ['version', 'minimumDays'], properties: { version: text, minimumDays: { type: 'integer' } } },
    contact: { type: 'object', additionalProperties: false, required: ['address', 'email', 'phone'], properties: { address: text, email: text, phone: nullableText } },
    articles: { type: 'array', items: articleView },
    files: { type: 'array', items: file },
    consultees: { type: 'array', items: consulteeView },
    comments: { type: 'integer', description: 'Verified comments, whatever their moderation.' },
    outcome: { anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['summary', 'publishedAt'], properties: { summary: text, publishedAt: time } }] },
  },
} as const;

export const splitSchema = { type: 'object', additionalProperties: false, required: ['articles'], properties: { articles: { type: 'array', items: articleView } } } as const;

const documentType = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'label', 'minimumDays', 'checked'],
  properties: { code: text, label: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: text, en: text } }, minimumDays: { type: 'integer' }, checked: { type: 'boolean', description: 'False while the value has not been checked against the legal text.' } },
} as const;

export const periodsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'citation', 'documentTypes', 'agencyReplyDays', 'agencyReplyDaysShortened', 'builtInConsultees'],
  properties: {
    version: text,
    citation: text,
    documentTypes: { type: 'array', items: documentType },
    agencyReplyDays: { type: 'integer' },
    agencyReplyDaysShortened: { type: 'integer' },
    builtInConsultees: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['flag', 'unit'], properties: { flag: { enum: [...BUILT_IN_CONSULTEES] }, unit: nullableUnit } } },
  },
} as const;

export const commentView = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'articleId', 'status', 'hidden', 'reports', 'author', 'body', 'reply', 'createdAt'],
  properties: {
    id: text,
    articleId: nullableText,
    status: { enum: ['pending', 'approved', 'rejected'] },
    hidden: { type: 'boolean', description: 'Hidden after too many abuse reports, until restored.' },
    reports: { type: 'integer' },
    author: { type: 'object', additionalProperties: false, required: ['name', 'organisation', 'email'], properties: { name: text, organisation: nullableText, email: text } },
    body: text,
    reply: {
      anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['decision', 'explanation', 'by', 'at'], properties: { decision: { enum: [...REPLY_DECISIONS] }, explanation: text, by: text, at: time } }],
    },
    createdAt: time,
  },
} as const;

export const commentListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: commentView }, total: { type: 'integer', description: 'Comments in the chosen statuses, all pages.' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

export const moderationLogSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['commentId', 'action', 'reason', 'actor', 'at'], properties: { commentId: text, action: { enum: ['approve', 'reject', 'auto-hide', 'restore'] }, reason: nullableText, actor: text, at: time } },
    },
  },
} as const;

export const requestListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['consultationId', 'title', 'slug', 'draftingUnit', 'unit', 'builtIn', 'deadlineOn', 'reply'],
        properties: { consultationId: text, title: text, slug: text, draftingUnit: nullableUnit, ...consulteeView.properties },
      },
    },
  },
} as const;

const reportComment = {
  type: 'object',
  additionalProperties: false,
  required: ['commenter', 'comment', 'decision', 'decisionLabel', 'explanation'],
  properties: { commenter: { type: 'string', description: 'The organisation as given, else the initials of the name.' }, comment: text, decision: { anyOf: [{ enum: [...REPLY_DECISIONS] }, { type: 'null' }] }, decisionLabel: text, explanation: text },
} as const;

export const reportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['consultationId', 'title', 'unit', 'opensOn', 'closesOn', 'phase', 'outcome', 'totals', 'sections', 'agencies'],
  properties: {
    consultationId: text,
    title: text,
    unit: text,
    opensOn: day,
    closesOn: day,
    phase,
    outcome: nullableText,
    totals: {
      type: 'object',
      additionalProperties: false,
      required: ['comments', 'accepted', 'partly', 'notAccepted', 'unanswered'],
      properties: { comments: { type: 'integer' }, accepted: { type: 'integer' }, partly: { type: 'integer' }, notAccepted: { type: 'integer' }, unanswered: { type: 'integer' } },
    },
    sections: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['heading', 'comments'], properties: { heading: text, comments: { type: 'array', items: reportComment } } } },
    agencies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unit', 'deadlineOn', 'repliedOn', 'late', 'reply', 'file'],
        properties: { unit: text, deadlineOn: day, repliedOn: { anyOf: [day, { type: 'null' }] }, late: { type: 'boolean' }, reply: text, file: nullableText },
      },
    },
  },
} as const;
