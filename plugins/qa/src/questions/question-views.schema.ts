// Response schemas of the Q&A JSON routes: what a generated client reads, and what the core checks the
// handlers' answers against in tests.
import { ANSWER_ACTIONS } from './qa-database.js';
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const statusEnum = { enum: ['unverified', 'received', 'forwarded', 'returned', 'closed', 'waiting', 'answered'] } as const;

const unitRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'slug', 'name'],
  properties: { id: text, slug: text, name: text },
} as const;
const nullableUnit = { anyOf: [unitRef, { type: 'null' }] } as const;

/** A question as staff read it (`QuestionView`): the asker's contact is there because they answer. */
const questionProperties = {
  id: text,
  trackingCode: nullableText,
  status: statusEnum,
  field: { type: 'string', description: 'The field (lĩnh vực) code.' },
  commune: nullableUnit,
  site: nullableUnit,
  agency: { ...nullableUnit, description: 'The agency the question is forwarded to now.' },
  title: text,
  content: text,
  consentPublish: { type: 'boolean' },
  closeReason: nullableText,
  receivedAt: nullableTime,
  createdAt: time,
  updatedAt: time,
  asker: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'email', 'phone', 'address'],
    properties: { name: text, email: text, phone: nullableText, address: nullableText },
  },
} as const;
const questionRequired = Object.keys(questionProperties);

export const questionPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: {
    items: { type: 'array', items: { type: 'object', additionalProperties: false, required: questionRequired, properties: questionProperties } },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  },
} as const;

/** One question with its timeline; the board's view adds the routing rules' suggestions. */
export const questionDetailSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...questionRequired, 'timeline', 'deadline'],
  properties: {
    ...questionProperties,
    deadline: {
      description: 'The SLA clock of the hop the question is on, or its last hop (src/deadlines; every hop: `GET …/:id/deadlines`).',
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['hop', 'kind', 'unit', 'dueOn', 'state', 'rule'],
          properties: { hop: { type: 'integer' }, kind: { enum: ['board', 'agency'] }, unit: nullableUnit, dueOn: { type: 'string', format: 'date' }, state: { enum: ['on-time', 'due-soon', 'overdue', 'paused', 'met', 'met-late'] }, rule: text },
        },
      ],
    },
    attachments: {
      type: 'array',
      description: 'Files the asker attached (download: `GET …/:id/attachments/:fileId`).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'contentType', 'size'],
        properties: { id: text, name: text, contentType: text, size: { type: 'integer' } },
      },
    },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['action', 'at', 'actor', 'unit', 'target', 'note'],
        properties: {
          action: { enum: ['submitted', 'verified', 'classified', 'forwarded', 'returned', 'transferred', 'declined', ...ANSWER_ACTIONS] },
          at: time,
          actor: text,
          unit: nullableUnit,
          target: nullableUnit,
          note: nullableText,
        },
      },
    },
    suggestions: {
      type: 'array',
      description: 'Board only: agencies the routing rules suggest.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['agency', 'rule'],
        properties: {
          agency: unitRef,
          rule: { type: 'object', additionalProperties: false, required: ['id', 'kind'], properties: { id: text, kind: { enum: ['field', 'commune'] } } },
        },
      },
    },
  },
} as const;

export const ruleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'field', 'commune', 'agency', 'note', 'updatedAt'],
  properties: { id: text, kind: { enum: ['field', 'commune'] }, field: nullableText, commune: nullableUnit, agency: nullableUnit, note: nullableText, updatedAt: time },
} as const;

export const ruleListSchema = { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: ruleSchema } } } as const;

