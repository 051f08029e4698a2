import { defineSchema } from '@cong/sdk';
import { MAIL_TEMPLATE_NAMES } from './mail-template-catalog.js';

// A subject is one line: no control characters (a value's line breaks are removed when rendered).
const SUBJECT = { type: 'string', minLength: 1, maxLength: 400, pattern: '^[^\\u0000-\\u001f\\u007f]+$' } as const;
const BODY = { type: 'string', minLength: 1, maxLength: 20000 } as const;
const TEXT_PROPERTIES = { subject: SUBJECT, bodyVi: BODY, bodyEn: BODY } as const;
const LABEL = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;
const TEXT = { type: 'object', additionalProperties: false, required: ['subject', 'bodyVi', 'bodyEn'], properties: { subject: { type: 'string' }, bodyVi: { type: 'string' }, bodyEn: { type: 'string' } } } as const;

export const templateParams = defineSchema<{ name: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z][a-z-]*$' } },
});

export const templateBody = defineSchema<{ subject: string; bodyVi: string; bodyEn: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'bodyVi', 'bodyEn'],
  properties: TEXT_PROPERTIES,
});

/** A draft to preview; a part left out is the saved (or default) one. */
export const previewBody = defineSchema<{ subject?: string; bodyVi?: string; bodyEn?: string } | undefined>({
  type: 'object',
  additionalProperties: false,
  properties: TEXT_PROPERTIES,
});

export const templateSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'description', 'keys', 'subject', 'bodyVi', 'bodyEn', 'overridden', 'defaults', 'updatedBy', 'updatedAt'],
  properties: {
    name: { type: 'string', enum: [...MAIL_TEMPLATE_NAMES] },
    description: LABEL,
    keys: { type: 'array', items: { type: 'string' } },
    subject: { type: 'string' },
    bodyVi: { type: 'string' },
    bodyEn: { type: 'string' },
    overridden: { type: 'boolean' },
    defaults: TEXT,
    updatedBy: { type: ['string', 'null'] },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
});

export const templateListSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'description', 'keys', 'overridden', 'updatedAt'],
        properties: { name: { type: 'string' }, description: LABEL, keys: { type: 'array', items: { type: 'string' } }, overridden: { type: 'boolean' }, updatedAt: { type: ['string', 'null'], format: 'date-time' } },
      },
    },
  },
});

export const previewSchema = defineSchema({
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'text', 'values'],
  properties: { subject: { type: 'string' }, text: { type: 'string' }, values: { type: 'object', additionalProperties: { type: 'string' } } },
});
