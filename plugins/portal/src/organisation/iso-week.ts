/**
 * ISO 8601 weeks (`2026-W48`: Monday to Sunday, week 1 holds the year's first Thursday) over calendar
 * dates (`YYYY-MM-DD`), the way the work schedule (lịch công tác) is published. Dates are calendar
 * days with no time zone; "today" is taken in Vietnam time.
 */
const DAY = 86_400_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Monday of week 1: the week holding 4 January. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}

/** The ISO week a calendar date falls in. */
export function isoWeekOf(date: string): string {
  const ms = msOf(date);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - firstMonday(year)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The seven dates (Monday first) of a week, or undefined for a malformed or non-existent week (2026-W54). */
export function weekDates(week: string): string[] | undefined {
  const m = WEEK_PATTERN.exec(week);
  if (!m) return undefined;
  const monday = firstMonday(Number(m[1])) + (Number(m[2]) - 1) * 7 * DAY;
  if (Number(m[2]) < 1 || isoWeekOf(dateOf(monday)) !== week) return undefined;
  return Array.from({ length: 7 }, (_, i) => dateOf(monday + i * DAY));
}

/** The week `delta` weeks away. */
export function shiftWeek(week: string, delta: number): string {
  const dates = weekDates(week);
  if (!dates) throw new RangeError(`Not an ISO week: ${week}`);
  return isoWeekOf(dateOf(msOf(dates[0]!) + delta * 7 * DAY));
}


export const WEEK_SCHEMA_PATTERN = '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$';
