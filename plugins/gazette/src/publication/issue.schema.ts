import { defineSchema, type LocalizedText } from '@cong/sdk';
import { correctionRef } from '../corrections/correction.schema.js';
import type { CorrectionCase, IssueStatus } from './publication-database.js';
import { date, dateTime, id, localized, nullable } from './schema-parts.js';

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
/** The headings the table of contents groups documents under (GAZ-20). */
export const ISSUE_SECTIONS = ['VĂN BẢN QUY PHẠM PHÁP LUẬT', 'VĂN BẢN KHÁC'] as const;
export type IssueSection = (typeof ISSUE_SECTIONS)[number];

/** The issue's signature as recorded at publication (null for an unsigned issue). */
export interface IssueSignature {
  readonly signerName: string | null;
  readonly organisation: string | null;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly fingerprintSha256: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly signedAt: string;
  readonly reason: string;
  readonly location: string;
  readonly signerId: string;
}

export interface IssueEntryView {
  readonly position: number;
  readonly submissionId: string;
  readonly section: IssueSection | null;
  readonly documentType: string;
  readonly documentTypeName: LocalizedText;
  readonly numberSymbol: string;
  readonly summary: string;
  readonly issuingAgency: string;
  readonly signedOn: string;
  /** Set at publication. */
  readonly documentId: string | null;
  readonly firstPage: number | null;
  readonly lastPage: number | null;
  readonly eliPath: string | null;
  readonly originalSha256: string | null;
  /** When the entry is a correction notice: what it corrects. */
  readonly correction: { readonly id: string; readonly case: CorrectionCase; readonly correctedSubmissionId: string; readonly correctedDocumentId: string | null } | null;
}

export interface IssueSummary {
  readonly id: string;
  readonly officeId: string;
  readonly year: number;
  readonly numberFrom: number;
  readonly numberTo: number;
  /** "Số 12", or "Từ số 243 đến số 244" (GAZ-21). */
  readonly label: string;
  readonly publicationDate: string;
  readonly status: IssueStatus;
  readonly entryCount: number;
  readonly pageCount: number | null;
  readonly sha256: string | null;
  readonly pdfUrl: string | null;
  readonly publishedAt: string | null;
  readonly updatedAt: string;
}

export interface IssueDetail extends IssueSummary {
  readonly renderer: 'chromium' | 'pdfkit' | null;
  readonly renderError: string | null;
  readonly signature: IssueSignature | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly publishedBy: string | null;
  readonly entries: readonly IssueEntryView[];
}

// ─── Schemas ─────────────────────────────────────────────────────────────────────────────────
const ISSUE_STATUSES: readonly IssueStatus[] = ['draft', 'rendering', 'published', 'failed'];

const section = nullable({ type: 'string', enum: [...ISSUE_SECTIONS] });

const entry = {
  type: 'object',
  additionalProperties: false,
  required: ['position', 'submissionId', 'section', 'documentType', 'documentTypeName', 'numberSymbol', 'summary', 'issuingAgency', 'signedOn', 'documentId', 'firstPage', 'lastPage', 'eliPath', 'originalSha256', 'correction'],
  properties: {
    position: { type: 'integer' },
    submissionId: id,
    section,
    documentType: { type: 'string' },
    documentTypeName: localized,
    numberSymbol: { type: 'string' },
    summary: { type: 'string' },
    issuingAgency: { type: 'string' },
    signedOn: date,
    documentId: nullable(id),
    firstPage: nullable({ type: 'integer' }),
    lastPage: nullable({ type: 'integer' }),
    eliPath: nullable({ type: 'string' }),
    originalSha256: nullable({ type: 'string' }),
    correction: nullable(correctionRef),
  },
} as const;

const summaryProperties = {
  id,
  officeId: { type: 'string' },
  year: { type: 'integer' },
  numberFrom: { type: 'integer' },
  numberTo: { type: 'integer' },
  label: { type: 'string' },
  publicationDate: date,
  status: { type: 'string', enum: [...ISSUE_STATUSES] },
  entryCount: { type: 'integer' },
  pageCount: nullable({ type: 'integer' }),
  sha256: nullable({ type: 'string' }),
  pdfUrl: nullable({ type: 'string' }),
  publishedAt: nullable(dateTime),
  updatedAt: dateTime,
} as const;
const summaryRequired = Object.keys(summaryProperties);

