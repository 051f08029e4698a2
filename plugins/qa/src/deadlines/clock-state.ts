import type { ClockRow } from './deadline-database.js';

/**
 * Where a hop's clock stands on `today` (a Vietnam date): `met` / `met-late` once the hop ended,
 * `paused` while the agency waits for the citizen (osTicket#1684: a silent citizen never makes the
 * agency late), else `overdue` after the due date, `due-soon` from the reminder day, `on-time`.
 */
export type ClockState = 'on-time' | 'due-soon' | 'overdue' | 'paused' | 'met' | 'met-late';

export function clockState(row: Pick<ClockRow, 'ended_at' | 'on_time' | 'paused_at' | 'due_on' | 'remind_on'>, today: string): ClockState {
  if (row.ended_at !== null) return row.on_time === 1 ? 'met' : 'met-late';
  if (row.paused_at !== null) return 'paused';
  if (today > row.due_on) return 'overdue';
  if (today >= row.remind_on) return 'due-soon';
  return 'on-time';
}
