import type { LocalizedText } from '../http/route.js';

/** A calendar date in Vietnam, `YYYY-MM-DD` (Asia/Ho_Chi_Minh; there is no daylight saving). */
export type CalendarDate = string;

/**
 * A day that differs from the plain Monday–Friday week: a public holiday, a compensatory day off
 * (nghỉ bù), or a weekend day made a working day (làm bù) by a government decision.
 */
export interface CalendarDay {
  readonly date: CalendarDate;
  readonly kind: 'holiday' | 'day-off' | 'working-day';
  readonly name: LocalizedText;
  /** The decision that set it, e.g. `Thông báo 6150/TB-LĐTBXH`. */
  readonly citation?: string;
}

/**
 * Working days for legal deadlines (Bộ luật Lao động 2019 Art. 112 holidays; yearly decisions on Tết,
 * compensatory days and make-up Saturdays). The data is per year and editable by admins.
 */
export interface CalendarService {
  isWorkingDay(date: CalendarDate | Date): Promise<boolean>;
  /**
   * The date `days` working days after `from` (`from` itself is not counted; negative counts go back).
   * `addWorkingDays('2026-02-13', 1)` is the first working day after the Tết break.
   */
  addWorkingDays(from: CalendarDate | Date, days: number): Promise<CalendarDate>;
  /** Working days in the half-open range (`from`, `to`]: 0 when `to` ≤ `from`. */
  workingDaysBetween(from: CalendarDate | Date, to: CalendarDate | Date): Promise<number>;
  /** The special days of a year, in date order. */
  specialDays(year: number): Promise<readonly CalendarDay[]>;
}
