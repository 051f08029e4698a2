import { defineSchema, type JsonSchema } from '@cong/sdk';
import { QUESTION_STATUSES, type QuestionStatus, type RoutingRuleKind } from './qa-database.js';
import type { QuestionLimits } from './question-config.js';
import { VERIFICATION_TOKEN } from './question-tokens.js';

const FIELD_CODE = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' } as const;
const UNIT = { type: 'string', minLength: 1, maxLength: 100 } as const;
const NOTE = { type: 'string', maxLength: 2000 } as const;
const PHONE = { type: 'string', maxLength: 20, pattern: '^$|^\\+?[0-9][0-9 .()-]{6,18}[0-9]$' } as const;
const TRACKING = { type: 'string', minLength: 1, maxLength: 30 } as const;
const EMAIL = { type: 'string', minLength: 3, maxLength: 254, format: 'email' } as const;
/** A solved proof-of-work challenge; checked by the service (src/public-forms/proof-of-work.ts), so a refusal has its own code. */
const PROOF = {
  type: 'string',
  maxLength: 200,
  description: 'While `questions.proofOfWork` is on: `<challenge>:<nonce>` (the form\'s `proof.challenge`, a colon, a decimal nonce) whose SHA-256 starts with `proof.bits` zero bits.',
} as const;

/** The question's fields, shared by the widget's JSON and the page's form. */
function questionProperties(limits: QuestionLimits): Record<string, JsonSchema> {
  return {
    name: { type: 'string', minLength: 1, maxLength: limits.nameMaxLength },
    email: EMAIL,
    phone: PHONE,
    address: { type: 'string', maxLength: limits.addressMaxLength },
    field: FIELD_CODE,
    commune: { type: 'string', maxLength: 100 },
    title: { type: 'string', minLength: 1, maxLength: limits.titleMaxLength },
    content: { type: 'string', minLength: 1, maxLength: limits.contentMaxLength },
    website: { type: 'string', maxLength: 200 },
    formToken: { type: 'string', minLength: 1, maxLength: 100 },
    proof: PROOF,
  };
}
const REQUIRED = ['name', 'email', 'field', 'title', 'content', 'formToken'];

export interface QuestionJsonBody {
  name: string;
  email: string;
  phone?: string;
  address?: string;
  field: string;
  commune?: string;
  title: string;
  content: string;
  consentPublish?: boolean;
  consentProcessing: true;
  website?: string;
  formToken: string;
  proof?: string;
}

/** The widget's JSON: consent to processing must be `true`; consent to publication is a boolean. */
export function questionJsonBody(limits: QuestionLimits) {
  return defineSchema<QuestionJsonBody>({
    type: 'object',
    additionalProperties: false,
    required: [...REQUIRED, 'consentProcessing'],
    properties: { ...questionProperties(limits), consentPublish: { type: 'boolean' }, consentProcessing: { const: true } },
  });
}

/** The page's form as a browser sends it: every field text, checkboxes `on` when ticked and absent otherwise. */
export interface QuestionFormBody {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
  field?: string;
  commune?: string;
  title?: string;
  content?: string;
  consentPublish?: string;
  consentProcessing?: string;
  website?: string;
  formToken?: string;
  proof?: string;
}

/**
 * Loose on purpose: only hard caps, so that a page without JavaScript gets its form back with the
 * problems named (the handler checks the rest) instead of a JSON problem document.
 */
export function questionFormBody(hardCap: number) {
  const textField = { type: 'string', maxLength: hardCap } as const;
  return defineSchema<QuestionFormBody>({
    type: 'object',
    additionalProperties: false,
    properties: {
      name: textField,
      email: { type: 'string', maxLength: 254 },
      phone: { type: 'string', maxLength: 40 },
      address: textField,
      field: { type: 'string', maxLength: 40 },
      commune: { type: 'string', maxLength: 100 },
      title: textField,
      content: textField,
      consentPublish: { type: 'string', maxLength: 10 },
      consentProcessing: { type: 'string', maxLength: 10 },
      website: { type: 'string', maxLength: 1000 },
      formToken: { type: 'string', maxLength: 100 },
      proof: PROOF,
    },
  });
}

export const submittedResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'verificationHours', 'attachToken'],
  properties: {
    id: { type: 'string' },
    status: { const: 'unverified' },
    verificationHours: { type: 'integer' },
    attachToken: { type: 'string', description: 'Attaches files to the question (`POST /api/qa/public/questions/attachments`) until it is confirmed.' },
  },
} as const;

export const tokenParams = defineSchema<{ token: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', maxLength: 100 } },
});

export const verifyBody = defineSchema<{ token: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['token'],
  properties: { token: { type: 'string', pattern: VERIFICATION_TOKEN.source } },
});

export const statusBody = defineSchema<{ trackingCode: string; email: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'email'],
  properties: { trackingCode: TRACKING, email: EMAIL },
});

export const idParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 36 } },
});

export interface ListQuery {
  status?: QuestionStatus;
  field?: string;
  commune?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const listQuery = defineSchema<ListQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: QUESTION_STATUSES.filter((s) => s !== 'unverified') },
    field: FIELD_CODE,
    commune: UNIT,
    from: DATE,
    to: DATE,
    limit: { type: 'integer', minimum: 1, maximum: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 100000 },
  },
});

export const classifyBody = defineSchema<{ field: string }>({ type: 'object', additionalProperties: false, required: ['field'], properties: { field: FIELD_CODE } });
export const forwardBody = defineSchema<{ agency: string; note?: string }>({ type: 'object', additionalProperties: false, required: ['agency'], properties: { agency: UNIT, note: NOTE } });
export const reasonBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } } });

export interface RuleBody {
  kind: RoutingRuleKind;
  field?: string | null;
  commune?: string | null;
  agency: string;
  note?: string | null;
}
export const ruleBody = defineSchema<RuleBody>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'agency'],
  properties: {
    kind: { enum: ['field', 'commune'] },
    field: { anyOf: [FIELD_CODE, { type: 'null' }] },
    commune: { anyOf: [UNIT, { type: 'null' }] },
    agency: UNIT,
    note: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }] },
  },
});

/** An upload's other field: the token the submission answered. */
export const attachBody = defineSchema<{ attachToken: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['attachToken'],
  properties: { attachToken: { type: 'string', minLength: 1, maxLength: 100 } },
});

/** What the files of a question look like to the asker after an upload. */
export const attachedResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['attachments', 'remaining'],
  properties: {
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'contentType', 'size'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' } },
      },
    },
    remaining: { type: 'integer', description: 'How many more files the question takes.' },
  },
} as const;

/** A look-up of published questions like the one being typed (duplicate suggestions, QA-06). */
export const suggestionQuery = defineSchema<{ q: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: { q: { type: 'string', maxLength: 300 } },
});
