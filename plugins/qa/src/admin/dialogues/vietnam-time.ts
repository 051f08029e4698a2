// The dialogue form's times: `<input type="datetime-local">` in Vietnam time (UTC+7, no daylight
// saving), whatever the browser's zone, since the events take place in the province.
const OFFSET_MS = 7 * 3_600_000;

/** An instant of the API (`2026-12-01T02:00:00.000Z`) as the input's value in Vietnam time (`2026-12-01T09:00`). */
export function toVietnamInput(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16);
}

/** The input's value read in Vietnam time, as an ISO instant; undefined when empty or not a time. */
export function fromVietnamInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
