import type { Kysely } from 'kysely';
import { InputError, type CalendarDate, type CalendarDay, type CalendarService } from '@cong/sdk';
import type { Database } from '../db/create-database.js';

/** Options of {@link DefaultCalendarService}. */
export interface DefaultCalendarServiceOptions {
  /** The platform database; special days live in `core_calendar_days`. */
  readonly db: Database;
  /**
   * How long one year's special days stay cached. Default is 5 minutes: edits made through this
   * instance apply at once (they invalidate the cache), and this bounds how long another process keeps
   * using the data it read before an admin's edit. `Infinity` keeps a year until {@link
   * DefaultCalendarService.invalidate}.
   */
  readonly cacheTtlMs?: number;
  /** The clock, in epoch milliseconds, for cache expiry. Default is `Date.now`. */
  readonly now?: () => number;
}

/** A special day as an admin writes it: who made the change is recorded with it. */
export type CalendarDayInput = CalendarDay & { readonly updatedBy: string };

interface CalendarDaysTable {
  date: string;
  kind: CalendarDay['kind'];
  name_vi: string;
  name_en: string | null;
  citation: string | null;
  updated_at: number;
  updated_by: string;
}

interface CalendarDb {
  core_calendar_days: CalendarDaysTable;
}

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year: no daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates outside these years are refused: no legal deadline needs them, and it bounds every loop. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
/**
 * `addWorkingDays` refuses larger counts: 3660 working days is about 14 years, far beyond any legal
 * deadline, and keeps one call to a few thousand steps whatever a request asks for.
 */
const MAX_WORKING_DAYS = 3660;
/**
 * The longest stretch of calendar days one call walks (about 20 years): the range of
 * `workingDaysBetween`, and the search of `addWorkingDays`, which ends even if edited data left no
 * working day.
 */
const MAX_SPAN_DAYS = 7320;
const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
const KINDS: ReadonlySet<string> = new Set(['holiday', 'day-off', 'working-day']);
/** Lengths of the columns in the migration. */
const MAX_NAME_CHARS = 255;
const MAX_CITATION_CHARS = 500;
const MAX_UPDATED_BY_CHARS = 255;

/**
 * The days since 1970-01-01 of a calendar date (`YYYY-MM-DD`) or of the Vietnam calendar date of an
 * instant (UTC+7: `2026-02-13T23:30Z` is the 14th). Throws `InputError` for a malformed or impossible
 * date (`2024-02-30`), an invalid `Date`, or a year outside 1900–2999. `field` names the argument in
 * the message.
 */
