import { defineSchema, type LocalizedText } from '@cong/sdk';
import { DOCUMENT_TYPE_CODES, SOURCE_CHANNELS, type SourceChannel } from './document-types.js';
import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES, type FileRole, type SubmissionAction, type SubmissionOrigin, type SubmissionStatus } from './gazette-database.js';
import type { UnitRef } from './unit-tree.js';

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
/** A flag raised on intake (GAZ-11, GAZ-12, duplicates): it never stops a submission, the office judges it. */
export interface IntakeFlagView {
  readonly code: string;
  readonly message: { readonly vi: string; readonly en: string };
}

/** Where a deadline stands: `pending` (not met, not past), `met`, `late` (met after the due date), `overdue` (not met, past). */
export type DeadlineState = 'pending' | 'met' | 'late' | 'overdue';

export interface DeadlineView {
  /** The due date (Vietnam calendar date). */
  readonly due: string;
  /** `<rule name>@<version>` that computed it. */
  readonly rule: string;
  /** The day it was met (sent, published), or null. */
  readonly metOn: string | null;
  readonly state: DeadlineState;
}

export interface RegisterEntry {
  readonly year: number;
  readonly number: number;
  /** `<number>/<year>`, as the register shows it. */
  readonly label: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

export interface Submission {
  readonly id: string;
  readonly issuer: UnitRef;
  readonly office: UnitRef;
  readonly origin: SubmissionOrigin;
  readonly status: SubmissionStatus;
  readonly documentType: string;
  readonly numberSymbol: string;
  readonly number: string | null;
  readonly year: number | null;
  readonly symbol: string | null;
  readonly summary: string;
  readonly issuingAgency: string;
  readonly signer: string;
  readonly signedOn: string;
  readonly effectiveOn: string | null;
  readonly inForceOnSigning: boolean;
  readonly legalNormative: boolean;
  readonly field: string | null;
  readonly sourceChannel: SourceChannel;
  readonly submitterEmail: string | null;
  readonly note: string | null;
  readonly register: RegisterEntry | null;
  readonly sentAt: string | null;
  readonly sentBy: string | null;
  readonly deadlines: { readonly send: DeadlineView | null; readonly publish: DeadlineView | null };
  readonly flags: readonly IntakeFlagView[];
  /** The number of the last comparison round (0 before the first). */
  readonly round: number;
  readonly passedAt: string | null;
  readonly publishedAt: string | null;
  readonly publishedRef: string | null;
  readonly withdrawnAt: string | null;
  readonly withdrawReason: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface SubmissionFileView {
  readonly id: string;
  readonly role: FileRole;
  readonly version: number;
  readonly current: boolean;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly uploadedUnitId: string;
  readonly uploadedAt: string;
}

/** What a step produced, by kind of step. */
export interface TimelineDetail {
  readonly flags?: readonly IntakeFlagView[];
  readonly round?: number;
  readonly file?: { readonly role: FileRole; readonly version: number; readonly fileName: string };
  readonly notifiedTo?: readonly string[];
  readonly register?: string;
  readonly discrepancies?: number;
  readonly similarity?: number;
  readonly publishedRef?: string;
}

export interface TimelineStep {
  readonly action: SubmissionAction;
  readonly actorId: string;
  readonly unitId: string;
  readonly remark: string | null;
  readonly detail: TimelineDetail | null;
  readonly at: string;
}

export interface RoundSummary {
  readonly round: number;
  readonly status: 'open' | 'passed' | 'returned';
  readonly identical: boolean;
  readonly similarity: number;
  readonly discrepancyCount: number;
  readonly openedAt: string;
  readonly decidedAt: string | null;
  readonly notifiedAt: string | null;
}

export interface SubmissionDetail extends Submission {
  readonly files: readonly SubmissionFileView[];
  readonly timeline: readonly TimelineStep[];
  readonly rounds: readonly RoundSummary[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface IssuerContact {
  readonly name: string | null;
  readonly email: string;
  readonly phone: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

// ─── Building blocks ─────────────────────────────────────────────────────────────────────────
export const uuid = { type: 'string', minLength: 36, maxLength: 36, pattern: '^[0-9a-f-]{36}$' } as const;
export const time = { type: 'string', format: 'date-time' } as const;
export const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;
export const nullableText = { type: ['string', 'null'] } as const;
export const calendarDate = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDate = { type: ['string', 'null'], format: 'date' } as const;
/** A text someone reads later: not blank. */
export const reason = { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } as const;
export const remark = { type: 'string', maxLength: 2000 } as const;
export const paging = { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const email = { type: 'string', format: 'email', maxLength: 254 } as const;

export const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } } } as const;
export const flagObject = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
  },
} as const;
const deadlineObject = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['due', 'rule', 'metOn', 'state'],
      properties: { due: calendarDate, rule: { type: 'string' }, metOn: nullableDate, state: { enum: ['pending', 'met', 'late', 'overdue'] } },
    },
    { type: 'null' },
  ],
} as const;
const registerObject = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['year', 'number', 'label', 'registeredAt', 'registeredBy'],
      properties: { year: { type: 'integer' }, number: { type: 'integer', minimum: 1 }, label: { type: 'string' }, registeredAt: time, registeredBy: { type: 'string' } },
    },
    { type: 'null' },
  ],
} as const;

