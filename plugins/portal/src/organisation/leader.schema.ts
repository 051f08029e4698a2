import { defineSchema } from '@cong/sdk';
import type { LeaderRow } from './organisation-database.js';
import { fieldsOf, inputProperties, outputProperties, revisionProperty, trackingOf, trackingProperties, type FieldSpecs, type Pair } from './organisation-fields.js';

/** The fields of a leader (POR-06, POR-08) and their columns. */
export const LEADER_FIELDS = {
  fullName: { kind: 'text', column: 'full_name', max: 200, required: true },
  position: { kind: 'pair', vi: 'position_vi', en: 'position_en', max: 300, required: true },
  portraitUrl: { kind: 'text', column: 'portrait_url', max: 1000, format: 'image' },
  portraitAlt: { kind: 'pair', vi: 'portrait_alt_vi', en: 'portrait_alt_en', max: 300 },
  biography: { kind: 'pair', vi: 'bio_vi', en: 'bio_en', max: 0, rich: true },
  duties: { kind: 'pair', vi: 'duties_vi', en: 'duties_en', max: 0, rich: true },
  phone: { kind: 'text', column: 'phone', max: 40, format: 'phone' },
  email: { kind: 'text', column: 'email', max: 254, format: 'email' },
} as const satisfies FieldSpecs;

/** A leader as the admin API returns it. */
export interface Leader {
  readonly id: string;
  readonly orgUnitId: string | null;
  readonly order: number;
  readonly fullName: string;
  readonly position: Pair;
  readonly portraitUrl: string;
  readonly portraitAlt: Pair;
  readonly biography: Pair;
  readonly duties: Pair;
  readonly phone: string;
  readonly email: string;
  readonly contactPublic: boolean;
  readonly termStart: string | null;
  readonly termEnd: string | null;
  readonly revision: number;
  readonly englishStale: boolean;
  readonly englishMissing: readonly string[];
  readonly englishUpdatedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type PairInput = { vi?: string; en?: string };

export interface LeaderInput {
  orgUnitId?: string | null;
  order?: number;
  fullName?: string;
  position?: PairInput;
  portraitUrl?: string;
  portraitAlt?: PairInput;
  biography?: PairInput;
  duties?: PairInput;
  phone?: string;
  email?: string;
  contactPublic?: boolean;
  termStart?: string | null;
  termEnd?: string | null;
  revision?: number;
}

export function toLeader(row: LeaderRow): Leader {
  return {
    id: row.id,
    orgUnitId: row.org_unit_id,
    order: Number(row.sort_order),
    ...(fieldsOf(LEADER_FIELDS, row as unknown as Record<string, unknown>) as Pick<Leader, keyof typeof LEADER_FIELDS>),
    contactPublic: Number(row.contact_public) === 1,
    termStart: row.term_start,
    termEnd: row.term_end,
    ...trackingOf(LEADER_FIELDS, row),
  };
}

const date = { type: ['string', 'null'], format: 'date' } as const;
const extra = {
  orgUnitId: { type: ['string', 'null'], format: 'uuid', description: 'The node of the organisation chart the leader heads or belongs to.' },
  order: { type: 'integer', minimum: 0, maximum: 100000 },
  contactPublic: { type: 'boolean', description: 'Show phone and e-mail on the public site. Default false.' },
  termStart: { ...date, description: 'YYYY-MM-DD' },
  termEnd: { ...date, description: 'YYYY-MM-DD; a leader whose term ended leaves the public leaders page.' },
} as const;

const create = inputProperties(LEADER_FIELDS, 'create');
const patch = inputProperties(LEADER_FIELDS, 'patch');

export const createLeaderBody = defineSchema<LeaderInput & { fullName: string; position: { vi: string; en?: string } }>({
  type: 'object',
  additionalProperties: false,
  required: create.required,
  properties: { ...extra, ...create.properties },
});

export const updateLeaderBody = defineSchema<LeaderInput>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...extra, ...patch.properties, revision: revisionProperty },
});

const leaderProperties = {
  id: { type: 'string' },
  orgUnitId: { type: ['string', 'null'] },
  order: { type: 'integer' },
  ...outputProperties(LEADER_FIELDS),
  contactPublic: { type: 'boolean' },
  termStart: { type: ['string', 'null'] },
  termEnd: { type: ['string', 'null'] },
  ...trackingProperties,
};

export const leaderSchema = defineSchema<Leader>({ type: 'object', additionalProperties: false, required: Object.keys(leaderProperties), properties: leaderProperties });

export const leaderList = defineSchema<{ items: Leader[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: leaderSchema } },
});
