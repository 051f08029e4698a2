import { defineSchema } from '@cong/sdk';
import { VERIFICATION_TOKEN } from '../questions/question-tokens.js';

const TRACKING = { type: 'string', minLength: 1, maxLength: 30 } as const;
const EMAIL = { type: 'string', minLength: 3, maxLength: 254, format: 'email' } as const;
const TOKEN = { type: 'string', pattern: VERIFICATION_TOKEN.source } as const;

export const deletionRequestBody = defineSchema<{ trackingCode: string; email: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'email'],
  properties: { trackingCode: TRACKING, email: EMAIL },
});

export const confirmBody = defineSchema<{ token: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: TOKEN },
});

export const tokenParams = defineSchema<{ token: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 100 } },
});

/** The request form of the public page (url-encoded). */
export const deletionFormBody = defineSchema<{ trackingCode?: string; email?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { trackingCode: { type: 'string', maxLength: 30 }, email: { type: 'string', maxLength: 254 } },
});

export const requestedSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['linkHours'],
  properties: { linkHours: { type: 'integer' } },
});

export const erasedSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['erased', 'trackingCode'],
  properties: { erased: { type: 'boolean', const: true }, trackingCode: { type: ['string', 'null'] } },
});

export const retentionSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['erased', 'retentionYears'],
  properties: { erased: { type: 'integer', minimum: 0 }, retentionYears: { type: 'integer' } },
});
