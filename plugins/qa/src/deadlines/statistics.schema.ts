import { defineSchema } from '@cong/sdk';

const DATE = { type: 'string', format: 'date', description: 'A Vietnam calendar date, YYYY-MM-DD.' } as const;

export interface StatisticsQuery {
  from?: string;
  to?: string;
  agency?: string;
  groupBy?: 'agency' | 'field' | 'commune';
}

/**
 * The period (inclusive dates; default: 1 January of this year to today), for the board one agency,
 * and what the rows are listed by. The CSV export (`/statistics.csv`) takes the same query.
 */
export const statisticsQuery = defineSchema<StatisticsQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    from: DATE,
    to: DATE,
    agency: { type: 'string', minLength: 1, maxLength: 100, description: 'One agency (slug or id) of the province.' },
    groupBy: { enum: ['agency', 'field', 'commune'], description: 'The rows: per agency (the default), per field of the questions or per commune they came from.' },
  },
});

export const publicStatisticsQuery = defineSchema<Omit<StatisticsQuery, 'agency'>>({
  type: 'object',
  additionalProperties: false,
  properties: { from: DATE, to: DATE },
});

/** The dashboard page's query: Vietnamese names (`tu-ngay`, `den-ngay`). */
export const dashboardQuery = defineSchema<{ 'tu-ngay'?: string; 'den-ngay'?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { 'tu-ngay': DATE, 'den-ngay': DATE },
});

export const questionIdParams = defineSchema<{ id: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 36 } },
});

const count = { type: 'integer', minimum: 0 } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const unitRef = { type: 'object', additionalProperties: false, required: ['id', 'slug', 'name'], properties: { id: { type: 'string' }, slug: { type: 'string' }, name: { type: 'string' } } } as const;

const figureProperties = {
  received: { ...count, description: 'Turns that began in the period: forwarded or transferred to the agency.' },
  answered: count,
  answeredOnTime: count,
  answeredLate: count,
  overdue: { ...count, description: 'Still with the agency and past the due date today (a pause never counts).' },
  open: count,
  paused: { ...count, description: 'Waiting for the citizen today.' },
  transferred: count,
  returned: count,
  progressReported: { ...count, description: 'Turns where the agency reported progress with a stated answer date (QA-03).' },
  progressReportedOnTime: { ...count, description: 'Of them, reported by the first due date: the first-response clock was met.' },
  onTimeRate: { ...nullableNumber, description: 'Answered on time ÷ answered, 0–1; null with no answers.' },
  medianWorkingDays: { ...nullableNumber, description: 'Median working days to answer, pauses left out.' },
  ratings: { type: 'object', additionalProperties: false, required: ['count', 'average'], properties: { count, average: nullableNumber } },
} as const;
const FIGURES = ['received', 'answered', 'answeredOnTime', 'answeredLate', 'overdue', 'open', 'paused', 'transferred', 'returned', 'progressReported', 'progressReportedOnTime', 'onTimeRate', 'medianWorkingDays', 'ratings'] as const;

/** One row of the statistics by field or commune: the agencies' turns on the questions of that field or commune. */
const groupFigures = {
  type: 'object',
  additionalProperties: false,
  required: ['group', ...FIGURES],
  properties: {
    group: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'nameEn'],
      properties: { id: { type: ['string', 'null'] }, name: { type: ['string', 'null'] }, nameEn: { type: ['string', 'null'] } },
      description: 'The field (`id` its code) or the commune (`id` its unit id); `id` null for the questions that name no commune.',
    },
    ...figureProperties,
  },
} as const;

const agencyFigures = {
  type: 'object',
  additionalProperties: false,
  required: ['agency', ...FIGURES],
  properties: { agency: unitRef, ...figureProperties },
} as const;

/** Statistics of a province (the board, the public dashboard) or of one agency. */
export const statisticsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['province', 'period', 'today', 'board', 'totals', 'agencies'],
  properties: {
    province: unitRef,
    period: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: DATE, to: DATE } },
    today: DATE,
    board: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['received', 'forwarded', 'declined', 'triagedOnTime', 'triagedLate', 'overdue'],
          properties: { received: count, forwarded: count, declined: count, triagedOnTime: count, triagedLate: count, overdue: count },
        },
      ],
      description: 'The board’s triage (QA-02); null in an agency’s own statistics.',
    },
    totals: {
      type: 'object',
      additionalProperties: false,
      required: ['received', 'answered', 'answeredOnTime', 'answeredLate', 'overdue', 'onTimeRate', 'medianWorkingDays'],
      properties: { received: count, answered: count, answeredOnTime: count, answeredLate: count, overdue: count, onTimeRate: nullableNumber, medianWorkingDays: nullableNumber },
    },
    agencies: { type: 'array', items: agencyFigures, description: 'The league table: best on-time rate first. Empty when grouped by field or commune.' },
    groupBy: { enum: ['agency', 'field', 'commune'], description: 'What the rows are listed by.' },
    groups: { type: 'array', items: groupFigures, description: 'With `groupBy` `field` or `commune`: one row per field or commune, most questions first.' },
  },
} as const;

export const clocksSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['hop', 'kind', 'unit', 'startedAt', 'limitDays', 'rule', 'dueOn', 'remindOn', 'pausedDays', 'pausedSince', 'endedAt', 'outcome', 'workingDays', 'state', 'firstDueOn', 'progressReportedAt', 'progressReportedOnTime'],
        properties: {
          hop: { type: 'integer' },
          kind: { enum: ['board', 'agency'] },
          unit: { anyOf: [unitRef, { type: 'null' }] },
          startedAt: { type: 'string', format: 'date-time' },
          limitDays: { type: 'integer' },
          rule: { type: 'string' },
          dueOn: DATE,
          remindOn: DATE,
          pausedDays: { type: 'integer' },
          pausedSince: { type: ['string', 'null'], format: 'date-time' },
          endedAt: { type: ['string', 'null'], format: 'date-time' },
          outcome: { enum: ['forwarded', 'declined', 'answered', 'transferred', 'returned', null] },
          workingDays: { type: ['integer', 'null'] },
          state: { enum: ['on-time', 'due-soon', 'overdue', 'paused', 'met', 'met-late'] },
          firstDueOn: { anyOf: [DATE, { type: 'null' }], description: 'The due date before a progress report moved it to the stated answer date (QA-03).' },
          progressReportedAt: { type: ['string', 'null'], format: 'date-time', description: 'When the agency first reported progress in this hop.' },
          progressReportedOnTime: { type: ['boolean', 'null'], description: 'Whether that report was made by `firstDueOn`: the first-response clock was met.' },
        },
      },
    },
  },
} as const;

export const sweepSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['computed', 'reminders', 'escalations'],
  properties: { computed: count, reminders: count, escalations: count },
} as const;