export const pageOf = (items: object) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['items', 'total', 'limit', 'offset'],
    properties: { items: { type: 'array', items }, total: { type: 'integer', minimum: 0 }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  }) as const;

// ─── Requests ────────────────────────────────────────────────────────────────────────────────
export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 36 } } });

/** The document's attributes (GAZ-13), as the issuer or the office enters them. */
export interface SubmissionAttributes {
  documentType: string;
  numberSymbol: string;
  summary: string;
  issuingAgency: string;
  signer: string;
  signedOn: string;
  effectiveOn?: string | null;
  inForceOnSigning?: boolean;
  legalNormative?: boolean;
  field?: string | null;
  submitterEmail?: string | null;
  note?: string | null;
}

const attributeProperties = {
  documentType: { enum: DOCUMENT_TYPE_CODES, description: 'Tên loại: nghi-quyet (Nghị quyết), quyet-dinh (Quyết định), chi-thi (Chỉ thị), thong-bao (Thông báo), van-ban-khac.' },
  numberSymbol: { ...text(100), description: 'Số, ký hiệu as written on the document: `41/2026/QĐ-UBND` (number/year/symbol) or `15/CT-UBND`.' },
  summary: { ...text(1000), description: 'Trích yếu.' },
  issuingAgency: { ...text(300), description: 'Cơ quan ban hành.' },
  signer: { ...text(200), description: 'Người ký.' },
  signedOn: { ...calendarDate, description: 'Ngày ký ban hành.' },
  effectiveOn: { type: ['string', 'null'], format: 'date', description: 'Ngày có hiệu lực.' },
  inForceOnSigning: { type: 'boolean', description: 'In force from signing: published at once (GAZ-16). Default false.' },
  legalNormative: { type: 'boolean', description: 'Văn bản quy phạm pháp luật. Default true.' },
  field: { type: ['string', 'null'], maxLength: 200, description: 'Lĩnh vực.' },
  submitterEmail: { anyOf: [email, { type: 'null' }], description: 'The submitter\'s e-mail: notified of discrepancies, with the unit\'s gazette contact.' },
  note: { type: ['string', 'null'], maxLength: 2000 },
} as const;

export const createSubmissionBody = defineSchema<SubmissionAttributes>({
  type: 'object',
  additionalProperties: false,
  required: ['documentType', 'numberSymbol', 'summary', 'issuingAgency', 'signer', 'signedOn'],
  properties: attributeProperties,
});

export const updateSubmissionBody = defineSchema<Partial<SubmissionAttributes>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: attributeProperties,
});

/** The office enters a document on an issuer's behalf: which unit, how and when it arrived. */
export interface OfficeSubmissionAttributes extends SubmissionAttributes {
  issuerUnitId: string;
  sourceChannel: SourceChannel;
}

export const officeSubmissionBody = defineSchema<OfficeSubmissionAttributes>({
  type: 'object',
  additionalProperties: false,
  required: ['issuerUnitId', 'sourceChannel', 'documentType', 'numberSymbol', 'summary', 'issuingAgency', 'signer', 'signedOn'],
  properties: {
    issuerUnitId: { type: 'string', minLength: 1, maxLength: 64, description: 'The issuing unit (id or slug), in the office\'s tree.' },
    sourceChannel: { enum: SOURCE_CHANNELS, description: 'How the document reached the office (GAZ-17).' },
    ...attributeProperties,
  },
});

/** Fields sent with an uploaded file (multipart form fields). */
export const fileFields = defineSchema<{ remark?: string }>({ type: 'object', additionalProperties: false, properties: { remark } });

export const submissionsQuery = defineSchema<{ status?: SubmissionStatus; year?: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: SUBMISSION_STATUSES }, year: { type: 'integer', minimum: 2000, maximum: 2200, description: 'Year of signing.' }, ...paging },
});

export const registerQuery = defineSchema<{ status?: SubmissionStatus; issuerUnitId?: string; registerYear?: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: SUBMISSION_STATUSES },
    issuerUnitId: { type: 'string', maxLength: 64, description: 'Only this issuing unit\'s documents.' },
    registerYear: { type: 'integer', minimum: 2000, maximum: 2200, description: 'Only documents registered in this year, in register order.' },
    ...paging,
  },
});

export const registerBody = defineSchema<{ receivedAt?: string; remark?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    receivedAt: { ...time, description: 'Only for a document the office entered itself: when it actually reached the office (default now). It starts the publication deadline (GAZ-01).' },
    remark,
  },
});

export const withdrawBody = defineSchema<{ reason: string }>({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason } });
export const remarkBody = defineSchema<{ remark?: string }>({ type: 'object', additionalProperties: false, properties: { remark } });

