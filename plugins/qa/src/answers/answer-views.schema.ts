// Response schemas of the answers' JSON routes.
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
const questionStatus = { enum: ['unverified', 'received', 'forwarded', 'returned', 'closed', 'waiting', 'answered'] } as const;

const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: text, slug: text, name: text } } as const;

/** An agency's answer with its revisions and internal notes (`AnswerView`). */
export const answerViewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['questionId', 'questionStatus', 'requiresApproval', 'answer', 'notes'],
  properties: {
    questionId: text,
    questionStatus,
    requiresApproval: { type: 'boolean', description: 'Whether the unit sends answers only after a leader approves them.' },
    answer: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['status', 'body', 'revision', 'createdBy', 'submittedBy', 'submittedAt', 'decidedBy', 'decidedAt', 'remarks', 'sentAt', 'updatedAt', 'revisions', 'attachments'],
          properties: {
            status: { enum: ['draft', 'pending', 'sent'] },
            body: text,
            revision: { type: 'integer' },
            createdBy: text,
            submittedBy: nullableText,
            submittedAt: nullableTime,
            decidedBy: nullableText,
            decidedAt: nullableTime,
            remarks: { ...nullableText, description: 'The approver’s remarks when the answer was sent back.' },
            sentAt: nullableTime,
            updatedAt: time,
            revisions: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['number', 'body', 'author', 'at'], properties: { number: { type: 'integer' }, body: text, author: text, at: time } },
            },
            attachments: {
              type: 'array',
              description: 'Files sent with the answer to the asker (never published); download with `GET /api/qa/inbox/:id/answer/attachments/:fileId`.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'name', 'contentType', 'size', 'author', 'at'],
                properties: { id: text, name: text, contentType: text, size: { type: 'integer' }, author: text, at: time },
              },
            },
          },
        },
      ],
    },
    notes: {
      type: 'array',
      description: 'Internal notes: never shown to the asker or the public.',
      items: { type: 'object', additionalProperties: false, required: ['id', 'author', 'body', 'at'], properties: { id: text, author: text, body: text, at: time } },
    },
  },
} as const;

export const waitingSchema = { type: 'object', additionalProperties: false, required: ['id', 'status'], properties: { id: text, status: { const: 'waiting' } } } as const;
export const settingsSchema = { type: 'object', additionalProperties: false, required: ['requireApproval'], properties: { requireApproval: { type: 'boolean' } } } as const;

const ratingSummary = {
  type: 'object',
  additionalProperties: false,
  required: ['agency', 'answered', 'rated', 'average', 'scores'],
  properties: {
    agency: { anyOf: [unitRef, { type: 'null' }] },
    answered: { type: 'integer', description: 'Answers the agency sent.' },
    rated: { type: 'integer' },
    average: { type: ['number', 'null'] },
    scores: {
      type: 'object',
      additionalProperties: false,
      required: ['1', '2', '3', '4', '5'],
      properties: { '1': { type: 'integer' }, '2': { type: 'integer' }, '3': { type: 'integer' }, '4': { type: 'integer' }, '5': { type: 'integer' } },
    },
  },
} as const;
export const ratingSummarySchema = ratingSummary;
export const ratingSummaryListSchema = { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: ratingSummary } } } as const;

const texts = { title: text, question: text, answer: text } as const;
const finding = {
  type: 'object',
  additionalProperties: false,
  required: ['part', 'kind', 'text'],
  properties: { part: { enum: ['title', 'question', 'answer'] }, kind: { enum: ['name', 'address', 'email', 'phone', 'id-number', 'licence-plate'] }, text },
} as const;
const textsObject = { type: 'object', additionalProperties: false, required: ['title', 'question', 'answer'], properties: texts } as const;

/** The board's redaction review (`ReviewView`). */
export const reviewSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['questionId', 'consentPublish', 'status', 'original', 'proposal', 'findings', 'reviewed', 'slug', 'publishedAt'],
  properties: {
    questionId: text,
    consentPublish: { type: 'boolean' },
    status: { anyOf: [{ enum: ['reviewed', 'published', 'unpublished'] }, { type: 'null' }] },
    original: textsObject,
    proposal: { ...textsObject, description: 'The texts with what the detector found masked: check and edit before saving.' },
    findings: { type: 'array', items: finding },
    reviewed: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['title', 'question', 'answer', 'reviewedBy', 'reviewedAt', 'remaining'],
          properties: { ...texts, reviewedBy: text, reviewedAt: time, remaining: { type: 'array', items: finding, description: 'What the detector still finds in the reviewed version.' } },
        },
      ],
    },
    slug: nullableText,
    publishedAt: nullableTime,
  },
} as const;

/** A published question and answer: nothing personal. */
export const publicAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'title', 'question', 'answer', 'field', 'agency', 'askedAt', 'answeredAt', 'publishedAt'],
  properties: {
    slug: { type: 'string', description: 'Its page is `/hoi-dap/<slug>` on the province’s sites.' },
    ...texts,
    field: { type: 'object', additionalProperties: false, required: ['code', 'name'], properties: { code: text, name: text } },
    agency: nullableText,
    askedAt: time,
    answeredAt: time,
    publishedAt: time,
  },
} as const;

export const publicAnswerPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: publicAnswerSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
} as const;

export const repliedSchema = { type: 'object', additionalProperties: false, required: ['status'], properties: { status: { const: 'forwarded' } } } as const;
export const ratedSchema = { type: 'object', additionalProperties: false, required: ['score'], properties: { score: { type: 'integer' } } } as const;

/** A progress report with its stated answer date (QA-03). */
export const progressReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'text', 'answerBy', 'at'],
  properties: { id: text, text, answerBy: { type: 'string', format: 'date', description: 'The date the agency will answer by (Vietnam).' }, at: time },
} as const;
export const progressReportListSchema = { type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: progressReportSchema } } } as const;

/** A question the board answered by linking a published Q&A (QA-06). */
export const answeredByReferenceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'publication'],
  properties: {
    id: text,
    status: { const: 'answered' },
    publication: { type: 'object', additionalProperties: false, required: ['questionId', 'slug', 'title'], properties: { questionId: text, slug: text, title: text } },
  },
} as const;
