import { defineSchema } from '@cong/sdk';
import { CLASSIFICATIONS, CONTENT_TYPES, DECISIONS, FEEDBACK_STATUSES, INTAKE_CHANNELS, REVIEW_CRITERIA, type Classification, type ContentType, type Decision, type FeedbackStatus, type IntakeChannel, type Review } from './feedback-database.js';

const ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const NOTE = { type: 'string', minLength: 1, maxLength: 4000 } as const;
const LONG = { type: 'string', minLength: 1, maxLength: 50000 } as const;

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: ID } });
export const listQuery = defineSchema<{ status?: FeedbackStatus; limit?: number; offset?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: FEEDBACK_STATUSES.filter((s) => s !== 'unverified') },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const registerBody = defineSchema<{ number?: string }>({ type: 'object', additionalProperties: false, properties: { number: { type: 'string', maxLength: 40, pattern: '^[0-9A-Za-zĐđ/._-]*$' } } });
export const classifyBody = defineSchema<{ outcome: Classification; reason: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['outcome', 'reason'],
  properties: { outcome: { enum: Object.keys(CLASSIFICATIONS) }, reason: NOTE },
});
export const forwardBody = defineSchema<{ to: string; note?: string }>({ type: 'object', additionalProperties: false, required: ['to'], properties: { to: { type: 'string', minLength: 1, maxLength: 500 }, note: { type: 'string', maxLength: 4000 } } });
export const noteBody = defineSchema<{ note: string }>({ type: 'object', additionalProperties: false, required: ['note'], properties: { note: NOTE } });
export const assessBody = defineSchema<{ sufficientBasis: boolean; note: string }>({ type: 'object', additionalProperties: false, required: ['sufficientBasis', 'note'], properties: { sufficientBasis: { type: 'boolean' }, note: NOTE } });

const criterion = { type: 'object', additionalProperties: false, required: ['met', 'note'], properties: { met: { type: 'boolean' }, note: { type: 'string', maxLength: 4000 } } } as const;
export const reviewBody = defineSchema<{ criteria: Review }>({
  type: 'object',
  additionalProperties: false,
  required: ['criteria'],
  properties: {
    criteria: { type: 'object', additionalProperties: false, required: Object.keys(REVIEW_CRITERIA), properties: Object.fromEntries(Object.keys(REVIEW_CRITERIA).map((c) => [c, criterion])) },
  },
});
export const decideBody = defineSchema<{ decision: Decision; note: string }>({ type: 'object', additionalProperties: false, required: ['decision', 'note'], properties: { decision: { enum: Object.keys(DECISIONS) }, note: LONG } });
export const publishBody = defineSchema<{ title: string; summary: string; result: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'result'],
  properties: { title: { type: 'string', minLength: 5, maxLength: 500 }, summary: LONG, result: LONG },
});

/** Feedback received by post, telephone, questionnaire or in person, as staff enter it. */
export interface IntakeBody {
  readonly channel: IntakeChannel;
  /** The day it arrived (`YYYY-MM-DD`, Vietnam): today or earlier; the forwarding deadline counts from it. */
  readonly receivedOn: string;
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  readonly email?: string;
  readonly contentType: ContentType;
  readonly regulationName: string;
  readonly regulationLink?: string;
  readonly title: string;
  readonly content: string;
  readonly proposal?: string;
  readonly consentPublish?: boolean;
}
export const intakeBody = defineSchema<IntakeBody>({
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'receivedOn', 'name', 'address', 'phone', 'contentType', 'regulationName', 'title', 'content'],
  properties: {
    channel: { enum: Object.keys(INTAKE_CHANNELS) },
    receivedOn: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    name: { type: 'string', maxLength: 400 },
    address: { type: 'string', maxLength: 600 },
    phone: { type: 'string', maxLength: 100 },
    email: { type: 'string', maxLength: 500 },
    contentType: { enum: Object.keys(CONTENT_TYPES) },
    regulationName: { type: 'string', maxLength: 1000 },
    regulationLink: { type: 'string', maxLength: 2100 },
    title: { type: 'string', maxLength: 600 },
    content: { type: 'string', maxLength: 25000 },
    proposal: { type: 'string', maxLength: 25000 },
    consentPublish: { type: 'boolean' },
  },
});

export const acceptBody = defineSchema<{ title: string; summary: string }>({ type: 'object', additionalProperties: false, required: ['title', 'summary'], properties: { title: { type: 'string', minLength: 5, maxLength: 500 }, summary: LONG } });
export const rejectBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: NOTE } });
export const acknowledgeBody = defineSchema<{ level: 'acknowledged' | 'adopted'; note: string }>({ type: 'object', additionalProperties: false, required: ['level', 'note'], properties: { level: { enum: ['acknowledged', 'adopted'] }, note: NOTE } });

// ─── Public pages ─────────────────────────────────────────────────────────────────────────────
export const slugParams = defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' } } });
export const tokenParams = defineSchema<{ token: string }>({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 100 } } });

const FORM_TEXT = { type: 'string', maxLength: 25000 } as const;
/** The forms as a browser posts them: every field text, bounded; the checks that name a field are the page's. */
export const submissionFormBody = defineSchema<Record<string, string | undefined>>({
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 400 },
    email: { type: 'string', maxLength: 500 },
    phone: { type: 'string', maxLength: 100 },
    address: { type: 'string', maxLength: 600 },
    contentType: { type: 'string', maxLength: 40 },
    regulationName: { type: 'string', maxLength: 1000 },
    regulationLink: { type: 'string', maxLength: 2100 },
    title: { type: 'string', maxLength: 600 },
    content: FORM_TEXT,
    proposal: FORM_TEXT,
    consentProcessing: { type: 'string', maxLength: 10 },
    consentPublish: { type: 'string', maxLength: 10 },
    website: { type: 'string', maxLength: 400 },
    formToken: { type: 'string', maxLength: 200 },
  },
});
export const lookupFormBody = defineSchema<{ trackingCode?: string; email?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { trackingCode: { type: 'string', maxLength: 40 }, email: { type: 'string', maxLength: 500 } },
});
export const supportFormBody = defineSchema<{ email?: string; website?: string; formToken?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { email: { type: 'string', maxLength: 500 }, website: { type: 'string', maxLength: 400 }, formToken: { type: 'string', maxLength: 200 } },
});