/** What a widget needs to show the form: fields, communes, the consent text, a signed form token, limits. */
export const formDescriptorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fields', 'communes', 'consent', 'formToken', 'minFillSeconds', 'limits'],
  properties: {
    fields: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['code', 'name', 'nameEn'], properties: { code: text, name: text, nameEn: text } } },
    communes: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['slug', 'name'], properties: { slug: text, name: text } } },
    consent: { type: 'object', additionalProperties: false, required: ['version', 'vi', 'en'], properties: { version: text, vi: text, en: text } },
    formToken: { type: 'string', description: 'Send it back with the question: it proves the form was shown long enough ago (and not too long).' },
    minFillSeconds: { type: 'integer' },
    limits: {
      type: 'object',
      additionalProperties: false,
      required: ['titleMaxLength', 'contentMaxLength', 'contentMinLength'],
      properties: {
        titleMaxLength: { type: 'integer' },
        contentMaxLength: { type: 'integer' },
        contentMinLength: { type: 'integer' },
        attachmentsMaxCount: { type: 'integer', description: 'Most files a question takes (0: none).' },
        attachmentMaxBytes: { type: 'integer', description: 'Largest file, in bytes.' },
        attachmentTypes: { type: 'array', items: { type: 'string' }, description: 'Accepted types, sniffed from the content.' },
      },
    },
    proof: {
      type: 'object',
      additionalProperties: false,
      required: ['challenge', 'bits', 'expiresAt'],
      description:
        'Only while `questions.proofOfWork` is on: find a decimal nonce such that SHA-256 of `<challenge>:<nonce>` (UTF-8) starts with `bits` zero bits, and send `<challenge>:<nonce>` as `proof` with the question. One solution, one question.',
      properties: { challenge: { type: 'string' }, bits: { type: 'integer', minimum: 8, maximum: 24 }, expiresAt: { type: 'string', format: 'date-time' } },
    },
  },
} as const;

export const verifiedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'title'],
  properties: { trackingCode: { type: 'string', description: 'Also mailed to the asker.' }, title: text },
} as const;

/** The public status: nothing personal; the answer once sent, the agency's request while waiting, the rating link. */
export const publicStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['trackingCode', 'status', 'title', 'field', 'receivedAt', 'agency', 'closeReason', 'updatedAt', 'expectedAnswerBy', 'answer', 'informationRequest', 'rating'],
  properties: {
    trackingCode: text,
    status: statusEnum,
    title: text,
    field: text,
    receivedAt: nullableTime,
    agency: nullableText,
    closeReason: nullableText,
    updatedAt: time,
    expectedAnswerBy: { type: ['string', 'null'], format: 'date', description: 'Hạn trả lời dự kiến: the agency’s due date while it has the question (it moves on while waiting for the asker).' },
    answer: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'agency', 'answeredAt', 'attachments'],
          properties: {
            text,
            agency: nullableText,
            answeredAt: time,
            attachments: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'size', 'path'],
                properties: { name: text, size: { type: 'integer' }, path: { type: 'string', description: 'Under the site of the question: `/hoi-dap/tep/<token>/<id>`.' } },
              },
            },
          },
        },
      ],
    },
    informationRequest: { ...nullableText, description: 'While `waiting`: what the agency asks; reply with `POST /api/qa/public/reply`.' },
    progressReport: {
      description: 'QA-03 (src/answers): the agency’s latest report of progress and the date it will answer, while it has the question.',
      anyOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['text', 'answerBy', 'at'], properties: { text, answerBy: { type: 'string', format: 'date' }, at: time } }],
    },
    rating: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['token', 'rated'],
          properties: { token: { ...nullableText, description: 'For `POST /api/qa/public/rating`; null once rated.' }, rated: { type: 'boolean' } },
        },
      ],
    },
  },
} as const;

/** An agency gave a question back to the board: it leaves the agency's inbox. */
export const returnedSchema = { type: 'object', additionalProperties: false, required: ['id', 'status'], properties: { id: text, status: { const: 'returned' } } } as const;

/** An agency passed a question on: it leaves its inbox for the other agency's. */
export const transferredSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'agency'],
  properties: { id: text, status: { const: 'forwarded' }, agency: unitRef },
} as const;
