import { defineSchema } from '@cong/sdk';
import { LEGAL_TYPE_IDS, RELATION_KINDS, RELATION_LABELS, type LegalType, type RelationKind, type RelationLabel } from './document-types.js';
import { LEGAL_STATUSES, type LegalStatus } from './validity.js';

/** Kysely table types of the legal area (tables prefixed `portal_legal_`). */
export interface LegalDatabase {
  portal_legal_documents: {
    id: string;
    tenant_id: string | null;
    unit_key: string;
    doc_type: LegalType;
    type_name: string;
    number_symbol: string;
    number_key: string;
    issuer: string;
    issuer_key: string;
    signer: string | null;
    issued_on: string;
    issue_year: number;
    effective_on: string | null;
    expires_on: string | null;
    field: string | null;
    field_key: string | null;
    summary: string;
    /** JSON array of file ids (coreServices.files). */
    file_ids: string;
    search_text: string;
    status_override: LegalStatus | null;
    override_reason: string | null;
    override_at: number | null;
    override_by: string | null;
    created_at: number;
    updated_at: number;
  };
  portal_legal_relations: {
    id: string;
    tenant_id: string | null;
    from_id: string;
    to_id: string;
    kind: RelationKind;
    created_at: number;
  };
}

/** The other end of a relation, as a document shows it. */
export interface RelatedDocument {
  readonly relationId: string;
  /** Read from this document: `replaces` (outgoing) or `replaced_by` (incoming), and so on. */
  readonly kind: RelationLabel;
  readonly direction: 'outgoing' | 'incoming';
  readonly document: { id: string; typeName: string; numberSymbol: string; issuer: string; issuedOn: string; summary: string };
}

export interface LegalDocument {
  id: string;
  type: LegalType;
  typeName: string;
  numberSymbol: string;
  issuer: string;
  signer: string | null;
  issuedOn: string;
  effectiveOn: string | null;
  expiresOn: string | null;
  field: string | null;
  summary: string;
  fileIds: string[];
  /** The status shown: the override when there is one, else the computed one. */
  status: LegalStatus;
  computedStatus: LegalStatus;
  /** The day the status was computed for. */
  statusAsOf: string;
  statusOverride: { status: LegalStatus; reason: string; setAt: string; setBy: string | null } | null;
  createdAt: string;
  updatedAt: string;
  /** Both ways; only on a single document. */
  relations?: RelatedDocument[];
}

const date = { type: 'string', format: 'date', description: 'Calendar date, YYYY-MM-DD.' } as const;
const nullableDate = { type: ['string', 'null'], format: 'date' } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

const writableProperties = {
  type: { enum: LEGAL_TYPE_IDS, description: 'Hình thức văn bản; `other` needs `typeName`.' },
  typeName: { ...text(100), description: 'Name of the form when `type` is `other`; ignored otherwise.' },
  numberSymbol: { ...text(100), description: 'Số ký hiệu, e.g. 41/2019/QĐ-UBND; unique per unit and issuer.' },
  issuer: { ...text(300), description: 'Cơ quan ban hành.' },
  signer: { ...nullableText(200), description: 'Người ký.' },
  issuedOn: { ...date, description: 'Ngày ban hành.' },
  effectiveOn: { ...nullableDate, description: 'Ngày có hiệu lực; null: from the issue date.' },
  expiresOn: { ...nullableDate, description: 'Ngày hết hiệu lực (first day no longer in force); null: none.' },
  field: { ...nullableText(200), description: 'Lĩnh vực.' },
  summary: { ...text(2000), description: 'Trích yếu, plain text.' },
  fileIds: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 }, description: 'Attached files (ids from the files service).' },
} as const;

export interface LegalDocumentInput {
  type: LegalType;
  typeName?: string;
  numberSymbol: string;
  issuer: string;
  signer?: string | null;
  issuedOn: string;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  field?: string | null;
  summary: string;
  fileIds?: string[];
}

export const createLegalDocumentBody = defineSchema<LegalDocumentInput>({
  type: 'object',
  additionalProperties: false,
  required: ['type', 'numberSymbol', 'issuer', 'issuedOn', 'summary'],
  properties: writableProperties,
});

export const updateLegalDocumentBody = defineSchema<Partial<LegalDocumentInput>>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: writableProperties,
});

export const SORTS = ['issuedOn', '-issuedOn', 'effectiveOn', '-effectiveOn', 'numberSymbol', '-numberSymbol', 'updatedAt', '-updatedAt'] as const;
export type LegalSort = (typeof SORTS)[number];

