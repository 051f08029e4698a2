import { defineSchema } from '@cong/sdk';
import { WEEK_SCHEMA_PATTERN } from './iso-week.js';
import type { ScheduleEntryRow, ScheduleStatus } from './organisation-database.js';
import { fieldsOf, inputProperties, outputProperties, revisionProperty, trackingOf, trackingProperties, type FieldSpecs, type Pair } from './organisation-fields.js';

/** The text fields of a work schedule entry (POR-08) and their columns. */
export const SCHEDULE_FIELDS = {
  title: { kind: 'pair', vi: 'title_vi', en: 'title_en', max: 2000, required: true },
  location: { kind: 'text', column: 'location', max: 300 },
  participants: { kind: 'text', column: 'participants', max: 2000 },
  preparingUnit: { kind: 'text', column: 'preparing_unit', max: 300 },
  statusNote: { kind: 'text', column: 'status_note', max: 1000 },
} as const satisfies FieldSpecs;

/** An entry of the leaders' work schedule as the admin API returns it. */
export interface ScheduleEntry {
  readonly id: string;
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string | null;
  readonly title: Pair;
  readonly location: string;
  readonly presidingLeaderIds: readonly string[];
  readonly participants: string;
  readonly preparingUnit: string;
  readonly public: boolean;
  readonly status: ScheduleStatus;
  readonly statusNote: string;
  readonly revision: number;
  readonly englishStale: boolean;
  readonly englishMissing: readonly string[];
  readonly englishUpdatedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ScheduleEntryInput {
  date?: string;
  startTime?: string;
  endTime?: string | null;
  title?: { vi?: string; en?: string };
  location?: string;
  presidingLeaderIds?: string[];
  participants?: string;
  preparingUnit?: string;
  public?: boolean;
  status?: ScheduleStatus;
  statusNote?: string;
  revision?: number;
}

/** The stored JSON list of presiding leaders (never trusted blindly: anything odd reads as none). */
export function leaderIdsOf(row: Pick<ScheduleEntryRow, 'presiding_leader_ids'>): string[] {
  try {
    const parsed: unknown = JSON.parse(row.presiding_leader_ids);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function toScheduleEntry(row: ScheduleEntryRow): ScheduleEntry {
  return {
    id: row.id,
    date: row.entry_date,
    startTime: row.start_time,
    endTime: row.end_time,
    ...(fieldsOf(SCHEDULE_FIELDS, row as unknown as Record<string, unknown>) as Pick<ScheduleEntry, keyof typeof SCHEDULE_FIELDS>),
    presidingLeaderIds: leaderIdsOf(row),
    public: Number(row.is_public) === 1,
    status: row.status,
    ...trackingOf(SCHEDULE_FIELDS, row),
  };
}

const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Vietnam time.' } as const;
const extra = {
  date: { type: 'string', format: 'date', description: 'YYYY-MM-DD, Vietnam time.' },
  startTime: time,
  endTime: { ...time, type: ['string', 'null'] },
  presidingLeaderIds: { type: 'array', maxItems: 10, uniqueItems: true, items: { type: 'string', format: 'uuid' }, description: 'Leaders of this unit who preside (chủ trì).' },
  public: { type: 'boolean', description: 'Shown on the public work schedule. Default true.' },
  status: { enum: ['planned', 'changed', 'cancelled'], description: 'changed and cancelled need a statusNote.' },
} as const;

const create = inputProperties(SCHEDULE_FIELDS, 'create');
const patch = inputProperties(SCHEDULE_FIELDS, 'patch');

export const createScheduleEntryBody = defineSchema<ScheduleEntryInput & { date: string; startTime: string; title: { vi: string; en?: string } }>({
  type: 'object',
  additionalProperties: false,
  required: ['date', 'startTime', ...create.required],
  properties: { ...extra, ...create.properties },
});

export const updateScheduleEntryBody = defineSchema<ScheduleEntryInput>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { ...extra, ...patch.properties, revision: revisionProperty },
});

const entryProperties = {
  id: { type: 'string' },
  date: { type: 'string' },
  startTime: { type: 'string' },
  endTime: { type: ['string', 'null'] },
  ...outputProperties(SCHEDULE_FIELDS),
  presidingLeaderIds: { type: 'array', items: { type: 'string' } },
  public: { type: 'boolean' },
  status: { enum: ['planned', 'changed', 'cancelled'] },
  ...trackingProperties,
};

export const scheduleEntrySchema = defineSchema<ScheduleEntry>({ type: 'object', additionalProperties: false, required: Object.keys(entryProperties), properties: entryProperties });

export const weekQuery = defineSchema<{ week?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { week: { type: 'string', pattern: WEEK_SCHEMA_PATTERN, description: 'ISO week, e.g. 2026-W48. Default: this week (Vietnam time).' } },
});

export interface ScheduleWeek<T> {
  readonly week: string;
  readonly previousWeek: string;
  readonly nextWeek: string;
  /** Monday and Sunday of the week. */
  readonly from: string;
  readonly to: string;
  readonly items: readonly T[];
}

export const weekProperties = {
  week: { type: 'string' },
  previousWeek: { type: 'string' },
  nextWeek: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

export const scheduleWeek = defineSchema<ScheduleWeek<ScheduleEntry>>({
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(weekProperties), 'items'],
  properties: { ...weekProperties, items: { type: 'array', items: scheduleEntrySchema } },
});
