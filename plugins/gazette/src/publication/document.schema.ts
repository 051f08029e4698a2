import { defineSchema } from '@cong/sdk';
import { correctionObject, type CorrectionView } from '../corrections/correction.schema.js';
import type { RelationKind, Validity } from './publication-database.js';
import { date, dateTime, id, nullable, text } from './schema-parts.js';

export const RELATION_KINDS: readonly RelationKind[] = ['replaces', 'amends', 'repeals', 'guides', 'corrects'];
/** The kinds the office records by hand; `corrects` is written by the publication of corrections. */
export const MANUAL_RELATION_KINDS = ['replaces', 'amends', 'repeals', 'guides'] as const;
export const VALIDITIES: readonly Validity[] = ['in-force', 'partly-expired', 'expired', 'not-yet-in-force'];

// ─── Shapes the API returns ──────────────────────────────────────────────────────────────────
export interface RelationView {
  readonly fromDocumentId: string;
  readonly toDocumentId: string;
  readonly kind: RelationKind;
  readonly partial: boolean;
  readonly note: string | null;
  /** The other document's number and symbol, summary and ELI path. */
  readonly other: { readonly id: string; readonly numberSymbol: string; readonly summary: string; readonly eliPath: string; readonly effectiveOn: string | null };
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface DocumentDetail {
  readonly id: string;
  readonly kind: 'document' | 'correction';
  readonly submissionId: string;
  readonly issuerUnitId: string;
  readonly documentType: string;
  readonly numberSymbol: string;
  readonly summary: string;
  readonly issuingAgency: string;
  readonly signer: string;
  readonly signedOn: string;
  readonly effectiveOn: string | null;
  readonly expiresOn: string | null;
  readonly field: string | null;
  readonly legalNormative: boolean;
  /** The published full text (the electronic copy's, GAZ-22), as search reads it. */
  readonly fullText: string;
  readonly issue: { readonly id: string; readonly label: string; readonly year: number; readonly publicationDate: string };
  readonly firstPage: number;
  readonly lastPage: number;
  readonly eliPath: string;
  readonly originalSha256: string;
  readonly electronicSha256: string | null;
  readonly validity: Validity;
  readonly validityOverride: { readonly validity: Validity; readonly reason: string; readonly setBy: string; readonly setAt: string } | null;
  readonly relations: { readonly outgoing: readonly RelationView[]; readonly incoming: readonly RelationView[] };
  /** Corrections of this document (GAZ-28), and what it corrects when it is a correction notice. */
  readonly corrections: readonly CorrectionView[];
  readonly corrects: readonly CorrectionView[];
  readonly publishedAt: string;
  readonly updatedAt: string;
}

// ─── Schemas ─────────────────────────────────────────────────────────────────────────────────
const relationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['fromDocumentId', 'toDocumentId', 'kind', 'partial', 'note', 'other', 'createdBy', 'createdAt'],
  properties: {
    fromDocumentId: id,
    toDocumentId: id,
    kind: { type: 'string', enum: [...RELATION_KINDS] },
    partial: { type: 'boolean' },
    note: nullable({ type: 'string' }),
    other: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'numberSymbol', 'summary', 'eliPath', 'effectiveOn'],
      properties: { id, numberSymbol: { type: 'string' }, summary: { type: 'string' }, eliPath: { type: 'string' }, effectiveOn: nullable(date) },
    },
    createdBy: { type: 'string' },
    createdAt: dateTime,
  },
} as const;

export const documentDetailSchema = defineSchema<DocumentDetail>({
  type: 'object',
  additionalProperties: false,
  required: [
    'id', 'kind', 'submissionId', 'issuerUnitId', 'documentType', 'numberSymbol', 'summary', 'issuingAgency', 'signer', 'signedOn', 'effectiveOn', 'expiresOn', 'field', 'legalNormative', 'fullText',
    'issue', 'firstPage', 'lastPage', 'eliPath', 'originalSha256', 'electronicSha256', 'validity', 'validityOverride', 'relations', 'corrections', 'corrects', 'publishedAt', 'updatedAt',
  ],
  properties: {
    id,
    kind: { type: 'string', enum: ['document', 'correction'] },
    submissionId: id,
    issuerUnitId: { type: 'string' },
    documentType: { type: 'string' },
    numberSymbol: { type: 'string' },
    summary: { type: 'string' },
    issuingAgency: { type: 'string' },
    signer: { type: 'string' },
    signedOn: date,
    effectiveOn: nullable(date),
    expiresOn: nullable(date),
    field: nullable({ type: 'string' }),
    legalNormative: { type: 'boolean' },
    fullText: { type: 'string' },
    issue: { type: 'object', additionalProperties: false, required: ['id', 'label', 'year', 'publicationDate'], properties: { id, label: { type: 'string' }, year: { type: 'integer' }, publicationDate: date } },
    firstPage: { type: 'integer' },
    lastPage: { type: 'integer' },
    eliPath: { type: 'string' },
    originalSha256: { type: 'string' },
    electronicSha256: nullable({ type: 'string' }),
    validity: { type: 'string', enum: [...VALIDITIES] },
    validityOverride: nullable({
      type: 'object',
      additionalProperties: false,
      required: ['validity', 'reason', 'setBy', 'setAt'],
      properties: { validity: { type: 'string', enum: [...VALIDITIES] }, reason: { type: 'string' }, setBy: { type: 'string' }, setAt: dateTime },
    }),
    relations: {
      type: 'object',
      additionalProperties: false,
      required: ['outgoing', 'incoming'],
      properties: { outgoing: { type: 'array', items: relationSchema }, incoming: { type: 'array', items: relationSchema } },
    },
    corrections: { type: 'array', items: correctionObject },
    corrects: { type: 'array', items: correctionObject },
    publishedAt: dateTime,
    updatedAt: dateTime,
  },
});

export const relationBody = defineSchema<{ toDocumentId: string; kind: (typeof MANUAL_RELATION_KINDS)[number]; partial?: boolean; note?: string | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['toDocumentId', 'kind'],
  properties: { toDocumentId: id, kind: { type: 'string', enum: [...MANUAL_RELATION_KINDS] }, partial: { type: 'boolean', default: false }, note: nullable(text(500)) },
});
export const relationParams = defineSchema<{ id: string; toId: string; kind: (typeof MANUAL_RELATION_KINDS)[number] }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'toId', 'kind'],
  properties: { id, toId: id, kind: { type: 'string', enum: [...MANUAL_RELATION_KINDS] } },
});
export const validityBody = defineSchema<{ validity: Validity | null; reason: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['validity', 'reason'],
  properties: { validity: nullable({ type: 'string', enum: [...VALIDITIES] }), reason: { type: 'string', minLength: 3, maxLength: 1000, pattern: '\\S' } },
});
export const documentDatesBody = defineSchema<{ expiresOn: string | null }>({
  type: 'object',
  additionalProperties: false,
  required: ['expiresOn'],
  properties: { expiresOn: nullable(date) },
});
