// Vietnam's calendar as the portal counts days and months: one time zone, UTC+7, no daylight saving.
// Deadlines, validity statuses, weeks of the work schedule and royalty periods all use these.

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam at `at` (epoch ms, default now), `YYYY-MM-DD`. */
export function vietnamDate(at: number = Date.now()): string {
  return new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month in Vietnam at `at`, `YYYY-MM`. */
export function vietnamMonth(at: number = Date.now()): string {
  return vietnamDate(at).slice(0, 7);
}
