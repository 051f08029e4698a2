/** Vietnam is UTC+7 all year (no daylight saving). */
const OFFSET_MS = 7 * 3_600_000;

/** The Vietnam calendar date (`YYYY-MM-DD`) of an instant in epoch ms. */
export function vietnamDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant (epoch ms) of a Vietnam calendar date. */
export function startOfVietnamDay(date: string): number {
  return Date.parse(`${date}T00:00:00+07:00`);
}
