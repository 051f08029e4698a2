import { defineSchema } from '@cong/sdk';
import type { DialogueQuestionStatus } from './dialogue-database.js';
import type { DialogueInput } from './dialogue.service.js';

const ID = { type: 'string', minLength: 1, maxLength: 64 } as const;
const SLUG = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[a-z0-9-]+$' } as const;
/** http and https only; the service parses it again and refuses anything else naming the field. */
const WEB_LINK = { type: 'string', maxLength: 2000, pattern: '^$|^[Hh][Tt][Tt][Pp][Ss]?://' } as const;

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: ID } });
export const questionParams = defineSchema<{ id: string; questionId: string }>({ type: 'object', additionalProperties: false, required: ['id', 'questionId'], properties: { id: ID, questionId: ID } });
export const pageQuery = defineSchema<{ limit?: number; offset?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } },
});
export const questionQuery = defineSchema<{ status?: DialogueQuestionStatus }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: ['pending', 'approved', 'rejected', 'answering', 'answered', 'forwarded'] } },
});

export const dialogueBody = defineSchema<DialogueInput>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'field', 'description', 'guests', 'startsAt', 'endsAt'],
  properties: {
    title: { type: 'string', minLength: 5, maxLength: 500 },
    field: { type: 'string', minLength: 1, maxLength: 40 },
    description: { type: 'string', maxLength: 20000 },
    guests: {
      type: 'array',
      minItems: 1,
      maxItems: 30,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'position', 'unit'],
        properties: { id: ID, name: { type: 'string', minLength: 1, maxLength: 200 }, position: { type: 'string', maxLength: 300 }, unit: { type: 'string', maxLength: 300 } },
      },
    },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    livestreamUrl: { anyOf: [WEB_LINK, { type: 'null' }] },
  },
});

export const cancelBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } });
export const publishBody = defineSchema<{ summary: string; videoUrl?: string | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['summary'],
  properties: { summary: { type: 'string', minLength: 1, maxLength: 200000 }, videoUrl: { anyOf: [WEB_LINK, { type: 'null' }] } },
});
export const reasonBody = defineSchema<{ reason?: string }>({ type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } });
export const rejectBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } });
export const answerBody = defineSchema<{ guestId: string; text: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['guestId', 'text'],
  properties: { guestId: ID, text: { type: 'string', minLength: 1, maxLength: 50000 } },
});

// ─── Public pages ─────────────────────────────────────────────────────────────────────────────
export const slugParams = defineSchema<{ slug: string }>({ type: 'object', additionalProperties: false, required: ['slug'], properties: { slug: SLUG } });
export const tokenParams = defineSchema<{ token: string }>({ type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 100 } } });

/** The question form as a browser posts it: every field text; the checks that name a field are the page's and the service's. */
export interface AskFormBody {
  name?: string;
  email?: string;
  content?: string;
  consentProcessing?: string;
  consentPublish?: string;
  website?: string;
  formToken?: string;
}

export function askFormBody(contentMaxLength: number) {
  return defineSchema<AskFormBody>({
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', maxLength: 400 },
      email: { type: 'string', maxLength: 500 },
      content: { type: 'string', maxLength: contentMaxLength * 2 },
      consentProcessing: { type: 'string', maxLength: 10 },
      consentPublish: { type: 'string', maxLength: 10 },
      website: { type: 'string', maxLength: 400 },
      formToken: { type: 'string', maxLength: 200 },
    },
  });
}
