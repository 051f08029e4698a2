// Response schemas of the dialogue JSON routes: what a generated client reads, and what the core checks
// the handlers' answers against in tests.
import { DIALOGUE_QUESTION_STATUSES, DIALOGUE_STATUSES } from './dialogue-database.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

const guest = { type: 'object', additionalProperties: false, required: ['id', 'name', 'position', 'unit'], properties: { id: text, name: text, position: text, unit: text } } as const;

const dialogueProperties = {
  id: text,
  slug: text,
  title: text,
  field: text,
  description: text,
  guests: { type: 'array', items: guest },
  startsAt: time,
  endsAt: time,
  livestreamUrl: nullableText,
  status: { enum: [...DIALOGUE_STATUSES] },
  cancelReason: nullableText,
  summary: nullableText,
  videoUrl: nullableText,
  startedAt: nullableTime,
  endedAt: nullableTime,
  publishedAt: nullableTime,
  createdAt: time,
  updatedAt: time,
} as const;

export const dialogueSchema = { type: 'object', additionalProperties: false, required: Object.keys(dialogueProperties), properties: dialogueProperties } as const;

export const dialogueListSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: dialogueSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

const questionProperties = {
  id: text,
  status: { enum: [...DIALOGUE_QUESTION_STATUSES] },
  askedDuring: { enum: ['before', 'during'], description: 'Sent before the event went live, or while it was live.' },
  asker: { type: 'object', additionalProperties: false, required: ['name', 'email'], properties: { name: text, email: text } },
  content: text,
  consentPublish: { type: 'boolean' },
  rejectReason: nullableText,
  answer: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'guest', 'at'],
        properties: { text, guest: { type: 'object', additionalProperties: false, required: ['id', 'name', 'position'], properties: { id: text, name: text, position: text } }, at: time },
      },
    ],
  },
  forwardedQuestionId: { ...nullableText, description: 'The question of the question flow it became (QA-31).' },
  createdAt: time,
} as const;

export const dialogueQuestionSchema = { type: 'object', additionalProperties: false, required: Object.keys(questionProperties), properties: questionProperties } as const;
export const dialogueQuestionListSchema = { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: dialogueQuestionSchema } } } as const;

export const dialogueModerationLogSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['questionId', 'action', 'reason', 'actor', 'at'],
        properties: { questionId: text, action: { enum: ['approve', 'reject', 'answering', 'answer', 'forward'] }, reason: nullableText, actor: text, at: time },
      },
    },
  },
} as const;

export const forwardedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['id', 'questionId', 'trackingCode'], properties: { id: text, questionId: text, trackingCode: text } },
    },
  },
} as const;
