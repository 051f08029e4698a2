/** Vietnam is UTC+7 all year (no daylight saving): a fixed offset is exact. */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Vietnam (`YYYY-MM-DD`) of an instant. */
export function vietnamDate(at: number | Date): string {
  return new Date(Number(at) + OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in Vietnam of an instant: the register numbers restart with it. */
export function vietnamYear(at: number): number {
  return Number(vietnamDate(at).slice(0, 4));
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  const base = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

export const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();
export const isoOrNull = (ms: number | string | null): string | null => (ms === null ? null : iso(ms));