export const contactBody = defineSchema<{ name?: string | null; email: string; phone?: string | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['email'],
  properties: { name: { type: ['string', 'null'], maxLength: 200 }, email, phone: { type: ['string', 'null'], maxLength: 40, pattern: '^[0-9 +().-]*$' } },
});

// ─── Responses ───────────────────────────────────────────────────────────────────────────────
const submissionProperties = {
  id: uuid,
  issuer: unitRef,
  office: unitRef,
  origin: { enum: ['issuer', 'office'] },
  status: { enum: SUBMISSION_STATUSES },
  documentType: { type: 'string' },
  numberSymbol: { type: 'string' },
  number: nullableText,
  year: { type: ['integer', 'null'] },
  symbol: nullableText,
  summary: { type: 'string' },
  issuingAgency: { type: 'string' },
  signer: { type: 'string' },
  signedOn: calendarDate,
  effectiveOn: nullableDate,
  inForceOnSigning: { type: 'boolean' },
  legalNormative: { type: 'boolean' },
  field: nullableText,
  sourceChannel: { enum: SOURCE_CHANNELS },
  submitterEmail: nullableText,
  note: nullableText,
  register: registerObject,
  sentAt: nullableTime,
  sentBy: nullableText,
  deadlines: { type: 'object', additionalProperties: false, required: ['send', 'publish'], properties: { send: deadlineObject, publish: deadlineObject } },
  flags: { type: 'array', items: flagObject },
  round: { type: 'integer', minimum: 0 },
  passedAt: nullableTime,
  publishedAt: nullableTime,
  publishedRef: nullableText,
  withdrawnAt: nullableTime,
  withdrawReason: nullableText,
  createdBy: { type: 'string' },
  createdAt: time,
  updatedAt: time,
} as const;
export const submissionObject = { type: 'object', additionalProperties: false, required: Object.keys(submissionProperties), properties: submissionProperties } as const;

const fileObject = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'role', 'version', 'current', 'fileName', 'mediaType', 'size', 'sha256', 'uploadedBy', 'uploadedUnitId', 'uploadedAt'],
  properties: {
    id: uuid,
    role: { enum: ['original', 'electronic'] },
    version: { type: 'integer', minimum: 1 },
    current: { type: 'boolean' },
    fileName: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer', minimum: 0 },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    uploadedBy: { type: 'string' },
    uploadedUnitId: { type: 'string' },
    uploadedAt: time,
  },
} as const;

const timelineDetailObject = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        flags: { type: 'array', items: flagObject },
        round: { type: 'integer' },
        file: {
          type: 'object',
          additionalProperties: false,
          required: ['role', 'version', 'fileName'],
          properties: { role: { enum: ['original', 'electronic'] }, version: { type: 'integer' }, fileName: { type: 'string' } },
        },
        notifiedTo: { type: 'array', items: { type: 'string' } },
        register: { type: 'string' },
        discrepancies: { type: 'integer', minimum: 0 },
        similarity: { type: 'number' },
        publishedRef: { type: 'string' },
      },
    },
    { type: 'null' },
  ],
} as const;

const timelineObject = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'actorId', 'unitId', 'remark', 'detail', 'at'],
  properties: { action: { enum: SUBMISSION_ACTIONS }, actorId: { type: 'string' }, unitId: { type: 'string' }, remark: nullableText, detail: timelineDetailObject, at: time },
} as const;

export const roundSummaryObject = {
  type: 'object',
  additionalProperties: false,
  required: ['round', 'status', 'identical', 'similarity', 'discrepancyCount', 'openedAt', 'decidedAt', 'notifiedAt'],
  properties: {
    round: { type: 'integer', minimum: 1 },
    status: { enum: ['open', 'passed', 'returned'] },
    identical: { type: 'boolean' },
    similarity: { type: 'number', minimum: 0, maximum: 1 },
    discrepancyCount: { type: 'integer', minimum: 0 },
    openedAt: time,
    decidedAt: nullableTime,
    notifiedAt: nullableTime,
  },
} as const;

export const submissionDetailSchema = defineSchema<SubmissionDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(submissionProperties), 'files', 'timeline', 'rounds'],
  properties: { ...submissionProperties, files: { type: 'array', items: fileObject }, timeline: { type: 'array', items: timelineObject }, rounds: { type: 'array', items: roundSummaryObject } },
});
export const submissionPageSchema = defineSchema<Page<Submission>>(pageOf(submissionObject));

export const contactSchema = defineSchema<IssuerContact>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email', 'phone', 'updatedBy', 'updatedAt'],
  properties: { name: nullableText, email: { type: 'string' }, phone: nullableText, updatedBy: { type: 'string' }, updatedAt: time },
});

export const documentTypesSchema = defineSchema<{ items: readonly { code: string; name: LocalizedText }[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'name'],
        properties: { code: { type: 'string' }, name: { type: 'object', additionalProperties: false, required: ['vi'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } },
      },
    },
  },
});
