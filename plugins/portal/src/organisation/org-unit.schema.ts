import { defineSchema } from '@cong/sdk';
import type { OrgUnitRow } from './organisation-database.js';
import { fieldsOf, inputProperties, outputProperties, revisionProperty, trackingOf, trackingProperties, type FieldSpecs, type Pair } from './organisation-fields.js';

/** The fields of an organisation chart node (POR-04) and their columns. */
export const ORG_UNIT_FIELDS = {
  name: { kind: 'pair', vi: 'name_vi', en: 'name_en', max: 300, required: true },
  functions: { kind: 'pair', vi: 'functions_vi', en: 'functions_en', max: 0, rich: true },
  duties: { kind: 'pair', vi: 'duties_vi', en: 'duties_en', max: 0, rich: true },
  powers: { kind: 'pair', vi: 'powers_vi', en: 'powers_en', max: 0, rich: true },
  headName: { kind: 'text', column: 'head_name', max: 200 },
  headPosition: { kind: 'pair', vi: 'head_position_vi', en: 'head_position_en', max: 300 },
  phone: { kind: 'text', column: 'phone', max: 40, format: 'phone' },
  email: { kind: 'text', column: 'email', max: 254, format: 'email' },
  address: { kind: 'text', column: 'address', max: 500 },
} as const satisfies FieldSpecs;

/** A node of the organisation chart as the admin API returns it. */
export interface OrgUnit {
  readonly id: string;
  readonly parentId: string | null;
  readonly order: number;
  readonly name: Pair;
  readonly functions: Pair;
  readonly duties: Pair;
  readonly powers: Pair;
  readonly headName: string;
  readonly headPosition: Pair;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
  readonly revision: number;
  readonly englishStale: boolean;
  readonly englishMissing: readonly string[];
  readonly englishUpdatedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type PairInput = { vi?: string; en?: string };

export interface OrgUnitInput {
  parentId?: string | null;
  order?: number;
  name?: PairInput;
  functions?: PairInput;
  duties?: PairInput;
  powers?: PairInput;
  headName?: string;
  headPosition?: PairInput;
  phone?: string;
  email?: string;
  address?: string;
  revision?: number;
}

export function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    parentId: row.parent_id,
    order: Number(row.sort_order),
    ...(fieldsOf(ORG_UNIT_FIELDS, row as unknown as Record<string, unknown>) as Omit<OrgUnit, 'id' | 'parentId' | 'order' | keyof ReturnType<typeof trackingOf>>),
    ...trackingOf(ORG_UNIT_FIELDS, row),
  };
}

const structure = {
  parentId: { type: ['string', 'null'], format: 'uuid', description: 'The node above; null only for the root (the agency itself).' },
  order: { type: 'integer', minimum: 0, maximum: 100000 },
} as const;

const create = inputProperties(ORG_UNIT_FIELDS, 'create');
const patch = inputProperties(ORG_UNIT_FIELDS, 'patch');

export const createOrgUnitBody = defineSchema<OrgUnitInput & { name: { vi: string; en?: string } }>({
  type: 'object',
  additionalProperties: false,
  required: create.required,
  properties: { ...structure, ...create.properties },
});

export const updateOrgUnitBody = defineSchema<OrgUnitInput>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...structure, ...patch.properties, revision: revisionProperty },
});

const orgUnitProperties = {
  id: { type: 'string' },
  parentId: { type: ['string', 'null'] },
  order: { type: 'integer' },
  ...outputProperties(ORG_UNIT_FIELDS),
  ...trackingProperties,
};

export const orgUnitSchema = defineSchema<OrgUnit>({ type: 'object', additionalProperties: false, required: Object.keys(orgUnitProperties), properties: orgUnitProperties });

export const orgUnitList = defineSchema<{ items: OrgUnit[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: orgUnitSchema } },
});
