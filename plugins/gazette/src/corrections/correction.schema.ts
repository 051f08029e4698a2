import { defineSchema } from '@cong/sdk';
import type { CorrectionCase } from '../publication/publication-database.js';
import { date, dateTime, id, nullable } from '../publication/schema-parts.js';

export const CORRECTION_CASES: readonly CorrectionCase[] = ['issuer-before', 'issuer-after', 'office'];

export interface CorrectionView {
  readonly id: string;
  readonly case: CorrectionCase;
  readonly correctionSubmissionId: string;
  readonly correctionDocumentId: string | null;
  readonly correctedSubmissionId: string;
  readonly correctedDocumentId: string | null;
  readonly reason: string;
  /** The correction notice's number and symbol, and (once published) its issue. */
  readonly numberSymbol: string;
  readonly issue: { readonly id: string; readonly label: string; readonly publicationDate: string } | null;
  readonly eliPath: string | null;
  /** GAZ-29: publish within this date (working days from the link, rule `gazette.correctionDeadline`). */
  readonly due: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
}

/** A correction as an issue entry names it. */
export const correctionRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'case', 'correctedSubmissionId', 'correctedDocumentId'],
  properties: { id, case: { type: 'string', enum: [...CORRECTION_CASES] }, correctedSubmissionId: id, correctedDocumentId: nullable(id) },
} as const;

export const issueRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'publicationDate'],
  properties: { id, label: { type: 'string' }, publicationDate: date },
} as const;

export const correctionObject = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'case', 'correctionSubmissionId', 'correctionDocumentId', 'correctedSubmissionId', 'correctedDocumentId', 'reason', 'numberSymbol', 'issue', 'eliPath', 'due', 'createdBy', 'createdAt'],
  properties: {
    id,
    case: { type: 'string', enum: [...CORRECTION_CASES] },
    correctionSubmissionId: id,
    correctionDocumentId: nullable(id),
    correctedSubmissionId: id,
    correctedDocumentId: nullable(id),
    reason: { type: 'string' },
    numberSymbol: { type: 'string' },
    issue: nullable(issueRef),
    eliPath: nullable({ type: 'string' }),
    due: nullable(date),
    createdBy: { type: 'string' },
    createdAt: dateTime,
  },
} as const;
export const correctionSchema = defineSchema<CorrectionView>(correctionObject);
export const correctionListSchema = defineSchema<{ items: readonly CorrectionView[] }>({ type: 'object', additionalProperties: false, required: ['items'], properties: { items: { type: 'array', items: correctionObject } } });

export interface LinkCorrectionInput {
  readonly correctionSubmissionId: string;
  readonly correctedSubmissionId: string;
  /** `issuer`: the issuer's notice (before or after publication is decided from the state); `office`: the office's own notice of a production error. */
  readonly source: 'issuer' | 'office';
  readonly reason: string;
}
export const linkCorrectionBody = defineSchema<LinkCorrectionInput>({
  type: 'object',
  additionalProperties: false,
  required: ['correctionSubmissionId', 'correctedSubmissionId', 'source', 'reason'],
  properties: { correctionSubmissionId: id, correctedSubmissionId: id, source: { type: 'string', enum: ['issuer', 'office'] }, reason: { type: 'string', minLength: 3, maxLength: 2000, pattern: '\\S' } },
});