export interface ListLegalQuery {
  q?: string;
  type?: LegalType;
  issuer?: string;
  field?: string;
  year?: number;
  status?: LegalStatus;
  asOf?: string;
  sort: LegalSort;
  limit: number;
  offset: number;
}

export const listLegalDocumentsQuery = defineSchema<ListLegalQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200, description: 'Words to find, accents optional ("quyet dinh ubnd").' },
    type: { enum: LEGAL_TYPE_IDS },
    issuer: { type: 'string', minLength: 1, maxLength: 300 },
    field: { type: 'string', minLength: 1, maxLength: 200 },
    year: { type: 'integer', minimum: 1945, maximum: 2200 },
    status: { enum: LEGAL_STATUSES },
    asOf: { ...date, description: 'Compute statuses for this day (default: today in Vietnam).' },
    sort: { enum: SORTS, default: '-issuedOn' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
  },
});

export const getLegalDocumentQuery = defineSchema<{ asOf?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { asOf: date },
});

export const legalIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
});

export const relationParams = defineSchema<{ id: string; relationId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'relationId'],
  properties: { id: { type: 'string', format: 'uuid' }, relationId: { type: 'string', format: 'uuid' } },
});

export const overrideBody = defineSchema<{ status: LegalStatus; reason: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['status', 'reason'],
  properties: { status: { enum: LEGAL_STATUSES }, reason: text(1000) },
});

export const addRelationBody = defineSchema<{ kind: RelationKind; targetId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'targetId'],
  properties: {
    kind: { enum: RELATION_KINDS, description: 'Read from this document to the target: this document `replaces` the target.' },
    targetId: { type: 'string', format: 'uuid' },
  },
});

const relatedSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['relationId', 'kind', 'direction', 'document'],
  properties: {
    relationId: { type: 'string' },
    kind: { enum: RELATION_LABELS },
    direction: { enum: ['outgoing', 'incoming'] },
    document: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'typeName', 'numberSymbol', 'issuer', 'issuedOn', 'summary'],
      properties: {
        id: { type: 'string' }, typeName: { type: 'string' }, numberSymbol: { type: 'string' }, issuer: { type: 'string' }, issuedOn: { type: 'string' }, summary: { type: 'string' },
      },
    },
  },
} as const;

const documentProperties = {
  id: { type: 'string', format: 'uuid' },
  type: { enum: LEGAL_TYPE_IDS },
  typeName: { type: 'string' },
  numberSymbol: { type: 'string' },
  issuer: { type: 'string' },
  signer: { type: ['string', 'null'] },
  issuedOn: { type: 'string' },
  effectiveOn: { type: ['string', 'null'] },
  expiresOn: { type: ['string', 'null'] },
  field: { type: ['string', 'null'] },
  summary: { type: 'string' },
  fileIds: { type: 'array', items: { type: 'string' } },
  status: { enum: LEGAL_STATUSES },
  computedStatus: { enum: LEGAL_STATUSES },
  statusAsOf: { type: 'string' },
  statusOverride: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['status', 'reason', 'setAt', 'setBy'],
    properties: { status: { enum: LEGAL_STATUSES }, reason: { type: 'string' }, setAt: { type: 'string' }, setBy: { type: ['string', 'null'] } },
  },
  createdAt: { type: 'string' },
  updatedAt: { type: 'string' },
} as const;
const documentRequired = Object.keys(documentProperties);

export const legalDocumentSchema = defineSchema<LegalDocument>({
  type: 'object',
  additionalProperties: false,
  required: [...documentRequired, 'relations'],
  properties: { ...documentProperties, relations: { type: 'array', items: relatedSchema } },
});

const facet = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['value', 'label', 'count'],
    properties: { value: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
  },
} as const;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}
export type FacetName = 'type' | 'issuer' | 'field' | 'year' | 'status';

export interface LegalPage {
  items: LegalDocument[];
  total: number;
  limit: number;
  offset: number;
  statusAsOf: string;
  facets: Record<FacetName, FacetValue[]>;
}

export const legalPageSchema = defineSchema<LegalPage>({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'total', 'limit', 'offset', 'statusAsOf', 'facets'],
  properties: {
    items: { type: 'array', items: { type: 'object', additionalProperties: false, required: documentRequired, properties: documentProperties } },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    statusAsOf: { type: 'string' },
    facets: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'issuer', 'field', 'year', 'status'],
      properties: { type: facet, issuer: facet, field: facet, year: facet, status: facet },
    },
  },
});
