// Response schemas of the feedback JSON routes: what a generated client reads, and what the core checks
// the handlers' answers against in tests.
import { CLASSIFICATIONS, CONTENT_TYPES, DECISIONS, FEEDBACK_STATUSES } from './feedback-database.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const nullable = (schema: object) => ({ anyOf: [{ type: 'null' }, schema] });
const object = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required: Object.keys(properties), properties }) as const;

const feedbackProperties = {
  id: text,
  kind: { enum: ['regulation', 'idea'] },
  status: { enum: [...FEEDBACK_STATUSES] },
  channel: { enum: ['web', 'post', 'phone', 'questionnaire', 'in_person'], description: 'How it reached the unit: the portal’s form (`web`) or entered by staff.' },
  trackingCode: nullableText,
  sender: object({ name: text, email: text, phone: text, address: text }),
  contentType: nullable({ enum: Object.keys(CONTENT_TYPES) }),
  regulation: nullable(object({ name: text, link: nullableText })),
  title: text,
  content: text,
  proposal: nullableText,
  consentPublish: { type: 'boolean' },
  receivedAt: nullableTime,
  registerNumber: nullableText,
  registeredAt: nullableTime,
  classification: nullable({ enum: Object.keys(CLASSIFICATIONS) }),
  classifyReason: nullableText,
  forwardDueOn: { type: ['string', 'null'], description: 'The last day to forward it (YYYY-MM-DD, Vietnam): the received day + the working days of qa.deadline.petitionForward.' },
  forwardRuleVersion: nullableText,
  forwardedTo: nullableText,
  forwardedAt: nullableTime,
  forwardedOnTime: { type: ['boolean', 'null'] },
  review: nullable({ type: 'object', additionalProperties: object({ met: { type: 'boolean' }, note: text }) }),
  decision: nullable({ enum: Object.keys(DECISIONS) }),
  decisionNote: nullableText,
  publication: nullable(object({ slug: text, title: text, summary: text, result: nullableText, publishedAt: nullableTime })),
  acknowledgement: nullable(object({ level: { enum: ['acknowledged', 'adopted'] }, note: text })),
  supportCount: { type: 'integer' },
  archivedAt: nullableTime,
  createdAt: time,
  timeline: { type: 'array', items: object({ action: text, actor: text, unit: nullableText, note: nullableText, at: time }) },
} as const;

export const feedbackSchema = object(feedbackProperties);

export const feedbackListSchema = object({ items: { type: 'array', items: feedbackSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } });
