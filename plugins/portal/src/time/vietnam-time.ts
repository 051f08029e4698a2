// Vietnam's calendar as the portal counts days and months: one time zone, UTC+7, no daylight saving.
// Deadlines, validity statuses, weeks of the work schedule and royalty periods all use these.

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam at `at` (epoch ms, default now), `YYYY-MM-DD`. */
export function vietnamDate(at: number = Date.now()): string {
  // Every cached page's key holds today's date: the last day is kept rather than formatted per request.
  if (at >= lastDay.from && at < lastDay.from + DAY_MS) return lastDay.date;
  const local = at + VIETNAM_OFFSET_MS;
  lastDay = { from: local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - VIETNAM_OFFSET_MS, date: new Date(local).toISOString().slice(0, 10) };
  return lastDay.date;
}

const DAY_MS = 86_400_000;
let lastDay = { from: Number.NaN, date: '' };

/** The month in Vietnam at `at`, `YYYY-MM`. */
export function vietnamMonth(at: number = Date.now()): string {
  return vietnamDate(at).slice(0, 7);
}