const signature = {
  type: 'object',
  additionalProperties: false,
  required: ['signerName', 'organisation', 'subject', 'issuer', 'serialNumber', 'fingerprintSha256', 'validFrom', 'validTo', 'signedAt', 'reason', 'location', 'signerId'],
  properties: {
    signerName: nullable({ type: 'string' }),
    organisation: nullable({ type: 'string' }),
    subject: { type: 'string' },
    issuer: { type: 'string' },
    serialNumber: { type: 'string' },
    fingerprintSha256: { type: 'string' },
    validFrom: { type: 'string' },
    validTo: { type: 'string' },
    signedAt: dateTime,
    reason: { type: 'string' },
    location: { type: 'string' },
    signerId: { type: 'string' },
  },
} as const;

export const issueSummarySchema = defineSchema<IssueSummary>({ type: 'object', additionalProperties: false, required: summaryRequired, properties: summaryProperties });
export const issueDetailSchema = defineSchema<IssueDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...summaryRequired, 'renderer', 'renderError', 'signature', 'createdBy', 'createdAt', 'publishedBy', 'entries'],
  properties: {
    ...summaryProperties,
    renderer: nullable({ type: 'string', enum: ['chromium', 'pdfkit'] }),
    renderError: nullable({ type: 'string' }),
    signature: nullable(signature),
    createdBy: { type: 'string' },
    createdAt: dateTime,
    publishedBy: nullable({ type: 'string' }),
    entries: { type: 'array', items: entry },
  },
});
export const issuePageSchema = defineSchema<{ items: readonly IssueSummary[]; total: number; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: issueSummarySchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
});

export const readySchema = defineSchema<{ items: readonly { submissionId: string; documentType: string; numberSymbol: string; summary: string; issuingAgency: string; signedOn: string; publishDue: string | null; correction: unknown }[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['submissionId', 'documentType', 'numberSymbol', 'summary', 'issuingAgency', 'signedOn', 'publishDue', 'correction'],
        properties: { submissionId: id, documentType: { type: 'string' }, numberSymbol: { type: 'string' }, summary: { type: 'string' }, issuingAgency: { type: 'string' }, signedOn: date, publishDue: nullable(date), correction: nullable(correctionRef) },
      },
    },
  },
});

export const idParams = defineSchema<{ id: string }>({ type: 'object', additionalProperties: false, required: ['id'], properties: { id } });
export const entryParams = defineSchema<{ id: string; submissionId: string }>({ type: 'object', additionalProperties: false, required: ['id', 'submissionId'], properties: { id, submissionId: id } });

export const issuesQuery = defineSchema<{ year?: number; status?: IssueStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    year: { type: 'integer', minimum: 1900, maximum: 9999 },
    status: { type: 'string', enum: [...ISSUE_STATUSES] },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
});

export interface CreateIssueInput {
  readonly publicationDate: string;
  /** How many consecutive numbers the issue takes (a grouped issue, "Từ số 243 đến số 244"). Default 1. */
  readonly numberCount?: number;
}
export const createIssueBody = defineSchema<CreateIssueInput>({
  type: 'object',
  additionalProperties: false,
  required: ['publicationDate'],
  properties: { publicationDate: date, numberCount: { type: 'integer', minimum: 1, maximum: 20, default: 1 } },
});
export const updateIssueBody = defineSchema<{ publicationDate: string }>({ type: 'object', additionalProperties: false, required: ['publicationDate'], properties: { publicationDate: date } });

export const addEntryBody = defineSchema<{ submissionId: string; section?: IssueSection | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['submissionId'],
  properties: { submissionId: id, section },
});
export const entriesBody = defineSchema<{ entries: readonly { submissionId: string; section?: IssueSection | null }[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: {
    entries: { type: 'array', maxItems: 500, items: { type: 'object', additionalProperties: false, required: ['submissionId'], properties: { submissionId: id, section } } },
  },
});

