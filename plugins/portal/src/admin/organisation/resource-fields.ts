import type { ResourceKind } from './organisation-admin-types.js';

/**
 * One field of an organisation form. `name` is the API field; `label` keys the texts' `fields`.
 * `pair` and `rich` are `{ vi, en }` values (rich ones edited with `<portal-rich-text>`); `units` and
 * `leaders` pick among the unit's own org units and leaders; `kinds` limits a contact field to one kind.
 */
export interface FormField {
  readonly name: string;
  readonly label?: string;
  readonly kind: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time' | 'checkbox' | 'select' | 'pair' | 'rich' | 'units' | 'leaders';
  readonly required?: boolean;
  /** Values of a `select`, labelled by the texts' map of the same name. */
  readonly options?: 'statuses' | 'kinds' | 'roles';
  /** `units`: whether the top (no parent) can be chosen, and what it is called. */
  readonly top?: 'root' | 'none';
  readonly kinds?: readonly ('agency' | 'official')[];
  /** Only when creating (a contact's kind cannot change). */
  readonly createOnly?: boolean;
  readonly max?: number;
}

export const RESOURCE_FIELDS: Readonly<Record<ResourceKind, readonly FormField[]>> = {
  units: [
    { name: 'parentId', kind: 'units', top: 'root' },
    { name: 'name', kind: 'pair', required: true, max: 300 },
    { name: 'headName', kind: 'text', max: 200 },
    { name: 'headPosition', kind: 'pair', max: 300 },
    { name: 'phone', kind: 'tel', max: 40 },
    { name: 'email', kind: 'email', max: 254 },
    { name: 'address', kind: 'text', max: 500 },
    { name: 'functions', kind: 'rich' },
    { name: 'duties', kind: 'rich' },
    { name: 'powers', kind: 'rich' },
  ],
  leaders: [
    { name: 'fullName', kind: 'text', required: true, max: 200 },
    { name: 'position', kind: 'pair', required: true, max: 300 },
    { name: 'orgUnitId', kind: 'units', top: 'none' },
    { name: 'portraitUrl', kind: 'url', max: 1000 },
    { name: 'portraitAlt', kind: 'pair', max: 300 },
    { name: 'biography', kind: 'rich' },
    { name: 'duties', label: 'leaderDuties', kind: 'rich' },
    { name: 'phone', kind: 'tel', max: 40 },
    { name: 'email', kind: 'email', max: 254 },
    { name: 'contactPublic', kind: 'checkbox' },
    { name: 'termStart', kind: 'date' },
    { name: 'termEnd', kind: 'date' },
  ],
  contacts: [
    { name: 'kind', kind: 'select', options: 'kinds', createOnly: true, required: true },
    { name: 'label', kind: 'pair', required: true, max: 300, kinds: ['agency'] },
    { name: 'address', kind: 'text', max: 500, kinds: ['agency'] },
    { name: 'officeHours', kind: 'pair', max: 500, kinds: ['agency'] },
    { name: 'fax', kind: 'tel', max: 40, kinds: ['agency'] },
    { name: 'mapUrl', kind: 'url', max: 1000, kinds: ['agency'] },
    { name: 'role', kind: 'select', options: 'roles', kinds: ['official'] },
    { name: 'personName', kind: 'text', required: true, max: 200, kinds: ['official'] },
    { name: 'position', kind: 'pair', required: true, max: 300, kinds: ['official'] },
    { name: 'unit', kind: 'pair', max: 300, kinds: ['official'] },
    { name: 'phone', kind: 'tel', max: 40 },
    { name: 'email', kind: 'email', max: 254 },
  ],
  schedule: [
    { name: 'date', kind: 'date', required: true },
    { name: 'startTime', kind: 'time', required: true },
    { name: 'endTime', kind: 'time' },
    { name: 'title', kind: 'pair', required: true, max: 2000 },
    { name: 'location', kind: 'text', max: 300 },
    { name: 'presidingLeaderIds', kind: 'leaders' },
    { name: 'participants', kind: 'text', max: 2000 },
    { name: 'preparingUnit', kind: 'text', max: 300 },
    { name: 'public', kind: 'checkbox' },
    { name: 'status', kind: 'select', options: 'statuses' },
    { name: 'statusNote', kind: 'text', max: 1000 },
  ],
};

/** Values a new item's form starts from. */
export const NEW_VALUES: Readonly<Record<ResourceKind, Readonly<Record<string, unknown>>>> = {
  units: {},
  leaders: {},
  contacts: { kind: 'agency', role: 'focal' },
  schedule: { public: true, status: 'planned' },
};

/** Fields that hold null rather than '' when empty. */
export const NULLABLE = new Set(['parentId', 'orgUnitId', 'termStart', 'termEnd', 'endTime']);
