import type { CalendarEvent } from '../calendar/icalendar.js';
import type { DialogueRow, GuestRow } from './dialogue-database.js';

/** A long description is cut in the calendar: the page has the whole text. */
const DESCRIPTION_LIMIT = 1000;

/**
 * A dialogue as a calendar event: the announced schedule, the livestream as its place (it is an
 * online event) and in the text, the guests when known. A cancelled event stays in the feed with
 * STATUS:CANCELLED, so a calendar that imported it learns it; the UID is the dialogue's id.
 */
export function dialogueEvent(row: DialogueRow, unitName: string, url: string, guests: readonly GuestRow[] = []): CalendarEvent {
  const chars = [...row.description];
  const about = chars.length > DESCRIPTION_LIMIT ? `${chars.slice(0, DESCRIPTION_LIMIT).join('')}…` : row.description;
  const description = [
    `Giao lưu, đối thoại trực tuyến (online dialogue) — ${unitName}`,
    ...(row.status === 'cancelled' ? [`Đã hủy (cancelled): ${row.cancel_reason ?? ''}`.trim()] : []),
    ...(guests.length > 0 ? ['', 'Khách mời (guests):', ...guests.map((g) => `- ${[g.name, g.title, g.unit_name].filter(Boolean).join(', ')}`)] : []),
    ...(about ? ['', about] : []),
    ...(row.livestream_url ? ['', `Xem trực tiếp (livestream): ${row.livestream_url}`] : []),
    '',
    `Gửi câu hỏi, xem trả lời (ask, read the answers): ${url}`,
  ].join('\n');
  return {
    uid: `dialogue-${row.id}@cong-qa`,
    start: row.starts_at,
    end: row.ends_at,
    summary: `Đối thoại trực tuyến: ${row.title}`,
    description,
    ...(row.livestream_url ? { location: row.livestream_url } : {}),
    url,
    lastModified: row.updated_at,
    status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  };
}
