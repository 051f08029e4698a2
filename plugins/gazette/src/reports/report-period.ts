import { InputError } from '@cong/sdk';

/** Vietnam is UTC+7 all year: the instant a Vietnamese calendar day starts. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;
/** Ten years: a report over a longer period is a mistake, and a heavy one. */
const MAX_DAYS = 3660;

/** The period a report covers: whole Vietnamese days, both ends included, and the instants that bound them. */
export interface ReportPeriod {
  readonly year: number;
  readonly from: string;
  readonly to: string;
  /** Epoch ms of `from` 00:00 in Vietnam. */
  readonly startMs: number;
  /** Epoch ms of the day after `to`, 00:00 in Vietnam (excluded). */
  readonly endMs: number;
}

function dayStart(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March: a date that does not print back the same is not a date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return undefined;
  return ms - VIETNAM_OFFSET_MS;
}

function invalid(field: 'from' | 'to', message: string): InputError {
  return new InputError(`${field} ${message}`, { errors: [{ in: 'query', pointer: `/${field}`, message, keyword: 'format' }] });
}

/**
 * The period of `year`, or `from`…`to` when given (either may be left out: it then defaults to the
 * year's first or last day). 400 naming the field for a day that does not exist, a range that ends
 * before it starts, or one longer than ten years.
 */
export function reportPeriod(year: number, from?: string, to?: string): ReportPeriod {
  const first = from ?? `${year}-01-01`;
  const last = to ?? `${year}-12-31`;
  const startMs = dayStart(first);
  if (startMs === undefined) throw invalid('from', 'is not a calendar date');
  const lastMs = dayStart(last);
  if (lastMs === undefined) throw invalid('to', 'is not a calendar date');
  if (lastMs < startMs) throw invalid('to', 'is before from');
  if ((lastMs - startMs) / DAY_MS > MAX_DAYS) throw invalid('to', `makes a period longer than ${MAX_DAYS} days`);
  return { year, from: first, to: last, startMs, endMs: lastMs + DAY_MS };
}
