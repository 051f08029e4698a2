import { defineSchema } from '@cong/sdk';
import type { ContactKind, ContactRow, OfficialRole } from './organisation-database.js';
import { fieldsOf, inputProperties, outputProperties, revisionProperty, trackingOf, trackingProperties, type FieldSpecs, type Pair } from './organisation-fields.js';

/**
 * The fields of a contact (POR-05) and their columns. An `agency` contact uses label, address, phone,
 * fax, email, officeHours and mapUrl; an `official` one uses role, personName, position, unit, phone
 * and email.
 */
export const CONTACT_FIELDS = {
  label: { kind: 'pair', vi: 'label_vi', en: 'label_en', max: 300 },
  address: { kind: 'text', column: 'address', max: 500 },
  fax: { kind: 'text', column: 'fax', max: 40, format: 'phone' },
  officeHours: { kind: 'pair', vi: 'office_hours_vi', en: 'office_hours_en', max: 500 },
  mapUrl: { kind: 'text', column: 'map_url', max: 1000, format: 'https' },
  personName: { kind: 'text', column: 'person_name', max: 200 },
  position: { kind: 'pair', vi: 'position_vi', en: 'position_en', max: 300 },
  unit: { kind: 'pair', vi: 'unit_vi', en: 'unit_en', max: 300 },
  phone: { kind: 'text', column: 'phone', max: 40, format: 'phone' },
  email: { kind: 'text', column: 'email', max: 254, format: 'email' },
} as const satisfies FieldSpecs;

/** What each kind must have (Vietnamese text), as body pointers and the column that holds it. */
export const CONTACT_REQUIRED: Readonly<Record<ContactKind, readonly (readonly [string, keyof ContactRow])[]>> = {
  agency: [['/label/vi', 'label_vi']],
  official: [['/personName', 'person_name'], ['/position/vi', 'position_vi']],
};

/** A contact as the admin API returns it. */
export interface Contact {
  readonly id: string;
  readonly kind: ContactKind;
  readonly role: OfficialRole | null;
  readonly order: number;
  readonly label: Pair;
  readonly address: string;
  readonly fax: string;
  readonly officeHours: Pair;
  readonly mapUrl: string;
  readonly personName: string;
  readonly position: Pair;
  readonly unit: Pair;
  readonly phone: string;
  readonly email: string;
  readonly revision: number;
  readonly englishStale: boolean;
  readonly englishMissing: readonly string[];
  readonly englishUpdatedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type PairInput = { vi?: string; en?: string };

export interface ContactInput {
  role?: OfficialRole;
  order?: number;
  label?: PairInput;
  address?: string;
  fax?: string;
  officeHours?: PairInput;
  mapUrl?: string;
  personName?: string;
  position?: PairInput;
  unit?: PairInput;
  phone?: string;
  email?: string;
  revision?: number;
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    kind: row.kind,
    role: row.official_role,
    order: Number(row.sort_order),
    ...(fieldsOf(CONTACT_FIELDS, row as unknown as Record<string, unknown>) as Pick<Contact, keyof typeof CONTACT_FIELDS>),
    ...trackingOf(CONTACT_FIELDS, row),
  };
}

const role = { enum: ['focal', 'competent'], description: 'Officials: cán bộ đầu mối (focal, the default) or cán bộ có thẩm quyền (competent).' } as const;
const order = { type: 'integer', minimum: 0, maximum: 100000 } as const;
const create = inputProperties(CONTACT_FIELDS, 'create');
const patch = inputProperties(CONTACT_FIELDS, 'patch');

export const createContactBody = defineSchema<ContactInput & { kind: ContactKind }>({
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: { kind: { enum: ['agency', 'official'] }, role, order, ...create.properties },
});

export const updateContactBody = defineSchema<ContactInput>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { role, order, ...patch.properties, revision: revisionProperty },
});

const contactProperties = {
  id: { type: 'string' },
  kind: { enum: ['agency', 'official'] },
  role: { type: ['string', 'null'] },
  order: { type: 'integer' },
  ...outputProperties(CONTACT_FIELDS),
  ...trackingProperties,
};

export const contactSchema = defineSchema<Contact>({ type: 'object', additionalProperties: false, required: Object.keys(contactProperties), properties: contactProperties });

export const contactList = defineSchema<{ items: Contact[] }>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: { items: { type: 'array', items: contactSchema } },
});
