import type { CalendarEvent } from '../calendar/icalendar.js';
import { vnDate } from './acceptance-report.js';
import type { ConsultationRow } from './consultation-database.js';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** A long summary is cut in the calendar: the page has the whole text. */
const SUMMARY_LIMIT = 1000;

/** 00:00 of a Vietnam calendar day (`YYYY-MM-DD`), as epoch milliseconds. */
function vietnamMidnight(day: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + plusDays) - VIETNAM_OFFSET_MS;
}

/**
 * A consultation's comment period as a calendar event: from 00:00 of the opening day to the end of
 * the closing day, Vietnam time (the phase rule of consultation-phase.ts). The UID is the
 * consultation's id, so a calendar that imported it updates it when the days move (LAST-MODIFIED).
 */
export function consultationEvent(row: ConsultationRow, unitName: string, url: string): CalendarEvent {
  const summary = [...row.summary];
  const about = summary.length > SUMMARY_LIMIT ? `${summary.slice(0, SUMMARY_LIMIT).join('')}…` : row.summary;
  const description = [
    `${unitName} lấy ý kiến dự thảo từ ngày ${vnDate(row.opens_on)} đến hết ngày ${vnDate(row.closes_on)}.`,
    `Hạn góp ý (closing date): ${vnDate(row.closes_on)}.`,
    ...(about ? ['', about] : []),
    '',
    `Góp ý tại (comment at): ${url}`,
  ].join('\n');
  return {
    uid: `consultation-${row.id}@cong-qa`,
    start: vietnamMidnight(row.opens_on),
    end: vietnamMidnight(row.closes_on, 1),
    summary: `Lấy ý kiến dự thảo: ${row.title}`,
    description,
    url,
    lastModified: row.updated_at,
  };
}
