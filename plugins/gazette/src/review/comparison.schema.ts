import { defineSchema } from '@cong/sdk';
import { calendarDate, nullableText, pageOf, paging, remark, roundSummaryObject, submissionObject, unitRef, type Page, type RoundSummary, type Submission } from '../intake/submission.schema.js';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '../intake/gazette-database.js';
import type { UnitRef } from '../intake/unit-tree.js';

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
export interface DiscrepancyView {
  readonly original: string;
  readonly electronic: string;
  readonly before: string;
  readonly after: string;
}

export interface RoundSide {
  /** `gazette_submission_files` id and version compared. */
  readonly fileId: string;
  readonly version: number;
  readonly fileName: string;
  /** How the text was read: `docx-text`, `pdf-text`, `ocr`, or `none` (nothing could be read). */
  readonly method: string;
  readonly text: string;
}

export interface RoundDetail extends RoundSummary {
  readonly submissionId: string;
  readonly original: RoundSide;
  readonly electronic: RoundSide;
  readonly segments: readonly { readonly op: 'equal' | 'insert' | 'delete'; readonly text: string }[];
  /** The automatic discrepancies while the round is open; the recorded ones after a return. */
  readonly discrepancies: readonly DiscrepancyView[];
  readonly reviewerNotes: readonly string[];
  readonly openedBy: string;
  readonly decidedBy: string | null;
  readonly notifiedTo: readonly string[];
}

// ─── Requests ────────────────────────────────────────────────────────────────────────────────
export const roundParams = defineSchema<{ id: string; round: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'round'],
  properties: { id: { type: 'string', maxLength: 36 }, round: { type: 'integer', minimum: 1, maximum: 1000 } },
});

export const passBody = defineSchema<{ remark?: string }>({ type: 'object', additionalProperties: false, properties: { remark } });

export const returnBody = defineSchema<{ notes?: string[]; remark?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    notes: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
      description: 'The reviewer\'s own findings, added to the automatic discrepancies. A return needs at least one of the two.',
    },
    remark,
  },
});

export const reviewQueueQuery = defineSchema<{ status?: SubmissionStatus; limit: number; offset: number }>({
  type: 'object',
  additionalProperties: false,
  properties: { status: { enum: SUBMISSION_STATUSES, description: 'Default: every document waiting for a comparison (registered, corrected) or in one (comparing).' }, ...paging },
});

// ─── Responses ───────────────────────────────────────────────────────────────────────────────
const discrepancyObject = {
  type: 'object',
  additionalProperties: false,
  required: ['original', 'electronic', 'before', 'after'],
  properties: { original: { type: 'string' }, electronic: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' } },
} as const;
const sideObject = {
  type: 'object',
  additionalProperties: false,
  required: ['fileId', 'version', 'fileName', 'method', 'text'],
  properties: { fileId: { type: 'string' }, version: { type: 'integer', minimum: 1 }, fileName: { type: 'string' }, method: { type: 'string' }, text: { type: 'string' } },
} as const;

export const roundDetailSchema = defineSchema<RoundDetail>({
  type: 'object',
  additionalProperties: false,
  required: [...roundSummaryObject.required, 'submissionId', 'original', 'electronic', 'segments', 'discrepancies', 'reviewerNotes', 'openedBy', 'decidedBy', 'notifiedTo'],
  properties: {
    ...roundSummaryObject.properties,
    submissionId: { type: 'string' },
    original: sideObject,
    electronic: sideObject,
    segments: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['op', 'text'], properties: { op: { enum: ['equal', 'insert', 'delete'] }, text: { type: 'string' } } },
    },
    discrepancies: { type: 'array', items: discrepancyObject },
    reviewerNotes: { type: 'array', items: { type: 'string' } },
    openedBy: { type: 'string' },
    decidedBy: nullableText,
    notifiedTo: { type: 'array', items: { type: 'string' } },
  },
});

export const reviewPageSchema = defineSchema<Page<Submission>>(pageOf(submissionObject));

// ─── Deadline dashboard ──────────────────────────────────────────────────────────────────────
/**
 * Who an overdue or at-risk item waits on (GAZ-01): `issuer-not-sent` (signed, not yet sent),
 * `issuer-correction` (returned with discrepancies, the corrected copy not yet in), `office` (with the
 * office, not yet published).
 */
export type DeadlineCause = 'issuer-not-sent' | 'issuer-correction' | 'office';

export interface DeadlineItem {
  readonly submission: Submission;
  readonly stage: 'send' | 'publish';
  readonly due: string;
  readonly state: 'at-risk' | 'overdue';
  /** Working days left (at risk) or past the due date (overdue), on the core calendar. */
  readonly workingDays: number;
  readonly cause: DeadlineCause;
  /** The issuer sent the document after its sending deadline (it shares the blame for a late publication). */
  readonly sentLate: boolean;
}

export interface DeadlineDashboard {
  readonly asOf: string;
  readonly withinWorkingDays: number;
  readonly items: readonly DeadlineItem[];
  readonly byIssuer: readonly { readonly issuer: UnitRef; readonly atRisk: number; readonly overdue: number; readonly overdueByIssuer: number; readonly overdueByOffice: number }[];
}

export const dashboardQuery = defineSchema<{ asOf?: string; withinWorkingDays?: number; issuerUnitId?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    asOf: { ...calendarDate, description: 'The day to judge deadlines on (default today, Vietnam time); the documents are as they are now.' },
    withinWorkingDays: { type: 'integer', minimum: 0, maximum: 60, description: 'A deadline within this many working days is at risk. Default: the `intake.atRiskWorkingDays` setting (2).' },
    issuerUnitId: { type: 'string', maxLength: 64, description: 'Only this issuing unit\'s documents.' },
  },
});

export const dashboardSchema = defineSchema<DeadlineDashboard>({
  type: 'object',
  additionalProperties: false,
  required: ['asOf', 'withinWorkingDays', 'items', 'byIssuer'],
  properties: {
    asOf: calendarDate,
    withinWorkingDays: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['submission', 'stage', 'due', 'state', 'workingDays', 'cause', 'sentLate'],
        properties: {
          submission: submissionObject,
          stage: { enum: ['send', 'publish'] },
          due: calendarDate,
          state: { enum: ['at-risk', 'overdue'] },
          workingDays: { type: 'integer', minimum: 0 },
          cause: { enum: ['issuer-not-sent', 'issuer-correction', 'office'] },
          sentLate: { type: 'boolean' },
        },
      },
    },
    byIssuer: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['issuer', 'atRisk', 'overdue', 'overdueByIssuer', 'overdueByOffice'],
        properties: {
          issuer: unitRef,
          atRisk: { type: 'integer', minimum: 0 },
          overdue: { type: 'integer', minimum: 0 },
          overdueByIssuer: { type: 'integer', minimum: 0 },
          overdueByOffice: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
});