export function toDayNumber(value: CalendarDate | Date, field = 'date'): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new InputError(`${field} is an invalid Date`);
    const day = Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
    checkYear(yearOf(day), field, value.toISOString());
    return day;
  }
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (match === null) throw new InputError(`${field} must be a date written YYYY-MM-DD, got ${describe(value)}`);
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  checkYear(year, field, value);
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const check = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a date that does not come back unchanged does not exist.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
    throw new InputError(`${field} ${value} is not a date of the calendar`);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` form of a day number (days since 1970-01-01). */
export function fromDayNumber(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A checked `YYYY-MM-DD`: the date itself, or the Vietnam calendar date of a `Date`. See {@link toDayNumber}. */
export function toCalendarDate(value: CalendarDate | Date, field = 'date'): CalendarDate {
  return fromDayNumber(toDayNumber(value, field));
}

/** Today in Vietnam, `YYYY-MM-DD`, for the instant `nowMs` (default now). */
export function todayInVietnam(nowMs: number = Date.now()): CalendarDate {
  return fromDayNumber(Math.floor((nowMs + VIETNAM_OFFSET_MS) / DAY_MS));
}

/**
 * The default {@link CalendarService}: the working days of Vietnamese public administration. Saturday
 * and Sunday are days off; the rows of `core_calendar_days` change that: a `working-day` row makes a
 * weekend day worked (làm bù), a `holiday` or `day-off` row takes a weekday off (public holidays of
 * Bộ luật Lao động 2019 Art. 112, compensatory days, swapped days). The table is seeded with 2025–2027
 * and edited by admins through {@link setDay} and {@link removeDay}; a year with no rows is plain
 * Monday–Friday, so years nobody entered yet count every weekday (admins must add each year's Tết).
 *
 * Dates are Vietnam calendar dates; a `Date` is read in UTC+7. Each year's rows are read once and
 * cached for `cacheTtlMs` (default 5 minutes); {@link invalidate} drops the cache, and this instance's
 * edits do so themselves. Arithmetic is bounded: `addWorkingDays` takes at most ±3660 days and no call
 * walks more than 7320 calendar days (about 20 years), so no request can keep a process busy; beyond
 * that, and for malformed dates, the methods throw `InputError` (`CONG_ERR_VALIDATION`).
 */
export class DefaultCalendarService implements CalendarService {
  readonly #kysely: Kysely<CalendarDb>;
  readonly #dialect: Database['dialect'];
  readonly #cacheTtlMs: number;
  readonly #now: () => number;
  readonly #years = new Map<number, { readonly loadedAt: number; readonly days: Promise<ReadonlyMap<CalendarDate, CalendarDay>> }>();

  constructor(options: DefaultCalendarServiceOptions) {
    this.#kysely = options.db.kysely as Kysely<CalendarDb>;
    this.#dialect = options.db.dialect;
    this.#cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    if (!(this.#cacheTtlMs >= 0)) throw new RangeError(`DefaultCalendarService option cacheTtlMs must be 0 or more, got ${this.#cacheTtlMs}`);
    this.#now = options.now ?? Date.now;
  }

  async isWorkingDay(date: CalendarDate | Date): Promise<boolean> {
    const day = toDayNumber(date, 'date');
    return isWorking(day, await this.#year(yearOf(day)));
  }

  /**
   * The date `days` working days after `from` (`from` itself is not counted, and need not be a working
   * day; negative counts go back; 0 returns `from`). `days` must be a whole number within ±3660.
   */
  async addWorkingDays(from: CalendarDate | Date, days: number): Promise<CalendarDate> {
    if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS) {
      throw new InputError(`days must be a whole number from -${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}, got ${describe(days)}`);
    }
    const start = toDayNumber(from, 'from');
    let day = start;
    const step = days < 0 ? -1 : 1;
    let remaining = Math.abs(days);
    let year = Number.NaN;
    let special: ReadonlyMap<CalendarDate, CalendarDay> = new Map();
    for (let walked = 0; remaining > 0; walked++) {
      if (walked === MAX_SPAN_DAYS) {
        throw new InputError(`${days} working days from ${fromDayNumber(start)} reach beyond ${MAX_SPAN_DAYS} calendar days`);
      }
      day += step;
      const y = yearOf(day);
      if (y !== year) {
        year = y;
        special = await this.#year(y);
      }
      if (isWorking(day, special)) remaining--;
    }
    return fromDayNumber(day);
  }

  /** Working days in the half-open range (`from`, `to`]: 0 when `to` ≤ `from`. The range may span at most 7320 days. */
  async workingDaysBetween(from: CalendarDate | Date, to: CalendarDate | Date): Promise<number> {
    const start = toDayNumber(from, 'from');
    const end = toDayNumber(to, 'to');
    if (end <= start) return 0;
    if (end - start > MAX_SPAN_DAYS) {
      throw new InputError(`from ${fromDayNumber(start)} to ${fromDayNumber(end)} spans more than ${MAX_SPAN_DAYS} days`);
    }
    let count = 0;
    let year = Number.NaN;
    let special: ReadonlyMap<CalendarDate, CalendarDay> = new Map();
    for (let day = start + 1; day <= end; day++) {
      const y = yearOf(day);
      if (y !== year) {
        year = y;
        special = await this.#year(y);
      }
      if (isWorking(day, special)) count++;
    }
    return count;
  }

  /** The special days of `year` (1900–2999), in date order. */
  async specialDays(year: number): Promise<readonly CalendarDay[]> {
    if (!Number.isInteger(year)) throw new InputError(`year must be a whole number, got ${describe(year)}`);
    checkYear(year, 'year', String(year));
    return [...(await this.#year(year)).values()];
  }

  /**
   * Admin: adds or replaces the special day on `day.date`. A `working-day` must be a Saturday or Sunday
   * (a weekday is worked anyway, so such a row is a mistake); `name.vi` is required. Throws `InputError`.
   */
  async setDay(day: CalendarDayInput): Promise<void> {
    const date = toCalendarDate(day.date, 'date');
    if (!KINDS.has(day.kind)) throw new InputError(`kind must be holiday, day-off or working-day, got ${describe(day.kind)}`);
    if (day.kind === 'working-day' && !isWeekend(toDayNumber(date))) {
      throw new InputError(`${date} is a weekday; only a Saturday or Sunday can be made a working day`);
    }
    const nameVi = checkText(day.name?.vi, 'name.vi', MAX_NAME_CHARS, true);
    const nameEn = checkText(day.name?.en, 'name.en', MAX_NAME_CHARS, false);
    const citation = checkText(day.citation, 'citation', MAX_CITATION_CHARS, false);
    const updatedBy = checkText(day.updatedBy, 'updatedBy', MAX_UPDATED_BY_CHARS, true);
    const row: CalendarDaysTable = {
      date,
      kind: day.kind,
      name_vi: nameVi!,
      name_en: nameEn,
      citation,
      updated_at: this.#now(),
      updated_by: updatedBy!,
    };
    const { date: _key, ...changes } = row;
    const insert = this.#kysely.insertInto('core_calendar_days').values(row);
    await (this.#dialect === 'mysql'
      ? insert.onDuplicateKeyUpdate(changes)
      : insert.onConflict((oc) => oc.column('date').doUpdateSet(changes))
    ).execute();
    this.invalidate(yearOf(toDayNumber(date)));
  }

  /** Admin: removes the special day on `date`, which becomes an ordinary day again. True when there was one. */
  async removeDay(date: CalendarDate): Promise<boolean> {
    const key = toCalendarDate(date, 'date');
    const result = await this.#kysely.deleteFrom('core_calendar_days').where('date', '=', key).executeTakeFirst();
    this.invalidate(yearOf(toDayNumber(key)));
    return result.numDeletedRows > 0n;
  }

  /**
   * Drops the cached special days of `year`, or of every year, so the next call reads the table again.
   * Call it after writing `core_calendar_days` by other means (another process's edit is otherwise seen
   * after `cacheTtlMs`).
   */
  invalidate(year?: number): void {
    if (year === undefined) this.#years.clear();
    else this.#years.delete(year);
  }

  /** The special days of one year, keyed by date, from the cache or the table. */
  #year(year: number): Promise<ReadonlyMap<CalendarDate, CalendarDay>> {
    const now = this.#now();
    const cached = this.#years.get(year);
    if (cached !== undefined && now - cached.loadedAt < this.#cacheTtlMs) return cached.days;
    const entry = { loadedAt: now, days: this.#load(year) };
    this.#years.set(year, entry);
    // A failed read is not cached: the next call tries again.
    entry.days.catch(() => {
      if (this.#years.get(year) === entry) this.#years.delete(year);
    });
    return entry.days;
  }

  async #load(year: number): Promise<ReadonlyMap<CalendarDate, CalendarDay>> {
    const rows = await this.#kysely
      .selectFrom('core_calendar_days')
      .select(['date', 'kind', 'name_vi', 'name_en', 'citation'])
      .where('date', '>=', `${pad4(year)}-01-01`)
      .where('date', '<=', `${pad4(year)}-12-31`)
      .orderBy('date')
      .execute();
    const days = new Map<CalendarDate, CalendarDay>();
    for (const row of rows) {
      days.set(
        row.date,
        Object.freeze({
          date: row.date,
          kind: row.kind,
          name: Object.freeze(row.name_en === null ? { vi: row.name_vi } : { vi: row.name_vi, en: row.name_en }),
          ...(row.citation === null ? {} : { citation: row.citation }),
        }),
      );
    }
    return days;
  }
}

function isWorking(day: number, special: ReadonlyMap<CalendarDate, CalendarDay>): boolean {
  const row = special.get(fromDayNumber(day));
  if (row !== undefined) return row.kind === 'working-day';
  return !isWeekend(day);
}

/** Saturday or Sunday. 1970-01-01, day 0, was a Thursday. */
function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function checkYear(year: number, field: string, shown: string): void {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new InputError(`${field} ${shown} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
}

function checkText(value: unknown, field: string, maxChars: number, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw new InputError(`${field} is required`);
    return null;
  }
  if (typeof value !== 'string') throw new InputError(`${field} must be a string`);
  const text = value.normalize('NFC').trim();
  if (text.length === 0 && required) throw new InputError(`${field} is required`);
  if (text.length > maxChars) throw new InputError(`${field} is longer than ${maxChars} characters`);
  return text.length === 0 ? null : text;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
}
