// iCalendar (RFC 5545) output for the public pages: one event per consultation's comment period or
// dialogue, and feeds of several. Only what those need: VCALENDAR with VEVENTs, times in UTC.
import { respond, type RouteResponse } from '@cong/sdk';

/** One event as the pages describe it; every text is plain (escaped here). */
export interface CalendarEvent {
  /** Stable for the life of the object, so a calendar that imported it updates it instead of adding a copy. */
  readonly uid: string;
  readonly start: number;
  readonly end: number;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  /** The event's public page. */
  readonly url?: string;
  /** When the object last changed (epoch ms): LAST-MODIFIED, and DTSTAMP (no METHOD, RFC 5545 §3.8.7.2). */
  readonly lastModified: number;
  readonly status?: 'CONFIRMED' | 'CANCELLED';
}

export interface CalendarOptions {
  /** The calendar's name (RFC 7986 NAME, and X-WR-CALNAME that older clients read). */
  readonly name?: string;
}


const PRODID = '-//Cong//Hoi dap va gop y//VI';
const MAX_OCTETS = 75;

/** A control character TEXT may not hold (RFC 5545 §3.3.11 allows HTAB; line breaks are escaped first). */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return [...escaped].filter((char) => !isControl(char)).join('');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF and one space before each continuation,
 * never inside a UTF-8 sequence (a code point is kept whole, so a 4-byte emoji is never split).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** A UTC DATE-TIME (`20261201T020000Z`). */
export function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The answer of a `.ics` route: `text/calendar` in UTF-8, offered as a file named `fileName`. Public
 * data, but `no-cache`: a changed date or a cancellation reaches the next fetch.
 */
export function calendarResponse(body: string, fileName: string): RouteResponse {
  return respond(200, body, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
    'cache-control': 'no-cache',
  });
}

/** The VCALENDAR text: CRLF line ends, folded lines, escaped texts. */
export function renderCalendar(events: readonly CalendarEvent[], options: CalendarOptions = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (options.name) lines.push(`NAME:${escapeText(options.name)}`, `X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${utcDateTime(event.lastModified)}`,
      `LAST-MODIFIED:${utcDateTime(event.lastModified)}`,
      `DTSTART:${utcDateTime(event.start)}`,
      `DTEND:${utcDateTime(Math.max(event.end, event.start))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    // URL is a URI value, not TEXT: no escaping, but no line breaks either.
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
