/** Vietnam has one time zone, UTC+7, and no daylight saving. */
const OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Vietnam at `at`, `YYYY-MM-DD`: deadlines and reminders count Vietnamese days. */
export function vietnamDate(at: number = Date.now()): string {
  return new Date(at + OFFSET_MS).toISOString().slice(0, 10);
}
